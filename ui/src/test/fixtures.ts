// Sales, accounts, participations and errors as the backend would send them, for tests only.
import type {
  Account,
  Amount,
  AppError,
  CalendarEvent,
  ChosenFile,
  KeyringStatus,
  Entry,
  EntryQuery,
  NewMnemonic,
  Participation,
  ParticipationSummary,
  ParticipationState,
  HoldingView,
  ListOrder,
  Page,
  PageInput,
  PortfolioView,
  PriceQuery,
  PriceView,
  TradeQuery,
  TradeView,
  ParticipationStep,
  PriceApiSettings,
  PriceSources,
  Sale,
  Unlock,
  Vesting,
  VestingInput,
} from "../api";
import { lastStepAt } from "../participations/participationsQueries";
import type { CommandHandler } from "./fakeBackend";

let nextId = 1;

export function saleFixture(overrides: Partial<Sale> = {}): Sale {
  const id = overrides.id ?? nextId++;
  return {
    id,
    projectName: `Project ${id}`,
    tokenSymbol: "TKN",
    tokenDecimals: 18,
    chainId: 1,
    contributionAddress: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    currency: { kind: "native", symbol: "ETH", decimals: 18, address: null },
    pricing: {
      kind: "price",
      amount: { baseUnits: "500000000000000", decimals: 18, decimal: "0.0005", symbol: "ETH" },
    },
    softCap: { baseUnits: "500000000000000000000", decimals: 18, decimal: "500", symbol: "ETH" },
    hardCap: { baseUnits: "1500000000000000000000", decimals: 18, decimal: "1500", symbol: "ETH" },
    minContribution: null,
    maxContribution: null,
    startsAt: "2026-12-01T14:00:00Z",
    endsAt: "2026-12-15T14:00:00Z",
    kycRequired: false,
    whitepaperUrl: null,
    notes: "",
    status: "upcoming",
    createdAt: "2026-11-01T10:00:00Z",
    updatedAt: "2026-11-01T10:00:00Z",
    archivedAt: null,
    ...overrides,
  };
}

export function ethAmount(decimal: string, baseUnits: string) {
  return { baseUnits, decimals: 18, decimal, symbol: "ETH" };
}

export function appErrorFixture(overrides: Partial<AppError> = {}): AppError {
  return {
    code: "internal",
    message: "Something went wrong.",
    field: null,
    invalidFields: [],
    ...overrides,
  };
}

/**
 * A file the user chose in the system's open dialog, as `choose_file` replies: its name, the
 * number the backend knows it by, and its size (1,234 bytes, shown as "1.2 KB", unless given).
 */
export function chosenFileFixture(name: string, id = nextId++, bytes = 1234): ChosenFile {
  return { id, name, bytes };
}

/**
 * A `choose_file` handler that answers each time the dialog is opened with the next of `answers`:
 * the file chosen, `null` for a dialog the user cancelled, or an AppError it rejects with.
 */
export function chooseFileAnswers(...answers: Array<ChosenFile | AppError | null>): () => ChosenFile | null {
  let next = 0;
  return () => {
    if (next >= answers.length) throw new Error(`The test expected the open dialog only ${answers.length} time(s)`);
    const answer = answers[next++] ?? null;
    if (answer !== null && "code" in answer) throw answer;
    return answer;
  };
}

export function accountFixture(overrides: Partial<Account> = {}): Account {
  const id = overrides.id ?? nextId++;
  return {
    id,
    label: `Account ${id}`,
    address: "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
    kind: "imported_mnemonic",
    derivationPath: "m/44'/60'/0'/0/0",
    hasSecret: true,
    canDerive: true,
    otherAccountsWithSameSecret: 0,
    hardwareWallet: null,
    createdAt: "2026-11-02T09:30:00Z",
    ...overrides,
  };
}

/** 24 stand-in words, each naming its position ("word7"), so a test can tell which one is asked for. */
export function numberedWords(): string[] {
  return Array.from({ length: 24 }, (_, index) => `word${index + 1}`);
}

export function newMnemonicFixture(overrides: Partial<NewMnemonic> = {}): NewMnemonic {
  return {
    pendingId: "pending-1",
    words: numberedWords(),
    address: "0x9858EfFD232B4033E47d90003D41EC34EcaEda94",
    derivationPath: "m/44'/60'/0'/0/0",
    challenge: [3, 7, 20],
    ...overrides,
  };
}

export const keyringAvailable: KeyringStatus = { available: true, code: null, message: null };

/** The moves the backend allows from each state when the sale does not require KYC. */
export const successorsWithoutKyc: Record<ParticipationState, ParticipationState[]> = {
  researching: ["registered", "kyc_pending", "contributed", "withdrawn", "abandoned"],
  registered: ["kyc_pending", "contributed", "withdrawn", "abandoned"],
  kyc_pending: ["kyc_approved", "kyc_rejected", "withdrawn", "abandoned"],
  kyc_approved: ["contributed", "withdrawn", "abandoned"],
  kyc_rejected: ["kyc_pending", "withdrawn", "abandoned"],
  contributed: ["soft_cap_missed", "succeeded"],
  soft_cap_missed: ["refund_due"],
  refund_due: ["refunded"],
  refunded: [],
  succeeded: ["tokens_distributed"],
  tokens_distributed: ["vesting", "fully_claimed"],
  vesting: ["fully_claimed"],
  fully_claimed: [],
  withdrawn: [],
  abandoned: [],
};

export function stepFixture(overrides: Partial<ParticipationStep> = {}): ParticipationStep {
  const happenedAt = overrides.happenedAt ?? "2026-11-05T09:00:00Z";
  return { from: null, to: "researching", happenedAt, recordedAt: happenedAt, note: "", ...overrides };
}

/** A participation whose state is its last step's, and whose next states follow from it unless given. */
export function participationFixture(overrides: Partial<Participation> = {}): Participation {
  const id = overrides.id ?? nextId++;
  const history = overrides.history ?? [stepFixture()];
  const state = overrides.state ?? history.at(-1)?.to ?? "researching";
  return {
    id,
    saleId: id,
    projectName: `Project ${id}`,
    tokenSymbol: "TKN",
    state,
    history,
    nextStates: successorsWithoutKyc[state],
    vesting: null,
    entryCount: 0,
    offeredActions: [],
    kyc: { status: "not_started", required: false, details: { provider: "", submittedAt: "", reference: "", notes: "" } },
    refundDeadline: null,
    nextEvent: null,
    createdAt: history[0]?.recordedAt ?? "2026-11-05T09:00:00Z",
    ...overrides,
  };
}

/** What `list_participations` answers for `participation`: its summary, as the backend makes it. */
export function summaryOf(participation: Participation): ParticipationSummary {
  const { id, saleId, projectName, tokenSymbol, state, history, nextEvent } = participation;
  return { id, saleId, projectName, tokenSymbol, state, steps: history.length, lastStepAt: lastStepAt(participation), nextEvent };
}

/** An exact amount as the backend sends it, from its decimal text: ("1250", "AUR") → 1250 AUR at 18 decimals. */
export function amountFixture(decimal: string, symbol: string, decimals = 18): Amount {
  const [whole = "0", fraction = ""] = decimal.split(".");
  const baseUnits = BigInt(`${whole}${fraction.padEnd(decimals, "0")}`).toString();
  return { baseUnits, decimals, decimal, symbol };
}

export function unlockFixture(at: string, decimal: string, symbol = "AUR"): Unlock {
  return { at, amount: amountFixture(decimal, symbol) };
}

export const linearPlanFixture: VestingInput = {
  totalTokens: "1000",
  tgeAt: "2027-01-15 12:00",
  kind: "linear",
  atTgePercent: "10",
  cliffMonths: "0",
  months: "3",
  frequency: "monthly",
  tranches: [],
};

/**
 * A vesting as the backend computes it: 1000 AUR, 10 % at the TGE (15 Jan 2027), the
 * rest monthly over 3 months; with `unlocked` of its unlocks already past.
 */
export function vestingFixture(overrides: Partial<Vesting> = {}, unlocked = 1): Vesting {
  const unlocks = overrides.unlocks ?? [
    unlockFixture("2027-01-15T12:00:00Z", "100"),
    unlockFixture("2027-02-15T12:00:00Z", "300"),
    unlockFixture("2027-03-15T12:00:00Z", "300"),
    unlockFixture("2027-04-15T12:00:00Z", "300"),
  ];
  const symbol = unlocks[0]?.amount.symbol ?? "AUR";
  const sum = (list: ReadonlyArray<Unlock>) => list.reduce((total, unlock) => total + BigInt(unlock.amount.baseUnits), 0n);
  const asAmount = (baseUnits: bigint): Amount => {
    const text = baseUnits.toString().padStart(19, "0");
    const whole = text.slice(0, -18).replace(/^0+(?=\d)/, "");
    const fraction = text.slice(-18).replace(/0+$/, "");
    return { baseUnits: baseUnits.toString(), decimals: 18, decimal: fraction ? `${whole}.${fraction}` : whole, symbol };
  };
  return {
    plan: linearPlanFixture,
    total: asAmount(sum(unlocks)),
    unlocks,
    unlockedNow: asAmount(sum(unlocks.slice(0, unlocked))),
    nextUnlock: unlocks[unlocked] ?? null,
    ...overrides,
  };
}

export function entryFixture(overrides: Partial<Entry> = {}): Entry {
  const id = overrides.id ?? nextId++;
  return {
    id,
    kind: "contribution",
    source: "manual",
    logIndex: null,
    happenedAt: "2026-12-01T10:00:00Z",
    amount: amountFixture("0.015", "BTC", 8),
    reference: "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b",
    from: "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
    to: "Exchange deposit",
    note: "",
    recordedAt: "2026-12-01T10:05:00Z",
    ...overrides,
  };
}

export function calendarEventFixture(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    at: "2027-01-15T12:00:00Z",
    kind: "sale_opens",
    saleId: 3,
    projectName: "Aurora Network",
    participationId: null,
    amount: null,
    ...overrides,
  };
}

export function holdingFixture(overrides: Partial<HoldingView> = {}): HoldingView {
  return {
    asset: "AUR",
    quantity: amountFixture("1000", "AUR"),
    cost: "3000",
    value: "4000",
    price: { price: "4", observedAt: "2027-01-09T09:00:00Z", stale: false, source: "manual" },
    valueSharePercent: "100",
    unrealized: "1000",
    realized: "0",
    places: [{ place: "Main", quantity: amountFixture("1000", "AUR") }],
    ...overrides,
  };
}

/** An empty portfolio in USD, or one with the given holdings and sales. */
export function portfolioFixture(overrides: Partial<PortfolioView> = {}): PortfolioView {
  const total = (amount: string) => ({ amount, complete: true });
  return {
    currency: "USD",
    currencyChosen: false,
    method: "FIFO",
    asOf: "2027-01-10T12:00:00Z",
    value: total("0"),
    cost: total("0"),
    costToCome: total("0"),
    realized: total("0"),
    unrealized: total("0"),
    holdings: [],
    sales: [],
    problems: [],
    ...overrides,
  };
}

/** The price sources as a new installation has them: the default order, the online API off, no coin. */
export function priceSourcesFixture(overrides: Partial<Omit<PriceSources, "api">> & { api?: Partial<PriceApiSettings> } = {}): PriceSources {
  const { api, ...rest } = overrides;
  return {
    order: ["manual", "csv", "api"],
    coins: [],
    ...rest,
    api: {
      enabled: false,
      baseUrl: "https://api.coingecko.com/api/v3",
      defaultBaseUrl: "https://api.coingecko.com/api/v3",
      hasKey: false,
      fetchedAt: null,
      failure: null,
      ...api,
    },
  };
}

/**
 * A long list's command as the backend answers it: the page asked of `rows` (given newest first)
 * that `keeps` the query's filter, oldest first reversed, with the filtered total.
 */
export function pagedReply<T, Q extends { order: ListOrder }>(rows: () => ReadonlyArray<T>, keeps: (row: T, query: Q) => boolean): CommandHandler {
  return (args) => {
    const { query, page } = args as { query: Q; page: PageInput };
    return pageOf(
      rows().filter((row) => keeps(row, query)),
      query.order,
      page,
    );
  };
}

/** The page asked of `rows` (given newest first) in `order`, with their total. */
export function pageOf<T>(rows: ReadonlyArray<T>, order: ListOrder, page: PageInput): Page<T> {
  const ordered = order === "oldestFirst" ? [...rows].reverse() : rows;
  return { rows: ordered.slice(page.offset, page.offset + page.limit), offset: page.offset, total: rows.length };
}

function assetsOf(symbols: ReadonlyArray<string>): string[] {
  return [...new Set(symbols)].sort();
}

/** The trades' commands, answering from `trades` (newest first) as the backend would. */
export function tradesReply(trades: ReadonlyArray<TradeView> | (() => ReadonlyArray<TradeView>)): Record<string, CommandHandler> {
  const rows = typeof trades === "function" ? trades : () => trades;
  return {
    list_trades: pagedReply(rows, (trade, query: TradeQuery) => (query.asset === "" || trade.amount.symbol === query.asset) && (query.kind === "" || trade.kind === query.kind)),
    list_trade_assets: () => assetsOf(rows().map((trade) => trade.amount.symbol)),
  };
}

/** A participation's entries command, answering from `entries` (oldest first) as the backend would. */
export function entriesReply(entries: () => ReadonlyArray<Entry>): Record<string, CommandHandler> {
  return {
    list_entries: pagedReply(
      () => [...entries()].reverse(),
      (entry, query: EntryQuery) => query.kind === "" || entry.kind === query.kind,
    ),
  };
}

/** The price book's commands, answering from `prices` (newest first) as the backend would. */
export function pricesReply(prices: () => ReadonlyArray<PriceView>): Record<string, CommandHandler> {
  return {
    list_prices: pagedReply(prices, (price, query: PriceQuery) => (query.asset === "" || price.asset === query.asset) && (query.currency === "" || price.currency === query.currency)),
    list_price_assets: () => assetsOf(prices().map((price) => price.asset)),
  };
}
