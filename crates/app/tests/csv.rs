//! CSV export and import over a real SQLite file: round trips, bad rows with their row
//! numbers, encodings, byte-order marks, quoted commas, and 100,000 rows with progress and
//! cancellation — all or nothing.

use crate::common;

use common::{OWN, add_price, app, entries_of, prepared};
use saleguard_app::dto::PageInput;
use saleguard_app::io::csv::{CsvExportKind, CsvProgress, TRANSACTION_COLUMNS};
use saleguard_app::participations::entries::EntryInput;
use saleguard_app::participations::{ParticipationState, StartParticipation};
use saleguard_app::portfolio::trades::TradeInput;
use saleguard_app::portfolio::trades::TradeQuery;
use saleguard_app::{ErrorCode, Saleguard};
use saleguard_core::fixtures::native_sale_draft;

const HEADER: &str = "date_utc,type,asset,decimals,amount,counter_asset,counter_amount,fee_asset,fee_amount,account,to_account,reference,note,sale,fiat_value,fiat_currency";

/// A sale "Aurora" with a participation and an ETH price, and nothing recorded.
fn bare(dir: &std::path::Path) -> Saleguard {
    let app = app(dir);
    let sale = app
        .create_sale(native_sale_draft("Aurora"))
        .expect("sale")
        .id;
    app.start_participation(&StartParticipation {
        sale_id: sale,
        state: ParticipationState::KycPending,
        happened_at: "2026-11-20 10:00".into(),
        note: String::new(),
    })
    .expect("participation");
    add_price(&app, "ETH", "USD", "3000", "2026-12-01 09:00");
    app
}

fn text_of(app: &Saleguard, kind: CsvExportKind) -> String {
    String::from_utf8(app.export_csv(kind).expect("exported").0).expect("UTF-8")
}

fn no_progress(_: CsvProgress) -> bool {
    true
}

#[test]
fn an_export_imports_back_as_it_was() {
    let source = tempfile::tempdir().expect("temp dir");
    let (app, _, _) = prepared(source.path());
    let participation = app.list_participations().expect("list")[0].id;
    app.record_entry(
        participation,
        &EntryInput {
            kind: "distribution".into(),
            happened_at: "2026-12-03 10:00".into(),
            asset: "AUR".into(),
            decimals: "18".into(),
            amount: "1000.5".into(),
            reference: String::new(),
            from: String::new(),
            to: OWN.into(),
            note: "TGE, \"first\" tranche".into(),
        },
    )
    .expect("distribution");
    app.record_trade(&TradeInput {
        kind: "sell".into(),
        happened_at: "2026-12-04 10:00".into(),
        asset: "AUR".into(),
        decimals: "18".into(),
        amount: "400".into(),
        counter_asset: "USD".into(),
        counter_amount: "2000.50".into(),
        fee_asset: "USD".into(),
        fee_amount: "1.25".into(),
        account: "Kraken, main".into(),
        note: "line one\nline two".into(),
        ..TradeInput::default()
    })
    .expect("trade");
    let exported = text_of(&app, CsvExportKind::Transactions);
    let lines: Vec<&str> = exported.lines().collect();
    assert_eq!(lines[0], HEADER);
    assert_eq!(HEADER.split(',').collect::<Vec<_>>(), TRANSACTION_COLUMNS);
    assert!(
        lines[1].starts_with("2026-12-02T10:00:00Z,contribution,ETH,18,1,,,,,"),
        "{}",
        lines[1]
    );
    assert!(lines[1].ends_with(",Aurora,3000,USD"), "{}", lines[1]);
    assert!(
        exported.contains("\"TGE, \"\"first\"\" tranche\""),
        "{exported}"
    );
    assert!(
        exported.contains(",sell,AUR,18,400,USD,2000.5,USD,1.25,\"Kraken, main\","),
        "{exported}"
    );

    let target = tempfile::tempdir().expect("temp dir");
    let fresh = bare(target.path());
    let preview = fresh.preview_csv(exported.as_bytes()).expect("preview");
    assert_eq!(
        (
            preview.rows,
            preview.trades,
            preview.entries,
            preview.error_count
        ),
        (3, 1, 2, 0)
    );
    assert_eq!(preview.sample[0].sale, "Aurora");
    let summary = fresh
        .import_csv(exported.as_bytes(), no_progress)
        .expect("imported");
    assert_eq!((summary.trades, summary.entries), (1, 2));
    assert_eq!(
        text_of(&fresh, CsvExportKind::Transactions),
        exported,
        "the same bytes again"
    );
}

#[test]
fn text_that_starts_like_a_formula_is_escaped_for_spreadsheets_and_read_back_as_typed() {
    let source = tempfile::tempdir().expect("temp dir");
    let app = bare(source.path());
    let typed = [
        (
            "=HYPERLINK(\"https://evil.example\",\"click\")",
            "@SUM(A1:A9)",
        ),
        ("+cmd|' /C calc'!A0", "-2+3"),
    ];
    for (note, account) in typed {
        app.record_trade(&TradeInput {
            kind: "buy".into(),
            happened_at: "2026-12-04 10:00".into(),
            asset: "AUR".into(),
            decimals: "18".into(),
            amount: "1".into(),
            counter_asset: "USD".into(),
            counter_amount: "2".into(),
            account: account.into(),
            note: note.into(),
            ..TradeInput::default()
        })
        .expect("trade");
    }
    let exported = text_of(&app, CsvExportKind::Transactions);
    assert!(exported.contains(",'@SUM(A1:A9),"), "{exported}");
    assert!(
        exported.contains("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\")\""),
        "{exported}"
    );
    assert!(exported.contains(",'-2+3,"), "{exported}");
    assert!(exported.contains("'+cmd|"), "{exported}");
    // Numbers, including a negative one, stay numbers.
    assert!(exported.contains(",2,"), "{exported}");
    for line in exported.lines().skip(1) {
        for cell in line.split(',') {
            assert!(
                !cell.starts_with(['=', '+', '@']),
                "a live formula in {line}"
            );
        }
    }

    let target = tempfile::tempdir().expect("temp dir");
    let fresh = bare(target.path());
    fresh
        .import_csv(exported.as_bytes(), no_progress)
        .expect("imported");
    let trades = fresh
        .trades(&TradeQuery::default(), PageInput::FIRST)
        .expect("trades")
        .rows;
    let kept: Vec<(String, String)> = trades
        .iter()
        .map(|t| (t.note.clone(), t.account.clone()))
        .collect();
    for (note, account) in typed {
        assert!(
            kept.contains(&(note.to_owned(), account.to_owned())),
            "{note:?} / {account:?} not read back as typed: {kept:?}"
        );
    }
    assert_eq!(
        text_of(&fresh, CsvExportKind::Transactions),
        exported,
        "the same bytes again"
    );
}

#[test]
fn every_bad_row_is_named_by_its_number_and_nothing_is_added() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = bare(dir.path());
    let mut file = format!("{HEADER}\n").into_bytes();
    let rows: [&[u8]; 14] = [
        b"2026-12-01 10:00,buy,XYZ,18,100,USD,250,,,Kraken,,,,,,\n",
        b"yesterday,buy,XYZ,18,100,USD,250,,,Kraken,,,,,,\n",
        b"2026-12-01 10:00,swap,XYZ,18,100,USD,250,,,Kraken,,,,,,\n",
        b"2026-12-01 10:00,buy,XYZ,18,1,5,USD,250,,,Kraken,,,,,,\n",
        b"2026-12-01 10:00,contribution,ETH,18,1,,,,,,,,,Borealis,,\n",
        b"2026-12-01 10:00,contribution,ETH,18,1,USD,3000,,,,,,,Aurora,,\n",
        b"2026-12-01 10:00,buy,NEW,,100,USD,250,,,Kraken,,,,,,\n",
        b"2026-12-01 10:00,buy,XYZ,18,100,USD,250,,,Kraken,,,caf\xe9,,,\n",
        b"2026-12-01 10:00,distribution,AUR,18,100,,,,,,,,,aurora,,\n",
        // Numbers follow the one grammar of the forms: no padding, sign or bare dot.
        b"2026-12-01 10:00,buy,XYZ,18, 100,USD,250,,,Kraken,,,,,,\n",
        b"2026-12-01 10:00,buy,XYZ,18,100\xc2\xa0,USD,250,,,Kraken,,,,,,\n",
        b"2026-12-01 10:00,buy,XYZ,18,+100,USD,250,,,Kraken,,,,,,\n",
        b"2026-12-01 10:00,buy,XYZ,18,100,USD,250.,,,Kraken,,,,,,\n",
        b"2026-12-01 10:00,buy,XYZ,18,.5,USD,250,,,Kraken,,,,,,\n",
    ];
    for row in rows {
        file.extend_from_slice(row);
    }
    let preview = app.preview_csv(&file).expect("preview");
    let errors: Vec<(u32, &str, ErrorCode)> = preview
        .errors
        .iter()
        .map(|e| (e.row, e.column.as_str(), e.code))
        .collect();
    assert_eq!(
        errors,
        vec![
            (3, "date_utc", ErrorCode::InvalidDatetime),
            (4, "type", ErrorCode::InvalidChoice),
            (5, "", ErrorCode::InvalidValue),
            (6, "sale", ErrorCode::SaleNotFound),
            (7, "counter_asset", ErrorCode::InvalidChoice),
            (8, "decimals", ErrorCode::Required),
            (9, "note", ErrorCode::FileUnreadable),
            (11, "amount", ErrorCode::InvalidAmount),
            (12, "amount", ErrorCode::InvalidAmount),
            (13, "amount", ErrorCode::InvalidAmount),
            (14, "counter_amount", ErrorCode::InvalidAmount),
            (15, "amount", ErrorCode::InvalidAmount),
        ]
    );
    assert!(
        preview.errors[2].message.contains("double quotes"),
        "{}",
        preview.errors[2].message
    );
    assert_eq!(
        (preview.rows, preview.trades, preview.entries),
        (14, 1, 1),
        "the good rows are counted"
    );

    let refused = app.import_csv(&file, no_progress).expect_err("refused");
    assert_eq!(refused.code, ErrorCode::ImportRefused);
    assert!(
        refused
            .message
            .starts_with("nothing was imported: 12 problems"),
        "{}",
        refused.message
    );
    assert_eq!(refused.invalid_fields[0].field, "row 3: date_utc");
    assert!(
        app.trades(&TradeQuery::default(), PageInput::FIRST)
            .expect("trades")
            .rows
            .is_empty()
    );
    let participation = app.list_participations().expect("list")[0].id;
    assert!(
        entries_of(&app, participation).is_empty(),
        "nothing half-imported"
    );
}

#[test]
fn byte_order_marks_crlf_and_quotes_are_read_and_other_encodings_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = bare(dir.path());
    let file = "\u{feff}Date_UTC,Type,Asset,Decimals,Amount,Counter_Asset,Counter_Amount,Account,Note\r\n\
                2026-12-01 10:00,buy,XYZ,6,100.25,USD,\"1,000.5\",Kraken,x\r\n\
                2026-12-01 11:00,buy,XYZ,6,1,USD,2,\"Kraken, main\",\"said \"\"hi\"\"\"\r\n";
    let preview = app.preview_csv(file.as_bytes()).expect("preview");
    assert_eq!(
        preview.errors[0].column, "counter_amount",
        "a thousands separator is refused, not guessed"
    );
    assert_eq!(
        preview.errors[0].row, 2,
        "rows are counted as a spreadsheet shows them, CRLF or not"
    );
    assert_eq!(preview.sample[0].row, 3);
    let file = file.replace("\"1,000.5\"", "1000.5");
    let summary = app
        .import_csv(file.as_bytes(), no_progress)
        .expect("imported");
    assert_eq!(summary.trades, 2);
    let trades = app
        .trades(&TradeQuery::default(), PageInput::FIRST)
        .expect("trades")
        .rows;
    assert_eq!(trades[0].account, "Kraken, main");
    assert_eq!(trades[0].note, "said \"hi\"");
    assert_eq!(trades[1].amount.decimal, "100.25");
    // A line break inside quotes is part of its value: the next row keeps its number.
    let multiline = format!(
        "{HEADER}\n2026-12-01 10:00,buy,XYZ,18,1,USD,2,,,K,,,\"one\ntwo\",,,\n2026-12-01 10:00,buy,XYZ,18,1,USD,x,,,K,,,,,,\n"
    );
    assert_eq!(
        app.preview_csv(multiline.as_bytes())
            .expect("preview")
            .errors[0]
            .row,
        3
    );

    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(HEADER.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert_eq!(
        app.preview_csv(&utf16).expect_err("UTF-16").code,
        ErrorCode::FileUnreadable
    );
    assert_eq!(
        app.preview_csv(b"").expect_err("empty").code,
        ErrorCode::EmptyFile
    );
    assert_eq!(
        app.preview_csv(b" \r\n").expect_err("blank").code,
        ErrorCode::EmptyFile
    );
    // Text the window decoded with replacement characters was not UTF-8.
    let replaced = format!("{HEADER}\n2026-12-01 10:00,buy,XYZ,18,1,USD,2,,,K\u{FFFD}aken,,,,,,\n");
    assert_eq!(
        app.preview_csv(replaced.as_bytes())
            .expect("preview")
            .errors[0]
            .code,
        ErrorCode::FileUnreadable
    );
    let header_only = app
        .preview_csv(format!("{HEADER}\n").as_bytes())
        .expect("preview");
    assert_eq!((header_only.rows, header_only.error_count), (0, 0));
}

#[test]
fn the_header_must_name_known_columns_once_and_the_required_ones() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = bare(dir.path());
    let preview = app
        .preview_csv(b"date_utc,type,asset,asset,price\n2026-12-01 10:00,buy,XYZ,XYZ,1\n")
        .expect("preview");
    let errors: Vec<(u32, &str, ErrorCode)> = preview
        .errors
        .iter()
        .filter(|e| e.row == 1)
        .map(|e| (e.row, e.column.as_str(), e.code))
        .collect();
    assert_eq!(
        errors,
        vec![
            (1, "asset", ErrorCode::DuplicateId),
            (1, "price", ErrorCode::InvalidValue),
            (1, "amount", ErrorCode::Required),
        ]
    );
}

#[test]
fn a_hundred_thousand_rows_import_in_one_transaction_with_progress_and_a_cancel_adds_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = bare(dir.path());
    let mut file =
        String::from("date_utc,type,asset,decimals,amount,counter_asset,counter_amount,account\n");
    for n in 0..100_000u32 {
        let minute = n % 60;
        file.push_str(&format!(
            "2026-11-01 10:{minute:02},buy,XYZ,18,{n}.5,USD,{}.25,Kraken\n",
            n + 1
        ));
    }
    let preview = app.preview_csv(file.as_bytes()).expect("preview");
    assert_eq!(
        (preview.rows, preview.trades, preview.error_count),
        (100_000, 100_000, 0)
    );
    assert_eq!(preview.sample.len(), 100);

    let mut cancelled_at = None;
    let error = app
        .import_csv(file.as_bytes(), |progress| {
            if progress.done >= 50_000 {
                cancelled_at = Some(progress.done);
                return false;
            }
            true
        })
        .expect_err("cancelled");
    assert_eq!(error.code, ErrorCode::ImportCancelled);
    assert_eq!(cancelled_at, Some(50_000));
    assert!(
        app.trades(&TradeQuery::default(), PageInput::FIRST)
            .expect("trades")
            .rows
            .is_empty(),
        "a cancelled import leaves nothing"
    );

    let mut seen = Vec::new();
    let summary = app
        .import_csv(file.as_bytes(), |progress| {
            seen.push(progress);
            true
        })
        .expect("imported");
    assert_eq!(summary.trades, 100_000);
    assert_eq!(seen.len(), 101, "every 1,000 rows and at the end");
    assert_eq!(
        seen.last().map(|p| (p.done, p.total)),
        Some((100_000, 100_000))
    );
    assert_eq!(
        app.trades(&TradeQuery::default(), PageInput::FIRST)
            .expect("trades")
            .total,
        100_000
    );
}

#[test]
fn a_bad_row_after_thousands_already_inserted_leaves_nothing() {
    // The import inserts rows while it is still reading: these good rows are in the
    // transaction by the time the bad one is read, and must go with it.
    let dir = tempfile::tempdir().expect("temp dir");
    let app = bare(dir.path());
    let mut file =
        String::from("date_utc,type,asset,decimals,amount,counter_asset,counter_amount\n");
    for n in 0..14_000u32 {
        file.push_str(&format!(
            "2026-11-02 09:00,buy,XYZ,18,{n}.5,USD,{}\n",
            n + 1
        ));
        if n == 12_000 {
            file.push_str("2026-11-02 09:00,buy,XYZ,18,1e3,USD,10\n");
        }
    }
    let mut reported = Vec::new();
    let error = app
        .import_csv(file.as_bytes(), |progress| {
            reported.push(progress.done);
            true
        })
        .expect_err("refused");
    assert_eq!(error.code, ErrorCode::ImportRefused);
    let fields: Vec<_> = error
        .invalid_fields
        .iter()
        .map(|f| f.field.as_str())
        .collect();
    assert_eq!(fields, vec!["row 12003: amount"]);
    // The reader stays at most a few batches ahead of the inserts, so a thousand rows
    // were in before it could reach row 12,003.
    assert!(
        reported.contains(&1_000),
        "rows were inserted before the bad one was read: {reported:?}"
    );
    assert!(
        app.trades(&TradeQuery::default(), PageInput::FIRST)
            .expect("trades")
            .rows
            .is_empty(),
        "nothing of a refused file is kept"
    );
    // The same file without its bad row imports whole.
    let good: String = file
        .lines()
        .filter(|line| !line.contains("1e3"))
        .map(|line| format!("{line}\n"))
        .collect();
    let summary = app
        .import_csv(good.as_bytes(), no_progress)
        .expect("imported");
    assert_eq!(summary.trades, 14_000);
    assert_eq!(
        app.trades(&TradeQuery::default(), PageInput::FIRST)
            .expect("trades")
            .total,
        14_000
    );
}

#[test]
fn holdings_export_with_their_price_and_places() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = bare(dir.path());
    let file = format!(
        "{HEADER}\n2026-12-01T10:00:00Z,buy,XYZ,18,100,USD,250,,,Kraken,,,,,,\n2026-12-02T10:00:00Z,transfer,XYZ,18,40,,,,,Kraken,Cold wallet,,,,,\n"
    );
    app.import_csv(file.as_bytes(), no_progress)
        .expect("imported");
    add_price(&app, "XYZ", "USD", "3", "2026-12-04 09:00");
    let holdings = text_of(&app, CsvExportKind::Holdings);
    assert_eq!(
        holdings.lines().collect::<Vec<_>>(),
        vec![
            "asset,quantity,place,price,price_time_utc,value,cost,unrealized,realized,currency",
            "XYZ,100,,3,2026-12-04T09:00:00Z,300,250,50,0,USD",
            "XYZ,60,Kraken,3,2026-12-04T09:00:00Z,,,,,USD",
            "XYZ,40,Cold wallet,3,2026-12-04T09:00:00Z,,,,,USD",
        ]
    );
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("holdings.csv");
    let written = app
        .export_csv_to(CsvExportKind::Holdings, &path)
        .expect("written");
    assert_eq!(written.rows, 3);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), holdings);
}
