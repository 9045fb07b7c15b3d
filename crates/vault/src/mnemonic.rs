//! BIP-39 recovery phrases (English word list).

use std::borrow::Cow;

use bip39::{Language, Mnemonic};
use zeroize::Zeroizing;

use alloy_primitives::Address;
use saleguard_core::account::DerivationPath;

use crate::key::{DerivationError, derive_signer};
use crate::secret::SecretString;

/// What BIP-39 puts before the passphrase in the seed's salt.
const SALT_PREFIX: &[u8] = b"mnemonic";

/// Words in a phrase Saleguard generates.
pub const GENERATED_WORD_COUNT: usize = 24;

/// Word counts BIP-39 defines.
pub const VALID_WORD_COUNTS: [usize; 5] = [12, 15, 18, 21, 24];

/// Why a phrase is not a valid BIP-39 recovery phrase. Never carries the words
/// themselves, only positions, so the error can be shown and logged safely.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MnemonicError {
    #[error("enter the recovery phrase")]
    Empty,
    #[error("a recovery phrase has 12, 15, 18, 21 or 24 words (this has {0})")]
    WordCount(usize),
    #[error("word {position} is not in the BIP-39 English word list: check its spelling")]
    UnknownWord { position: usize },
    #[error(
        "the words are all valid but their checksum is wrong: a word is probably mistyped or out of order"
    )]
    Checksum,
}

/// A valid recovery phrase, normalised, held in memory that is wiped on drop.
pub struct RecoveryPhrase(Mnemonic);

impl std::fmt::Debug for RecoveryPhrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecoveryPhrase(<redacted>)")
    }
}

impl RecoveryPhrase {
    /// Parses what a user typed or pasted. BIP-39 words are separated by whitespace and
    /// written in lower case, so runs of spaces, tabs or line breaks and capital letters
    /// are normalised; anything else (punctuation, numbering, other languages) is refused.
    pub fn parse(input: &SecretString) -> Result<Self, MnemonicError> {
        let mut normalised = Zeroizing::new(String::with_capacity(input.expose().len()));
        let mut count = 0;
        for word in input.expose().split_whitespace() {
            if count > 0 {
                normalised.push(' ');
            }
            for c in word.chars() {
                normalised.extend(c.to_lowercase());
            }
            count += 1;
        }
        if count == 0 {
            return Err(MnemonicError::Empty);
        }
        if !VALID_WORD_COUNTS.contains(&count) {
            return Err(MnemonicError::WordCount(count));
        }
        Mnemonic::parse_in_normalized(Language::English, &normalised)
            .map(Self)
            .map_err(|error| match error {
                bip39::Error::UnknownWord(index) => MnemonicError::UnknownWord {
                    position: index + 1,
                },
                bip39::Error::BadWordCount(count) => MnemonicError::WordCount(count),
                _ => MnemonicError::Checksum,
            })
    }

    /// A fresh 24-word phrase from the operating system's random source.
    pub fn generate() -> Result<Self, getrandom::Error> {
        let mut entropy = Zeroizing::new([0u8; 32]);
        getrandom::fill(entropy.as_mut())?;
        Self::from_entropy(entropy.as_ref()).map_err(|_| getrandom::Error::UNEXPECTED)
    }

    /// The phrase that encodes `entropy` (16 to 32 bytes, a multiple of 4).
    pub fn from_entropy(entropy: &[u8]) -> Result<Self, MnemonicError> {
        Mnemonic::from_entropy_in(Language::English, entropy)
            .map(Self)
            .map_err(|_| MnemonicError::WordCount(entropy.len() * 3 / 4))
    }

    /// A second copy (both are wiped when dropped).
    pub fn duplicate(&self) -> Self {
        Self(self.0.clone())
    }

    /// The words in order. Only for showing the phrase once, or an explicit reveal.
    pub fn words(&self) -> Vec<&'static str> {
        self.0.words().collect()
    }

    /// The normalised phrase (words separated by single spaces).
    pub fn to_secret_string(&self) -> SecretString {
        SecretString::new(self.words().join(" "))
    }

    /// The BIP-39 seed for a passphrase (empty for none): PBKDF2-HMAC-SHA512, 2,048
    /// rounds, of the phrase with "mnemonic" and the NFKD-normalised passphrase as salt.
    /// RustCrypto's `pbkdf2` and `sha2` rather than the `bip39` crate's own: the same
    /// bytes (the BIP-39 vectors below) in half the time, as `sha2` uses the CPU's vector
    /// instructions (docs/performance.md → Keys); and every copy of the passphrase is
    /// zeroized.
    pub(crate) fn seed(&self, passphrase: &SecretString) -> Zeroizing<[u8; 64]> {
        const ROUNDS: u32 = 2048;
        let phrase = self.to_secret_string();
        let mut normalized = Cow::Borrowed(passphrase.expose().as_str());
        Mnemonic::normalize_utf8_cow(&mut normalized);
        let mut salt = Zeroizing::new(Vec::with_capacity(SALT_PREFIX.len() + normalized.len()));
        salt.extend_from_slice(SALT_PREFIX);
        salt.extend_from_slice(normalized.as_bytes());
        if let Cow::Owned(copy) = normalized {
            drop(Zeroizing::new(copy));
        }
        let mut seed = Zeroizing::new([0u8; 64]);
        pbkdf2::pbkdf2_hmac::<sha2::Sha512>(
            phrase.expose().as_bytes(),
            &salt,
            ROUNDS,
            seed.as_mut(),
        );
        seed
    }
}

/// A freshly generated phrase waiting for the user to prove they wrote it down: it is
/// kept only after they re-enter the words at [`NewRecoveryPhrase::challenge`].
#[derive(Debug)]
pub struct NewRecoveryPhrase {
    phrase: RecoveryPhrase,
    challenge: Vec<usize>,
}

impl NewRecoveryPhrase {
    /// How many words the user re-enters.
    pub const CHALLENGE_WORDS: usize = 3;

    /// A fresh 24-word phrase and three distinct positions drawn at random.
    pub fn generate() -> Result<Self, getrandom::Error> {
        let phrase = RecoveryPhrase::generate()?;
        let mut challenge = Vec::with_capacity(Self::CHALLENGE_WORDS);
        while challenge.len() < Self::CHALLENGE_WORDS {
            let mut bytes = [0u8; 4];
            getrandom::fill(&mut bytes)?;
            // 2^32 is not a multiple of 24: the bias is below one in 178 million.
            let position = (u32::from_le_bytes(bytes) as usize % GENERATED_WORD_COUNT) + 1;
            if !challenge.contains(&position) {
                challenge.push(position);
            }
        }
        challenge.sort_unstable();
        Ok(Self { phrase, challenge })
    }

    /// The 1-based positions to re-enter, ascending.
    pub fn challenge(&self) -> &[usize] {
        &self.challenge
    }

    pub fn phrase(&self) -> &RecoveryPhrase {
        &self.phrase
    }

    /// Checks the re-entered words (spaces and capitals ignored). On failure, the
    /// challenged positions that were wrong or missing.
    pub fn check(&self, answers: &[(usize, SecretString)]) -> Result<(), Vec<usize>> {
        let words = self.phrase.words();
        let wrong: Vec<usize> = self
            .challenge
            .iter()
            .copied()
            .filter(|position| {
                let expected = words[position - 1];
                !answers.iter().any(|(answered, word)| {
                    answered == position && word.expose().trim().eq_ignore_ascii_case(expected)
                })
            })
            .collect();
        if wrong.is_empty() { Ok(()) } else { Err(wrong) }
    }

    /// The address the new phrase has at `path` (no passphrase).
    pub fn address(&self, path: &DerivationPath) -> Result<Address, DerivationError> {
        derive_signer(&self.phrase, &SecretString::from(""), path).map(|signer| signer.address())
    }

    pub fn into_phrase(self) -> RecoveryPhrase {
        self.phrase
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWELVE: &str = "test test test test test test test test test test test junk";

    fn parse(text: &str) -> Result<RecoveryPhrase, MnemonicError> {
        RecoveryPhrase::parse(&SecretString::from(text))
    }

    #[test]
    fn normalises_spacing_and_capitals() {
        let phrase =
            parse("  Test TEST\ttest\n test test test  test test test test test JUNK \r\n")
                .expect("valid after normalising");
        assert_eq!(phrase.to_secret_string().expose(), TWELVE);
    }

    #[test]
    fn refuses_bad_phrases_with_a_reason_and_no_words() {
        let eleven = TWELVE.rsplit_once(' ').expect("has spaces").0.to_owned();
        let twenty_five = format!("{TWELVE} {TWELVE} test");
        let thirteen = format!("{TWELVE} test");
        for (input, expected) in [
            ("", MnemonicError::Empty),
            ("   \n ", MnemonicError::Empty),
            (eleven.as_str(), MnemonicError::WordCount(11)),
            (twenty_five.as_str(), MnemonicError::WordCount(25)),
            (thirteen.as_str(), MnemonicError::WordCount(13)),
            (
                "test test test test tset test test test test test test junk",
                MnemonicError::UnknownWord { position: 5 },
            ),
            (
                "test, test test test test test test test test test test junk",
                MnemonicError::UnknownWord { position: 1 },
            ),
            (
                "1.test test test test test test test test test test test junk",
                MnemonicError::UnknownWord { position: 1 },
            ),
            (
                "test test test test test test test test test test test test",
                MnemonicError::Checksum,
            ),
            (
                "junk test test test test test test test test test test test",
                MnemonicError::Checksum,
            ),
        ] {
            let error = parse(input).expect_err(input);
            assert_eq!(error, expected, "{input:?}");
            assert!(!error.to_string().contains("tset"), "{error}");
        }
    }

    #[test]
    fn generates_distinct_24_word_phrases_that_parse_back() {
        let first = RecoveryPhrase::generate().expect("OS random source");
        let second = RecoveryPhrase::generate().expect("OS random source");
        assert_eq!(first.words().len(), GENERATED_WORD_COUNT);
        assert_ne!(first.words(), second.words());
        let reparsed = RecoveryPhrase::parse(&first.to_secret_string()).expect("valid");
        assert_eq!(reparsed.words(), first.words());
    }

    #[test]
    fn a_passphrase_is_normalised_before_it_salts_the_seed() {
        let phrase =
            parse("test test test test test test test test test test test junk").expect("valid");
        // "é" composed (NFC) and decomposed (NFKD), and a compatibility character.
        let composed = phrase.seed(&SecretString::from("caf\u{e9} \u{fb01}"));
        let decomposed = phrase.seed(&SecretString::from("cafe\u{301} fi"));
        assert_eq!(composed.as_ref(), decomposed.as_ref());
        assert_ne!(
            composed.as_ref(),
            phrase.seed(&SecretString::from("cafe")).as_ref()
        );
        // The same bytes as the bip39 crate's own PBKDF2, for every kind of passphrase.
        for passphrase in [
            "",
            "TREZOR",
            "caf\u{e9}",
            "㍍ガバヴァぱばぐゞちぢ十人十色",
            " x ",
        ] {
            assert_eq!(
                phrase.seed(&SecretString::from(passphrase)).as_ref(),
                &phrase.0.to_seed(passphrase),
                "{passphrase:?}"
            );
        }
    }

    #[test]
    fn matches_the_official_bip39_vectors() {
        let file: serde_json::Value =
            serde_json::from_str(include_str!("bip39-vectors.json")).expect("vectors file");
        let passphrase = SecretString::from(file["passphrase"].as_str().expect("passphrase"));
        let vectors = file["vectors"].as_array().expect("vectors");
        assert_eq!(vectors.len(), 24);
        for vector in vectors {
            let text = |key: &str| vector[key].as_str().expect(key).to_owned();
            let entropy = alloy_primitives::hex::decode(text("entropy")).expect("hex entropy");
            let from_entropy = RecoveryPhrase::from_entropy(&entropy).expect("valid entropy");
            assert_eq!(from_entropy.words().join(" "), text("mnemonic"));
            let parsed = parse(&text("mnemonic")).expect("vector parses");
            let seed = alloy_primitives::hex::encode(parsed.seed(&passphrase).as_ref());
            assert_eq!(seed, text("seed"), "{}", text("mnemonic"));
        }
    }

    #[test]
    fn a_new_phrase_is_kept_only_with_the_challenged_words() {
        let new = NewRecoveryPhrase::generate().expect("OS random source");
        let challenge = new.challenge().to_vec();
        assert_eq!(challenge.len(), NewRecoveryPhrase::CHALLENGE_WORDS);
        assert!(
            challenge.windows(2).all(|pair| pair[0] < pair[1]),
            "{challenge:?}"
        );
        assert!(challenge.iter().all(|p| (1..=24).contains(p)));
        let words = new.phrase().words();
        let answer = |position: usize, word: &str| (position, SecretString::from(word));
        let right: Vec<_> = challenge
            .iter()
            .map(|&p| answer(p, &format!(" {} ", words[p - 1].to_uppercase())))
            .collect();
        assert_eq!(new.check(&right), Ok(()));

        let mut one_wrong = right
            .iter()
            .map(|(p, w)| (*p, SecretString::from(w.expose().as_str())))
            .collect::<Vec<_>>();
        one_wrong[1].1 = SecretString::from("zzzz");
        assert_eq!(new.check(&one_wrong), Err(vec![challenge[1]]));
        assert_eq!(new.check(&[]), Err(challenge.clone()));
        // The right word at the wrong position does not count.
        let shifted: Vec<_> = challenge
            .iter()
            .map(|&p| answer(p % 24 + 1, words[p - 1]))
            .collect();
        assert!(new.check(&shifted).is_err());
    }

    #[test]
    fn debug_hides_the_words() {
        let phrase = parse(TWELVE).expect("valid");
        assert!(!format!("{phrase:?}").contains("test"));
    }
}
