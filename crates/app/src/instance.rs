//! One desktop app per data folder. Two windows on one database and one hardware wallet
//! would each show what the other changed only after a restart, and ask the device for
//! two prompts at once; so the app that opens a folder holds an OS lock on a file in it
//! for as long as it runs, and a second start on the same folder asks the first to bring
//! its window to the front and exits. Two folders still run side by side (the
//! end-to-end tests do), and the CLI, which takes no such lock, still runs beside the
//! app: SQLite keeps their writes apart.
//!
//! The lock is the truth (`flock` on Unix, `LockFileEx` on Windows: it goes with the
//! process, so a crashed app holds nothing). The request to come to the front travels
//! over a local socket: a Unix domain socket in the data folder (or, when that path is
//! too long for one, in the temporary folder under a name derived from it), a named
//! pipe on Windows. Whoever answers there cannot take the folder: at most it hears a
//! request to show a window.

use std::fs::{File, OpenOptions, TryLockError};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};

use crate::{AppError, DataPaths, ErrorCode};

const LOCK_FILE: &str = "app.lock";
const REQUEST: &str = "raise";
const ANSWER: &str = "raised";
/// How long a second start waits for the first to answer.
const ANSWER_TIMEOUT: Duration = Duration::from_secs(3);
/// Connecting fails so while the first app has the folder but does not listen yet (no
/// socket, or a stale one; on Windows, no pipe yet or every instance of it busy,
/// `ERROR_PIPE_BUSY`): tried again.
fn worth_retrying(error: &std::io::Error) -> bool {
    const ERROR_PIPE_BUSY: i32 = 231;
    matches!(
        error.kind(),
        std::io::ErrorKind::NotFound | std::io::ErrorKind::ConnectionRefused
    ) || (cfg!(windows) && error.raw_os_error() == Some(ERROR_PIPE_BUSY))
}

/// Held by the app that has the folder; dropped (or the process gone), it is free.
#[derive(Debug)]
pub struct InstanceLock {
    _file: File,
    endpoint: Endpoint,
}

/// What a start found.
#[derive(Debug)]
pub enum Claim {
    /// This process has the folder.
    First(InstanceLock),
    /// Another app has it.
    AlreadyOpen,
}

/// Takes the folder for this app, or finds it taken.
pub fn claim(paths: &DataPaths) -> Result<Claim, AppError> {
    paths.ensure_exists()?;
    let path = paths.data_dir.join(LOCK_FILE);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|error| {
            AppError::new(
                ErrorCode::StorageFailed,
                format!("could not open {}: {error}", path.display()),
            )
        })?;
    match file.try_lock() {
        Ok(()) => Ok(Claim::First(InstanceLock {
            _file: file,
            endpoint: Endpoint::of(paths),
        })),
        Err(TryLockError::WouldBlock) => Ok(Claim::AlreadyOpen),
        Err(TryLockError::Error(error)) => Err(AppError::new(
            ErrorCode::StorageFailed,
            format!("could not lock {}: {error}", path.display()),
        )),
    }
}

fn unanswered(detail: impl std::fmt::Display) -> AppError {
    AppError::new(
        ErrorCode::AppAlreadyOpen,
        format!(
            "Saleguard is already open on this data folder, but did not answer the request to come to the front ({detail}): switch to its window"
        ),
    )
}

/// Asks the app that has the folder to bring its window to the front; `Ok` once it
/// says it did.
pub async fn raise(paths: &DataPaths) -> Result<(), AppError> {
    let endpoint = Endpoint::of(paths);
    let exchange = async {
        // The first app listens once its window is up: a start in that moment (a
        // double-click) waits for it, within the same time limit.
        let stream = loop {
            match endpoint.connect().await {
                Ok(stream) => break stream,
                Err(error) if worth_retrying(&error) => {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(error) => return Err(error),
            }
        };
        let (reader, mut writer) = tokio::io::split(stream);
        writer.write_all(format!("{REQUEST}\n").as_bytes()).await?;
        writer.flush().await?;
        let mut answer = String::new();
        BufReader::new(reader).read_line(&mut answer).await?;
        Ok::<_, std::io::Error>(answer)
    };
    match tokio::time::timeout(ANSWER_TIMEOUT, exchange).await {
        Ok(Ok(answer)) if answer.trim_end() == ANSWER => Ok(()),
        Ok(Ok(answer)) => Err(unanswered(format!("it said {:?}", answer.trim_end()))),
        Ok(Err(error)) => Err(unanswered(error)),
        Err(_) => Err(unanswered(format!(
            "no answer within {} s",
            ANSWER_TIMEOUT.as_secs()
        ))),
    }
}

impl InstanceLock {
    /// Answers requests to come to the front, calling `raise` for each, until the lock
    /// is dropped with the future; an error only when it cannot listen at all (the
    /// folder stays this app's: the lock is the caller's to keep).
    pub async fn serve(&self, raise: impl Fn()) -> Result<(), AppError> {
        let listening = |error: std::io::Error| {
            AppError::new(
                ErrorCode::StorageFailed,
                format!("a second start cannot reach this window: {error}"),
            )
        };
        let mut listener = self.endpoint.listen().map_err(listening)?;
        loop {
            let stream = match listener.accept().await {
                Ok(stream) => stream,
                Err(error) => {
                    // One failed connection (a client gone at once): the next may not.
                    tracing::warn!(%error, "a second start could not be heard");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            };
            let (reader, mut writer) = tokio::io::split(stream);
            let mut request = String::new();
            let mut reader = BufReader::new(reader).take(64);
            let read = reader.read_line(&mut request);
            if !matches!(tokio::time::timeout(ANSWER_TIMEOUT, read).await, Ok(Ok(_)))
                || request.trim_end() != REQUEST
            {
                continue;
            }
            raise();
            tracing::info!("a second start on this data folder: the window came to the front");
            let _ = writer.write_all(format!("{ANSWER}\n").as_bytes()).await;
            let _ = writer.flush().await;
        }
    }
}

/// Where the app that has a folder listens.
#[derive(Debug, Clone)]
struct Endpoint {
    #[cfg(unix)]
    path: std::path::PathBuf,
    #[cfg(windows)]
    name: String,
}

/// The folder as the system resolves it, so that two spellings of it meet.
fn canonical_folder(paths: &DataPaths) -> std::path::PathBuf {
    std::fs::canonicalize(&paths.data_dir).unwrap_or_else(|_| paths.data_dir.clone())
}

/// A name for the folder that fits where a path does not.
fn folder_key(paths: &DataPaths) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(canonical_folder(paths).as_os_str().as_encoded_bytes());
    digest[..12]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

#[cfg(unix)]
mod platform {
    use super::*;
    use tokio::net::{UnixListener, UnixStream};

    /// The longest socket path every Unix takes (`sun_path` is 104 bytes on macOS).
    const MAX_SOCKET_PATH: usize = 100;

    impl Endpoint {
        pub(super) fn of(paths: &DataPaths) -> Self {
            let inside = canonical_folder(paths).join("app.sock");
            let path = if inside.as_os_str().len() <= MAX_SOCKET_PATH {
                inside
            } else {
                // The user's own runtime folder where there is one (Linux), else the
                // temporary folder.
                dirs::runtime_dir()
                    .unwrap_or_else(std::env::temp_dir)
                    .join(format!("saleguard-{}.sock", folder_key(paths)))
            };
            Self { path }
        }

        pub(super) async fn connect(&self) -> std::io::Result<UnixStream> {
            UnixStream::connect(&self.path).await
        }

        pub(super) fn listen(&self) -> std::io::Result<Listener> {
            // A socket left by an app that crashed: whoever holds the lock now owns it.
            match std::fs::remove_file(&self.path) {
                Err(error) if error.kind() != std::io::ErrorKind::NotFound => return Err(error),
                _ => {}
            }
            Ok(Listener(UnixListener::bind(&self.path)?))
        }
    }

    pub(super) struct Listener(UnixListener);

    impl Listener {
        pub(super) async fn accept(&mut self) -> std::io::Result<UnixStream> {
            Ok(self.0.accept().await?.0)
        }
    }
}

#[cfg(windows)]
mod platform {
    use super::*;
    use tokio::net::windows::named_pipe::{
        ClientOptions, NamedPipeClient, NamedPipeServer, ServerOptions,
    };

    impl Endpoint {
        pub(super) fn of(paths: &DataPaths) -> Self {
            Self {
                name: format!(r"\\.\pipe\saleguard-{}", folder_key(paths)),
            }
        }

        pub(super) async fn connect(&self) -> std::io::Result<NamedPipeClient> {
            ClientOptions::new().open(&self.name)
        }

        pub(super) fn listen(&self) -> std::io::Result<Listener> {
            let server = ServerOptions::new()
                .first_pipe_instance(true)
                .reject_remote_clients(true)
                .create(&self.name)?;
            Ok(Listener {
                name: self.name.clone(),
                server,
            })
        }
    }

    pub(super) struct Listener {
        name: String,
        server: NamedPipeServer,
    }

    impl Listener {
        /// The connected pipe, with a fresh instance left listening for the next.
        pub(super) async fn accept(&mut self) -> std::io::Result<NamedPipeServer> {
            self.server.connect().await?;
            let next = ServerOptions::new()
                .reject_remote_clients(true)
                .create(&self.name)?;
            Ok(std::mem::replace(&mut self.server, next))
        }
    }
}
