//! Moments in UTC, as whole seconds since the Unix epoch.
//!
//! The core never reads the clock: callers pass `now` in.

use time::{OffsetDateTime, PrimitiveDateTime, UtcOffset, format_description::well_known::Rfc3339};

/// A moment in UTC, to the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UtcTimestamp(i64);

/// Why a string is not a moment Saleguard understands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimestampError {
    #[error("enter a date and time")]
    Empty,
    #[error("use the form 2026-12-01 14:00 (UTC) or an RFC 3339 time such as 2026-12-01T14:00:00Z")]
    Malformed,
    #[error("this date is outside the years 1970 to 9999")]
    OutOfRange,
}

const EARLIEST: i64 = 0; // 1970-01-01T00:00:00Z
const LATEST: i64 = 253_402_300_799; // 9999-12-31T23:59:59Z

impl UtcTimestamp {
    /// 1970-01-01T00:00:00Z.
    pub const UNIX_EPOCH: Self = Self(0);

    /// A timestamp from Unix seconds, if it lies in the years 1970 to 9999.
    pub fn from_unix_seconds(seconds: i64) -> Result<Self, TimestampError> {
        if (EARLIEST..=LATEST).contains(&seconds) {
            Ok(Self(seconds))
        } else {
            Err(TimestampError::OutOfRange)
        }
    }

    pub fn unix_seconds(self) -> i64 {
        self.0
    }

    /// Parses what a user types: `2026-12-01 14:00`, `2026-12-01 14:00:30`,
    /// `2026-12-01T14:00` (all UTC), or RFC 3339 with any offset.
    pub fn parse(input: &str) -> Result<Self, TimestampError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(TimestampError::Empty);
        }
        let moment = match OffsetDateTime::parse(text, &Rfc3339) {
            Ok(moment) => moment,
            Err(_) => parse_naive_utc(text)?,
        };
        Self::from_unix_seconds(moment.unix_timestamp())
    }

    /// RFC 3339 in UTC, e.g. `2026-12-01T14:00:00Z`.
    pub fn to_rfc3339(self) -> String {
        let moment =
            OffsetDateTime::from_unix_timestamp(self.0).unwrap_or(OffsetDateTime::UNIX_EPOCH);
        moment
            .format(&Rfc3339)
            .unwrap_or_else(|_| format!("@{}", self.0))
    }
}

impl UtcTimestamp {
    /// The form a user types, in UTC: `2026-12-01 14:00`, with `:SS` only when the
    /// seconds are not zero. [`UtcTimestamp::parse`] reads it back exactly.
    pub fn to_form_text(self) -> String {
        use time::macros::format_description;
        let moment =
            OffsetDateTime::from_unix_timestamp(self.0).unwrap_or(OffsetDateTime::UNIX_EPOCH);
        let format = if moment.second() == 0 {
            format_description!("[year]-[month]-[day] [hour]:[minute]")
        } else {
            format_description!("[year]-[month]-[day] [hour]:[minute]:[second]")
        };
        moment.format(format).unwrap_or_else(|_| self.to_rfc3339())
    }
}

fn parse_naive_utc(text: &str) -> Result<OffsetDateTime, TimestampError> {
    use time::macros::format_description;
    let formats = [
        format_description!("[year]-[month]-[day] [hour]:[minute]"),
        format_description!("[year]-[month]-[day] [hour]:[minute]:[second]"),
        format_description!("[year]-[month]-[day]T[hour]:[minute]"),
        format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]"),
    ];
    formats
        .iter()
        .find_map(|format| PrimitiveDateTime::parse(text, format).ok())
        .map(|naive| naive.assume_offset(UtcOffset::UTC))
        .ok_or(TimestampError::Malformed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_forms_a_user_types() {
        let cases: &[(&str, i64)] = &[
            ("2026-12-01 14:00", 1_796_133_600),
            ("2026-12-01 14:00:30", 1_796_133_630),
            ("2026-12-01T14:00", 1_796_133_600),
            ("2026-12-01T14:00:00Z", 1_796_133_600),
            ("2026-12-01T16:00:00+02:00", 1_796_133_600),
            (" 1970-01-01 00:00 ", 0),
        ];
        for (input, seconds) in cases {
            assert_eq!(
                UtcTimestamp::parse(input).map(UtcTimestamp::unix_seconds),
                Ok(*seconds),
                "{input:?}"
            );
        }
    }

    #[test]
    fn refuses_what_is_not_a_moment() {
        let cases: &[(&str, TimestampError)] = &[
            ("", TimestampError::Empty),
            ("tomorrow", TimestampError::Malformed),
            ("2026-13-01 14:00", TimestampError::Malformed),
            ("2026-02-30 14:00", TimestampError::Malformed),
            ("01/12/2026 14:00", TimestampError::Malformed),
            ("1969-12-31 23:59", TimestampError::OutOfRange),
        ];
        for (input, expected) in cases {
            assert_eq!(
                UtcTimestamp::parse(input).as_ref(),
                Err(expected),
                "{input:?}"
            );
        }
    }

    #[test]
    fn prints_the_form_a_user_types_and_reads_it_back() {
        for (input, form) in [
            ("2026-12-01T14:00:00Z", "2026-12-01 14:00"),
            ("2026-12-01T14:00:30Z", "2026-12-01 14:00:30"),
        ] {
            let moment = UtcTimestamp::parse(input).expect("valid");
            assert_eq!(moment.to_form_text(), form);
            assert_eq!(UtcTimestamp::parse(form), Ok(moment));
        }
    }

    #[test]
    fn prints_rfc3339_in_utc() {
        let moment = UtcTimestamp::parse("2026-12-01T16:00:00+02:00").expect("valid");
        assert_eq!(moment.to_rfc3339(), "2026-12-01T14:00:00Z");
    }
}
