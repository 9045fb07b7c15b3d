//! The link to a Trezor: 64-byte packets over the device's WebUSB interface (libusb,
//! through rusb) or over the Trezor emulator's UDP port, and whole messages read from
//! them. Nothing here blocks the async runtime: USB transfers run on blocking threads in
//! short slices, each behind its own timeout, so a deadline is kept whatever the driver
//! does, and a driver panic ends in an error.

use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use saleguard_chain::signer::DeviceError;
use tokio::net::UdpSocket;
use tokio::time::Instant;

use saleguard_trezor_protocol::messages::{Cancel, Failure, Success, TrezorMessage};
use saleguard_trezor_protocol::wire::{self, FrameError, Incoming, PACKET_SIZE, Packet};

/// The emulator's liveness check, outside the framing: it answers `PONGPONG`.
const PING: &[u8; 8] = b"PINGPING";
const PONG: &[u8; 8] = b"PONGPONG";
/// While waiting, the emulator is pinged after this long without a datagram…
const HEARTBEAT: Duration = Duration::from_secs(1);
/// …and taken for gone after this long without one.
const GONE_AFTER: Duration = Duration::from_secs(4);
/// How long a `Cancel` waits for the device to say it ended what it did.
const CANCEL_WAIT: Duration = Duration::from_secs(2);

/// A Trezor on USB: the WebUSB id every current model uses (Trezor T, Safe 3, Safe 5,
/// and a Trezor One from firmware 1.7), its interface and interrupt endpoints.
pub(crate) const USB_VENDOR: u16 = 0x1209;
pub(crate) const USB_PRODUCT: u16 = 0x53c1;
const USB_INTERFACE: u8 = 0;
const USB_OUT: u8 = 0x01;
const USB_IN: u8 = 0x81;
/// One USB read waits at most this long, so that a deadline is never overrun by more.
const USB_SLICE: Duration = Duration::from_millis(250);
const USB_WRITE: Duration = Duration::from_secs(1);

/// The link to the device.
#[derive(Debug)]
pub(super) struct Link {
    transport: Transport,
}

#[derive(Debug)]
enum Transport {
    Usb(Arc<rusb::DeviceHandle<rusb::Context>>),
    /// One UDP datagram per packet.
    Emulator(UdpSocket),
}

/// Why a packet did not come.
pub(super) enum LinkError {
    TimedOut,
    Disconnected,
    Frame(FrameError),
}

/// Why no Trezor could be opened on USB.
enum UsbProblem {
    NotFound,
    /// The system did not let Saleguard open it (on Linux: no udev rule for it).
    NoPermission,
    /// Another program (Trezor Suite, Trezor Bridge) holds it.
    Claimed,
}

impl Link {
    /// Opens the first Trezor on USB and claims its interface. No USB stack at all (as
    /// in a container) is no Trezor, not a panic.
    pub(super) async fn open_usb() -> Result<Self, DeviceError> {
        let opened = tokio::task::spawn_blocking(open_first_usb).await;
        match opened {
            Ok(Ok(handle)) => Ok(Self {
                transport: Transport::Usb(Arc::new(handle)),
            }),
            Ok(Err(UsbProblem::NotFound)) => Err(DeviceError::NotFound("Trezor".to_owned())),
            Ok(Err(UsbProblem::NoPermission)) => Err(DeviceError::Refused(
                "this system does not let Saleguard open the Trezor: on Linux, install Trezor's udev rules (trezor.io/learn), then plug it in again".to_owned(),
            )),
            Ok(Err(UsbProblem::Claimed)) => Err(DeviceError::Refused(
                "another program holds the Trezor (Trezor Suite, Trezor Bridge, or the Saleguard app while the CLI asks): close it, then try again".to_owned(),
            )),
            Err(_) => {
                tracing::warn!("the USB stack failed while looking for a Trezor");
                Err(DeviceError::NotFound("Trezor".to_owned()))
            }
        }
    }

    /// Opens a socket to the emulator at `address` and checks that it answers its ping.
    pub(super) async fn open_emulator(address: &str, wait: Duration) -> Result<Self, DeviceError> {
        let not_found = || DeviceError::NotFound(format!("Trezor emulator at {address}"));
        let targets: Vec<SocketAddr> = tokio::net::lookup_host(address)
            .await
            .map_err(|_| not_found())?
            .collect();
        // `localhost` may name ::1 first, while the emulator listens on 127.0.0.1 only.
        let share = wait / u32::try_from(targets.len().max(1)).unwrap_or(1);
        for target in targets {
            let local: SocketAddr = match (target.is_ipv4(), target.ip().is_loopback()) {
                (true, true) => (Ipv4Addr::LOCALHOST, 0).into(),
                (true, false) => (Ipv4Addr::UNSPECIFIED, 0).into(),
                (false, true) => (Ipv6Addr::LOCALHOST, 0).into(),
                (false, false) => (Ipv6Addr::UNSPECIFIED, 0).into(),
            };
            let Ok(socket) = UdpSocket::bind(local).await else {
                continue;
            };
            if socket.connect(target).await.is_err() {
                continue;
            }
            if let Ok(true) = tokio::time::timeout(share, ping_until_answered(&socket)).await {
                return Ok(Self {
                    transport: Transport::Emulator(socket),
                });
            }
        }
        Err(not_found())
    }

    /// Drops what is waiting to be read, without waiting for more (a conversation
    /// starts clean; one given up was ended by [`cancel`](Self::cancel)).
    pub(super) async fn drain(&self) {
        match &self.transport {
            // Not through a timer: tokio's resolution is a millisecond, a wait per
            // conversation.
            Transport::Emulator(socket) => {
                let mut buffer = [0u8; PACKET_SIZE * 2];
                while socket.try_recv(&mut buffer).is_ok() {}
            }
            Transport::Usb(_) => self.drain_for(Duration::from_millis(1)).await,
        }
    }

    /// Drops what is unread, waiting up to `moment` each time for what is on its way.
    async fn drain_for(&self, moment: Duration) {
        while self.receive_once(moment).await.is_ok() {}
    }

    /// Ends what the device is doing (a prompt on its screen): sends `Cancel` and reads
    /// until the device says it ended it, past any answer to the abandoned request that
    /// was still on its way; then drops what is left.
    pub(super) async fn cancel(&self) {
        if self.send(&wire::encode(&Cancel {})).await.is_ok() {
            let deadline = Instant::now() + CANCEL_WAIT;
            loop {
                let left = deadline.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    break;
                }
                match self.read_message(left, left).await {
                    Ok((kind, _)) if kind == Failure::TYPE || kind == Success::TYPE => break,
                    // Another message, or the rest of one: not the answer yet.
                    Ok(_) | Err(DeviceError::Malformed(_)) => {}
                    Err(_) => break,
                }
            }
        }
        self.drain_for(Duration::from_millis(5)).await;
    }

    async fn send(&self, packets: &[Packet]) -> Result<(), LinkError> {
        match &self.transport {
            Transport::Emulator(socket) => {
                for packet in packets {
                    socket
                        .send(packet)
                        .await
                        .map_err(|_| LinkError::Disconnected)?;
                }
                Ok(())
            }
            Transport::Usb(handle) => {
                let (handle, packets) = (Arc::clone(handle), packets.to_vec());
                let written = tokio::task::spawn_blocking(move || {
                    packets.iter().all(|packet| {
                        handle.write_interrupt(USB_OUT, packet, USB_WRITE).ok() == Some(PACKET_SIZE)
                    })
                })
                .await;
                match written {
                    Ok(true) => Ok(()),
                    Ok(false) | Err(_) => Err(LinkError::Disconnected),
                }
            }
        }
    }

    /// The next packet within `wait`.
    ///
    /// The emulator is pinged while it is waited for: one that went away (nothing
    /// listens: the system says so) or stopped answering is disconnected, not a long
    /// wait. A device pulled from USB says so on the next read.
    async fn receive(&self, wait: Duration) -> Result<Packet, LinkError> {
        let deadline = Instant::now() + wait;
        let mut heard = Instant::now();
        loop {
            let now = Instant::now();
            if now >= deadline {
                return Err(LinkError::TimedOut);
            }
            match self.receive_once(HEARTBEAT.min(deadline - now)).await {
                Ok(Some(packet)) => return Ok(packet),
                // The emulator's answer to a ping: it is there.
                Ok(None) => heard = Instant::now(),
                Err(LinkError::TimedOut) => {
                    if let Transport::Emulator(socket) = &self.transport
                        && (heard.elapsed() >= GONE_AFTER || socket.send(PING).await.is_err())
                    {
                        return Err(LinkError::Disconnected);
                    }
                }
                Err(error) => return Err(error),
            }
        }
    }

    /// One packet within `wait` (none for the emulator's `PONGPONG`).
    async fn receive_once(&self, wait: Duration) -> Result<Option<Packet>, LinkError> {
        match &self.transport {
            Transport::Emulator(socket) => {
                let mut buffer = [0u8; PACKET_SIZE * 2];
                match tokio::time::timeout(wait, socket.recv(&mut buffer)).await {
                    Err(_) => Err(LinkError::TimedOut),
                    Ok(Err(_)) => Err(LinkError::Disconnected),
                    Ok(Ok(length)) if &buffer[..length] == PONG => Ok(None),
                    Ok(Ok(length)) => Packet::try_from(&buffer[..length])
                        .map(Some)
                        .map_err(|_| LinkError::Frame(FrameError::WrongSize(length))),
                }
            }
            Transport::Usb(handle) => {
                let deadline = Instant::now() + wait;
                loop {
                    let left = deadline.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        return Err(LinkError::TimedOut);
                    }
                    // libusb reads a zero timeout as "forever".
                    let slice = USB_SLICE.min(left).max(Duration::from_millis(1));
                    let handle = Arc::clone(handle);
                    let read = tokio::task::spawn_blocking(move || {
                        let mut packet = [0u8; PACKET_SIZE];
                        handle
                            .read_interrupt(USB_IN, &mut packet, slice)
                            .map(|length| (packet, length))
                    })
                    .await;
                    match read {
                        Ok(Ok((packet, PACKET_SIZE))) => return Ok(Some(packet)),
                        Ok(Ok((_, length))) => {
                            return Err(LinkError::Frame(FrameError::WrongSize(length)));
                        }
                        Ok(Err(rusb::Error::Timeout)) => {}
                        Ok(Err(_)) | Err(_) => return Err(LinkError::Disconnected),
                    }
                }
            }
        }
    }

    /// Sends a message's packets and reads the whole answer, its first packet within
    /// `wait` and the rest as they follow.
    pub(super) async fn exchange(
        &self,
        packets: &[Packet],
        wait: Duration,
        rest: Duration,
    ) -> Result<(u16, Vec<u8>), DeviceError> {
        self.send(packets)
            .await
            .map_err(|error| link_error(wait, error))?;
        self.read_message(wait, rest).await
    }

    /// Reads one whole message, its first packet within `wait` and the rest as they
    /// follow.
    pub(super) async fn read_message(
        &self,
        wait: Duration,
        rest: Duration,
    ) -> Result<(u16, Vec<u8>), DeviceError> {
        let link_error = |error| link_error(wait, error);
        let first = self.receive(wait).await.map_err(link_error)?;
        let mut incoming = Incoming::start(&first).map_err(frame_error)?;
        while !incoming.is_complete() {
            let next = self.receive(rest).await.map_err(|error| match error {
                // Half a message, then nothing: the device went away.
                LinkError::TimedOut => DeviceError::Disconnected,
                other => link_error(other),
            })?;
            incoming.push(&next).map_err(frame_error)?;
        }
        Ok(incoming.finish())
    }
}

/// Pings until `PONGPONG` comes back (true) or nothing listens (false).
async fn ping_until_answered(socket: &UdpSocket) -> bool {
    let mut buffer = [0u8; PACKET_SIZE * 2];
    loop {
        if socket.send(PING).await.is_err() {
            return false;
        }
        match tokio::time::timeout(Duration::from_millis(250), socket.recv(&mut buffer)).await {
            Ok(Ok(length)) if &buffer[..length] == PONG => return true,
            Ok(Ok(_)) | Err(_) => {}
            Ok(Err(_)) => return false,
        }
    }
}

/// The first Trezor on USB, its interface claimed (blocking: run on a blocking thread).
/// A context of its own, never libusb's global one, whose failure to start panics.
fn open_first_usb() -> Result<rusb::DeviceHandle<rusb::Context>, UsbProblem> {
    use rusb::UsbContext;
    let context = rusb::Context::new().map_err(|_| UsbProblem::NotFound)?;
    let devices = context.devices().map_err(|_| UsbProblem::NotFound)?;
    let mut problem = UsbProblem::NotFound;
    for device in devices.iter() {
        let Ok(descriptor) = device.device_descriptor() else {
            continue;
        };
        if (descriptor.vendor_id(), descriptor.product_id()) != (USB_VENDOR, USB_PRODUCT) {
            continue;
        }
        let handle = match device.open() {
            Ok(handle) => handle,
            Err(rusb::Error::Access) => {
                problem = UsbProblem::NoPermission;
                continue;
            }
            Err(_) => continue,
        };
        match handle.claim_interface(USB_INTERFACE) {
            Ok(()) => return Ok(handle),
            Err(rusb::Error::Busy) => problem = UsbProblem::Claimed,
            Err(rusb::Error::Access) => problem = UsbProblem::NoPermission,
            Err(_) => {}
        }
    }
    Err(problem)
}

pub(super) fn link_error(wait: Duration, error: LinkError) -> DeviceError {
    match error {
        LinkError::TimedOut => DeviceError::TimedOut(wait.as_secs()),
        LinkError::Disconnected => DeviceError::Disconnected,
        LinkError::Frame(error) => DeviceError::Malformed(error.to_string()),
    }
}

pub(super) fn frame_error(error: FrameError) -> DeviceError {
    DeviceError::Malformed(error.to_string())
}
