//! Rows out and back in: an import that is refused or whose check fails (or panics)
//! leaves the database empty and usable.

use saleguard_core::fixtures::native_sale_draft;
use saleguard_core::sale::SaleTerms;
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_store::{DATA_TABLES, ImportError, RowFailure, Store};

fn at(text: &str) -> UtcTimestamp {
    UtcTimestamp::parse(text).expect("a time")
}

fn refuse(_: &Store) -> Result<(), Vec<RowFailure>> {
    Err(vec![RowFailure {
        table: "sales",
        index: None,
        message: "not today".into(),
    }])
}

#[test]
fn a_failed_or_panicking_check_rolls_the_import_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut source = Store::open(&dir.path().join("source.sqlite3")).expect("open");
    for name in ["Aurora", "Borealis"] {
        source
            .insert_sale(
                &SaleTerms::from_draft(&native_sale_draft(name)).expect("terms"),
                at("2026-11-01 10:00"),
            )
            .expect("sale");
    }
    let tables = source.export_rows().expect("rows");
    assert_eq!(
        tables.iter().map(|t| t.shape.name).collect::<Vec<_>>(),
        DATA_TABLES
    );

    let mut target = Store::open(&dir.path().join("target.sqlite3")).expect("open");
    let refused = target.import_rows(&tables, refuse).expect_err("refused");
    assert!(matches!(refused, ImportError::Refused(_)));
    assert_eq!(target.filled_tables().expect("count"), Vec::new());

    let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        target.import_rows(&tables, |_| panic!("a bug in the check"))
    }));
    assert!(panicked.is_err());
    assert_eq!(target.filled_tables().expect("count"), Vec::new());

    target.import_rows(&tables, |_| Ok(())).expect("imported");
    assert_eq!(target.filled_tables().expect("count"), vec![("sales", 2)]);
    assert_eq!(target.export_rows().expect("rows"), tables);
    assert!(matches!(
        target.import_rows(&tables, |_| Ok(())),
        Err(ImportError::NotEmpty(filled)) if filled == vec![("sales", 2)]
    ));
}

#[test]
fn rows_the_schema_refuses_are_all_reported_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut source = Store::open(&dir.path().join("source.sqlite3")).expect("open");
    source
        .insert_sale(
            &SaleTerms::from_draft(&native_sale_draft("Aurora")).expect("terms"),
            at("2026-11-01 10:00"),
        )
        .expect("sale");
    let mut tables = source.export_rows().expect("rows");
    let sales = &mut tables[0];
    let name = sales
        .shape
        .columns
        .iter()
        .position(|c| c.name == "chain_id")
        .expect("chain_id");
    let mut twin = sales.rows[0].clone();
    twin[0] = saleguard_store::Cell::Integer(2);
    twin[name] = saleguard_store::Cell::Integer(-5);
    sales.rows.push(twin.clone());
    twin[0] = saleguard_store::Cell::Integer(3);
    sales.rows.push(twin);

    let mut target = Store::open(&dir.path().join("target.sqlite3")).expect("open");
    let Err(ImportError::Refused(failures)) = target.import_rows(&tables, |_| Ok(())) else {
        panic!("refused");
    };
    assert_eq!(
        failures
            .iter()
            .map(|f| (f.table, f.index))
            .collect::<Vec<_>>(),
        vec![("sales", Some(1)), ("sales", Some(2))]
    );
    assert_eq!(target.filled_tables().expect("count"), Vec::new());
}
