//! The time source of the use cases. The core never reads the clock; this is where
//! `now` comes from, and tests pass a fixed one.

use std::time::{SystemTime, UNIX_EPOCH};

use saleguard_core::timestamp::UtcTimestamp;

pub trait Clock: Send + Sync + std::fmt::Debug {
    fn now(&self) -> UtcTimestamp;
}

/// The operating system's clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> UtcTimestamp {
        let seconds = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|elapsed| i64::try_from(elapsed.as_secs()).unwrap_or(i64::MAX))
            .unwrap_or(0);
        UtcTimestamp::from_unix_seconds(seconds).unwrap_or(UtcTimestamp::UNIX_EPOCH)
    }
}

/// A clock that always says the same moment.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub UtcTimestamp);

impl Clock for FixedClock {
    fn now(&self) -> UtcTimestamp {
        self.0
    }
}
