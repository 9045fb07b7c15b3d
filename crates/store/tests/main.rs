//! The integration tests of the store, one module a file, built as one test binary:
//! one link instead of one per file (each links the whole crate and its
//! dependencies), which is most of what the tests cost to build.

mod common;

mod accounts;
mod actions;
mod budgets;
mod export;
mod ledger;
mod networks;
mod paging;
mod participations;
mod research;
mod scam_lists;
mod store;
mod transactions;
