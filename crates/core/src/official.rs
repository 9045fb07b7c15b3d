//! A sale's official addresses and the sources that vouch for each: what the project
//! really published, as the user saw it, and where.

use alloy_primitives::Address;

/// The longest place a source was seen (a URL, or words) and note on it.
pub const MAX_SOURCE_LOCATION_CHARS: usize = 2_000;
pub const MAX_SOURCE_NOTE_CHARS: usize = 2_000;
/// Why an address was retired: a reason, not a word, as for an override.
pub const MIN_RETIRED_REASON_CHARS: usize = 10;
pub const MAX_RETIRED_REASON_CHARS: usize = 1_000;

/// What a published address is for.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum AddressPurpose {
    /// Where contributions are sent (the sale's designated address).
    Contribution,
    /// The contract tokens are claimed from.
    Claim,
    /// A vesting or release contract.
    Vesting,
    /// The contract (or escrow) that pays refunds.
    Refund,
    /// The token's own contract.
    Token,
    Other,
}

impl AddressPurpose {
    pub const ALL: [AddressPurpose; 6] = [
        Self::Contribution,
        Self::Claim,
        Self::Vesting,
        Self::Refund,
        Self::Token,
        Self::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Contribution => "contribution",
            Self::Claim => "claim",
            Self::Vesting => "vesting",
            Self::Refund => "refund",
            Self::Token => "token",
            Self::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == text)
    }
}

/// Where the user saw an address published.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// The project's own website.
    Website,
    /// The project's official account on a social network.
    OfficialSocial,
    /// The project's whitepaper.
    Whitepaper,
    /// The project's announcement channel (its blog, its Telegram or Discord
    /// announcements).
    Announcement,
    /// A launchpad's page for the sale.
    Launchpad,
    /// A block explorer's verified-contract page.
    Explorer,
    /// Someone else: news, an aggregator, a forum.
    ThirdParty,
    /// A direct message: the classic route of a scam.
    PrivateMessage,
    /// Recorded by an earlier version, which did not ask for the kind.
    Unknown,
}

impl SourceKind {
    pub const ALL: [SourceKind; 9] = [
        Self::Website,
        Self::OfficialSocial,
        Self::Whitepaper,
        Self::Announcement,
        Self::Launchpad,
        Self::Explorer,
        Self::ThirdParty,
        Self::PrivateMessage,
        Self::Unknown,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Website => "website",
            Self::OfficialSocial => "official_social",
            Self::Whitepaper => "whitepaper",
            Self::Announcement => "announcement",
            Self::Launchpad => "launchpad",
            Self::Explorer => "explorer",
            Self::ThirdParty => "third_party",
            Self::PrivateMessage => "private_message",
            Self::Unknown => "unknown",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// For people: "the project's website".
    pub fn label(self) -> &'static str {
        match self {
            Self::Website => "the project's website",
            Self::OfficialSocial => "the project's official social account",
            Self::Whitepaper => "the whitepaper",
            Self::Announcement => "the project's announcement channel",
            Self::Launchpad => "a launchpad's page",
            Self::Explorer => "a block explorer's verified contract",
            Self::ThirdParty => "a third party",
            Self::PrivateMessage => "a private message",
            Self::Unknown => "a source of unrecorded kind",
        }
    }

    /// Published by the project itself, where a scammer cannot easily speak for it:
    /// its website, its official social account, its whitepaper, its announcements.
    pub fn is_official(self) -> bool {
        matches!(
            self,
            Self::Website | Self::OfficialSocial | Self::Whitepaper | Self::Announcement
        )
    }

    /// Whether a user may choose it for a new source (`unknown` is only what older
    /// versions left).
    pub fn can_be_chosen(self) -> bool {
        self != Self::Unknown
    }
}

/// Why a source or a retirement was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfficialProblemKind {
    Required,
    TooShort,
    TooLong,
    /// Control or invisible text-direction characters.
    InvalidText,
    /// `unknown`, which only earlier versions wrote.
    Choice,
}

/// One refused field of a source (`kind`, `location`, `note`) or a retirement
/// (`reason`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficialProblem {
    pub field: &'static str,
    pub kind: OfficialProblemKind,
    pub message: String,
}

/// A source's kind and text as typed, checked: `location` and `note` trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceText {
    pub kind: SourceKind,
    pub location: String,
    pub note: String,
}

fn checked(
    field: &'static str,
    input: &str,
    (min, max): (usize, usize),
    multiline: bool,
    expected: &str,
) -> Result<String, OfficialProblem> {
    let problem = |kind, message: String| OfficialProblem {
        field,
        kind,
        message,
    };
    let text = crate::text::checked_text(input, max, multiline).map_err(|error| {
        let kind = match error {
            crate::text::TextProblem::TooLong { .. } => OfficialProblemKind::TooLong,
            crate::text::TextProblem::Invalid => OfficialProblemKind::InvalidText,
        };
        problem(kind, format!("{expected}: {}", error.message()))
    })?;
    let chars = text.chars().count();
    if chars == 0 && min > 0 {
        return Err(problem(OfficialProblemKind::Required, expected.to_owned()));
    }
    if chars < min {
        return Err(problem(OfficialProblemKind::TooShort, expected.to_owned()));
    }
    Ok(text)
}

impl SourceText {
    /// Checks a source as typed; every problem is named by its field.
    pub fn from_input(
        kind: SourceKind,
        location: &str,
        note: &str,
    ) -> Result<Self, Vec<OfficialProblem>> {
        let mut problems = Vec::new();
        if !kind.can_be_chosen() {
            problems.push(OfficialProblem {
                field: "kind",
                kind: OfficialProblemKind::Choice,
                message: "choose where you saw it: the project's website, its official social \
                          account, the whitepaper, its announcements, a launchpad, a block \
                          explorer, a third party or a private message"
                    .to_owned(),
            });
        }
        let location = checked(
            "location",
            location,
            (1, MAX_SOURCE_LOCATION_CHARS),
            false,
            "where you saw it: a link, or words such as \"the whitepaper, p. 12\", on one line",
        )
        .map_err(|problem| problems.push(problem))
        .ok();
        let note = checked("note", note, (0, MAX_SOURCE_NOTE_CHARS), true, "a note")
            .map_err(|problem| problems.push(problem))
            .ok();
        match (location, note) {
            (Some(location), Some(note)) if problems.is_empty() => Ok(Self {
                kind,
                location,
                note,
            }),
            _ => Err(problems),
        }
    }
}

/// Why an address is retired, checked: a reason, not a word.
pub fn retired_reason(input: &str) -> Result<String, OfficialProblem> {
    checked(
        "reason",
        input,
        (MIN_RETIRED_REASON_CHARS, MAX_RETIRED_REASON_CHARS),
        true,
        "why you no longer trust it, in 10 to 1,000 characters",
    )
}

/// An official address of a sale as the review sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficialAddress {
    pub address: Address,
    pub purpose: AddressPurpose,
    pub chain_id: u64,
    /// The user retired it (it is no longer trusted): it vouches for nothing.
    pub retired: bool,
    /// The kind of each source that vouches for it.
    pub sources: Vec<SourceKind>,
}

impl OfficialAddress {
    /// Whether a source of an official kind vouches for it.
    pub fn has_official_source(&self) -> bool {
        self.sources.iter().any(|kind| kind.is_official())
    }

    /// Whether it was only ever seen in private messages.
    pub fn only_from_private_messages(&self) -> bool {
        !self.sources.is_empty()
            && self
                .sources
                .iter()
                .all(|kind| *kind == SourceKind::PrivateMessage)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_is_checked_field_by_field() {
        use OfficialProblemKind::*;
        let refused =
            |kind, location: &str, note: &str| -> Vec<(&'static str, OfficialProblemKind)> {
                SourceText::from_input(kind, location, note)
                    .expect_err("refused")
                    .into_iter()
                    .map(|problem| (problem.field, problem.kind))
                    .collect()
            };
        assert_eq!(
            SourceText::from_input(
                SourceKind::Website,
                "  https://a.example \r\n",
                "line\r\nbreak"
            ),
            Ok(SourceText {
                kind: SourceKind::Website,
                location: "https://a.example".into(),
                note: "line\nbreak".into(),
            })
        );
        assert_eq!(
            refused(SourceKind::Unknown, " ", ""),
            [("kind", Choice), ("location", Required)]
        );
        assert_eq!(
            refused(SourceKind::Website, "a\nb", ""),
            [("location", InvalidText)]
        );
        assert_eq!(
            refused(SourceKind::Website, "a\u{202E}b", ""),
            [("location", InvalidText)]
        );
        assert_eq!(
            refused(SourceKind::Website, &"x".repeat(2_001), &"n".repeat(2_001)),
            [("location", TooLong), ("note", TooLong)]
        );
        assert!(SourceText::from_input(SourceKind::Website, &"x".repeat(2_000), "").is_ok());
        assert_eq!(retired_reason("a scam copy").as_deref(), Ok("a scam copy"));
        assert_eq!(
            retired_reason(" too short ").map_err(|p| p.kind),
            Err(TooShort)
        );
        assert_eq!(retired_reason("").map_err(|p| p.kind), Err(Required));
        assert_eq!(
            retired_reason(&"r".repeat(1_001)).map_err(|p| p.kind),
            Err(TooLong)
        );
    }

    #[test]
    fn kinds_and_purposes_read_back_from_their_names() {
        for kind in SourceKind::ALL {
            assert_eq!(SourceKind::parse(kind.as_str()), Some(kind));
        }
        for purpose in AddressPurpose::ALL {
            assert_eq!(AddressPurpose::parse(purpose.as_str()), Some(purpose));
        }
        assert_eq!(SourceKind::parse("Website"), None);
        assert_eq!(AddressPurpose::parse(""), None);
    }

    #[test]
    fn only_the_projects_own_channels_are_official() {
        let official: Vec<SourceKind> = SourceKind::ALL
            .into_iter()
            .filter(|kind| kind.is_official())
            .collect();
        assert_eq!(
            official,
            [
                SourceKind::Website,
                SourceKind::OfficialSocial,
                SourceKind::Whitepaper,
                SourceKind::Announcement
            ]
        );
        let address = |sources: Vec<SourceKind>| OfficialAddress {
            address: Address::ZERO,
            purpose: AddressPurpose::Contribution,
            chain_id: 1,
            retired: false,
            sources,
        };
        use SourceKind::*;
        for (sources, official, private_only) in [
            (vec![], false, false),
            (vec![Unknown], false, false),
            (vec![ThirdParty, Launchpad, Explorer], false, false),
            (vec![PrivateMessage], false, true),
            (vec![PrivateMessage, PrivateMessage], false, true),
            (vec![PrivateMessage, Website], true, false),
            (vec![Whitepaper], true, false),
        ] {
            let address = address(sources.clone());
            assert_eq!(address.has_official_source(), official, "{sources:?}");
            assert_eq!(
                address.only_from_private_messages(),
                private_only,
                "{sources:?}"
            );
        }
    }
}
