//! Errors name what the user typed: a form field of the app (`observedAt`) is shown as
//! the option of the command that set it (`--at`).
//!
//! A field is found by its name in kebab case among the command's own options
//! (`chainId` → `--chain-id`), or, where the option is named otherwise, in
//! [`RENAMED`]. `tests/option_names.rs` runs a refused input through every command and
//! checks that each problem is named this way.

use clap::parser::ValueSource;
use clap::{Command, CommandFactory};

use crate::args::Cli;

/// The sale's fields, as `sale add` and `sale edit` take them.
const SALE: &[(&str, &str)] = &[
    ("projectName", "--name"),
    ("tokenSymbol", "--symbol"),
    ("tokenDecimals", "--decimals"),
    ("contributionAddress", "--address"),
    ("pricingAmount", "--price/--rate"),
    ("minContribution", "--min"),
    ("maxContribution", "--max"),
    ("startsAt", "--start"),
    ("endsAt", "--end"),
    ("whitepaperUrl", "--whitepaper"),
];

/// A recovery phrase or a key is read from standard input or a prompt, never from an
/// option.
const IMPORT: &[(&str, &str)] = &[
    ("phrase", "recovery phrase (standard input)"),
    ("privateKey", "private key (standard input)"),
    ("address", "--watch"),
    ("derivationPath", "--path"),
];

const ACTION: &[(&str, &str)] = &[("contractSource", "--source"), ("signature", "--call")];

const SOURCE: &[(&str, &str)] = &[("seenAt", "--seen"), ("location", "--source")];

const STEP: &[(&str, &str)] = &[("happenedAt", "--at")];

/// Per command (its subcommand names joined by spaces), the fields whose option is
/// not their name.
const RENAMED: &[(&str, &[(&str, &str)])] = &[
    ("sale add", SALE),
    ("sale edit", SALE),
    ("account new", &[("answers", "re-entered words")]),
    ("account import", IMPORT),
    ("participation start", STEP),
    ("participation move", STEP),
    (
        "participation vesting",
        &[
            ("totalTokens", "--tokens"),
            ("tgeAt", "--tge"),
            ("atTgePercent", "--at-tge"),
            ("cliffMonths", "--cliff"),
            ("frequency", "--every"),
            ("tranches", "--tranche"),
            ("kind", "--tranche/--months"),
        ],
    ),
    ("participation record", STEP),
    (
        "participation kyc",
        &[("submittedAt", "--submitted"), ("notes", "--notes")],
    ),
    (
        "participation refund-deadline",
        &[("refundDeadline", "--at")],
    ),
    (
        "diligence score",
        &[("evidence", "--evidence"), ("score", "--score")],
    ),
    (
        "diligence jurisdictions",
        &[
            ("eligibleJurisdictions", "--eligible"),
            ("excludedJurisdictions", "--excluded"),
        ],
    ),
    ("settings", &[("residenceCountry", "--country")]),
    ("review", &[("reason", "--override")]),
    (
        "budget add",
        &[("perSaleCap", "--cap"), ("maxSharePercent", "--max-share")],
    ),
    (
        "budget edit",
        &[("perSaleCap", "--cap"), ("maxSharePercent", "--max-share")],
    ),
    ("price add", &[("observedAt", "--at")]),
    ("price api", &[("apiKey", "--key")]),
    ("price coin", &[("coinId", "COIN_ID")]),
    (
        "trade add",
        &[
            ("happenedAt", "--at"),
            ("counterAmount", "--price"),
            ("counterAsset", "--currency"),
            ("feeAmount", "--fee"),
            ("feeAsset", "--fee-currency"),
            ("toAccount", "--to"),
        ],
    ),
    ("address add", SOURCE),
    ("address source add", SOURCE),
    (
        "policy",
        &[
            ("minimumGrade", "--minimum-grade"),
            ("blockingFlags", "--block"),
            ("maxPriceAge", "--max-price-age-days/--max-price-age-hours"),
        ],
    ),
    (
        "network set",
        &[
            ("nativeSymbol", "--symbol"),
            ("nativeDecimals", "--decimals"),
        ],
    ),
    ("action add", ACTION),
    ("action edit", ACTION),
];

/// The command the user typed, by its subcommand names ("price add"), and the ids of
/// the options given on the command line.
#[derive(Debug, Clone, Default)]
pub struct TypedCommand {
    path: Vec<String>,
    given: Vec<String>,
}

impl TypedCommand {
    /// The subcommand names of parsed arguments, outermost first.
    pub fn of(matches: &clap::ArgMatches) -> Self {
        let mut path = Vec::new();
        let mut current = matches;
        while let Some((name, inner)) = current.subcommand() {
            path.push(name.to_owned());
            current = inner;
        }
        let given = current
            .ids()
            .filter(|id| current.value_source(id.as_str()) == Some(ValueSource::CommandLine))
            .map(|id| id.as_str().to_owned())
            .collect();
        Self { path, given }
    }

    /// What the user typed to set a field, when this command has it. A field inside a
    /// list or a map (`factors.team.score`, `tranches.2.percent`) is looked up whole,
    /// then by its last name.
    pub fn option_for(&self, field: &str) -> Option<String> {
        self.option_named(field).or_else(|| {
            let last = field
                .rsplit('.')
                .find(|part| !part.chars().all(|c| c.is_ascii_digit()))?;
            (last != field).then(|| self.option_named(last))?
        })
    }

    fn option_named(&self, field: &str) -> Option<String> {
        let joined = self.path.join(" ");
        let renamed = RENAMED
            .iter()
            .filter(|(path, _)| *path == joined)
            .flat_map(|(_, fields)| fields.iter())
            .find(|(name, _)| *name == field);
        let command = self.clap_command()?;
        if let Some((_, option)) = renamed {
            // Of two options that set one field ("--price/--rate"), the one typed.
            let typed = option.split('/').find(|alternative| {
                alternative.strip_prefix("--").is_some_and(|long| {
                    command.get_arguments().any(|arg| {
                        arg.get_long() == Some(long)
                            && self.given.iter().any(|id| id == arg.get_id().as_str())
                    })
                })
            });
            return Some(typed.unwrap_or(option).to_owned());
        }
        let long = kebab_case(field);
        if command
            .get_arguments()
            .any(|arg| arg.get_long() == Some(&long))
        {
            return Some(format!("--{long}"));
        }
        command
            .get_positionals()
            .find(|arg| arg.get_id().as_str() == long.replace('-', "_"))
            .map(|arg| arg.get_id().as_str().to_uppercase())
    }

    fn clap_command(&self) -> Option<Command> {
        let mut command = Cli::command();
        for name in &self.path {
            command = command.find_subcommand(name)?.clone();
        }
        Some(command)
    }
}

/// `observedAt` → `observed-at`.
fn kebab_case(field: &str) -> String {
    let mut kebab = String::with_capacity(field.len() + 4);
    for character in field.chars() {
        if character.is_ascii_uppercase() {
            kebab.push('-');
            kebab.push(character.to_ascii_lowercase());
        } else {
            kebab.push(character);
        }
    }
    kebab
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(path: &str) -> TypedCommand {
        TypedCommand {
            path: path.split(' ').map(str::to_owned).collect(),
            given: Vec::new(),
        }
    }

    /// Every renamed option exists in its command, so the table cannot point at an
    /// option that was renamed or removed.
    #[test]
    fn every_renamed_option_is_one_the_command_has() {
        for (path, fields) in RENAMED {
            let command = typed(path)
                .clap_command()
                .unwrap_or_else(|| panic!("no command {path:?}"));
            for (field, option) in *fields {
                for part in option.split('/') {
                    let Some(long) = part.strip_prefix("--") else {
                        continue;
                    };
                    assert!(
                        command
                            .get_arguments()
                            .any(|arg| arg.get_long() == Some(long)),
                        "{path}: {field} → {option}, but there is no --{long}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_field_is_found_by_its_name_in_kebab_case() {
        let network = typed("network set");
        assert_eq!(network.option_for("chainId").as_deref(), Some("--chain-id"));
        assert_eq!(
            network.option_for("nativeSymbol").as_deref(),
            Some("--symbol")
        );
        assert_eq!(network.option_for("unknownField"), None);
        assert_eq!(
            typed("diligence score")
                .option_for("factors.team.score")
                .as_deref(),
            Some("--score")
        );
        let price = typed("price add");
        assert_eq!(price.option_for("observedAt").as_deref(), Some("--at"));
        assert_eq!(price.option_for("price").as_deref(), Some("--price"));
    }
}
