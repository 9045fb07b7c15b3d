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
    /// The same time of day `months` calendar months later. A day that the target
    /// month lacks becomes its last day (31 January + 1 month = 28 or 29 February).
    pub fn add_months(self, months: u32) -> Result<Self, TimestampError> {
        let moment =
            OffsetDateTime::from_unix_timestamp(self.0).map_err(|_| TimestampError::OutOfRange)?;
        let index = i64::from(moment.year()) * 12 + i64::from(u8::from(moment.month())) - 1
            + i64::from(months);
        let year = i32::try_from(index.div_euclid(12)).map_err(|_| TimestampError::OutOfRange)?;
        let month = u8::try_from(index.rem_euclid(12) + 1)
            .ok()
            .and_then(|m| time::Month::try_from(m).ok())
            .ok_or(TimestampError::OutOfRange)?;
        let day = moment.day().min(time::util::days_in_month(month, year));
        let date = time::Date::from_calendar_date(year, month, day)
            .map_err(|_| TimestampError::OutOfRange)?;
        Self::from_unix_seconds(moment.replace_date(date).unix_timestamp())
    }

    /// `days` whole days (of 86 400 seconds) later.
    pub fn add_days(self, days: u32) -> Result<Self, TimestampError> {
        let seconds = self
            .0
            .checked_add(i64::from(days) * 86_400)
            .ok_or(TimestampError::OutOfRange)?;
        Self::from_unix_seconds(seconds)
    }

    /// Whole days from `self` to `later` (zero when `later` is not after `self`).
    pub fn days_until(self, later: Self) -> u32 {
        u32::try_from((later.0 - self.0).max(0) / 86_400).unwrap_or(u32::MAX)
    }

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
