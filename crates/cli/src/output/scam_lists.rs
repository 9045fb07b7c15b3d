//! Imported lists of known scams.

use saleguard_app::io::scam_lists::ScamListView;

use super::{Output, print_json, print_table};
use crate::out;

impl Output {
    pub fn scam_lists(&self, lists: &[ScamListView], verb: &str) {
        if self.json {
            return print_json(&lists);
        }
        if !verb.is_empty() {
            for list in lists {
                out!("{verb} list {} ({}).", list.id, list.name);
            }
        }
        if lists.is_empty() {
            out!(
                "No lists imported. The shipped list of phishing domains (eth-phishing-detect) is always checked; add your own with `saleguard scam-list import FILE --name NAME`."
            );
            return;
        }
        let rows: Vec<Vec<String>> = lists
            .iter()
            .map(|list| {
                vec![
                    list.id.to_string(),
                    list.name.clone(),
                    list.blocked_domains.to_string(),
                    list.allowed_domains.to_string(),
                    list.impersonated_domains.to_string(),
                    list.addresses.to_string(),
                    list.source.clone(),
                ]
            })
            .collect();
        print_table(
            &[
                "ID",
                "NAME",
                "DOMAINS",
                "ALLOWED",
                "IMPERSONATED",
                "ADDRESSES",
                "FROM",
            ],
            &rows,
            &[0, 2, 3, 4, 5],
        );
    }
}
