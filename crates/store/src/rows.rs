//! Reading stored values back: what every table module needs when a row holds a value
//! this version cannot read.

use saleguard_core::timestamp::UtcTimestamp;

use crate::StoreError;

/// A stored value that does not read back; `what` names it.
pub(crate) fn invalid(what: &str) -> StoreError {
    StoreError::InvalidRow {
        what: what.to_owned(),
    }
}

/// Unix seconds read back as a moment; `what` names the column for the error.
pub(crate) fn moment(seconds: i64, what: &str) -> Result<UtcTimestamp, StoreError> {
    UtcTimestamp::from_unix_seconds(seconds).map_err(|_| invalid(what))
}
