//! The user's own contacts: named addresses they send to. The review counts them as
//! known addresses, so a destination that only looks like one is flagged.

use alloy_primitives::Address;

use crate::address::{AddressError, parse_address};
use crate::text::{TextProblem, checked_text};

/// Most characters in a contact's name.
pub const MAX_CONTACT_LABEL: usize = 60;
/// Most characters in a contact's note.
pub const MAX_CONTACT_NOTE: usize = 500;

/// A contact as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactDraft {
    pub label: String,
    pub address: String,
    pub note: String,
}

/// A checked contact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    pub label: String,
    pub address: Address,
    pub note: String,
}

/// Why one field of a contact was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContactProblem {
    LabelRequired,
    Label(TextProblemKind, String),
    Address(AddressError),
    Note(TextProblemKind, String),
}

/// Too long, or hidden characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextProblemKind {
    TooLong,
    Invalid,
}

fn kind_and_message(problem: &TextProblem) -> (TextProblemKind, String) {
    let kind = match problem {
        TextProblem::TooLong { .. } => TextProblemKind::TooLong,
        TextProblem::Invalid => TextProblemKind::Invalid,
    };
    (kind, problem.message())
}

impl ContactProblem {
    /// The field at fault: `label`, `address` or `note`.
    pub fn field(&self) -> &'static str {
        match self {
            Self::LabelRequired | Self::Label(..) => "label",
            Self::Address(_) => "address",
            Self::Note(..) => "note",
        }
    }

    pub fn message(&self) -> String {
        match self {
            Self::LabelRequired => "give the contact a name".to_owned(),
            Self::Label(_, message) | Self::Note(_, message) => message.clone(),
            Self::Address(error) => error.to_string(),
        }
    }
}

impl Contact {
    /// Checks every field; all problems at once.
    pub fn from_draft(draft: &ContactDraft) -> Result<Self, Vec<ContactProblem>> {
        let mut problems = Vec::new();
        let label = match checked_text(&draft.label, MAX_CONTACT_LABEL, false) {
            Ok(label) if label.is_empty() => {
                problems.push(ContactProblem::LabelRequired);
                None
            }
            Ok(label) => Some(label),
            Err(problem) => {
                let (kind, message) = kind_and_message(&problem);
                problems.push(ContactProblem::Label(kind, message));
                None
            }
        };
        let address = parse_address(&draft.address)
            .map_err(|error| problems.push(ContactProblem::Address(error)))
            .ok();
        let note = checked_text(&draft.note, MAX_CONTACT_NOTE, true)
            .map_err(|problem| {
                let (kind, message) = kind_and_message(&problem);
                problems.push(ContactProblem::Note(kind, message));
            })
            .ok();
        match (label, address, note) {
            (Some(label), Some(address), Some(note)) if problems.is_empty() => Ok(Self {
                label,
                address,
                note,
            }),
            _ => Err(problems),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ADDRESS: &str = "0x52908400098527886E0F7030069857D2E4169EE7";

    fn draft(label: &str, address: &str, note: &str) -> ContactDraft {
        ContactDraft {
            label: label.to_owned(),
            address: address.to_owned(),
            note: note.to_owned(),
        }
    }

    #[test]
    fn a_contact_is_trimmed_and_checksummed() {
        let contact = Contact::from_draft(&draft(
            "  My exchange deposit ",
            &ADDRESS.to_lowercase(),
            " line one\r\nline two ",
        ))
        .expect("valid");
        assert_eq!(contact.label, "My exchange deposit");
        assert_eq!(crate::address::checksummed(&contact.address), ADDRESS);
        assert_eq!(contact.note, "line one\nline two");
    }

    #[test]
    fn every_bad_field_is_named() {
        let fields = |d: ContactDraft| -> Vec<&'static str> {
            Contact::from_draft(&d)
                .expect_err("refused")
                .iter()
                .map(ContactProblem::field)
                .collect()
        };
        assert_eq!(fields(draft(" ", "0x12", "")), ["label", "address"]);
        assert_eq!(
            fields(draft(&"x".repeat(61), ADDRESS, "a\u{202E}b")),
            ["label", "note"]
        );
        assert_eq!(fields(draft("Tab\tin name", ADDRESS, "")), ["label"]);
        assert_eq!(
            fields(draft(
                "Bad case",
                "0x52908400098527886e0F7030069857D2E4169EE7",
                ""
            )),
            ["address"]
        );
        assert_eq!(
            fields(draft(
                "Zero",
                "0x0000000000000000000000000000000000000000",
                ""
            )),
            ["address"]
        );
        assert_eq!(fields(draft("Long", ADDRESS, &"n".repeat(501))), ["note"]);
    }
}
