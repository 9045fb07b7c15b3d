//! The command line, as clap parses it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use saleguard_app::participations::ParticipationState;
use saleguard_app::review::official_addresses::{AddressPurpose, SourceKind};
use saleguard_app::sales::ActionPurpose;
use saleguard_app::{CurrencyKind, DATA_DIR_ENV, PricingKind, SaleDraft, native_coin_symbol};

#[derive(Debug, Parser)]
#[command(
    name = "saleguard",
    version,
    about = "Track the token sales you take part in."
)]
pub struct Cli {
    /// Where Saleguard keeps its data (default: the OS application-data directory).
    #[arg(long, global = true, env = DATA_DIR_ENV, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Print JSON instead of text (errors too, on standard error).
    #[arg(long, global = true)]
    pub json: bool,
    /// Talk to a Speculos Ledger emulator's APDU port instead of a Ledger on USB.
    #[arg(long, global = true, env = saleguard_app::chain::devices::SPECULOS_ENV, value_name = "HOST:PORT")]
    pub ledger_emulator: Option<String>,
    /// Talk to a Trezor emulator's UDP port (the emulator's own is 127.0.0.1:21324).
    #[arg(long, global = true, env = saleguard_app::chain::devices::TREZOR_EMULATOR_ENV, value_name = "HOST:PORT")]
    pub trezor_emulator: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
#[allow(clippy::large_enum_variant, reason = "parsed once per run")]
pub enum Command {
    /// The token sales you follow.
    #[command(subcommand)]
    Sale(SaleCommand),
    /// Your accounts. Secrets stay in the OS keyring and are read from standard input
    /// or a hidden prompt, never from arguments or the environment.
    #[command(subcommand)]
    Account(AccountCommand),
    /// Your involvement in each sale, step by step; every step is dated and kept.
    #[command(subcommand)]
    Participation(ParticipationCommand),
    /// Research on a sale: the due-diligence scorecard, red flags, jurisdictions and
    /// whitepaper fingerprints.
    #[command(subcommand)]
    Diligence(DiligenceCommand),
    /// Your settings: show them, or set your country of residence.
    Settings {
        /// Your country of residence, as an ISO 3166-1 code (US, DE); "" clears it.
        #[arg(long, value_name = "CODE")]
        country: Option<String>,
    },
    /// Review a contribution before signing it: the findings and the verdict. Exits 0
    /// when nothing blocks, 1 when something does, 2 when the input is not a
    /// contribution (an unknown sale or account, a malformed amount or time).
    Review {
        /// The sale's id.
        #[arg(long)]
        sale: i64,
        /// The paying account: its id, or an address.
        #[arg(long)]
        from: String,
        /// The destination address, as you would paste it.
        #[arg(long)]
        to: String,
        /// In whole units of the sale's accepted currency (e.g. 1.5).
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
        /// The chain to sign for (default: the sale's).
        #[arg(long, default_value = "")]
        chain_id: String,
        /// When, UTC (default: now).
        #[arg(
            long,
            value_name = "TIME",
            default_value = "",
            allow_hyphen_values = true
        )]
        at: String,
        /// Override what blocks, for this reason (at least 10 characters); kept in the
        /// history with the findings. Blocks that can never be overridden stay.
        #[arg(long = "override", value_name = "REASON", allow_hyphen_values = true)]
        override_reason: Option<String>,
    },
    /// Reviews you overrode, newest first, with their findings and reasons.
    Overrides {
        /// Only this sale's.
        #[arg(long)]
        sale: Option<i64>,
    },
    /// Your contacts: named addresses. The review flags destinations that only look
    /// like one of them.
    #[command(subcommand)]
    Contact(ContactCommand),
    /// Lists of known scams you import (docs/scam-lists.md), checked besides the shipped
    /// list of phishing domains: the review blocks a sale's link on one, and a
    /// destination on one.
    #[command(subcommand)]
    ScamList(ScamListCommand),
    /// A sale's actions on chain: contribute, claim the refund, claim tokens, claim
    /// vested tokens, or a call you name, each with its function and arguments.
    #[command(subcommand)]
    Action(ActionCommand),
    /// Budgets: how much may go into token sales per period.
    #[command(subcommand)]
    Budget(BudgetCommand),
    /// The manual price book.
    #[command(subcommand)]
    Price(PriceCommand),
    /// What you hold, what it cost and what it is worth: holdings per asset and place,
    /// profit and loss per asset and per sale (FIFO), each value with its price's time.
    Portfolio {
        /// First choose the currency values are shown in (kept for next time): an ISO
        /// 4217 code or a coin one of your sales accepts.
        #[arg(long, value_name = "CODE")]
        currency: Option<String>,
    },
    /// Trades made outside Saleguard: buys, sells, and transfers between your places.
    #[command(subcommand)]
    Trade(TradeCommand),
    /// Encrypted backups of all data except secrets (age, with a passphrase read from a
    /// hidden prompt or standard input, never from arguments).
    #[command(subcommand)]
    Backup(BackupCommand),
    /// CSV for spreadsheets and tax tools (docs/csv-format.md): contributions, refunds,
    /// distributions and trades out and in, holdings out.
    #[command(subcommand)]
    Csv(CsvCommand),
    /// Sales' official addresses, with where each was published.
    #[command(subcommand)]
    Address(AddressCommand),
    /// The review's rules: show them, or change the options given.
    Policy {
        /// The lowest grade at which signing is allowed (A–F), or "none".
        #[arg(long, value_name = "GRADE")]
        minimum_grade: Option<String>,
        /// A red flag that blocks signing (repeat it; replaces the list). "none" clears it.
        #[arg(long = "block", value_name = "FLAG")]
        blocking_flags: Vec<String>,
        /// How many days a price stays fresh.
        #[arg(long, value_name = "DAYS")]
        max_price_age_days: Option<String>,
        /// How many hours a price stays fresh (in place of --max-price-age-days).
        #[arg(long, value_name = "HOURS", conflicts_with = "max_price_age_days")]
        max_price_age_hours: Option<String>,
        /// Block (yes) rather than warn (no) when no source of the project's own
        /// (website, official social account, whitepaper, announcements) vouches for
        /// the destination.
        #[arg(long, value_name = "YES/NO", value_parser = clap::builder::BoolishValueParser::new())]
        require_official_source: Option<bool>,
    },
    /// Upcoming events: sales opening and closing, token unlocks and refund deadlines.
    Calendar {
        /// Start of the period, UTC (default: now).
        #[arg(long, value_name = "TIME", default_value = "")]
        from: String,
        /// End of the period, UTC (default: twelve months after the start).
        #[arg(long, value_name = "TIME", default_value = "")]
        to: String,
    },
    /// Write every piece of data except secrets as one JSON document
    /// (docs/export-format.md): to a file, or to standard output.
    Export {
        /// The file to write (default: standard output).
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Restore an export into an empty data folder. The whole file is checked first;
    /// a file with any problem changes nothing and every problem is listed with its
    /// JSON path.
    Import {
        /// The export to restore.
        file: PathBuf,
        /// Only check the file (in a scratch copy, every read run over it) and say what
        /// it would restore.
        #[arg(long)]
        dry_run: bool,
    },
    /// Networks: the chains you send on, each with the RPC URL of your own node or
    /// provider. Saleguard contacts no node you did not name here.
    #[command(subcommand)]
    Network(NetworkCommand),
    /// Hardware wallets (Ledger, Trezor): the devices connected, their addresses, an
    /// address shown on the device to compare, and hardware accounts. Keys never leave the
    /// device; `contribute` signs with a hardware account on the device.
    #[command(subcommand)]
    Hw(HwCommand),
    /// Contribute: the review with the network's checks (balance, fees, gas estimate or
    /// the revert reason, the contract's code, the calldata) and the EIP-1559
    /// transaction; then, after you confirm, sign it with the account's key from the OS
    /// keyring, send it and follow it to the network's confirmations. Exits 0 when
    /// done (or, with --dry-run, when nothing blocks), 1 when something blocks, the
    /// transaction fails or you reject it on the device, 2 when the input is refused or
    /// the node or the device cannot be used.
    Contribute {
        /// The participation the contribution belongs to.
        #[arg(long)]
        participation: i64,
        /// The paying account's id.
        #[arg(long)]
        from: i64,
        /// In whole units of the sale's accepted currency (e.g. 0.5).
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
        #[command(flatten)]
        signing: SigningArgs,
    },
    /// Claim a refund from a sale that missed its soft cap (the sale's refund function,
    /// reviewed, signed and followed like a contribution). Exit statuses as contribute.
    Refund {
        #[arg(long)]
        participation: i64,
        /// The account that contributed.
        #[arg(long)]
        from: i64,
        #[command(flatten)]
        signing: SigningArgs,
    },
    /// Take one of the sale's actions (`saleguard action list`): claim tokens, release
    /// vested tokens, a call you named… reviewed, signed and followed like a
    /// contribution; only what the participation's state allows. Exit statuses as
    /// contribute.
    Act(ActArgs),
    /// Transactions Saleguard signed: their status and history.
    #[command(subcommand)]
    Tx(TxCommand),
    /// What your accounts allow the contracts of your token-paid sales to take, read
    /// from the tokens now; revoke what is left.
    #[command(subcommand)]
    Allowance(AllowanceCommand),
}

#[derive(Debug, Subcommand)]
pub enum AllowanceCommand {
    /// The allowances above zero, of one participation's sale or of every one.
    List {
        #[arg(long)]
        participation: Option<i64>,
    },
    /// Revoke an allowance: an approval of nothing, reviewed, signed and followed like
    /// any transaction (exit statuses as contribute). Possible in any state.
    Revoke {
        #[arg(long)]
        participation: i64,
        /// The account that gave it.
        #[arg(long)]
        from: i64,
        /// The contract allowed, as listed.
        #[arg(long)]
        spender: String,
        #[command(flatten)]
        signing: SigningArgs,
    },
}

/// `saleguard act`: the participation, the action by name, the account and the values.
#[derive(Debug, Args)]
pub struct ActArgs {
    #[arg(long)]
    pub participation: i64,
    /// The action's name, as the sale's actions list it ("Withdraw tokens").
    #[arg(long)]
    pub action: String,
    /// The signing account's id.
    #[arg(long)]
    pub from: i64,
    /// For an action that pays or passes the amount: whole units of the sale's
    /// currency.
    #[arg(long, allow_hyphen_values = true)]
    pub amount: Option<String>,
    /// For an action that passes {token_amount}: whole units of the sale's token.
    #[arg(long, allow_hyphen_values = true)]
    pub token_amount: Option<String>,
    /// A value for this transaction only, in place of the action's own: the
    /// parameter's name (or position from 1), "=", the value (repeatable).
    #[arg(long = "arg", value_name = "NAME=VALUE", allow_hyphen_values = true)]
    pub arguments: Vec<String>,
    #[command(flatten)]
    pub signing: SigningArgs,
}

#[derive(Debug, Args)]
pub struct SigningArgs {
    /// How fast to be included: slow, normal or fast (tips at the 10th, 50th or 90th
    /// percentile of recent blocks).
    #[arg(long, value_enum, default_value = "normal")]
    pub fee: FeeArg,
    /// Plan only: print the review and the unsigned transaction; nothing is signed,
    /// sent or kept.
    #[arg(long)]
    pub dry_run: bool,
    /// Override what blocks, for this reason (at least 10 characters); kept in the
    /// sale's history. Blocks that can never be overridden stay.
    #[arg(long = "override", value_name = "REASON", allow_hyphen_values = true)]
    pub override_reason: Option<String>,
    /// Sign and send without asking (for scripts); otherwise a terminal is asked.
    #[arg(long)]
    pub yes: bool,
}

#[derive(Debug, Subcommand)]
pub enum TxCommand {
    /// A transaction's status and history.
    Status { id: String },
    /// Follow a transaction until it is confirmed, fails, or is dropped or replaced
    /// (picks up a watch interrupted by a crash or a closed terminal).
    Watch { id: String },
    /// A participation's transactions, in the order they were planned, printed as they
    /// are read.
    List {
        #[arg(long)]
        participation: i64,
    },
    /// Replace a transaction stuck unmined with the same one at higher fees (at least
    /// 10 % more, or what recent blocks need at --fee): reviewed, signed and followed;
    /// whichever of the two is mined counts. Exit statuses as contribute.
    SpeedUp {
        id: String,
        #[command(flatten)]
        signing: SigningArgs,
    },
    /// Replace a transaction stuck unmined with a transfer of nothing to its sender, at
    /// higher fees: if it is mined first, the stuck one never will be.
    Cancel {
        id: String,
        #[command(flatten)]
        signing: SigningArgs,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FeeArg {
    Slow,
    Normal,
    Fast,
}

impl From<FeeArg> for saleguard_app::chain::plans::FeeSpeed {
    fn from(fee: FeeArg) -> Self {
        match fee {
            FeeArg::Slow => Self::Slow,
            FeeArg::Normal => Self::Normal,
            FeeArg::Fast => Self::Fast,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum NetworkCommand {
    /// The configured networks, then the presets (Ethereum, Sepolia, a local chain)
    /// not configured yet.
    List,
    /// Add or change a network; a preset or the saved network gives what you leave out.
    /// Its node is asked at once which chain it serves, and a mismatch is refused.
    Set(NetworkFields),
    /// Remove a network.
    Rm { chain_id: u64 },
    /// Connect to the network's node and check that it serves the configured chain.
    Check { chain_id: u64 },
}

#[derive(Debug, Subcommand)]
pub enum HwCommand {
    /// The hardware wallets connected now, with their state (locked, app not open…).
    List,
    /// The device's addresses along a derivation path scheme, and which are accounts.
    Addresses {
        #[command(flatten)]
        device: DeviceChoice,
        /// `ledger_live` (m/44'/60'/i'/0/0), `legacy` (m/44'/60'/0'/i) or `bip44`
        /// (m/44'/60'/0'/0/i).
        #[arg(long, default_value = "ledger_live")]
        scheme: String,
        /// The first index.
        #[arg(long, default_value_t = 0)]
        start: u32,
        /// How many (1 to 20).
        #[arg(long, default_value_t = 5)]
        count: u32,
    },
    /// Shows the address at PATH on the device: compare it with the one printed, and
    /// confirm on the device (exit 0) or reject there (exit 1; other failures exit 2).
    Verify {
        path: String,
        #[command(flatten)]
        device: DeviceChoice,
    },
    /// Adds the device's address at PATH as a hardware account; the device must hold
    /// ADDRESS there.
    Add {
        path: String,
        #[arg(long)]
        address: String,
        #[arg(long)]
        label: String,
        #[command(flatten)]
        device: DeviceChoice,
    },
}

/// Which hardware wallet a command talks to.
#[derive(Debug, Args)]
pub struct DeviceChoice {
    /// `ledger` or `trezor`; without it, the one connected (when only one is).
    #[arg(long)]
    pub wallet: Option<String>,
}

#[derive(Debug, Args)]
pub struct NetworkFields {
    #[arg(long)]
    pub chain_id: u64,
    #[arg(long)]
    pub name: Option<String>,
    /// The coin's symbol (ETH).
    #[arg(long)]
    pub symbol: Option<String>,
    /// The coin's decimals (18).
    #[arg(long)]
    pub decimals: Option<String>,
    /// Your node's http(s) address; "" removes it. A URL with an API key in it would
    /// be kept in your shell's history and shown to every user of this computer in the
    /// process list: give such a one with --rpc-url-stdin.
    #[arg(long)]
    pub rpc_url: Option<String>,
    /// Read the node's address from a hidden prompt (or one line of standard input),
    /// so that an API key in it never reaches the command line.
    #[arg(long, conflicts_with = "rpc_url")]
    pub rpc_url_stdin: bool,
    /// A block explorer (https), for links to transactions; "" removes it.
    #[arg(long)]
    pub explorer_url: Option<String>,
    /// Blocks to wait for before a transaction counts as confirmed.
    #[arg(long)]
    pub confirmations: Option<String>,
    /// Save without asking the node which chain it serves (a node offline right now).
    #[arg(long)]
    pub no_check: bool,
}

/// Participation states: researching, registered, kyc_pending, kyc_approved,
/// kyc_rejected, contributed, soft_cap_missed, refund_due, refunded, succeeded,
/// tokens_distributed, vesting, fully_claimed, withdrawn, abandoned.
#[derive(Debug, Subcommand)]
pub enum ParticipationCommand {
    /// Start following your participation in a sale.
    Start {
        /// The sale's id.
        #[arg(long)]
        sale: i64,
        /// Where you stand now.
        #[arg(long, default_value = "researching", value_parser = parse_state)]
        state: ParticipationState,
        #[command(flatten)]
        step: StepFields,
    },
    /// List every participation.
    List,
    /// Show a participation with its history.
    Show { id: i64 },
    /// Set how the participation's tokens unlock (replaces any earlier plan).
    Vesting {
        id: i64,
        /// How many tokens vest, in whole tokens (e.g. 12500.5).
        #[arg(long, allow_hyphen_values = true)]
        tokens: String,
        /// The token generation event, UTC ("2027-01-15 12:00").
        #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
        tge: String,
        /// Percent unlocked at the TGE (linear plans).
        #[arg(
            long,
            default_value = "0",
            allow_hyphen_values = true,
            conflicts_with = "tranche"
        )]
        at_tge: String,
        /// Months before anything after the TGE unlocks (linear plans).
        #[arg(
            long,
            default_value = "0",
            allow_hyphen_values = true,
            conflicts_with = "tranche"
        )]
        cliff: String,
        /// Length of the linear vesting in months, counted from the TGE.
        #[arg(
            long,
            allow_hyphen_values = true,
            conflicts_with = "tranche",
            required_unless_present = "tranche"
        )]
        months: Option<String>,
        /// How often a linear plan unlocks: daily, monthly or quarterly.
        #[arg(long, default_value = "monthly", conflicts_with = "tranche")]
        every: String,
        /// A tranche instead of a linear plan, MONTHS:PERCENT after the TGE (repeat it;
        /// the shares must add up to 100), e.g. --tranche 0:25 --tranche 6:75.
        #[arg(long, value_name = "MONTHS:PERCENT")]
        tranche: Vec<String>,
    },
    /// Record a contribution, refund or token distribution made outside Saleguard.
    Record {
        id: i64,
        /// contribution, refund or distribution.
        #[arg(long)]
        kind: String,
        /// When it happened, UTC ("2026-12-01 14:00").
        #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
        at: String,
        /// The currency or token, e.g. BTC.
        #[arg(long)]
        asset: String,
        /// Its decimals (8 for BTC, 18 for ETH).
        #[arg(long, allow_hyphen_values = true)]
        decimals: String,
        /// The amount in whole units, e.g. 0.015.
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
        /// A transaction hash or an exchange's reference.
        #[arg(long, default_value = "")]
        reference: String,
        /// Who paid (an address of any chain, or a name).
        #[arg(long, default_value = "")]
        from: String,
        /// Who was paid.
        #[arg(long, default_value = "")]
        to: String,
        #[arg(long, default_value = "", allow_hyphen_values = true)]
        note: String,
    },
    /// Keep KYC details (options left out keep their value).
    Kyc {
        id: i64,
        /// The KYC provider, e.g. "Fractal ID".
        #[arg(long)]
        provider: Option<String>,
        /// When you submitted, UTC ("2026-11-20 09:30"); "" clears it.
        #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
        submitted: Option<String>,
        /// The provider's reference for your application.
        #[arg(long)]
        reference: Option<String>,
        #[arg(long, allow_hyphen_values = true)]
        notes: Option<String>,
    },
    /// Set the last day to claim a refund that is due ("" clears it).
    RefundDeadline {
        id: i64,
        /// UTC ("2027-01-31 23:59").
        #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
        at: String,
    },
    /// Record the next step.
    Move {
        id: i64,
        /// The new state.
        #[arg(long, value_parser = parse_state)]
        to: ParticipationState,
        #[command(flatten)]
        step: StepFields,
    },
    /// Check for tokens: find the sale token's transfers to your accounts in the chain's
    /// logs (from where the last check stopped) and record each delivery from the sale
    /// once; transfers from anyone else are listed, not counted.
    Scan {
        id: i64,
        /// The block to look from, when no transaction of the participation is recorded
        /// on chain, or to look at earlier blocks again.
        #[arg(long, value_name = "BLOCK")]
        from_block: Option<u64>,
    },
    /// List the sale token's transfers to you that did not come from the sale.
    Transfers { id: i64 },
    /// Read the effects of every confirmed transaction again from the chain and correct
    /// what the ledger says differently (shown first; the old values are kept in the
    /// history).
    Repair {
        id: i64,
        /// Only show what differs.
        #[arg(long)]
        dry_run: bool,
        /// Correct without asking.
        #[arg(long)]
        yes: bool,
    },
    /// Count a transfer from another as a distribution of its sale (by its id in
    /// `participation transfers`).
    CountTransfer {
        /// The transfer's id.
        transfer: i64,
    },
}

#[derive(Debug, Subcommand)]
pub enum BudgetCommand {
    /// Add a budget for a calendar year (--year), a month (--year and --month) or a
    /// range (--from and --until).
    Add {
        /// USD, EUR… or the symbol of a coin one of your sales accepts (ETH).
        #[arg(long)]
        currency: String,
        #[arg(long, default_value = "")]
        year: String,
        #[arg(long, default_value = "")]
        month: String,
        #[arg(long, value_name = "TIME", default_value = "")]
        from: String,
        #[arg(long, value_name = "TIME", default_value = "")]
        until: String,
        /// The most that may go into sales in the period.
        #[arg(long, allow_hyphen_values = true)]
        total: String,
        /// The most for one sale.
        #[arg(long, default_value = "", allow_hyphen_values = true)]
        cap: String,
        /// The largest share of the total for one sale, in percent.
        #[arg(
            long,
            value_name = "PERCENT",
            default_value = "",
            allow_hyphen_values = true
        )]
        max_share: String,
    },
    /// Change a budget: the options given replace its values ("" clears --cap or
    /// --max-share). --from/--until make it a range, --month a month, --year alone
    /// moves it to another year (or the month to that year).
    Edit {
        id: i64,
        #[arg(long)]
        currency: Option<String>,
        #[arg(long)]
        year: Option<String>,
        #[arg(long)]
        month: Option<String>,
        #[arg(long, value_name = "TIME")]
        from: Option<String>,
        #[arg(long, value_name = "TIME")]
        until: Option<String>,
        #[arg(long, allow_hyphen_values = true)]
        total: Option<String>,
        #[arg(long, allow_hyphen_values = true)]
        cap: Option<String>,
        #[arg(long, value_name = "PERCENT", allow_hyphen_values = true)]
        max_share: Option<String>,
    },
    /// Every budget, with what is committed of it.
    List,
    /// Remove a budget.
    Rm { id: i64 },
}

#[derive(Debug, Subcommand)]
pub enum PriceCommand {
    /// Record a price: PRICE units of CURRENCY for one ASSET, seen at a time.
    Add {
        #[arg(long)]
        asset: String,
        #[arg(long)]
        currency: String,
        #[arg(long, allow_hyphen_values = true)]
        price: String,
        /// When you saw it, UTC.
        #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
        at: String,
    },
    /// Every price, newest first, with its source (manual, csv, api), printed as it is
    /// read (a million prices need no more memory than ten).
    List {
        /// Only the prices of this asset.
        #[arg(long)]
        asset: Option<String>,
        /// Only the prices in this currency.
        #[arg(long)]
        currency: Option<String>,
        /// Oldest first.
        #[arg(long)]
        oldest_first: bool,
    },
    /// Import price history from a CSV file (date_utc,asset,currency,price), all or
    /// nothing; importing it again replaces instead of doubling.
    Import {
        file: PathBuf,
        /// Only check the file and say what it would add.
        #[arg(long)]
        dry_run: bool,
    },
    /// Ask the online price API for the latest prices (it must be enabled: `price api`).
    Fetch,
    /// Show the price sources; with --order, set the order they are asked in.
    Sources {
        /// Each of manual, csv and api once, first asked first: `api,manual,csv`.
        #[arg(long, value_delimiter = ',')]
        order: Vec<String>,
    },
    /// Set up the online price API (a CoinGecko-compatible one; off by default).
    Api {
        /// Turn it on.
        #[arg(long, conflicts_with = "disable")]
        enable: bool,
        /// Turn it off.
        #[arg(long)]
        disable: bool,
        /// Its base URL; empty for CoinGecko's public API.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Read an API key from standard input (a hidden prompt at a terminal); it is
        /// kept in the OS keyring.
        #[arg(long, conflicts_with = "forget_key")]
        key: bool,
        /// Forget the API key.
        #[arg(long)]
        forget_key: bool,
    },
    /// Name the API's coin id for an asset (`XYZ xyz-protocol`); an empty id goes back
    /// to the default.
    Coin { asset: String, coin_id: String },
}

#[derive(Debug, Subcommand)]
#[allow(clippy::large_enum_variant, reason = "parsed once per run")]
pub enum TradeCommand {
    /// Record a buy, a sell or a transfer.
    Add {
        /// buy, sell or transfer.
        #[arg(long)]
        kind: String,
        /// When, UTC.
        #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
        at: String,
        /// The token, e.g. XYZ.
        #[arg(long)]
        asset: String,
        #[arg(long)]
        decimals: String,
        /// In whole tokens, e.g. 1200.5: what arrived (buy), left (sell) or moved.
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
        /// What was paid or received, with its currency: --price 1500.50 --currency USD.
        #[arg(
            long,
            value_name = "AMOUNT",
            default_value = "",
            allow_hyphen_values = true
        )]
        price: String,
        #[arg(long, default_value = "")]
        currency: String,
        /// A fee, with its currency: --fee 2 --fee-currency USD.
        #[arg(
            long,
            value_name = "AMOUNT",
            default_value = "",
            allow_hyphen_values = true
        )]
        fee: String,
        #[arg(long, default_value = "")]
        fee_currency: String,
        /// Where the tokens are (an account's label, an exchange); for a transfer, where
        /// they left.
        #[arg(long, default_value = "")]
        account: String,
        /// Where a transfer took them.
        #[arg(long = "to", default_value = "")]
        to_account: String,
        #[arg(long, default_value = "")]
        reference: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Every trade, newest first, printed as it is read.
    List {
        /// Only the trades of this asset.
        #[arg(long)]
        asset: Option<String>,
        /// Only the trades of this kind: buy, sell or transfer.
        #[arg(long)]
        kind: Option<String>,
        /// Oldest first.
        #[arg(long)]
        oldest_first: bool,
    },
    /// Remove a trade.
    Rm { id: i64 },
}

#[derive(Debug, Subcommand)]
pub enum BackupCommand {
    /// Write an encrypted backup (asks for the passphrase twice on a terminal).
    Create {
        /// The file to write (default: the Downloads folder, saleguard-backup-DATE.age).
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Restore a backup into an empty data folder: the whole file is decrypted and
    /// checked before anything is written.
    Restore { file: PathBuf },
    /// When the last backup was made, and whether it is time for one.
    Status,
}

#[derive(Debug, Subcommand)]
pub enum CsvCommand {
    /// Write every contribution, refund, distribution and trade (or the holdings).
    Export {
        /// The holdings now, per asset and place, instead of the transactions.
        #[arg(long)]
        holdings: bool,
        /// The file to write (default: standard output).
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Add the rows of a CSV file, all or nothing: a file with any bad row adds nothing
    /// and every problem is listed with its row number.
    Import {
        file: PathBuf,
        /// Only check the file and say what it would add.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum AddressCommand {
    /// Record an address a sale published, with where you saw it: a new official
    /// address, or one more source of one already recorded (never a replacement).
    Add {
        #[arg(long)]
        sale: i64,
        #[arg(long)]
        address: String,
        /// What it is for: contribution, claim, vesting, refund, token or other.
        #[arg(long, value_parser = address_purpose, default_value = "contribution")]
        purpose: AddressPurpose,
        /// The chain it was published for (default: the sale's).
        #[arg(long, default_value = "")]
        chain_id: String,
        #[command(flatten)]
        source: SourceFields,
    },
    /// Official addresses with their sources, of one sale or of all.
    List {
        #[arg(long)]
        sale: Option<i64>,
    },
    /// Where an official address was seen: add, list or remove its sources.
    #[command(subcommand)]
    Source(SourceCommand),
    /// Retire an official address you no longer trust (kept, with why): it vouches for
    /// nothing from then on, and the review no longer sees two published addresses.
    Retire {
        /// The official address's id (`saleguard address list`).
        id: i64,
        /// Why, in at least 10 characters.
        #[arg(long, allow_hyphen_values = true)]
        reason: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum SourceCommand {
    /// One more place an official address was seen.
    Add {
        /// The official address's id (`saleguard address list`).
        id: i64,
        #[command(flatten)]
        source: SourceFields,
    },
    /// The sources of one official address.
    List { id: i64 },
    /// Remove a source; an address left with none is removed with it.
    Rm {
        /// The source's id.
        id: i64,
    },
}

/// Where an address was seen.
#[derive(Debug, Args)]
pub struct SourceFields {
    /// website, official_social, whitepaper, announcement, launchpad, explorer,
    /// third_party or private_message.
    #[arg(long, value_parser = source_kind)]
    pub kind: SourceKind,
    /// Where: a link, or words ("the whitepaper, p. 12").
    #[arg(long, allow_hyphen_values = true)]
    pub source: String,
    /// When you saw it, UTC (default: now).
    #[arg(long, value_name = "TIME", default_value = "")]
    pub seen: String,
    #[arg(long, default_value = "", allow_hyphen_values = true)]
    pub note: String,
}

fn address_purpose(text: &str) -> Result<AddressPurpose, String> {
    AddressPurpose::parse(text).ok_or_else(|| {
        format!("{text:?} is not a purpose: contribution, claim, vesting, refund, token or other")
    })
}

fn source_kind(text: &str) -> Result<SourceKind, String> {
    SourceKind::parse(text)
        .filter(|kind| kind.can_be_chosen())
        .ok_or_else(|| {
            format!(
                "{text:?} is not a kind of source: website, official_social, whitepaper, \
             announcement, launchpad, explorer, third_party or private_message"
            )
        })
}

#[derive(Debug, Subcommand)]
pub enum ContactCommand {
    /// Add a contact.
    Add {
        /// Its name (unique, ignoring case).
        #[arg(long)]
        label: String,
        #[arg(long)]
        address: String,
        #[arg(long, default_value = "", allow_hyphen_values = true)]
        note: String,
    },
    /// Every contact, by name.
    List,
    /// Remove a contact.
    Rm { id: i64 },
}

#[derive(Debug, Subcommand)]
pub enum ScamListCommand {
    /// Import a list from a CSV (`entry,note`: a domain or an address a row) or a JSON
    /// file (`{"domains": […], "addresses": […]}`, or eth-phishing-detect's
    /// configuration): all of it, or with any problem nothing.
    Import {
        /// The file (leave out with --url).
        #[arg(required_unless_present = "url", conflicts_with = "url")]
        file: Option<std::path::PathBuf>,
        /// Fetch the list from this web address instead (the one request is made now),
        /// and keep the address to refresh the list from later.
        #[arg(long)]
        url: Option<String>,
        /// What to call it (unique); the file's name without its extension if left out
        /// (required with --url).
        #[arg(long, required_unless_present = "file")]
        name: Option<String>,
    },
    /// Fetch a list imported from a web address again and put what it lists now in place
    /// of its entries (with any problem, the old list stays whole).
    Refresh { id: i64 },
    /// The imported lists, with how many entries of each kind each holds.
    List,
    /// Remove an imported list.
    Rm { id: i64 },
}

/// An argument is `{account}` (the signing account), `{amount}` (the contribution, in
/// base units of the sale's currency), `{token_amount}` (base units of its token) or a
/// value of the parameter's type: a number, true/false, an address, 0x-hex bytes, a
/// string, or a list such as `[0x…, 0x…]` (a Merkle proof).
#[derive(Debug, Subcommand)]
pub enum ActionCommand {
    /// The sale's actions.
    List {
        /// The sale's id (`saleguard sale list`).
        #[arg(long)]
        sale: i64,
    },
    /// Add an action to a sale.
    Add {
        /// The sale's id (`saleguard sale list`).
        #[arg(long)]
        sale: i64,
        #[command(flatten)]
        fields: ActionFields,
    },
    /// Change the options given of an action; the rest stays.
    Edit {
        id: i64,
        #[command(flatten)]
        fields: ActionFields,
    },
    /// Remove an action (asks first, unless --yes).
    Rm {
        id: i64,
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Debug, Args)]
pub struct ActionFields {
    /// What you call it ("Withdraw tokens"), unique within the sale.
    #[arg(long)]
    pub name: Option<String>,
    /// contribute, claim_refund, claim_tokens, claim_vested or other.
    #[arg(long, value_parser = purpose_of)]
    pub purpose: Option<ActionPurpose>,
    /// The contract called, if not the sale's own address ("" for the sale's).
    #[arg(long)]
    pub contract: Option<String>,
    /// Where that contract's address was published.
    #[arg(long)]
    pub source: Option<String>,
    /// The function, e.g. "withdrawTokens(address beneficiary)"; "" for a contribution
    /// by plain transfer.
    #[arg(long)]
    pub call: Option<String>,
    /// One per parameter, in order (replaces them all when editing).
    #[arg(long = "arg", allow_hyphen_values = true, value_name = "VALUE")]
    pub arguments: Vec<String>,
    /// For a token or vested claim: the contract's view of what the account can claim
    /// now, e.g. "releasable(address)" (each address is the account's); the review
    /// blocks a claim it says is empty. "" removes it.
    #[arg(long, value_name = "VIEW")]
    pub claimable: Option<String>,
}

fn purpose_of(text: &str) -> Result<ActionPurpose, String> {
    ActionPurpose::parse(text).ok_or_else(|| {
        format!("{text:?} is not a purpose: contribute, claim_refund, claim_tokens, claim_vested or other")
    })
}

/// Scorecard factors: whitepaper, roadmap, team, market_potential, token_economics,
/// community, audits, exchange_involvement, legal_status. Red flags:
/// unrealistic_promises, lack_of_transparency, anonymous_or_inexperienced_team,
/// no_comprehensive_whitepaper, no_third_party_audit, no_recognised_exchange.
#[derive(Debug, Subcommand)]
pub enum DiligenceCommand {
    /// Show a sale's scorecard, grade, red flags, jurisdictions and whitepapers.
    Show {
        /// The sale's id.
        sale: i64,
    },
    /// Score one factor, with notes and evidence (options left out keep their value).
    Score {
        sale: i64,
        /// The factor.
        #[arg(long)]
        factor: String,
        /// 0 (absent or alarming) to 5 (exemplary); "" when not judged.
        #[arg(long, allow_hyphen_values = true)]
        score: Option<String>,
        #[arg(long, allow_hyphen_values = true)]
        notes: Option<String>,
        /// A link to what backs the score (repeat it; replaces the factor's links).
        #[arg(long, value_name = "URL")]
        evidence: Vec<String>,
    },
    /// Raise a red flag, or lower it with --clear.
    Flag {
        sale: i64,
        /// The red flag.
        flag: String,
        #[arg(long)]
        clear: bool,
    },
    /// Set the countries the sale admits or excludes (ISO 3166-1 codes, "US, CN").
    Jurisdictions {
        sale: i64,
        #[arg(long, value_name = "CODES")]
        eligible: Option<String>,
        #[arg(long, value_name = "CODES")]
        excluded: Option<String>,
    },
    /// Fingerprint (SHA-256) the whitepaper file you read, to notice a changed one later.
    Whitepaper {
        sale: i64,
        /// The whitepaper file.
        file: std::path::PathBuf,
    },
}

/// When a step happened and a note on it.
#[derive(Debug, Args)]
pub struct StepFields {
    /// When it happened, UTC ("2026-12-01 14:00"); now if left out.
    #[arg(
        long,
        value_name = "TIME",
        default_value = "",
        allow_hyphen_values = true
    )]
    pub at: String,
    /// A note kept with the step.
    #[arg(long, default_value = "", allow_hyphen_values = true)]
    pub note: String,
}

fn parse_state(text: &str) -> Result<ParticipationState, String> {
    ParticipationState::parse(text).ok_or_else(|| format!("{text:?} is not a participation state"))
}

#[derive(Debug, Subcommand)]
pub enum AccountCommand {
    /// Create an account from a new 24-word recovery phrase. The words are shown once;
    /// the account is kept only after you re-enter three of them (asked one per line).
    New {
        /// A name for the account.
        #[arg(long)]
        label: String,
    },
    /// Import a recovery phrase, a private key or a watch-only address.
    Import {
        /// A name for the account.
        #[arg(long)]
        label: String,
        #[command(flatten)]
        source: ImportSource,
        /// With --mnemonic: the derivation path of the account.
        #[arg(
            long,
            value_name = "PATH",
            default_value = "m/44'/60'/0'/0/0",
            requires = "mnemonic"
        )]
        path: String,
        /// With --mnemonic: also read a BIP-39 passphrase (after the phrase).
        #[arg(long, requires = "mnemonic")]
        with_passphrase: bool,
    },
    /// List every account.
    List,
    /// Show one account.
    Show { account: AccountRef },
    /// Rename an account.
    Rename {
        account: AccountRef,
        #[arg(long)]
        label: String,
    },
    /// Remove an account and, when no other account uses it, its secret in the keyring.
    Rm {
        account: AccountRef,
        /// The account's name, typed to confirm (asked on the terminal otherwise).
        #[arg(long, value_name = "LABEL")]
        confirm: Option<String>,
    },
    /// Show an account's recovery phrase or private key.
    Reveal {
        account: AccountRef,
        /// The account's name, typed to confirm (asked on the terminal otherwise).
        #[arg(long, value_name = "LABEL")]
        confirm: Option<String>,
    },
    /// Add the next address of an account's recovery phrase.
    Derive {
        account: AccountRef,
        /// A name for the new account (default: the source's name and the index).
        #[arg(long)]
        label: Option<String>,
    },
}

/// What `account import` reads: exactly one of these.
#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct ImportSource {
    /// Read a recovery phrase (12–24 words) from standard input or a hidden prompt.
    #[arg(long)]
    pub mnemonic: bool,
    /// Read a private key (64 hex characters) from standard input or a hidden prompt.
    #[arg(long)]
    pub private_key: bool,
    /// Watch this address (no secret).
    #[arg(long, value_name = "ADDRESS")]
    pub watch: Option<String>,
}

/// An account by id, or by its address.
#[derive(Debug, Clone)]
pub enum AccountRef {
    Id(i64),
    Address(String),
}

impl std::str::FromStr for AccountRef {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if text.starts_with("0x") || text.starts_with("0X") {
            return Ok(Self::Address(text.to_owned()));
        }
        text.parse()
            .map(Self::Id)
            .map_err(|_| format!("{text:?} is neither an account id nor an address"))
    }
}

#[derive(Debug, Subcommand)]
pub enum SaleCommand {
    /// Add a sale.
    Add(SaleFields),
    /// List every sale, soonest start first.
    List,
    /// Show one sale in full.
    Show { id: i64 },
    /// Change some terms of a sale; what you leave out stays as it is.
    Edit {
        id: i64,
        #[command(flatten)]
        fields: SaleFields,
    },
    /// Archive a sale: kept with its history, out of the way.
    Archive { id: i64 },
    /// Bring an archived sale back.
    Unarchive { id: i64 },
    /// Delete a sale (asks first, unless --yes).
    Rm {
        id: i64,
        /// Delete without asking.
        #[arg(long)]
        yes: bool,
    },
    /// Show a sale's token on chain, or set it ("" clears it). How the sale is paid and
    /// claimed from is its actions: `saleguard action`.
    Contract {
        /// The sale's id.
        sale: i64,
        /// The sale's token: its transfers to you are the sale's deliveries.
        #[arg(long)]
        token: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CurrencyArg {
    Native,
    Erc20,
}

/// The terms of a sale. Amounts are decimal numbers in whole units of the accepted
/// currency (e.g. 1.5 for 1.5 ETH); times are UTC ("2026-12-01 14:00" or RFC 3339).
/// Pass an empty string to clear an optional value when editing. Values may start
/// with '-' so that a negative amount reaches the checks and gets a clear error.
#[derive(Debug, Args)]
pub struct SaleFields {
    /// Project name.
    #[arg(long, allow_hyphen_values = true)]
    name: Option<String>,
    /// Token symbol, e.g. AUR.
    #[arg(long, allow_hyphen_values = true)]
    symbol: Option<String>,
    /// Token decimals (0–36).
    #[arg(long, allow_hyphen_values = true)]
    decimals: Option<String>,
    /// EVM chain id (1 for Ethereum).
    #[arg(long, allow_hyphen_values = true)]
    chain_id: Option<String>,
    /// The designated contribution address.
    #[arg(long, allow_hyphen_values = true)]
    address: Option<String>,
    /// Accepted currency: the chain's native coin or an ERC-20 token.
    #[arg(long, value_enum)]
    currency: Option<CurrencyArg>,
    /// Symbol of the accepted currency (default: the native coin of well-known chains,
    /// e.g. ETH on chain 1, BNB on 56).
    #[arg(long, allow_hyphen_values = true)]
    currency_symbol: Option<String>,
    /// ERC-20 contract of the accepted currency.
    #[arg(long, allow_hyphen_values = true)]
    currency_address: Option<String>,
    /// Decimals of the ERC-20 accepted currency.
    #[arg(long, allow_hyphen_values = true)]
    currency_decimals: Option<String>,
    /// Price of one token in the accepted currency.
    #[arg(long, allow_hyphen_values = true, conflicts_with_all = ["rate", "no_pricing"])]
    price: Option<String>,
    /// Tokens per one unit of the accepted currency.
    #[arg(long, allow_hyphen_values = true, conflicts_with = "no_pricing")]
    rate: Option<String>,
    /// Remove the price or rate.
    #[arg(long)]
    no_pricing: bool,
    #[arg(long, allow_hyphen_values = true)]
    soft_cap: Option<String>,
    #[arg(long, allow_hyphen_values = true)]
    hard_cap: Option<String>,
    /// Minimum contribution.
    #[arg(long, allow_hyphen_values = true)]
    min: Option<String>,
    /// Maximum contribution.
    #[arg(long, allow_hyphen_values = true)]
    max: Option<String>,
    /// Start, UTC.
    #[arg(long, allow_hyphen_values = true)]
    start: Option<String>,
    /// End, UTC.
    #[arg(long, allow_hyphen_values = true)]
    end: Option<String>,
    /// Whether KYC is required (yes/no).
    #[arg(long, value_parser = clap::builder::BoolishValueParser::new())]
    kyc: Option<bool>,
    #[arg(long, allow_hyphen_values = true)]
    whitepaper: Option<String>,
    #[arg(long, allow_hyphen_values = true)]
    notes: Option<String>,
}

impl SaleFields {
    /// Applies the given options on top of `base` (empty for `add`, the stored sale for `edit`).
    pub fn into_draft(self, base: SaleDraft) -> SaleDraft {
        let mut draft = base;
        let set = |target: &mut String, value: Option<String>| {
            if let Some(value) = value {
                *target = value;
            }
        };
        set(&mut draft.project_name, self.name);
        set(&mut draft.token_symbol, self.symbol);
        set(&mut draft.token_decimals, self.decimals);
        set(&mut draft.chain_id, self.chain_id);
        set(&mut draft.contribution_address, self.address);
        if let Some(currency) = self.currency {
            let kind = match currency {
                CurrencyArg::Native => CurrencyKind::Native,
                CurrencyArg::Erc20 => CurrencyKind::Erc20,
            };
            if kind != draft.currency_kind {
                // The old currency's symbol would be wrong for the new one.
                draft.currency_symbol.clear();
                draft.currency_kind = kind;
            }
        }
        set(&mut draft.currency_symbol, self.currency_symbol);
        if draft.currency_symbol.is_empty() && draft.currency_kind == CurrencyKind::Native {
            // Well-known chains get their coin's symbol; for others the user must say.
            let chain_id = draft.chain_id.trim().parse().ok();
            if let Some(symbol) = chain_id.and_then(native_coin_symbol) {
                draft.currency_symbol = symbol.to_owned();
            }
        }
        set(&mut draft.currency_address, self.currency_address);
        set(&mut draft.currency_decimals, self.currency_decimals);
        if let Some(price) = self.price {
            draft.pricing_kind = PricingKind::Price;
            draft.pricing_amount = price;
        } else if let Some(rate) = self.rate {
            draft.pricing_kind = PricingKind::Rate;
            draft.pricing_amount = rate;
        } else if self.no_pricing {
            draft.pricing_kind = PricingKind::None;
            draft.pricing_amount.clear();
        }
        set(&mut draft.soft_cap, self.soft_cap);
        set(&mut draft.hard_cap, self.hard_cap);
        set(&mut draft.min_contribution, self.min);
        set(&mut draft.max_contribution, self.max);
        set(&mut draft.starts_at, self.start);
        set(&mut draft.ends_at, self.end);
        if let Some(kyc) = self.kyc {
            draft.kyc_required = kyc;
        }
        set(&mut draft.whitepaper_url, self.whitepaper);
        set(&mut draft.notes, self.notes);
        draft
    }
}
