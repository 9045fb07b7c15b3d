//! The user's contacts as use cases: list, add, remove.

use saleguard_core::address::{AddressError, checksummed};
use saleguard_core::contact::{Contact, ContactDraft, ContactProblem, TextProblemKind};
use serde::{Deserialize, Serialize};

use crate::{AppError, ErrorCode, FieldError, Saleguard};

/// A contact as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ContactInput {
    pub label: String,
    pub address: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ContactView {
    pub id: i64,
    pub label: String,
    /// Checksummed.
    pub address: String,
    pub note: String,
    pub created_at: String,
}

fn problem_code(problem: &ContactProblem) -> ErrorCode {
    match problem {
        ContactProblem::LabelRequired => ErrorCode::Required,
        ContactProblem::Label(TextProblemKind::TooLong, _)
        | ContactProblem::Note(TextProblemKind::TooLong, _) => ErrorCode::TooLong,
        ContactProblem::Label(TextProblemKind::Invalid, _)
        | ContactProblem::Note(TextProblemKind::Invalid, _) => ErrorCode::InvalidText,
        ContactProblem::Address(AddressError::BadChecksum) => ErrorCode::BadChecksum,
        ContactProblem::Address(_) => ErrorCode::InvalidAddress,
    }
}

fn view(record: saleguard_store::ContactRecord) -> ContactView {
    ContactView {
        id: record.id,
        label: record.label,
        address: checksummed(&record.address),
        note: record.note,
        created_at: record.created_at.to_rfc3339(),
    }
}

impl Saleguard {
    /// Every contact, by name.
    pub fn contacts(&self) -> Result<Vec<ContactView>, AppError> {
        Ok(self.store()?.contacts()?.into_iter().map(view).collect())
    }

    /// Adds a contact; a name or an address already in the book is refused, naming
    /// the contact that has it.
    pub fn add_contact(&self, input: &ContactInput) -> Result<ContactView, AppError> {
        let contact = Contact::from_draft(&ContactDraft {
            label: input.label.clone(),
            address: input.address.clone(),
            note: input.note.clone(),
        })
        .map_err(|problems| {
            AppError::refused(
                problems
                    .iter()
                    .map(|problem| FieldError {
                        field: problem.field().to_owned(),
                        code: problem_code(problem),
                        message: problem.message(),
                    })
                    .collect(),
            )
        })?;
        let mut store = self.store()?;
        if let Some(existing) = store.contact_named(&contact.label)? {
            return Err(AppError::at_field(
                "label",
                ErrorCode::LabelTaken,
                format!(
                    "another contact is already called \u{201c}{}\u{201d}: choose a different name",
                    existing.label
                ),
            ));
        }
        if let Some(existing) = store.contact_at(&contact.address)? {
            return Err(AppError::at_field(
                "address",
                ErrorCode::ContactExists,
                format!(
                    "this address is already in your contacts as \u{201c}{}\u{201d}",
                    existing.label
                ),
            ));
        }
        let record = store.insert_contact(
            &contact.label,
            contact.address,
            &contact.note,
            self.clock.now(),
        )?;
        tracing::info!(id = record.id, "contact added");
        Ok(view(record))
    }

    pub fn remove_contact(&self, id: i64) -> Result<(), AppError> {
        if self.store()?.delete_contact(id)? {
            tracing::info!(id, "contact removed");
            Ok(())
        } else {
            Err(AppError::new(
                ErrorCode::ContactNotFound,
                format!("no contact with id {id}"),
            ))
        }
    }
}
