//! The one type secret material lives in.

use std::fmt;

use zeroize::{Zeroize, Zeroizing};

/// A secret value: wiped from memory when dropped, shown as `<redacted>` by `Debug`,
/// and deliberately without `Display`, `Serialize` or `Clone`. Reading it takes an
/// explicit [`Secret::expose`].
pub struct Secret<T: Zeroize>(Zeroizing<T>);

/// Text that must not leak: a recovery phrase, a passphrase, a key in hex.
pub type SecretString = Secret<String>;

impl<T: Zeroize> Secret<T> {
    pub fn new(value: T) -> Self {
        Self(Zeroizing::new(value))
    }

    /// The secret itself. Call sites are the places a secret is used; keep them few.
    pub fn expose(&self) -> &T {
        &self.0
    }
}

impl<T: Zeroize> fmt::Debug for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl From<String> for SecretString {
    fn from(value: String) -> Self {
        Self::new(value)
    }
}

impl From<&str> for SecretString {
    fn from(value: &str) -> Self {
        Self::new(value.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_value() {
        let secret = SecretString::from("abandon abandon about");
        assert_eq!(format!("{secret:?}"), "<redacted>");
        assert_eq!(format!("{:?}", Some(&secret)), "Some(<redacted>)");
        assert_eq!(secret.expose(), "abandon abandon about");
    }
}
