// The only way the UI reaches the backend. The generated commands throw the backend's
// `AppError` object on failure (tauri-specta's throwing mode), so TanStack Query sees it
// as the query's or mutation's error; what each command does is documented on it, in
// the generated bindings. Components import from here, never from `./bindings` or
// `@tauri-apps/api/core` directly.

import { Channel } from "@tauri-apps/api/core";
import { commands, NATIVE_COIN_SYMBOLS } from "./bindings";
import type { AppError as BackendError } from "./bindings";

// The backend's types, named for the UI and taken from the generated command
// signatures rather than by the Rust type names, so that a rename on the Rust side
// (e.g. `SaleDraft` for `SaleInput`) cannot silently break this module.
type CommandReply<C extends keyof typeof commands> = Awaited<ReturnType<(typeof commands)[C]>>;

export type Sale = CommandReply<"getSale">;
export type SaleInput = Parameters<(typeof commands)["createSale"]>[0];
export type AppInfo = CommandReply<"appInfo">;
export type AppError = BackendError;
export type FieldError = AppError["invalidFields"][number];
export type ErrorCode = AppError["code"];
export type Amount = NonNullable<Sale["hardCap"]>;
export type AcceptedCurrency = Sale["currency"];
export type Pricing = NonNullable<Sale["pricing"]>;
export type SaleStatus = Sale["status"];
export type CurrencyKind = SaleInput["currencyKind"];
export type PricingKind = SaleInput["pricingKind"];
export type Account = CommandReply<"getAccount">;
export type AccountKind = Account["kind"];
/** A freshly generated recovery phrase, not yet saved: shown once, then confirmed or cancelled. */
export type NewMnemonic = CommandReply<"beginNewAccount">;
export type ConfirmNewAccountInput = Parameters<(typeof commands)["confirmNewAccount"]>[0];
export type WordAnswer = ConfirmNewAccountInput["answers"][number];
export type ImportMnemonicInput = Parameters<(typeof commands)["importMnemonicAccount"]>[0];
export type ImportPrivateKeyInput = Parameters<(typeof commands)["importPrivateKeyAccount"]>[0];
export type AddWatchOnlyInput = Parameters<(typeof commands)["addWatchOnlyAccount"]>[0];
/** A hardware wallet found connected now, with its state and what to do about it. */
export type HardwareDevice = CommandReply<"listHardwareDevices">[number];
export type HardwareDeviceState = HardwareDevice["state"];
/** Which of a hardware wallet's addresses to list: a path scheme, the first index and how many. */
export type HardwareAddressesInput = Parameters<(typeof commands)["listHardwareAddresses"]>[0];
/** One address of a hardware wallet, with the account it already is (if any). */
export type HardwareAddress = CommandReply<"listHardwareAddresses">[number];
export type HardwarePathInput = Parameters<(typeof commands)["verifyHardwareAddress"]>[0];
export type AddHardwareAccountInput = Parameters<(typeof commands)["addHardwareAccount"]>[0];
export type RevealedSecret = CommandReply<"revealAccountSecret">;
export type KeyringStatus = CommandReply<"keyringStatus">;
/** One sale's participation: its state, its dated history (oldest first) and the moves open to it now. */
export type Participation = CommandReply<"getParticipation">;
/** A participation as the list shows it; `Participation` is read when one is opened. */
export type ParticipationSummary = CommandReply<"listParticipations">[number];
export type ParticipationStep = Participation["history"][number];
export type ParticipationState = Participation["state"];
export type StartParticipationInput = Parameters<(typeof commands)["startParticipation"]>[0];
export type MoveParticipationInput = Parameters<(typeof commands)["moveParticipation"]>[1];
/** A vesting plan as typed in a form: every field a string, checked by the backend. */
export type VestingInput = Parameters<(typeof commands)["setVesting"]>[1];
export type TrancheInput = VestingInput["tranches"][number];
/** A participation's vesting: the plan as typed, its exact schedule, what has unlocked and what unlocks next. */
export type Vesting = NonNullable<Participation["vesting"]>;
export type Unlock = Vesting["unlocks"][number];
/** A contribution, refund or distribution as typed in a form. */
export type EntryInput = Parameters<(typeof commands)["recordEntry"]>[1];
/** A recorded contribution, refund or distribution. */
export type Entry = CommandReply<"listEntries">["rows"][number];
/** Which of a participation's entries to list (blank kind: every one) and in which order. */
export type EntryQuery = Parameters<(typeof commands)["listEntries"]>[1];
/** One dated event of the calendar: a sale opening or closing, a token unlock. */
export type CalendarEvent = CommandReply<"calendar">[number];
export type CalendarEventKind = CalendarEvent["kind"];

/** Everything known from researching a sale: scorecard, grade, red flags, jurisdictions, whitepaper fingerprints. */
export type SaleResearch = CommandReply<"getResearch">;
/** The research as typed in the scorecard editor. */
export type ResearchInput = Parameters<(typeof commands)["setResearch"]>[1];
export type FactorInput = ResearchInput["factors"][number];
export type FactorView = SaleResearch["factors"][number];
export type GradeView = SaleResearch["grade"];
export type JurisdictionFinding = SaleResearch["jurisdiction"];
export type Severity = JurisdictionFinding["severity"];
export type WhitepaperView = SaleResearch["whitepapers"][number];
export type LinkHitView = SaleResearch["linkHits"][number];
/** A list of known scams the user imported, with how many entries of each kind it holds. */
export type ScamList = CommandReply<"listScamLists">[number];
export type Settings = CommandReply<"getSettings">;
export type Country = CommandReply<"listCountries">[number];
/** A participation's KYC: status (from its history), whether the sale requires it, and the details kept. */
export type Kyc = Participation["kyc"];
export type KycStatus = Kyc["status"];
export type KycInput = Parameters<(typeof commands)["setKyc"]>[1];

/** A budget and what is committed of it now, in all and per sale (decimals as exact strings). */
export type BudgetView = CommandReply<"listBudgets">[number];
export type BudgetInput = Parameters<(typeof commands)["addBudget"]>[0];
export type PriceView = CommandReply<"listPrices">["rows"][number];
/** Which prices the price book lists (blank asset or currency: every one) and in which order. */
export type PriceQuery = Parameters<(typeof commands)["listPrices"]>[0];
/** Which rows of a long list to read: `limit` (1 to 500) after the first `offset`. */
export type PageInput = Parameters<(typeof commands)["listPrices"]>[1];
/** One page of a long list, where it starts, and how many rows the whole list holds as filtered. */
export type Page<T> = Omit<CommandReply<"listPrices">, "rows"> & { rows: T[] };
/** The order of a dated list. */
export type ListOrder = PriceQuery["order"];
export type PriceInput = Parameters<(typeof commands)["addPrice"]>[0];
/** Where a price came from: the price book (`manual`), imported history (`csv`) or the online API (`api`). */
export type PriceSource = PriceView["source"];
/** The price sources as the user set them up: their order, the online price API and its coin ids. */
export type PriceSources = CommandReply<"getPriceSources">;
export type PriceApiSettings = PriceSources["api"];
/** An asset the online API is asked about, with its coin id there (`""`: none) and whether the user chose it. */
export type PriceApiCoin = PriceSources["coins"][number];
/** The online price API's settings as typed; `apiKey` `null` keeps the key, `""` forgets it. */
export type PriceApiInput = Parameters<(typeof commands)["setPriceApi"]>[0];
/** What one request to the online price API brought. */
export type PriceRefresh = CommandReply<"refreshPrices">;
/** What a price history CSV would add, and every problem (row number, column) that stops it. */
export type PriceHistoryPreview = CommandReply<"previewPriceHistory">;

/** The portfolio valued now: headline sums, holdings, each sale's outcome, and what could not be known. */
export type PortfolioView = CommandReply<"getPortfolio">;
export type HoldingView = PortfolioView["holdings"][number];
export type SaleOutcome = PortfolioView["sales"][number];
export type PortfolioTotal = PortfolioView["value"];
/** The portfolio's charts: its value over time, the current budget's use, the unlocks of the next twelve months by month. */
export type PortfolioCharts = CommandReply<"getPortfolioCharts">;
export type ValuePoint = PortfolioCharts["valueOverTime"][number];
export type BudgetChart = NonNullable<PortfolioCharts["budget"]>;
export type BudgetStep = BudgetChart["steps"][number];
export type UnlockMonth = PortfolioCharts["unlocks"][number];
export type UnlockTotal = UnlockMonth["tokens"][number];
/** A buy, sell or transfer recorded by hand. */
export type TradeView = CommandReply<"recordTrade">;
export type TradeInput = Parameters<(typeof commands)["recordTrade"]>[0];
/** Which trades the list shows (blank asset or kind: every one) and in which order. */
export type TradeQuery = Parameters<(typeof commands)["listTrades"]>[0];
/** What a CSV import would add, and every problem (row number, column) that stops it. */
export type CsvPreview = CommandReply<"previewCsvImport">;
export type CsvRowError = CsvPreview["errors"][number];
export type CsvImportSummary = CommandReply<"importCsv">;
export type CsvExportKind = Parameters<(typeof commands)["exportCsv"]>[0];
export type CsvExportSummary = NonNullable<CommandReply<"exportCsv">>;

/** A file the user chose in the system's open dialog: its name, size and the number the backend knows it by. */
export type ChosenFile = NonNullable<CommandReply<"chooseFile">>;
/** What a file to open is for: the dialog's title and filter follow from it. */
export type FileToOpen = Parameters<(typeof commands)["chooseFile"]>[0];

/** When the last encrypted backup was made, and whether it is time for one. */
export type BackupStatus = CommandReply<"backupStatus">;
export type BackupSummary = NonNullable<CommandReply<"createBackup">>;

/** An address a sale's project published, with where and when the user saw it. */
export type OfficialAddress = CommandReply<"addOfficialAddress">;
export type OfficialAddressInput = Parameters<(typeof commands)["addOfficialAddress"]>[1];
/** Where an official address was seen: its kind, a link or words, when, a note. */
export type AddressSourceInput = Parameters<(typeof commands)["addAddressSource"]>[1];
export type AddressSource = OfficialAddress["sources"][number];
export type SourceKind = AddressSource["kind"];
export type AddressPurpose = OfficialAddress["purpose"];
/** An address in the user's address book: what look-alike destinations are compared with. */
export type Contact = CommandReply<"addContact">;
/** Where an export was written and how many rows of each table it holds. */
export type ExportSummary = NonNullable<CommandReply<"exportData">>;
export type ImportSummary = CommandReply<"importData">;
export type TableCount = ExportSummary["tables"][number];
export type ContactInput = Parameters<(typeof commands)["addContact"]>[0];
/** What blocks a contribution besides budgets and the sale's terms: minimum grade, red flags, price age. */
export type ReviewPolicy = CommandReply<"getReviewPolicy">;
/** A contribution as typed for review: `from` an account id (or an address); empty chain id and time mean the sale's chain, now. */
export type ReviewInput = Parameters<(typeof commands)["reviewContribution"]>[0];
/** A contribution's review: verdict, findings (most severe first) and what it does to the budget. */
export type Review = CommandReply<"reviewContribution">;
export type Verdict = Review["verdict"];
export type Finding = Review["findings"][number];
export type FindingDetail = Finding["details"][number];
export type BudgetImpact = NonNullable<Review["budget"]>;
export type OverrideInput = Parameters<(typeof commands)["overrideReview"]>[0];
/** An amount typed in a sale's accepted currency (whole units, e.g. "0.5"), to value in the budget's currency. */
export type AmountValueInput = Parameters<(typeof commands)["valueContribution"]>[0];
/** What such an amount is worth in the budget's currency (`valued`, rounded at its currency's minor units), or why that cannot be said. */
export type AmountValue = CommandReply<"valueContribution">;
/** An overridden review as kept in the history: the contribution, its findings then, and the reason. */
export type ReviewOverride = CommandReply<"overrideReview">;

/** A network as the list shows it: saved (`configured`), or a preset offered until then (no RPC URL). */
export type Network = CommandReply<"listNetworks">[number];
/** A network as typed in its form: every field a string. */
export type NetworkInput = Parameters<(typeof commands)["saveNetwork"]>[0];
/** What the node said when its connection was tested. */
export type NetworkCheck = CommandReply<"checkNetwork">;
/** How a sale takes contributions on chain, as typed: empty strings for a plain transfer, no refund, token unknown. */
export type ContractTerms = Parameters<(typeof commands)["setContractTerms"]>[1];
/** One of a sale's actions on chain: its purpose, the contract it calls, its function and each argument (a template or a literal). */
export type SaleAction = CommandReply<"listSaleActions">[number];
export type SaleActionArgument = SaleAction["arguments"][number];
/** An action as typed: the arguments one per parameter, as text. */
export type SaleActionInput = Parameters<(typeof commands)["addAction"]>[1];
export type ActionPurpose = SaleActionInput["purpose"];
/** An action a participation may take now (its sale's, or a contribution by plain transfer, which needs none). */
export type OfferedAction = Participation["offeredActions"][number];
export type ContributionInput = Parameters<(typeof commands)["prepareContribution"]>[0];
export type RefundInput = Parameters<(typeof commands)["prepareRefund"]>[0];
export type ActInput = Parameters<(typeof commands)["prepareAction"]>[0];
export type ArgumentValue = NonNullable<ActInput["arguments"]>[number];
export type FeeSpeed = NonNullable<ContributionInput["feeSpeed"]>;
/** A planned transaction: its review with the network's checks, and the transaction in words and numbers. */
export type TransactionPlan = CommandReply<"prepareContribution">;
export type TransactionSummary = TransactionPlan["transaction"];
export type PaymentView = NonNullable<TransactionPlan["payment"]>;
export type RevokeInput = Parameters<(typeof commands)["prepareRevoke"]>[0];
export type ReplaceInput = Parameters<(typeof commands)["prepareReplacement"]>[0];
export type Replacement = ReplaceInput["how"];
export type AllowanceView = CommandReply<"listAllowances">[number];
export type CallArgument = TransactionSummary["arguments"][number];
/** What a hardware wallet's screen will show before the user confirms, screen by screen. */
export type DevicePrompt = NonNullable<TransactionSummary["devicePrompt"]>;
export type DeviceScreen = DevicePrompt["screens"][number];
export type TxPurpose = TransactionPlan["purpose"];
/** A transaction Saleguard planned, and what became of it. */
export type TransactionView = CommandReply<"getTransaction">;
export type TxStatus = TransactionView["status"];
type ChannelMessage<C> = C extends Channel<infer Message> ? Message : never;
/** One step of a submission as it happens: signing, sending, mined, confirmed… */
export type TxProgress = ChannelMessage<Parameters<(typeof commands)["sendTransaction"]>[2]>;
/** How far a check for tokens has read the chain. */
export type ScanProgress = ChannelMessage<Parameters<(typeof commands)["scanDeliveries"]>[1]>;
export type ScanSummary = CommandReply<"scanDeliveries">;
export type ScanInput = Parameters<(typeof commands)["scanDeliveries"]>[0];
/** A transfer of the sale's token to the user from someone other than the sale. */
export type TransferFromOtherView = CommandReply<"countTransfer">;
/** What reading a participation's transactions again found, and one correction of it. */
export type LedgerRepair = CommandReply<"planLedgerRepair">;
export type CorrectionView = LedgerRepair["corrections"][number];
/** How far a CSV import is: rows added so far of all. */
export type CsvProgress = ChannelMessage<Parameters<(typeof commands)["importCsv"]>[2]>;

/** A channel the backend reports progress on, each step handed to `onStep` in order. */
function progressChannel<Step>(onStep: (step: Step) => void): Channel<Step> {
  const channel = new Channel<Step>();
  channel.onmessage = onStep;
  return channel;
}

/** What a failed backend call throws: the backend's typed error, or an `Error` when the call itself broke. */
export type BackendFailure = AppError | Error;

/**
 * Every command as generated, with the progress of the long ones handed to a callback
 * step by step (instead of a channel) and the backup passphrase passed as itself.
 */
export const api = {
  ...commands,
  /** Imports a CSV all or nothing, reporting progress; `cancelCsvImport(importId)` stops it with nothing added. */
  importCsv: (file: number, importId: string, onProgress: (progress: CsvProgress) => void): Promise<CsvImportSummary> =>
    commands.importCsv(file, importId, progressChannel(onProgress)),
  /** Writes an encrypted backup where the user says in the save dialog; `null` when they cancel. */
  createBackup: (passphrase: string): Promise<BackupSummary | null> => commands.createBackup({ passphrase }),
  /** Restores a chosen backup into an empty data folder, checked whole first. */
  restoreBackup: (file: number, passphrase: string): Promise<ImportSummary> => commands.restoreBackup(file, { passphrase }),
  /** Signs and sends a draft; each step is handed to `onStep` as it happens. */
  sendTransaction: (
    draftId: string,
    overrideReason: string | null,
    onStep: (step: TxProgress) => void,
  ): Promise<TransactionView> => commands.sendTransaction(draftId, overrideReason, progressChannel(onStep)),
  /** Follows a sent transaction to its end (confirmed, failed, dropped or replaced), each step to `onStep`. */
  followTransaction: (id: string, onStep: (step: TxProgress) => void): Promise<TransactionView> =>
    commands.followTransaction(id, progressChannel(onStep)),
  /** Checks for tokens in the chain's logs, how far it read handed to `onProgress`; `cancelDeliveryScan` stops it. */
  scanDeliveries: (input: ScanInput, onProgress: (progress: ScanProgress) => void): Promise<ScanSummary> =>
    commands.scanDeliveries(input, progressChannel(onProgress)),
};

export function isAppError(value: unknown): value is AppError {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<Record<keyof AppError, unknown>>;
  return (
    typeof candidate.code === "string" &&
    typeof candidate.message === "string" &&
    Array.isArray(candidate.invalidFields)
  );
}

export function hasErrorCode(value: unknown, code: ErrorCode): boolean {
  return isAppError(value) && value.code === code;
}

/** The human-readable text of any failure, for display only (never matched on). */
export function failureMessage(value: unknown): string {
  if (isAppError(value)) return value.message;
  if (value instanceof Error) return value.message;
  return String(value);
}

/** The symbol of a well-known chain's native coin (the backend's table), if known. */
export function nativeCoinSymbol(chainId: string): string | undefined {
  const symbols: Readonly<Record<string, string>> = NATIVE_COIN_SYMBOLS;
  return symbols[chainId.trim()];
}

/** The fewest characters the backend accepts as the reason to override a blocked review (the backend's own constant). */
export { OVERRIDE_REASON_MIN } from "./bindings";
