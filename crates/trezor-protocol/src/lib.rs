//! The Trezor wire protocol v1 and the messages Saleguard exchanges with a Trezor, the
//! same over USB and the emulator's UDP port: [`wire`] turns a message into 64-byte
//! packets and back, [`messages`] declares each message with the firmware's field
//! numbers. No I/O: the hardware crate talks to a device with these, and the test
//! kit's simulator answers with the same structs.

pub mod messages;
pub mod wire;
