//! Files chosen in the system's dialogs: the names a save dialog suggests, what each
//! dialog says, and how a chosen file is read — a path that is gone, a folder or a
//! device is a clear `file_unreadable`, never a panic or half a file.

use crate::common;

use saleguard_app::ErrorCode;
use saleguard_app::io::chosen::{ChosenFile, FileToOpen, FileToSave, file_name, read_user_file};

const TO_OPEN: [FileToOpen; 5] = [
    FileToOpen::Export,
    FileToOpen::Backup,
    FileToOpen::TransactionsCsv,
    FileToOpen::PriceHistory,
    FileToOpen::ScamList,
];
const TO_SAVE: [FileToSave; 4] = [
    FileToSave::Export,
    FileToSave::Backup,
    FileToSave::Transactions,
    FileToSave::Holdings,
];

#[test]
fn a_save_dialog_suggests_the_name_saleguard_gives_the_file_on_that_day() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = common::app(dir.path());
    let names: Vec<String> = TO_SAVE
        .iter()
        .map(|kind| app.suggested_file(*kind).name)
        .collect();
    assert_eq!(
        names,
        [
            "saleguard-export-2026-12-05.json",
            "saleguard-backup-2026-12-05.age",
            "saleguard-transactions-2026-12-05.csv",
            "saleguard-holdings-2026-12-05.csv",
        ]
    );
    if let Some(folder) = app.suggested_file(FileToSave::Export).folder {
        assert!(folder.is_dir(), "{}", folder.display());
    }
    // Each name has the extension its dialog's filter shows.
    for kind in TO_SAVE {
        let name = app.suggested_file(kind).name;
        let extension = name.rsplit('.').next().expect("an extension");
        assert!(kind.filter().extensions.contains(&extension), "{name}");
    }

    // The CLI's backup into a folder uses the same name, and a second one never
    // replaces the first.
    let folder = dir.path().join("Downloads");
    std::fs::create_dir(&folder).expect("folder");
    let first = app
        .create_backup_in(&folder, "a long enough passphrase")
        .expect("backup");
    let second = app
        .create_backup_in(&folder, "a long enough passphrase")
        .expect("backup");
    assert_eq!(
        [first.path, second.path],
        [
            folder.join("saleguard-backup-2026-12-05.age"),
            folder.join("saleguard-backup-2026-12-05-2.age"),
        ]
        .map(|path| path.display().to_string())
    );
}

#[test]
fn every_dialog_has_a_title_of_its_own() {
    let mut titles: Vec<&str> = TO_OPEN.iter().map(|purpose| purpose.title()).collect();
    titles.extend(TO_SAVE.iter().map(|kind| kind.title()));
    let count = titles.len();
    titles.sort_unstable();
    titles.dedup();
    assert_eq!(titles.len(), count, "a user (and a test) tells them apart");
    for purpose in TO_OPEN {
        assert!(!purpose.filter().extensions.is_empty(), "{purpose:?}");
    }
    assert_eq!(FileToOpen::ScamList.filter().extensions, ["csv", "json"]);
}

#[test]
fn a_chosen_file_is_read_whole_and_a_path_that_is_not_a_file_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("kraken export.csv");
    let bytes: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    std::fs::write(&file, &bytes).expect("written");
    assert_eq!(read_user_file(&file).expect("read"), bytes);
    assert_eq!(
        ChosenFile::at(7, &file).expect("chosen"),
        ChosenFile {
            id: 7,
            name: "kraken export.csv".to_owned(),
            bytes: 70_000,
        }
    );
    assert_eq!(file_name(&file), "kraken export.csv");

    let gone = dir.path().join("gone.csv");
    let folder = dir.path().join("a folder.csv");
    std::fs::create_dir(&folder).expect("folder");
    let mut not_files = vec![
        (gone.clone(), "could not be read"),
        (folder, "is not a file"),
    ];
    if cfg!(unix) {
        not_files.push(("/dev/null".into(), "is not a file"));
    }
    for (path, why) in not_files {
        for error in [
            read_user_file(&path).expect_err("not a file"),
            ChosenFile::at(1, &path).expect_err("not a file"),
        ] {
            assert_eq!(error.code, ErrorCode::FileUnreadable, "{}", path.display());
            assert!(
                error.message.contains(&path.display().to_string()) && error.message.contains(why),
                "{}",
                error.message
            );
        }
    }
}
