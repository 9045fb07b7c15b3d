//! Contacts.

use saleguard_app::review::contacts::ContactView;

use super::{Output, print_json, print_table};
use crate::out;

impl Output {
    pub fn contacts(&self, contacts: &[ContactView]) {
        if self.json {
            return print_json(&contacts);
        }
        if contacts.is_empty() {
            out!(
                "No contacts yet. Add one with `saleguard contact add --label NAME --address 0x…`."
            );
            return;
        }
        let rows: Vec<Vec<String>> = contacts
            .iter()
            .map(|c| {
                vec![
                    c.id.to_string(),
                    c.label.clone(),
                    c.address.clone(),
                    c.note.lines().next().unwrap_or_default().to_owned(),
                ]
            })
            .collect();
        print_table(&["ID", "NAME", "ADDRESS", "NOTE"], &rows, &[0]);
    }
}
