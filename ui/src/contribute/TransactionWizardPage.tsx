import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  NativeSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconCircleCheck,
  IconDeviceUsb,
  IconInfoCircle,
  IconLock,
  IconPlayerStop,
  IconRefresh,
  IconShieldSearch,
  IconSignature,
} from "@tabler/icons-react";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import {
  hasErrorCode,
  OVERRIDE_REASON_MIN,
  type Account,
  type DevicePrompt,
  type FeeSpeed,
  type Participation,
  type Replacement,
  type Sale,
  type SaleAction,
  type TransactionPlan,
  type TransactionView,
  type TxProgress,
} from "../api";
import { useAccountsList } from "../accounts/accountsQueries";
import { useSecondsLeft } from "../accounts/useSecondsLeft";
import { BackLink } from "../common/BackLink";
import { CopyValueButton } from "../common/CopyValueButton";
import { FailureAlert } from "../common/FailureAlert";
import { FormCard } from "../common/FormCard";
import { FormErrorAlert } from "../common/FormErrorAlert";
import { fieldNamesOf, formErrorsFrom, hasGeneralError, noFormErrors, type FormErrors } from "../common/formErrors";
import { submitOnEnterKeys } from "../common/formKeys";
import { LoadingState } from "../common/LoadingState";
import { PageHeader } from "../common/PageHeader";
import { UnitLabel } from "../common/UnitLabel";
import { useFormSubmit } from "../common/useFormSubmit";
import { useParticipation } from "../participations/participationsQueries";
import { AmountText } from "../common/AmountText";
import { BudgetImpactText } from "../review/BudgetImpactText";
import { FindingsBySeverity } from "../review/FindingList";
import { VerdictBanner } from "../review/VerdictBanner";
import { useSale, useSaleActions } from "../sales/salesQueries";
import { routeHref } from "../shell/route";
import { ContributionValueHint } from "./ContributionValueHint";
import { DevicePromptCard, DevicePromptNotes, DeviceScreensList } from "./DevicePromptCard";
import { ExplorerButton } from "./ExplorerButton";
import { PreviewCard } from "./PreviewCard";
import { TransactionSummaryCard } from "./TransactionSummaryCard";
import {
  abandonDraftQuietly,
  useCancelSigning,
  useFollowTransaction,
  usePrepareTransaction,
  useSendTransaction,
  type PrepareInput,
} from "./transactionsQueries";
import { ApprovalConfirmedNotice, ApprovalFirstNotice, WaitingContributionCard } from "./ApprovalFirst";
import { isPastSignature, isSettled, purposeWords } from "./txLooks";
import { TxProgressList, withStep } from "./TxProgressList";

/** What the wizard takes: the sale's contribution, its refund claim, or another of its actions. */
export type WizardTarget =
  | { kind: "contribution" }
  | { kind: "refund" }
  | { kind: "action"; actionId: number }
  | { kind: "revoke"; spender: string }
  | { kind: "replace"; transactionId: string; how: Replacement };

/** The target once its action is known. */
type Taking =
  | { kind: "contribution" }
  | { kind: "refund" }
  | { kind: "action"; action: SaleAction }
  | { kind: "revoke"; spender: string }
  | { kind: "replace"; transactionId: string; how: Replacement };

/** What the first step chooses; kept while the user goes back and forth. */
type Choice = {
  accountId: string;
  amount: string;
  tokenAmount: string;
  feeSpeed: FeeSpeed;
  /** Each argument of the action as it will be passed (a template stays as it is). */
  arguments: string[];
};

const choiceLabels: Record<keyof Choice, string> = {
  accountId: "Account",
  amount: "Amount",
  tokenAmount: "Token amount",
  feeSpeed: "Fee speed",
  arguments: "Arguments",
};
type ChoiceField = keyof Choice | `arguments.${number}`;
const isChoiceKey = fieldNamesOf(choiceLabels);
const isChoiceField = (name: string): name is ChoiceField => isChoiceKey(name) || /^arguments\.\d+$/.test(name);
const isReasonField = (name: string): name is "reason" => name === "reason";

/** How an argument is named in labels: its parameter's name, or its position. */
function argumentName(action: SaleAction, index: number): string {
  return action.arguments[index]?.name || `argument ${index + 1}`;
}

function choiceFieldLabel(taking: Taking, field: ChoiceField): string {
  const index = /^arguments\.(\d+)$/.exec(field)?.[1];
  if (index !== undefined && taking.kind === "action") return argumentName(taking.action, Number(index));
  return isChoiceKey(field) ? choiceLabels[field] : field;
}

/** The arguments typed differently from the action's own: given for this transaction only. */
function changedArguments(action: SaleAction, typed: ReadonlyArray<string>) {
  return action.arguments.flatMap((argument, index) => {
    const value = typed[index] ?? argument.value;
    if (argument.template || value === argument.value) return [];
    return [{ parameter: argument.name || String(index + 1), value }];
  });
}

/** What each template is filled with when the action is taken. */
const templateMeaning: Record<string, string> = {
  "{account}": "the account you sign with",
  "{amount}": "the amount below, in base units",
  "{token_amount}": "the token amount below, in base units",
};

const feeSpeedChoices: Array<{ value: FeeSpeed; label: string }> = [
  { value: "slow", label: "Slow" },
  { value: "normal", label: "Normal" },
  { value: "fast", label: "Fast" },
];

type Stage =
  | { name: "choose" }
  | { name: "review"; plan: TransactionPlan }
  | { name: "progress"; plan: TransactionPlan; following: boolean; sent: TransactionView | null }
  | { name: "result"; plan: TransactionPlan; view: TransactionView };

const stageIndex: Record<Stage["name"], number> = { choose: 0, review: 1, progress: 2, result: 3 };

/** Why an account cannot sign here, if it cannot. */
function cannotSign(account: Account): string | null {
  if (account.kind === "watch_only") return "watch-only: cannot sign";
  // Its key is on the device, not in the keyring: the device signs.
  if (account.kind === "hardware") return null;
  if (!account.hasSecret) return "no key in the keyring: cannot sign";
  return null;
}

/** A refusal of the form's own making, placed at its field like the backend's. */
function refusedAt(field: ChoiceField, message: string) {
  return { code: "required", message, field, invalidFields: [{ field, code: "required", message }] };
}

function StageTitle({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  // Each step starts with focus on its title, for keyboard and screen-reader users.
  useEffect(() => ref.current?.focus({ preventScroll: false }), []);
  return (
    <Title order={2} size="h4" tabIndex={-1} ref={ref} data-testid="wizard-stage-title">
      {children}
    </Title>
  );
}

type ChooseStepProps = {
  taking: Taking;
  participation: Participation;
  sale: Sale;
  accounts: ReadonlyArray<Account>;
  choice: Choice;
  onChoiceChange: (choice: Choice) => void;
  /** The plan, and what was asked to plan it (asked again after an approval). */
  onPlanned: (plan: TransactionPlan, request: PrepareInput) => void;
};

function ChooseStep({ taking, participation, sale, accounts, choice, onChoiceChange, onPlanned }: ChooseStepProps) {
  const prepare = usePrepareTransaction(participation.id);
  const signable = accounts.filter((account) => cannotSign(account) === null);
  const [onlySignable] = signable;
  // The only account that can sign is the one chosen, unless the user chose otherwise.
  const accountId = choice.accountId || (signable.length === 1 && onlySignable ? String(onlySignable.id) : "");
  const typed: Choice = { ...choice, accountId };
  const submission = useFormSubmit({
    isField: isChoiceField,
    whenUnexpected: "Nothing was planned. Try again; what you chose is still here.",
    onSubmit: async (input: Choice) => {
      const planned = async (request: PrepareInput) => onPlanned(await prepare.mutateAsync(request), request);
      if (taking.kind === "replace") {
        // Signed by the account that signed the stuck transaction: nothing to choose but the fees.
        await planned({ purpose: "replace", input: { transactionId: taking.transactionId, how: taking.how, feeSpeed: input.feeSpeed } });
        return;
      }
      if (input.accountId === "") throw refusedAt("accountId", "choose the account to sign with");
      const base = { participationId: participation.id, accountId: Number(input.accountId), feeSpeed: input.feeSpeed };
      switch (taking.kind) {
        case "contribution":
          await planned({ purpose: "contribution", input: { ...base, amount: input.amount } });
          break;
        case "refund":
          await planned({ purpose: "refund", input: base });
          break;
        case "revoke":
          await planned({ purpose: "revoke", input: { ...base, spender: taking.spender } });
          break;
        case "action": {
          const { action } = taking;
          const actInput = {
            ...base,
            actionId: action.id,
            amount: action.needsAmount ? input.amount : "",
            tokenAmount: action.needsTokenAmount ? input.tokenAmount : "",
            arguments: changedArguments(action, input.arguments),
          };
          await planned({ purpose: "action", input: actInput });
          break;
        }
      }
    },
  });
  const { errors, submitting, alertRef, clearFieldError } = submission;
  const change = <Field extends keyof Choice>(field: Field, value: Choice[Field]) => {
    onChoiceChange({ ...typed, [field]: value });
    clearFieldError(field);
  };
  const chosen = accounts.find((account) => String(account.id) === accountId);
  const saleHref = routeHref({ area: "sales", view: "detail", saleId: sale.id });
  const needsSetup = hasGeneralError(errors, "network_not_found") || hasGeneralError(errors, "network_not_configured");
  const action = taking.kind === "action" ? taking.action : null;
  const asksAmount = taking.kind === "contribution" || (action?.needsAmount ?? false);
  const where = action && action.contract ? action.target : "the sale's address";

  return (
    <FormCard
      title={chooseTitle(taking)}
      description={
        taking.kind === "contribution"
          ? `Saleguard plans it against your node, then shows the review and exactly what you will sign. Nothing is signed yet.`
          : taking.kind === "refund"
            ? `Saleguard calls the sale's refund function from the account you contributed with. Nothing is signed yet.`
            : taking.kind === "revoke"
              ? `Saleguard approves nothing for ${taking.spender} on the sale's payment token, from the account that gave the allowance. Nothing is signed yet.`
              : taking.kind === "replace"
                ? replaceWords[taking.how].choose
              : `Saleguard calls ${taking.action.canonicalSignature} on ${where} from the account you choose, checked by your node first. Nothing is signed yet.`
      }
      submission={submission}
      input={typed}
      data-testid="wizard-choose"
    >
      <FormErrorAlert
        ref={alertRef}
        title="Nothing was planned"
        errors={errors.general}
        invalidFieldLabels={Object.keys(errors.fields)
          .filter(isChoiceField)
          .map((field) => choiceFieldLabel(taking, field))}
        data-testid="wizard-choose-alert"
      >
        {needsSetup && (
          <Text size="sm">
            <Anchor href={routeHref({ area: "settings" })} size="sm">
              Open Settings
            </Anchor>{" "}
            to add the node of chain {sale.chainId}.
          </Text>
        )}
        {hasGeneralError(errors, "no_refund_call") && (
          <Text size="sm">
            <Anchor href={saleHref} size="sm">
              Open the sale
            </Anchor>{" "}
            and add its "Claim refund" action under On chain.
          </Text>
        )}
      </FormErrorAlert>
      <SimpleGrid cols={{ base: 1, sm: asksAmount || action?.needsTokenAmount ? 2 : 1 }} spacing="md">
        {taking.kind !== "replace" && (
        <NativeSelect
          name="accountId"
          label={choiceLabels.accountId}
          value={accountId}
          onChange={(event) => change("accountId", event.currentTarget.value)}
          data={[
            { value: "", label: accounts.length === 0 ? "No account yet" : "Choose an account", disabled: true },
            ...accounts.map((account) => {
              const why = cannotSign(account);
              // A hardware account signs on the device: said here, so it comes as no surprise.
              const note = why ?? (account.kind === "hardware" ? "hardware wallet" : null);
              return { value: String(account.id), label: note ? `${account.label} (${note})` : account.label, disabled: why !== null };
            }),
          ]}
          error={errors.fields.accountId}
          withAsterisk
          inputWrapperOrder={["label", "input", "description", "error"]}
          description={
            accounts.length === 0 ? (
              <>
                Add the account you will sign with in{" "}
                <Anchor href={routeHref({ area: "accounts", view: "list" })} size="xs">
                  Accounts
                </Anchor>{" "}
                first.
              </>
            ) : chosen ? (
              <>
                <span style={{ fontFamily: "var(--mantine-font-family-monospace)", wordBreak: "break-all" }}>{chosen.address}</span>
                {chosen.kind === "hardware" && (
                  <span data-testid="wizard-hardware-account-hint">
                    {" "}
                    {chosen.hardwareWallet === "trezor"
                      ? "— on your Trezor, which signs: have it connected and unlocked."
                      : "— on your Ledger, which signs: have it connected, unlocked, with the Ethereum app open."}
                  </span>
                )}
              </>
            ) : (
              "The account that signs and pays the fees."
            )
          }
        />
        )}
        {asksAmount && (
          <TextInput
            name="amount"
            label={choiceLabels.amount}
            value={typed.amount}
            onChange={(event) => change("amount", event.currentTarget.value)}
            error={errors.fields.amount}
            placeholder="e.g. 0.5"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            withAsterisk
            rightSection={<UnitLabel unit={sale.currency.symbol} />}
            rightSectionWidth="auto"
            inputWrapperOrder={["label", "input", "description", "error"]}
            description={
              <>
                In {sale.currency.symbol}, the sale&apos;s accepted currency.
                {taking.kind === "contribution" && <ContributionValueHint saleId={sale.id} amount={typed.amount} />}
              </>
            }
          />
        )}
        {action?.needsTokenAmount && (
          <TextInput
            name="tokenAmount"
            label={choiceLabels.tokenAmount}
            value={typed.tokenAmount}
            onChange={(event) => change("tokenAmount", event.currentTarget.value)}
            error={errors.fields.tokenAmount}
            placeholder="e.g. 1500"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            withAsterisk
            rightSection={<UnitLabel unit={sale.tokenSymbol} />}
            rightSectionWidth="auto"
            inputWrapperOrder={["label", "input", "description", "error"]}
            description={`In ${sale.tokenSymbol}, the sale's token: what this action passes as {token_amount}.`}
          />
        )}
      </SimpleGrid>
      {action && action.arguments.length > 0 && (
        <Stack gap="xs" data-testid="wizard-arguments">
          <div>
            <Text size="sm" fw={500}>
              Arguments of {action.canonicalSignature}
            </Text>
            <Text size="xs" c="dimmed">
              As the action says. Change a value for this transaction only (your own proof or amount from the project&apos;s
              site, say): it is checked against its type before anything is planned.
            </Text>
          </div>
          {errors.fields.arguments && (
            <Text size="xs" c="red" role="alert">
              {errors.fields.arguments}
            </Text>
          )}
          {action.arguments.map((argument, index) =>
            argument.template ? (
              <Text key={index} size="sm" data-testid="wizard-argument-template">
                {argumentName(action, index)}{" "}
                <Text span size="sm" c="dimmed">
                  ({argument.type})
                </Text>
                :{" "}
                <Text span size="sm" ff="monospace">
                  {argument.value}
                </Text>{" "}
                <Text span size="sm" c="dimmed">
                  — {templateMeaning[argument.value] ?? "filled when it is taken"}
                </Text>
              </Text>
            ) : (
              <TextInput
                key={index}
                name={`arguments.${index}`}
                label={`${argumentName(action, index)} (${argument.type})`}
                value={typed.arguments[index] ?? argument.value}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  const next = action.arguments.map((each, i) => (i === index ? value : (typed.arguments[i] ?? each.value)));
                  onChoiceChange({ ...typed, arguments: next });
                  clearFieldError(`arguments.${index}`);
                }}
                error={errors.fields[`arguments.${index}`]}
                autoComplete="off"
                spellCheck={false}
                styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
                data-testid="wizard-argument"
              />
            ),
          )}
        </Stack>
      )}
      <Stack gap={4}>
        <Text size="sm" fw={500} id="fee-speed-label">
          {choiceLabels.feeSpeed}
        </Text>
        <SegmentedControl
          aria-labelledby="fee-speed-label"
          value={typed.feeSpeed}
          onChange={(value) => change("feeSpeed", value as FeeSpeed)}
          data={feeSpeedChoices}
          w="fit-content"
          data-testid="wizard-fee-speed"
        />
        <Text size="xs" c="dimmed">
          Faster pays a higher fee for a quicker block. The review shows the most it can cost.
        </Text>
        {errors.fields.feeSpeed && (
          <Text size="xs" c="red">
            {errors.fields.feeSpeed}
          </Text>
        )}
      </Stack>
      <Group justify="flex-end">
        <Button type="submit" loading={submitting} leftSection={<IconShieldSearch size={16} />} data-testid="wizard-review">
          Review
        </Button>
      </Group>
    </FormCard>
  );
}

/** Why there is no way past these blocks, and what to do instead. */
function NeverOverridable({ messages }: { messages: ReadonlyArray<string> }) {
  return (
    <Alert color="red" variant="light" icon={<IconLock />} title="This cannot be overridden" data-testid="not-overridable">
      <Stack gap={6}>
        <Text size="sm">Saleguard never signs past {messages.length === 1 ? "this block" : "these blocks"}:</Text>
        <List size="sm" spacing={2}>
          {messages.map((message, index) => (
            <List.Item key={index}>{message}</List.Item>
          ))}
        </List>
        <Text size="sm">Go back, or fix what it says (the sale, the network, the account), then review again.</Text>
      </Stack>
    </Alert>
  );
}

type ReviewStepProps = {
  plan: TransactionPlan;
  reason: string;
  onReasonChange: (reason: string) => void;
  /** Why the last attempt to sign and send did not go through, if it did not. */
  sendError: unknown;
  /** The hash of a transaction signed but not sent (the node could not be reached). */
  signedHash: string | null;
  onBack: () => void;
  onSign: () => void;
  /** The contribution this approval is signed for, reviewed now, planned again after it. */
  waiting: TransactionPlan | null;
  /** The approval just confirmed, when this is the contribution planned after it. */
  approvedHash: string | null;
};

function ReviewStep({ plan, reason, onReasonChange, sendError, signedHash, onBack, onSign, waiting, approvedHash }: ReviewStepProps) {
  const { review, transaction } = plan;
  const blocks = review.findings.filter((finding) => finding.severity === "block");
  const neverOverridable = blocks.filter((finding) => !finding.overridable);
  const needsReason = review.verdict === "blocked" && neverOverridable.length === 0;
  const reasonLongEnough = reason.trim().length >= OVERRIDE_REASON_MIN;
  const cancelled = hasErrorCode(sendError, "signing_cancelled");
  const errors: FormErrors<"reason"> =
    sendError === null || cancelled
      ? noFormErrors
      : formErrorsFrom(sendError, isReasonField, "Nothing was sent. Try again; your reason is still here.");
  const [reasonError, setReasonError] = useState<string | undefined>(errors.fields.reason);
  const [reasonErrorOf, setReasonErrorOf] = useState<unknown>(sendError);
  const alertRef = useRef<HTMLDivElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  // A new failure: its field error beside the reason (set while rendering, so that it
  // shows with the failure), then focus on what to fix.
  if (reasonErrorOf !== sendError) {
    setReasonErrorOf(sendError);
    setReasonError(errors.fields.reason);
  }
  // Both come from `sendError` alone, so this runs once for each failure.
  const focusReason = Boolean(errors.fields.reason);
  const focusAlert = !focusReason && errors.general.length > 0;
  useEffect(() => {
    if (focusReason) reasonRef.current?.focus();
    else if (focusAlert) alertRef.current?.focus();
  }, [sendError, focusReason, focusAlert]);

  // An approval is pointless for a contribution that can never be signed.
  const waitingNeverSigned = waiting?.review.findings.some((finding) => finding.severity === "block" && !finding.overridable) ?? false;
  const canSign =
    plan.draftId !== null &&
    !waitingNeverSigned &&
    (signedHash !== null || review.verdict !== "blocked" || (needsReason && reasonLongEnough));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (canSign) onSign();
  };

  return (
    <Stack gap="lg">
      <StageTitle>{waiting ? "Review: first the approval" : "Review"}</StageTitle>
      {approvedHash !== null && <ApprovalConfirmedNotice hash={approvedHash} />}
      {waiting?.payment && <ApprovalFirstNotice payment={waiting.payment} />}
      <VerdictBanner
        verdict={review.verdict}
        reviewedAt={review.reviewedAt}
        subject={purposeWords[plan.purpose]}
      />
      <FindingsBySeverity
        findings={review.findings}
        checked={
          plan.purpose === "contribution"
            ? undefined
            : plan.purpose === "refund"
              ? "Nothing found: the node's checks all pass — the sale's refund call goes through, the destination is the sale's contract and your account can pay the fee."
              : "Nothing found: the node's checks all pass — the call goes through, its destination is a contract and your account can pay the fee."
        }
      />
      {plan.purpose === "contribution" && (
        <BudgetImpactText impact={review.budget} priceMissing={review.findings.some((finding) => finding.code === "price_missing")} />
      )}
      {plan.preview && <PreviewCard lines={plan.preview} />}
      <TransactionSummaryCard transaction={transaction} purpose={plan.purpose} />
      {transaction.devicePrompt && <DevicePromptCard prompt={transaction.devicePrompt} signingHash={transaction.signingHash} />}
      {waiting && <WaitingContributionCard plan={waiting} />}
      {plan.draftId === null && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle />} title="This transaction would fail" role="alert" data-testid="plan-would-fail">
          The node says this call fails: its gas could not be estimated, so no draft was kept and it cannot be signed. Check the
          sale&apos;s functions under On chain on the sale&apos;s page, the amount and the sale&apos;s window, then go back and review
          again.
        </Alert>
      )}
      <Paper withBorder radius="md" p="lg">
        <form onSubmit={submit} onKeyDown={submitOnEnterKeys} noValidate data-testid="wizard-sign-form">
          <Stack gap="md">
            {cancelled && (
              <Alert color="blue" variant="light" icon={<IconInfoCircle />} title="Signing cancelled" data-testid="signing-cancelled">
                Nothing was signed or sent. Sign again when you are ready, or go back.
              </Alert>
            )}
            {signedHash !== null && (
              <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} title="Signed, not sent yet" data-testid="signed-not-sent">
                <Stack gap={4}>
                  <Text size="sm">
                    The transaction is signed but did not reach the node. Send it again; if you leave, Saleguard sends it the next
                    time it starts.
                  </Text>
                  <Text size="xs" ff="monospace" style={{ wordBreak: "break-all" }}>
                    {signedHash}
                  </Text>
                </Stack>
              </Alert>
            )}
            <FormErrorAlert
              ref={alertRef}
              title="Nothing was sent"
              errors={errors.general}
              invalidFieldLabels={reasonError ? ["Reason to override"] : []}
              data-testid="wizard-sign-alert"
            />
            {transaction.devicePrompt && signedHash === null && (
              <Text size="sm" c="dimmed" data-testid="device-sign-hint">
                Your {transaction.devicePrompt.wallet} signs it: have it connected and unlocked
                {transaction.devicePrompt.wallet === "Ledger" ? ", with the Ethereum app open" : ""}. After you press Sign and
                send, compare its screens with the list above and approve it on the device.
              </Text>
            )}
            {review.verdict === "blocked" && neverOverridable.length > 0 && (
              <NeverOverridable messages={neverOverridable.map((finding) => finding.message)} />
            )}
            {needsReason && signedHash === null && (
              <Textarea
                ref={reasonRef}
                name="reason"
                label="Reason to override"
                withAsterisk
                value={reason}
                error={reasonError}
                onChange={(event) => {
                  onReasonChange(event.currentTarget.value);
                  setReasonError(undefined);
                }}
                placeholder="e.g. The project announced the new address on its site and in its newsletter on 2 December."
                autosize
                minRows={2}
                maxRows={6}
                description={`Every block above can be overridden. Say why you go ahead: at least ${OVERRIDE_REASON_MIN} characters (${reason.trim().length} so far), kept in the sale's history with these findings. Ctrl+Enter to sign.`}
                data-testid="wizard-reason"
              />
            )}
            <Group justify="space-between">
              {signedHash === null ? (
                <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onBack} data-testid="wizard-back">
                  Back
                </Button>
              ) : (
                <span />
              )}
              <Button
                type="submit"
                color={review.verdict === "blocked" ? "red" : undefined}
                leftSection={<IconSignature size={16} />}
                disabled={!canSign}
                data-testid="wizard-sign"
              >
                {signedHash !== null ? "Send again" : waiting ? "Sign the approval" : "Sign and send"}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}

/** How long the device waits for the user to confirm, as the backend's timeout says. */
const DEVICE_CONFIRMATION_SECONDS = 120;

function minutesAndSeconds(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** Counts down the device's wait from when it started to show the transaction. */
function DeviceCountdown() {
  const secondsLeft = useSecondsLeft(DEVICE_CONFIRMATION_SECONDS, () => {});
  return (
    <Text size="sm" className="tabular-nums" data-testid="device-countdown" aria-live="off">
      {secondsLeft > 0
        ? `About ${minutesAndSeconds(secondsLeft)} left to confirm on the device.`
        : "The device has stopped waiting: if you did not approve it there, nothing was signed."}
    </Text>
  );
}

/** While a hardware wallet signs: where to look, what to compare, how long it waits. */
function DeviceSigningPanel({ prompt, signingHash, steps }: { prompt: DevicePrompt; signingHash: string; steps: ReadonlyArray<TxProgress> }) {
  const last = steps.at(-1);
  const onScreen = last?.state === "waitingForConfirmation";
  const askingPin = last?.state === "waitingForPin";
  // A new prompt on the device (after a retry) starts its own countdown.
  const prompts = steps.filter((step) => step.state === "waitingForConfirmation").length;
  let title = `Your ${prompt.wallet} signs this transaction`;
  let words =
    prompt.wallet === "Ledger"
      ? "Keep it connected and unlocked, with the Ethereum app open. The transaction appears on its screen in a moment."
      : "Keep it connected and unlocked. The transaction appears on its screen in a moment.";
  if (onScreen) {
    title = `Confirm it on your ${prompt.wallet}`;
    words = "Compare each screen on the device with the list below, then approve it there; reject it there if anything differs.";
  } else if (askingPin) {
    title = `Unlock your ${prompt.wallet}: enter your PIN on it`;
    words = "The device is locked and asks for its PIN on its own screen. Once it is unlocked, the transaction appears there.";
  }
  return (
    <Alert color="blue" variant="light" icon={<IconDeviceUsb />} title={title} data-testid="device-signing" data-device-state={last?.state}>
      <Stack gap="sm">
        <Text size="sm">
          {words} The device waits up to 2 minutes.
        </Text>
        {onScreen && <DeviceCountdown key={prompts} />}
        <DevicePromptNotes prompt={prompt} signingHash={signingHash} />
        <DeviceScreensList prompt={prompt} />
      </Stack>
    </Alert>
  );
}

type ProgressStepProps = {
  steps: ReadonlyArray<TxProgress>;
  /** What the hardware wallet shows, when a hardware wallet signs. */
  devicePrompt: DevicePrompt | null;
  signingHash: string;
  following: boolean;
  canCancel: boolean;
  cancelling: boolean;
  onCancel: () => void;
  followError: unknown;
  onFollowAgain: () => void;
  participationHref: string;
};

function ProgressStep({
  steps,
  devicePrompt,
  signingHash,
  following,
  canCancel,
  cancelling,
  onCancel,
  followError,
  onFollowAgain,
  participationHref,
}: ProgressStepProps) {
  return (
    <Paper withBorder radius="md" p="lg" data-testid="wizard-progress">
      <Stack gap="md">
        <StageTitle>{following ? "Waiting for confirmations" : "Signing and sending"}</StageTitle>
        <Text size="sm" c="dimmed">
          {following
            ? "Sent. Saleguard asks your node about it until it has enough confirmations; you may leave this page, it keeps following."
            : "Until it is signed, you can cancel: then nothing is sent."}
        </Text>
        <TxProgressList steps={steps} working={followError === null} />
        {devicePrompt && canCancel && <DeviceSigningPanel prompt={devicePrompt} signingHash={signingHash} steps={steps} />}
        {followError !== null && (
          <Stack gap="xs">
            <FailureAlert title="Saleguard stopped following the transaction" error={followError} />
            <Text size="sm">
              It was sent: its status is on the participation&apos;s page, and Saleguard follows it again the next time it starts.
            </Text>
            <Group>
              <Button variant="light" leftSection={<IconRefresh size={16} />} onClick={onFollowAgain} data-testid="wizard-follow-again">
                Follow again
              </Button>
              <Button component="a" href={participationHref} variant="default">
                Back to the participation
              </Button>
            </Group>
          </Stack>
        )}
        {canCancel && (
          <Group>
            <Button
              variant="light"
              color="red"
              leftSection={<IconPlayerStop size={16} />}
              loading={cancelling}
              onClick={onCancel}
              data-testid="wizard-cancel"
            >
              Cancel
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function ResultHeadline({ view }: { view: TransactionView }) {
  switch (view.status) {
    case "confirmed":
      return (
        <Alert color="teal" variant="light" icon={<IconCircleCheck />} title={`Confirmed in block ${view.blockNumber ?? "?"}`} data-testid="result-outcome">
          Your {purposeWords[view.purpose]} is on chain with at least {view.confirmationsNeeded}{" "}
          {view.confirmationsNeeded === 1 ? "confirmation" : "confirmations"}
          {view.purpose === "call" ? "." : ", and what it moved is recorded in the participation."}
          {view.feePaid && (
            <Text size="sm" mt={4} data-testid="result-fee">
              Network fee paid: <AmountText amount={view.feePaid} /> — counted in what the tokens cost.
            </Text>
          )}
        </Alert>
      );
    case "failed":
      return (
        <Alert color="red" variant="light" icon={<IconAlertTriangle />} title="The transaction failed" role="alert" data-testid="result-outcome">
          {view.failure || "The node or the chain refused it."}
        </Alert>
      );
    case "dropped":
      return (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle />} title="The transaction was dropped" role="alert" data-testid="result-outcome">
          It is no longer pending and was never included in a block. {view.failure}
        </Alert>
      );
    case "replaced":
      return (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle />} title="The transaction was replaced" role="alert" data-testid="result-outcome">
          Another transaction of the account with the same nonce was included instead. {view.failure}
        </Alert>
      );
    default:
      return (
        <Alert color="blue" variant="light" icon={<IconInfoCircle />} title={`Status: ${view.status}`} data-testid="result-outcome">
          {view.failure || "Its status is kept on the participation's page."}
        </Alert>
      );
  }
}

function ResultStep({ view, steps, participationHref }: { view: TransactionView; steps: ReadonlyArray<TxProgress>; participationHref: string }) {
  return (
    <Paper withBorder radius="md" p="lg" data-testid="wizard-result">
      <Stack gap="md">
        <StageTitle>Result</StageTitle>
        <ResultHeadline view={view} />
        {view.hash && (
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              Transaction hash
            </Text>
            <Group gap="xs" wrap="nowrap">
              <Text span size="sm" ff="monospace" style={{ wordBreak: "break-all" }} data-testid="result-hash">
                {view.hash}
              </Text>
              <CopyValueButton value={view.hash} label="Copy transaction hash" />
            </Group>
          </Stack>
        )}
        {steps.length > 0 && <TxProgressList steps={steps} working={false} />}
        <Group align="flex-start">
          {view.explorerLink && <ExplorerButton transactionId={view.id} link={view.explorerLink} />}
          <Button component="a" href={participationHref} variant="default" data-testid="wizard-back-to-participation">
            Back to the participation
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** What a replacement does, in the wizard's words. */
const replaceWords: Record<Replacement, { title: string; choose: string; page: string }> = {
  speed_up: {
    title: "Speed up a transaction",
    choose:
      "Saleguard signs the same transaction again, with its nonce and higher fees (at least 10 % more, or what recent blocks need at the speed you choose), from the account that signed it. Whichever of the two is mined counts. Nothing is signed yet.",
    page: "the same transaction with higher fees, from the account that signed it",
  },
  cancel: {
    title: "Cancel a transaction",
    choose:
      "Saleguard signs a transfer of nothing from the account to itself, with the stuck transaction's nonce and higher fees: if it is mined first, the stuck one never will be. Nothing is signed yet.",
    page: "a transfer of nothing to yourself with its nonce, so that it is never mined",
  },
};

function chooseTitle(taking: Taking): string {
  switch (taking.kind) {
    case "replace":
      return "The fees to offer";
    case "contribution":
      return "What to send";
    case "refund":
      return "The refund to claim";
    case "revoke":
      return "The allowance to revoke";
    case "action":
      return taking.action.name;
  }
}

function chooseDescription(taking: Taking): string {
  if (taking.kind === "contribution") return "Account and amount";
  if (taking.kind === "replace") return "Fees";
  if (taking.kind === "action" && (taking.action.needsAmount || taking.action.needsTokenAmount || taking.action.arguments.length > 0))
    return "Account and values";
  return "Account";
}

type WizardProps = { taking: Taking; participation: Participation; sale: Sale; accounts: ReadonlyArray<Account> };

/** Choose → review → sign and send → follow → result; a draft left unsigned is abandoned. */
function Wizard({ taking, participation, sale, accounts }: WizardProps) {
  const send = useSendTransaction(participation.id);
  const followTransaction = useFollowTransaction(participation.id);
  const cancelSigning = useCancelSigning();
  const prepareAgain = usePrepareTransaction(participation.id);
  const [stage, setStage] = useState<Stage>({ name: "choose" });
  // A contribution that waits for its approval: reviewed with it, planned again after it.
  const [waiting, setWaiting] = useState<{ plan: TransactionPlan; request: PrepareInput } | null>(null);
  const [approvedHash, setApprovedHash] = useState<string | null>(null);
  const [replanError, setReplanError] = useState<unknown>(null);
  const [choice, setChoice] = useState<Choice>({
    accountId: "",
    amount: "",
    tokenAmount: "",
    feeSpeed: "normal",
    arguments: taking.kind === "action" ? taking.action.arguments.map((argument) => argument.value) : [],
  });
  const [reason, setReason] = useState("");
  const [steps, setSteps] = useState<TxProgress[]>([]);
  const [pastSignature, setPastSignature] = useState(false);
  const [signedHash, setSignedHash] = useState<string | null>(null);
  const [sendError, setSendError] = useState<unknown>(null);
  const [followError, setFollowError] = useState<unknown>(null);
  // The draft planned and not signed yet: abandoned when the user goes back or leaves.
  const plannedDraft = useRef<string | null>(null);
  const participationHref = routeHref({ area: "participations", view: "detail", participationId: participation.id });

  useEffect(
    () => () => {
      if (plannedDraft.current) abandonDraftQuietly(plannedDraft.current);
    },
    [],
  );

  const onStep = (step: TxProgress) => {
    setSteps((current) => withStep(current, step));
    if (isPastSignature(step)) {
      plannedDraft.current = null;
      setPastSignature(true);
    }
    if (step.state === "signed") setSignedHash(step.hash);
  };

  /** Shows a plan to review: an approval first when the contribution waits for one. */
  const review = (plan: TransactionPlan, request: PrepareInput) => {
    const approval = plan.payment?.approval ?? null;
    setWaiting(approval ? { plan, request } : null);
    plannedDraft.current = (approval ?? plan).draftId;
    setReason("");
    setSendError(null);
    setSignedHash(null);
    setStage({ name: "review", plan: approval ?? plan });
  };

  /** The approval is confirmed: the contribution is planned again, now that the node can check it. */
  const afterApproval = async (approval: TransactionView) => {
    if (!waiting) return;
    setReplanError(null);
    try {
      const plan = await prepareAgain.mutateAsync(waiting.request);
      setApprovedHash(approval.hash);
      setSteps([]);
      review(plan, waiting.request);
    } catch (error) {
      setReplanError(error);
    }
  };

  const settle = async (plan: TransactionPlan, view: TransactionView) => {
    setStage({ name: "result", plan, view });
    if (plan.purpose === "approval" && view.status === "confirmed") await afterApproval(view);
  };

  const follow = async (plan: TransactionPlan, sent: TransactionView) => {
    if (isSettled(sent.status)) {
      await settle(plan, sent);
      return;
    }
    setFollowError(null);
    setStage({ name: "progress", plan, following: true, sent });
    try {
      const settled = await followTransaction.mutateAsync({ id: sent.id, onStep });
      await settle(plan, settled);
    } catch (error) {
      setFollowError(error);
    }
  };

  const sign = async (plan: TransactionPlan) => {
    const { draftId } = plan;
    if (draftId === null) return;
    const overrideReason = plan.review.verdict === "blocked" && signedHash === null ? reason : null;
    setSteps([]);
    setSendError(null);
    setPastSignature(false);
    setStage({ name: "progress", plan, following: false, sent: null });
    let sent: TransactionView;
    try {
      sent = await send.mutateAsync({ draftId, overrideReason, onStep });
    } catch (error) {
      setSendError(error);
      setStage({ name: "review", plan });
      return;
    }
    plannedDraft.current = null;
    setSignedHash(null);
    await follow(plan, sent);
  };

  const back = () => {
    if (plannedDraft.current) abandonDraftQuietly(plannedDraft.current);
    plannedDraft.current = null;
    setSendError(null);
    setWaiting(null);
    setApprovedHash(null);
    setStage({ name: "choose" });
  };

  let content;
  switch (stage.name) {
    case "choose":
      content = (
        <ChooseStep
          taking={taking}
          participation={participation}
          sale={sale}
          accounts={accounts}
          choice={choice}
          onChoiceChange={setChoice}
          onPlanned={(plan, request) => {
            setApprovedHash(null);
            review(plan, request);
          }}
        />
      );
      break;
    case "review":
      content = (
        <ReviewStep
          plan={stage.plan}
          reason={reason}
          onReasonChange={setReason}
          sendError={sendError}
          signedHash={signedHash}
          onBack={back}
          onSign={() => void sign(stage.plan)}
          waiting={stage.plan.purpose === "approval" ? (waiting?.plan ?? null) : null}
          approvedHash={stage.plan.purpose === "approval" ? null : approvedHash}
        />
      );
      break;
    case "progress":
      content = (
        <ProgressStep
          steps={steps}
          devicePrompt={stage.plan.transaction.devicePrompt}
          signingHash={stage.plan.transaction.signingHash}
          following={stage.following}
          canCancel={!stage.following && !pastSignature}
          cancelling={cancelSigning.isPending}
          onCancel={() => {
            if (stage.plan.draftId) cancelSigning.mutate(stage.plan.draftId);
          }}
          followError={followError}
          onFollowAgain={() => {
            if (stage.sent) void follow(stage.plan, stage.sent);
          }}
          participationHref={participationHref}
        />
      );
      break;
    case "result":
      content = (
        <Stack gap="lg">
          <ResultStep view={stage.view} steps={steps} participationHref={participationHref} />
          {stage.plan.purpose === "approval" && waiting && prepareAgain.isPending && (
            <LoadingState label="Planning the contribution again…" />
          )}
          {replanError !== null && stage.plan.purpose === "approval" && (
            <FailureAlert title="The contribution could not be planned again" error={replanError} />
          )}
        </Stack>
      );
      break;
  }

  return (
    <Stack gap="lg">
      <Stepper active={stageIndex[stage.name]} size="sm" allowNextStepsSelect={false} data-testid="wizard-stepper">
        <Stepper.Step label="Choose" description={chooseDescription(taking)} />
        <Stepper.Step label="Review" description="Findings and what you sign" />
        <Stepper.Step label="Sign and send" description="Then confirmations" />
        <Stepper.Step label="Result" />
      </Stepper>
      {cancelSigning.isError && <FailureAlert title="The signing could not be cancelled" error={cancelSigning.error} />}
      {content}
    </Stack>
  );
}

/** The page's title and the sentence under it, for what is taken. */
function pageWords(taking: Taking, projectName: string): { title: string; description: string } {
  switch (taking.kind) {
    case "contribution":
      return {
        title: "Contribute",
        description: `${projectName}: plan the contribution against your node, review it, sign and send it, and follow it to its confirmations.`,
      };
    case "refund":
      return {
        title: "Claim a refund",
        description: `${projectName}: claim your contribution back through the sale's refund function, reviewed before it is signed.`,
      };
    case "replace":
      return {
        title: replaceWords[taking.how].title,
        description: `${projectName}: ${replaceWords[taking.how].page} — reviewed before it is signed.`,
      };
    case "revoke":
      return {
        title: "Revoke an allowance",
        description: `${projectName}: take back what your account allows ${taking.spender} to take of the sale's payment token, reviewed before it is signed.`,
      };
    case "action":
      return {
        title: taking.action.name,
        description: `${projectName}: “${taking.action.name}”, ${actionKinds[taking.action.purpose]} — checked by your node and reviewed before it is signed.`,
      };
  }
}

/** What each kind of action is, said to the user under the page's title. */
const actionKinds: Record<SaleAction["purpose"], string> = {
  contribute: "a contribution to the sale",
  approve_payment: "an approval that lets the sale take your contribution in its token",
  claim_refund: "a claim of your refund",
  claim_tokens: "a claim of the tokens you bought",
  claim_vested: "a claim of the tokens vested so far",
  other: "a call you named",
};

const targetTitles: Record<WizardTarget["kind"], string> = {
  contribution: "Contribute",
  refund: "Claim a refund",
  action: "Take an action",
  revoke: "Revoke an allowance",
  replace: "Replace a transaction",
};

/** The wizard of a participation for a contribution, a refund claim or another of the sale's actions. */
export function TransactionWizardPage({ participationId, target }: { participationId: number; target: WizardTarget }) {
  const participationQuery = useParticipation(participationId);
  const backToParticipation = (
    <BackLink
      to={{ area: "participations", view: "detail", participationId }}
      label={participationQuery.data?.projectName ?? "The participation"}
    />
  );

  if (participationQuery.isPending) {
    return (
      <>
        <PageHeader breadcrumb={backToParticipation} title={targetTitles[target.kind]} />
        <LoadingState label="Loading the participation…" />
      </>
    );
  }
  if (participationQuery.isError) {
    return (
      <>
        <PageHeader breadcrumb={backToParticipation} title={targetTitles[target.kind]} />
        <FailureAlert
          title="The participation could not be loaded"
          error={participationQuery.error}
          onRetry={() => void participationQuery.refetch()}
        />
      </>
    );
  }
  return <WizardData target={target} participation={participationQuery.data} breadcrumb={backToParticipation} />;
}

type WizardDataProps = { target: WizardTarget; participation: Participation; breadcrumb: ReactNode };

function WizardData({ target, participation, breadcrumb }: WizardDataProps) {
  const saleQuery = useSale(participation.saleId);
  const accountsQuery = useAccountsList();
  const actionsQuery = useSaleActions(participation.saleId, target.kind === "action");
  const header = (taking: Taking | null) => {
    const words = taking ? pageWords(taking, participation.projectName) : { title: targetTitles[target.kind], description: undefined };
    return <PageHeader breadcrumb={breadcrumb} title={words.title} description={words.description} />;
  };
  if (saleQuery.isPending || accountsQuery.isPending || (target.kind === "action" && actionsQuery.isPending)) {
    return (
      <>
        {header(target.kind === "action" ? null : target)}
        <LoadingState label="Loading the sale and your accounts…" />
      </>
    );
  }
  const failure = saleQuery.isError
    ? { title: "The sale could not be loaded", error: saleQuery.error, retry: () => void saleQuery.refetch() }
    : accountsQuery.isError
      ? { title: "Your accounts could not be loaded", error: accountsQuery.error, retry: () => void accountsQuery.refetch() }
      : target.kind === "action" && actionsQuery.isError
        ? { title: "The sale's actions could not be loaded", error: actionsQuery.error, retry: () => void actionsQuery.refetch() }
        : null;
  if (failure || !saleQuery.data || !accountsQuery.data) {
    return (
      <>
        {header(target.kind === "action" ? null : target)}
        {failure && <FailureAlert title={failure.title} error={failure.error} onRetry={failure.retry} />}
      </>
    );
  }
  let taking: Taking;
  if (target.kind === "action") {
    const action = actionsQuery.data?.find((candidate) => candidate.id === target.actionId);
    if (!action) {
      return (
        <>
          {header(null)}
          <Alert color="orange" variant="light" icon={<IconAlertTriangle />} title="This action is not one of the sale's" data-testid="wizard-no-action">
            It may have been removed. The participation&apos;s page lists what can be taken now.
          </Alert>
        </>
      );
    }
    taking = { kind: "action", action };
  } else {
    taking = target;
  }
  return (
    <>
      {header(taking)}
      <Wizard taking={taking} participation={participation} sale={saleQuery.data} accounts={accountsQuery.data} />
    </>
  );
}
