//! The stable names of the enums that cross to the shells. Each variant has one name,
//! its `as_str`: the name kept wherever it is stored, sent over IPC (serde, the same
//! name — checked below for every variant) and printed for people
//! ([`std::fmt::Display`]).
//! The shells use these enums as they are; none keeps a copy of its own.

use std::fmt;

use crate::account::AccountKind;
use crate::action::ActionPurpose;
use crate::kyc::KycStatus;
use crate::participation::ParticipationState;
use crate::price_book::PriceSource;
use crate::review::{Severity, Verdict};
use crate::sale::SaleStatus;
use crate::transaction::{TxPurpose, TxStatus};

macro_rules! named {
    ($($name:ident),* $(,)?) => {
        $(impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        })*

        #[cfg(test)]
        mod tests {
            use super::*;

            $(#[test]
            #[allow(non_snake_case, reason = "each test is named after its enum")]
            fn $name() {
                for variant in $name::ALL {
                    let name = variant.as_str();
                    assert_eq!(
                        serde_json::to_string(&variant).expect("serialises"),
                        format!("\"{name}\""),
                        "{variant:?} crosses to the shells under the name the database keeps"
                    );
                    assert_eq!(
                        serde_json::from_str::<$name>(&format!("\"{name}\"")).expect("reads back"),
                        variant
                    );
                    assert_eq!(variant.to_string(), name, "printed by the same name");
                }
            })*
        }
    };
}

named!(
    AccountKind,
    ActionPurpose,
    KycStatus,
    ParticipationState,
    PriceSource,
    SaleStatus,
    Severity,
    TxPurpose,
    TxStatus,
    Verdict,
);
