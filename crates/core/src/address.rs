//! EVM addresses as the user types them: checked, and EIP-55 enforced when mixed-case.

use alloy_primitives::Address;

/// Why a string is not an acceptable address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AddressError {
    #[error("enter an address")]
    Empty,
    #[error("an address is 0x followed by 40 hexadecimal characters")]
    Malformed,
    #[error(
        "the checksum (the pattern of capital letters) is wrong: the address may have been mistyped"
    )]
    BadChecksum,
    #[error("this is the zero address: anything sent there is lost")]
    Zero,
}

/// Parses an address. All-lowercase and all-uppercase addresses carry no checksum and
/// are accepted as they are; a mixed-case address must satisfy EIP-55.
pub fn parse_address(input: &str) -> Result<Address, AddressError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(AddressError::Empty);
    }
    let hex = text.strip_prefix("0x").ok_or(AddressError::Malformed)?;
    if hex.len() != 40 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(AddressError::Malformed);
    }
    let has_lower = hex.bytes().any(|b| b.is_ascii_lowercase());
    let has_upper = hex.bytes().any(|b| b.is_ascii_uppercase());
    let address = if has_lower && has_upper {
        Address::parse_checksummed(text, None).map_err(|_| AddressError::BadChecksum)?
    } else {
        text.parse::<Address>()
            .map_err(|_| AddressError::Malformed)?
    };
    if address.is_zero() {
        return Err(AddressError::Zero);
    }
    Ok(address)
}

/// The EIP-55 form of an address, the only form Saleguard shows or stores.
pub fn checksummed(address: &Address) -> String {
    address.to_checksum(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHECKSUMMED: &str = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    #[test]
    fn accepts_checksummed_and_single_case_addresses() {
        for input in [
            CHECKSUMMED.to_owned(),
            CHECKSUMMED.to_lowercase(),
            format!("0x{}", CHECKSUMMED[2..].to_uppercase()),
            format!("  {CHECKSUMMED}\n"),
        ] {
            let address = parse_address(&input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
            assert_eq!(checksummed(&address), CHECKSUMMED, "{input:?}");
        }
    }

    #[test]
    fn refuses_malformed_and_mischecksummed_addresses() {
        let wrong_case = CHECKSUMMED.replacen("aA", "Aa", 1);
        let cases: &[(&str, AddressError)] = &[
            ("", AddressError::Empty),
            (
                "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
                AddressError::Malformed,
            ),
            (
                "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe",
                AddressError::Malformed,
            ),
            (
                "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedd",
                AddressError::Malformed,
            ),
            (
                "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeZ",
                AddressError::Malformed,
            ),
            ("vitalik.eth", AddressError::Malformed),
            (&wrong_case, AddressError::BadChecksum),
            (
                "0x0000000000000000000000000000000000000000",
                AddressError::Zero,
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_address(input).as_ref(), Err(expected), "{input:?}");
        }
    }
}
