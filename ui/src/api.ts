// The only way the UI reaches the backend. Every function unwraps the generated
// `Result` and throws the backend's `AppError` object on failure, so TanStack Query
// sees it as the query's or mutation's error. Components import from here, never
// from `./bindings` or `@tauri-apps/api/core` directly.

import { Channel } from "@tauri-apps/api/core";
import { commands, NATIVE_COIN_SYMBOLS } from "./bindings";

// The backend's types, named for the UI and taken from the generated command
// signatures rather than by the Rust type names, so that a rename on the Rust side
// (e.g. `SaleDraft` for `SaleInput`) cannot silently break this module.
type Outcome<T, E> = { status: "ok"; data: T } | { status: "error"; error: E };
type OkData<R> = R extends { status: "ok"; data: infer T } ? T : never;
type ErrorData<R> = R extends { status: "error"; error: infer E } ? E : never;
type CommandReply<C extends keyof typeof commands> = Awaited<ReturnType<(typeof commands)[C]>>;

export type Sale = OkData<CommandReply<"getSale">>;
export type SaleInput = Parameters<(typeof commands)["createSale"]>[0];
export type AppInfo = OkData<CommandReply<"appInfo">>;
export type AppError = ErrorData<CommandReply<"getSale">>;
export type FieldError = AppError["invalidFields"][number];
export type ErrorCode = AppError["code"];
export type Amount = NonNullable<Sale["hardCap"]>;
export type AcceptedCurrency = Sale["currency"];
export type Pricing = NonNullable<Sale["pricing"]>;
export type SaleStatus = Sale["status"];
export type CurrencyKind = SaleInput["currencyKind"];
export type PricingKind = SaleInput["pricingKind"];
export type Account = OkData<CommandReply<"getAccount">>;
export type AccountKind = Account["kind"];
/** A freshly generated recovery phrase, not yet saved: shown once, then confirmed or cancelled. */
export type NewMnemonic = OkData<CommandReply<"beginNewAccount">>;
export type ConfirmNewAccountInput = Parameters<(typeof commands)["confirmNewAccount"]>[0];
export type WordAnswer = ConfirmNewAccountInput["answers"][number];
export type ImportMnemonicInput = Parameters<(typeof commands)["importMnemonicAccount"]>[0];
export type ImportPrivateKeyInput = Parameters<(typeof commands)["importPrivateKeyAccount"]>[0];
export type AddWatchOnlyInput = Parameters<(typeof commands)["addWatchOnlyAccount"]>[0];
/** A hardware wallet found connected now, with its state and what to do about it. */
export type HardwareDevice = OkData<CommandReply<"listHardwareDevices">>[number];
export type HardwareDeviceState = HardwareDevice["state"];
/** Which of a hardware wallet's addresses to list: a path scheme, the first index and how many. */
export type HardwareAddressesInput = Parameters<(typeof commands)["listHardwareAddresses"]>[0];
/** One address of a hardware wallet, with the account it already is (if any). */
export type HardwareAddress = OkData<CommandReply<"listHardwareAddresses">>[number];
export type HardwarePathInput = Parameters<(typeof commands)["verifyHardwareAddress"]>[0];
export type AddHardwareAccountInput = Parameters<(typeof commands)["addHardwareAccount"]>[0];
export type RevealedSecret = OkData<CommandReply<"revealAccountSecret">>;
export type KeyringStatus = OkData<CommandReply<"keyringStatus">>;
/** One sale's participation: its state, its dated history (oldest first) and the moves open to it now. */
export type Participation = OkData<CommandReply<"getParticipation">>;
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
export type LedgerEntry = Participation["ledger"][number];
/** One dated event of the calendar: a sale opening or closing, a token unlock. */
export type CalendarEvent = OkData<CommandReply<"calendar">>[number];
export type CalendarEventKind = CalendarEvent["kind"];

/** Everything known from researching a sale: scorecard, grade, red flags, jurisdictions, whitepaper fingerprints. */
export type SaleResearch = OkData<CommandReply<"getResearch">>;
/** The research as typed in the scorecard editor. */
export type ResearchInput = Parameters<(typeof commands)["setResearch"]>[1];
export type FactorInput = ResearchInput["factors"][number];
export type FactorView = SaleResearch["factors"][number];
export type GradeView = SaleResearch["grade"];
export type JurisdictionFinding = SaleResearch["jurisdiction"];
export type Severity = JurisdictionFinding["severity"];
export type WhitepaperView = SaleResearch["whitepapers"][number];
export type Settings = OkData<CommandReply<"getSettings">>;
export type Country = OkData<CommandReply<"listCountries">>[number];
/** A participation's KYC: status (from its history), whether the sale requires it, and the details kept. */
export type Kyc = Participation["kyc"];
export type KycStatus = Kyc["status"];
export type KycInput = Parameters<(typeof commands)["setKyc"]>[1];

/** A budget and what is committed of it now, in all and per sale (decimals as exact strings). */
export type BudgetView = OkData<CommandReply<"listBudgets">>[number];
export type BudgetInput = Parameters<(typeof commands)["addBudget"]>[0];
export type PriceView = OkData<CommandReply<"listPrices">>[number];
export type PriceInput = Parameters<(typeof commands)["addPrice"]>[0];
/** Where a price came from: the price book (`manual`), imported history (`csv`) or the online API (`api`). */
export type PriceSourceName = PriceView["source"];
/** The price sources as the user set them up: their order, the online price API and its coin ids. */
export type PriceSources = OkData<CommandReply<"getPriceSources">>;
export type PriceApiSettings = PriceSources["api"];
/** An asset the online API is asked about, with its coin id there (`""`: none) and whether the user chose it. */
export type PriceApiCoin = PriceSources["coins"][number];
/** The online price API's settings as typed; `apiKey` `null` keeps the key, `""` forgets it. */
export type PriceApiInput = Parameters<(typeof commands)["setPriceApi"]>[0];
/** What one request to the online price API brought. */
export type PriceRefresh = OkData<CommandReply<"refreshPrices">>;
/** What a price history CSV would add, and every problem (row number, column) that stops it. */
export type PriceHistoryPreview = OkData<CommandReply<"previewPriceHistory">>;

/** The portfolio valued now: headline sums, holdings, each sale's outcome, and what could not be known. */
export type PortfolioView = OkData<CommandReply<"getPortfolio">>;
export type HoldingView = PortfolioView["holdings"][number];
export type SaleOutcome = PortfolioView["sales"][number];
export type PortfolioTotal = PortfolioView["value"];
/** The portfolio's charts: its value over time, the current budget's use, the unlocks of the next twelve months by month. */
export type PortfolioCharts = OkData<CommandReply<"getPortfolioCharts">>;
export type ValuePoint = PortfolioCharts["valueOverTime"][number];
export type BudgetChart = NonNullable<PortfolioCharts["budget"]>;
export type BudgetStep = BudgetChart["steps"][number];
export type UnlockMonth = PortfolioCharts["unlocks"][number];
export type UnlockTotal = UnlockMonth["tokens"][number];
/** A buy, sell or transfer recorded by hand. */
export type TradeView = OkData<CommandReply<"recordTrade">>;
export type TradeInput = Parameters<(typeof commands)["recordTrade"]>[0];
/** What a CSV import would add, and every problem (row number, column) that stops it. */
export type CsvPreview = OkData<CommandReply<"previewCsvImport">>;
export type CsvRowError = CsvPreview["errors"][number];
export type CsvImportSummary = OkData<CommandReply<"importCsv">>;
export type CsvExportKind = Parameters<(typeof commands)["exportCsv"]>[0];
export type CsvExportSummary = OkData<CommandReply<"exportCsv">>;

/** When the last encrypted backup was made, and whether it is time for one. */
export type BackupStatus = OkData<CommandReply<"backupStatus">>;
export type BackupSummary = OkData<CommandReply<"createBackup">>;

/** An address a sale's project published, with where and when the user saw it. */
export type OfficialAddress = OkData<CommandReply<"addOfficialAddress">>;
export type OfficialAddressInput = Parameters<(typeof commands)["addOfficialAddress"]>[1];
/** An address in the user's address book: what look-alike destinations are compared with. */
export type Contact = OkData<CommandReply<"addContact">>;
/** Where an export was written and how many rows of each table it holds. */
export type ExportSummary = OkData<CommandReply<"exportData">>;
export type ImportSummary = OkData<CommandReply<"importData">>;
export type TableCount = ExportSummary["tables"][number];
export type ContactInput = Parameters<(typeof commands)["addContact"]>[0];
/** What blocks a contribution besides budgets and the sale's terms: minimum grade, red flags, price age. */
export type ReviewPolicy = OkData<CommandReply<"getReviewPolicy">>;
/** A contribution as typed for review: `from` an account id (or an address); empty chain id and time mean the sale's chain, now. */
export type ReviewInput = Parameters<(typeof commands)["reviewContribution"]>[0];
/** A contribution's review: verdict, findings (most severe first) and what it does to the budget. */
export type Review = OkData<CommandReply<"reviewContribution">>;
export type Verdict = Review["verdict"];
export type Finding = Review["findings"][number];
export type FindingDetail = Finding["details"][number];
export type BudgetImpact = NonNullable<Review["budget"]>;
export type OverrideInput = Parameters<(typeof commands)["overrideReview"]>[0];
/** An amount typed in a sale's accepted currency (whole units, e.g. "0.5"), to value in the budget's currency. */
export type AmountValueInput = Parameters<(typeof commands)["valueContribution"]>[0];
/** What such an amount is worth in the budget's currency (`valued`, rounded to cents), or why that cannot be said. */
export type AmountValue = OkData<CommandReply<"valueContribution">>;
/** An overridden review as kept in the history: the contribution, its findings then, and the reason. */
export type ReviewOverride = OkData<CommandReply<"overrideReview">>;

/** A network as the list shows it: saved (`configured`), or a preset offered until then (no RPC URL). */
export type Network = OkData<CommandReply<"listNetworks">>[number];
/** A network as typed in its form: every field a string. */
export type NetworkInput = Parameters<(typeof commands)["saveNetwork"]>[0];
/** What the node said when its connection was tested. */
export type NetworkCheck = OkData<CommandReply<"checkNetwork">>;
/** How a sale takes contributions on chain, as typed: empty strings for a plain transfer, no refund, token unknown. */
export type ContractTerms = Parameters<(typeof commands)["setContractTerms"]>[1];
export type ContributionInput = Parameters<(typeof commands)["prepareContribution"]>[0];
export type RefundInput = Parameters<(typeof commands)["prepareRefund"]>[0];
export type FeeSpeed = NonNullable<ContributionInput["feeSpeed"]>;
/** A planned transaction: its review with the network's checks, and the transaction in words and numbers. */
export type TransactionPlan = OkData<CommandReply<"prepareContribution">>;
export type TransactionSummary = TransactionPlan["transaction"];
/** What a hardware wallet's screen will show before the user confirms, screen by screen. */
export type DevicePrompt = NonNullable<TransactionSummary["devicePrompt"]>;
export type DeviceScreen = DevicePrompt["screens"][number];
export type PurposeName = TransactionPlan["purpose"];
/** A transaction Saleguard planned, and what became of it. */
export type TransactionView = OkData<CommandReply<"getTransaction">>;
export type TxStatusName = TransactionView["status"];
type ChannelMessage<C> = C extends Channel<infer Message> ? Message : never;
/** One step of a submission as it happens: signing, sending, mined, confirmed… */
export type TxProgress = ChannelMessage<Parameters<(typeof commands)["sendTransaction"]>[2]>;
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

function unwrap<T>(result: Outcome<T, AppError>): T {
  if (result.status === "error") {
    throw result.error;
  }
  return result.data;
}

export const api = {
  listSales: async (): Promise<Sale[]> => unwrap(await commands.listSales()),
  getSale: async (id: number): Promise<Sale> => unwrap(await commands.getSale(id)),
  getSaleDraft: async (id: number): Promise<SaleInput> => unwrap(await commands.getSaleDraft(id)),
  createSale: async (input: SaleInput): Promise<Sale> => unwrap(await commands.createSale(input)),
  updateSale: async (id: number, input: SaleInput): Promise<Sale> =>
    unwrap(await commands.updateSale(id, input)),
  deleteSale: async (id: number): Promise<void> => {
    unwrap(await commands.deleteSale(id));
  },
  setSaleArchived: async (id: number, archived: boolean): Promise<Sale> =>
    unwrap(await commands.setSaleArchived(id, archived)),
  listParticipations: async (): Promise<Participation[]> => unwrap(await commands.listParticipations()),
  getParticipation: async (id: number): Promise<Participation> => unwrap(await commands.getParticipation(id)),
  startParticipation: async (input: StartParticipationInput): Promise<Participation> =>
    unwrap(await commands.startParticipation(input)),
  moveParticipation: async (id: number, input: MoveParticipationInput): Promise<Participation> =>
    unwrap(await commands.moveParticipation(id, input)),
  setVesting: async (id: number, input: VestingInput): Promise<Participation> =>
    unwrap(await commands.setVesting(id, input)),
  recordEntry: async (id: number, input: EntryInput): Promise<Participation> =>
    unwrap(await commands.recordEntry(id, input)),
  /** Events from `from` to `to` (UTC as typed or RFC 3339); empty `from` is now, empty `to` twelve months after `from`. */
  calendar: async (from: string, to: string): Promise<CalendarEvent[]> => unwrap(await commands.calendar(from, to)),
  appInfo: async (): Promise<AppInfo> => unwrap(await commands.appInfo()),
  listAccounts: async (): Promise<Account[]> => unwrap(await commands.listAccounts()),
  getAccount: async (id: number): Promise<Account> => unwrap(await commands.getAccount(id)),
  beginNewAccount: async (): Promise<NewMnemonic> => unwrap(await commands.beginNewAccount()),
  confirmNewAccount: async (input: ConfirmNewAccountInput): Promise<Account> =>
    unwrap(await commands.confirmNewAccount(input)),
  cancelNewAccount: async (pendingId: string): Promise<void> => {
    unwrap(await commands.cancelNewAccount(pendingId));
  },
  importMnemonicAccount: async (input: ImportMnemonicInput): Promise<Account> =>
    unwrap(await commands.importMnemonicAccount(input)),
  importPrivateKeyAccount: async (input: ImportPrivateKeyInput): Promise<Account> =>
    unwrap(await commands.importPrivateKeyAccount(input)),
  addWatchOnlyAccount: async (input: AddWatchOnlyInput): Promise<Account> =>
    unwrap(await commands.addWatchOnlyAccount(input)),
  /** The hardware wallets connected now, each with its state; an empty list when none is found. */
  listHardwareDevices: async (): Promise<HardwareDevice[]> => unwrap(await commands.listHardwareDevices()),
  listHardwareAddresses: async (input: HardwareAddressesInput): Promise<HardwareAddress[]> =>
    unwrap(await commands.listHardwareAddresses(input)),
  /** Shows the address at the path on the device; resolves to it once the user confirms there (up to 2 minutes). */
  verifyHardwareAddress: async (input: HardwarePathInput): Promise<string> => unwrap(await commands.verifyHardwareAddress(input)),
  /** Adds the device's address as an account; the device is asked again and must hold it. */
  addHardwareAccount: async (input: AddHardwareAccountInput): Promise<Account> =>
    unwrap(await commands.addHardwareAccount(input)),
  deriveNextAccount: async (id: number, label: string | null): Promise<Account> =>
    unwrap(await commands.deriveNextAccount(id, label)),
  renameAccount: async (id: number, label: string): Promise<Account> => unwrap(await commands.renameAccount(id, label)),
  removeAccount: async (id: number, confirmation: string): Promise<void> => {
    unwrap(await commands.removeAccount(id, confirmation));
  },
  revealAccountSecret: async (id: number, confirmation: string): Promise<RevealedSecret> =>
    unwrap(await commands.revealAccountSecret(id, confirmation)),
  keyringStatus: async (): Promise<KeyringStatus> => unwrap(await commands.keyringStatus()),
  getResearch: async (saleId: number): Promise<SaleResearch> => unwrap(await commands.getResearch(saleId)),
  setResearch: async (saleId: number, input: ResearchInput): Promise<SaleResearch> =>
    unwrap(await commands.setResearch(saleId, input)),
  recordWhitepaper: async (saleId: number, sha256: string, fileName: string, byteCount: number): Promise<SaleResearch> =>
    unwrap(await commands.recordWhitepaper(saleId, sha256, fileName, byteCount)),
  getSettings: async (): Promise<Settings> => unwrap(await commands.getSettings()),
  setResidenceCountry: async (code: string): Promise<Settings> => unwrap(await commands.setResidenceCountry(code)),
  listCountries: async (): Promise<Country[]> => unwrap(await commands.listCountries()),
  setKyc: async (id: number, input: KycInput): Promise<Participation> => unwrap(await commands.setKyc(id, input)),
  setRefundDeadline: async (id: number, at: string): Promise<Participation> =>
    unwrap(await commands.setRefundDeadline(id, at)),
  listBudgets: async (): Promise<BudgetView[]> => unwrap(await commands.listBudgets()),
  addBudget: async (input: BudgetInput): Promise<BudgetView> => unwrap(await commands.addBudget(input)),
  removeBudget: async (id: number): Promise<void> => {
    unwrap(await commands.removeBudget(id));
  },
  listPrices: async (): Promise<PriceView[]> => unwrap(await commands.listPrices()),
  getPriceSources: async (): Promise<PriceSources> => unwrap(await commands.getPriceSources()),
  /** Sets the order the price sources are asked in: each source once. */
  setPriceSourceOrder: async (order: PriceSourceName[]): Promise<PriceSources> =>
    unwrap(await commands.setPriceSourceOrder(order)),
  /** Turns the online price API on or off with its base URL (`""`: the default); a new key goes into the keyring. */
  setPriceApi: async (input: PriceApiInput): Promise<PriceSources> => unwrap(await commands.setPriceApi(input)),
  /** Sets the API's coin id for an asset; `""` goes back to the default. */
  setPriceApiCoin: async (asset: string, coinId: string): Promise<PriceSources> =>
    unwrap(await commands.setPriceApiCoin(asset, coinId)),
  /** Asks the online price API for the latest prices (it must be on); a failure is recorded and changes no price. */
  refreshPrices: async (): Promise<PriceRefresh> => unwrap(await commands.refreshPrices()),
  /** Checks a price history CSV's text whole; nothing is written. */
  previewPriceHistory: async (contents: string): Promise<PriceHistoryPreview> =>
    unwrap(await commands.previewPriceHistory(contents)),
  /** Imports a price history CSV's text, all or nothing; a price already imported for the same moment is replaced. Returns how many prices. */
  importPriceHistory: async (contents: string): Promise<number> => unwrap(await commands.importPriceHistory(contents)),
  getPortfolio: async (): Promise<PortfolioView> => unwrap(await commands.getPortfolio()),
  /** The data of the portfolio's charts, valued in the portfolio's currency (the budget's in its own). */
  getPortfolioCharts: async (): Promise<PortfolioCharts> => unwrap(await commands.getPortfolioCharts()),
  previewCsvImport: async (contents: string): Promise<CsvPreview> => unwrap(await commands.previewCsvImport(contents)),
  /** Imports a CSV all or nothing, reporting progress; `cancelCsvImport(importId)` stops it with nothing added. */
  importCsv: async (contents: string, importId: string, onProgress: (progress: CsvProgress) => void): Promise<CsvImportSummary> =>
    unwrap(await commands.importCsv(contents, importId, progressChannel(onProgress))),
  cancelCsvImport: async (importId: string): Promise<void> => {
    unwrap(await commands.cancelCsvImport(importId));
  },
  exportCsv: async (kind: CsvExportKind): Promise<CsvExportSummary> => unwrap(await commands.exportCsv(kind)),
  backupStatus: async (): Promise<BackupStatus> => unwrap(await commands.backupStatus()),
  createBackup: async (passphrase: string): Promise<BackupSummary> => unwrap(await commands.createBackup({ passphrase })),
  /** Restores a backup's text into an empty data folder, checked whole first. */
  restoreBackup: async (contents: string, passphrase: string): Promise<ImportSummary> =>
    unwrap(await commands.restoreBackup(contents, { passphrase })),
  /** The budget that applies now, with what is left of it; `null` without one. */
  getCurrentBudget: async (): Promise<BudgetView | null> => unwrap(await commands.getCurrentBudget()),
  setPortfolioCurrency: async (currency: string): Promise<string> => unwrap(await commands.setPortfolioCurrency(currency)),
  listTrades: async (): Promise<TradeView[]> => unwrap(await commands.listTrades()),
  recordTrade: async (input: TradeInput): Promise<TradeView> => unwrap(await commands.recordTrade(input)),
  removeTrade: async (id: number): Promise<void> => {
    unwrap(await commands.removeTrade(id));
  },
  addPrice: async (input: PriceInput): Promise<PriceView> => unwrap(await commands.addPrice(input)),
  /** A sale's official addresses; `null` for every sale's. */
  listOfficialAddresses: async (saleId: number | null): Promise<OfficialAddress[]> =>
    unwrap(await commands.listOfficialAddresses(saleId)),
  addOfficialAddress: async (saleId: number, input: OfficialAddressInput): Promise<OfficialAddress> =>
    unwrap(await commands.addOfficialAddress(saleId, input)),
  listContacts: async (): Promise<Contact[]> => unwrap(await commands.listContacts()),
  addContact: async (input: ContactInput): Promise<Contact> => unwrap(await commands.addContact(input)),
  removeContact: async (id: number): Promise<void> => {
    unwrap(await commands.removeContact(id));
  },
  getReviewPolicy: async (): Promise<ReviewPolicy> => unwrap(await commands.getReviewPolicy()),
  setReviewPolicy: async (input: ReviewPolicy): Promise<ReviewPolicy> => unwrap(await commands.setReviewPolicy(input)),
  reviewContribution: async (input: ReviewInput): Promise<Review> => unwrap(await commands.reviewContribution(input)),
  /** What an amount of the sale's currency is worth in the budget's currency, or why that cannot be said. */
  valueContribution: async (input: AmountValueInput): Promise<AmountValue> => unwrap(await commands.valueContribution(input)),
  /** Opens a sent transaction's page on its network's explorer in the system browser (the backend builds the address). */
  openInExplorer: async (transactionId: string): Promise<void> => {
    unwrap(await commands.openInExplorer(transactionId));
  },
  /** Reviews the contribution again and keeps it, its findings and the reason in the history. */
  overrideReview: async (input: OverrideInput): Promise<ReviewOverride> => unwrap(await commands.overrideReview(input)),
  /** Overridden reviews, newest first: of one sale, or of all (`null`). */
  listReviewOverrides: async (saleId: number | null): Promise<ReviewOverride[]> =>
    unwrap(await commands.listReviewOverrides(saleId)),
  /** Writes every piece of data except secrets into the Downloads folder. */
  exportData: async (): Promise<ExportSummary> => unwrap(await commands.exportData()),
  /** Restores an export's text into the (empty) data folder, all or nothing. */
  importData: async (contents: string): Promise<ImportSummary> => unwrap(await commands.importData(contents)),
  /** The saved networks, then the presets not saved yet (without an RPC URL). */
  listNetworks: async (): Promise<Network[]> => unwrap(await commands.listNetworks()),
  /** What a network's form starts from: the saved network, else its preset. */
  getNetworkDraft: async (chainId: number): Promise<NetworkInput> => unwrap(await commands.getNetworkDraft(chainId)),
  /** Adds the network, or replaces the one with the same chain id. */
  saveNetwork: async (input: NetworkInput): Promise<Network> => unwrap(await commands.saveNetwork(input)),
  removeNetwork: async (chainId: number): Promise<void> => {
    unwrap(await commands.removeNetwork(chainId));
  },
  /** Connects to the network's node and checks it serves that chain. */
  checkNetwork: async (chainId: number): Promise<NetworkCheck> => unwrap(await commands.checkNetwork(chainId)),
  getContractTerms: async (saleId: number): Promise<ContractTerms> => unwrap(await commands.getContractTerms(saleId)),
  setContractTerms: async (saleId: number, input: ContractTerms): Promise<ContractTerms> =>
    unwrap(await commands.setContractTerms(saleId, input)),
  /** Plans a contribution against the node; kept as a draft to sign unless the node says it fails (`draftId` null). */
  prepareContribution: async (input: ContributionInput): Promise<TransactionPlan> =>
    unwrap(await commands.prepareContribution(input)),
  /** Plans a refund claim against the node, like a contribution. */
  prepareRefund: async (input: RefundInput): Promise<TransactionPlan> => unwrap(await commands.prepareRefund(input)),
  /** Signs and sends a draft; each step is handed to `onStep` as it happens. */
  sendTransaction: async (
    draftId: string,
    overrideReason: string | null,
    onStep: (step: TxProgress) => void,
  ): Promise<TransactionView> => unwrap(await commands.sendTransaction(draftId, overrideReason, progressChannel(onStep))),
  /** Stops a signing in progress, before its signature: nothing is sent. */
  cancelSigning: async (draftId: string): Promise<void> => {
    unwrap(await commands.cancelSigning(draftId));
  },
  /** Follows a sent transaction to its end (confirmed, failed, dropped or replaced), each step to `onStep`. */
  followTransaction: async (id: string, onStep: (step: TxProgress) => void): Promise<TransactionView> =>
    unwrap(await commands.followTransaction(id, progressChannel(onStep))),
  /** A participation's transactions, oldest first. */
  listTransactions: async (participationId: number): Promise<TransactionView[]> =>
    unwrap(await commands.listTransactions(participationId)),
  /** Gives up on a planned draft that was not signed: it can no longer be signed. */
  abandonTransaction: async (id: string): Promise<TransactionView> => unwrap(await commands.abandonTransaction(id)),
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
