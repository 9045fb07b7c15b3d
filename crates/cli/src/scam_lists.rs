//! `saleguard scam-list`: lists of known scams the user imports (docs/scam-lists.md).

use saleguard_app::{AppError, ErrorCode, Saleguard};

use crate::args::ScamListCommand;
use crate::chain::block_on;
use crate::output::Output;
use saleguard_app::io::chosen::read_user_file;

pub fn scam_list(
    app: &Saleguard,
    command: ScamListCommand,
    output: &Output,
) -> Result<(), AppError> {
    match command {
        ScamListCommand::Import {
            url: Some(url),
            name,
            ..
        } => {
            let name = name.unwrap_or_default();
            let list = block_on(app.import_scam_list_from_url(&name, &url))??;
            output.scam_lists(std::slice::from_ref(&list), "Imported");
        }
        ScamListCommand::Import {
            file: Some(file),
            name,
            ..
        } => {
            let bytes = read_user_file(&file)?;
            let source = file
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default();
            let name = name.unwrap_or_else(|| {
                file.file_stem()
                    .map(|stem| stem.to_string_lossy().into_owned())
                    .unwrap_or_default()
            });
            let list = app.import_scam_list(&name, &source, &bytes)?;
            output.scam_lists(std::slice::from_ref(&list), "Imported");
        }
        ScamListCommand::Import { .. } => {
            return Err(AppError::new(
                ErrorCode::Required,
                "give the list's file, or --url and --name",
            ));
        }
        ScamListCommand::Refresh { id } => {
            let list = block_on(app.refresh_scam_list(id))??;
            output.scam_lists(std::slice::from_ref(&list), "Refreshed");
        }
        ScamListCommand::List => output.scam_lists(&app.scam_lists()?, ""),
        ScamListCommand::Rm { id } => {
            app.remove_scam_list(id)?;
            output.removed("list", id);
        }
    }
    Ok(())
}
