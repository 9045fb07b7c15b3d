//! On chain: the networks the user reaches through their own node, the plan of any of
//! a sale's actions (the review joined by the network's checks, and the unsigned
//! transaction in words; an approval first for a sale that pulls its payment), the
//! allowances the user's accounts gave, a stuck transaction sped up or cancelled, who signs (the keyring's key or a hardware wallet,
//! kept connected in [`devices`]), and sending and following a transaction until it
//! settles, its effects written as they become known.

pub mod allowances;
pub mod deliveries;
pub mod devices;
pub mod effects;
pub mod networks;
pub mod plans;
pub mod repair;
pub mod replacements;
pub(crate) mod signing;
pub mod transactions;
