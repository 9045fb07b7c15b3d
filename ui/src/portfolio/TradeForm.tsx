import { Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconPlus } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import type { TradeInput } from "../api";
import { FormErrorAlert } from "../common/FormErrorAlert";
import { fieldNamesOf } from "../common/formErrors";
import { useFormSubmit } from "../common/useFormSubmit";
import { formatAmount } from "../format/amount";
import { localPreviewOfUtcInput } from "../format/time";
import { useRecordTrade } from "./portfolioQueries";

const tradeLabels: Record<keyof TradeInput, string> = {
  kind: "Kind",
  happenedAt: "When (UTC)",
  asset: "Token",
  decimals: "Decimals",
  amount: "Amount",
  counterAsset: "Paid or received in",
  counterAmount: "Paid or received",
  feeAsset: "Fee in",
  feeAmount: "Fee",
  account: "Where",
  toAccount: "To",
  reference: "Reference",
  note: "Note",
};

const isTradeField = fieldNamesOf(tradeLabels);

const emptyTrade: TradeInput = {
  kind: "buy",
  happenedAt: "",
  asset: "",
  decimals: "18",
  amount: "",
  counterAsset: "USD",
  counterAmount: "",
  feeAsset: "",
  feeAmount: "",
  account: "",
  toAccount: "",
  reference: "",
  note: "",
};

type TextProps = {
  name: string;
  label: string;
  value: string;
  error?: string;
  onChange: (event: { currentTarget: { value: string } }) => void;
};

/** Records a buy, a sell or a transfer between the user's own places; each refused field is shown at its input. */
export function TradeForm() {
  const recordTrade = useRecordTrade();
  const [input, setInput] = useState<TradeInput>(emptyTrade);
  const submission = useFormSubmit({
    isField: isTradeField,
    whenUnexpected: "Nothing was saved. Try again; what you typed is still here.",
    onSubmit: async (typed: TradeInput) => {
      const recorded = await recordTrade.mutateAsync(typed);
      setInput({ ...emptyTrade, kind: typed.kind, asset: typed.asset, decimals: typed.decimals, counterAsset: typed.counterAsset, account: typed.account });
      notifications.show({ title: "Trade recorded", message: `${recorded.kind}: ${formatAmount(recorded.amount)}`, color: "teal", icon: <IconCheck size={18} /> });
    },
  });
  const { errors, submitting, formRef, alertRef, clearFieldError } = submission;
  const field = (name: keyof TradeInput): TextProps => ({
    name,
    label: tradeLabels[name],
    value: input[name],
    error: errors.fields[name],
    onChange: (event) => {
      const value = event.currentTarget.value;
      setInput((current) => ({ ...current, [name]: value }));
      clearFieldError(name);
    },
  });
  const transfer = input.kind === "transfer";
  const chooseKind = (kind: string) =>
    setInput((current) =>
      kind === "transfer"
        ? { ...current, kind, counterAsset: "", counterAmount: "" }
        : { ...current, kind, toAccount: "", counterAsset: current.counterAsset || "USD" },
    );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submission.submit(input);
  };
  return (
    <Paper withBorder radius="md" p="lg">
      <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="trade-form-title" data-testid="trade-form">
        <Stack gap="sm">
          <div>
            <Title order={2} size="h5" id="trade-form-title">
              Record a trade
            </Title>
            <Text size="sm" c="dimmed">
              A buy or a sell made elsewhere, or tokens moved between your own places. The amount is what arrived or left, after any fee taken in the token.
            </Text>
          </div>
          <FormErrorAlert
            ref={alertRef}
            title="The trade was not recorded"
            errors={errors.general}
            invalidFieldLabels={Object.keys(errors.fields).filter(isTradeField).map((name) => tradeLabels[name])}
          />
          <SegmentedControl
            name="kind"
            aria-label="Kind"
            value={input.kind}
            onChange={chooseKind}
            data={[
              { value: "buy", label: "Buy" },
              { value: "sell", label: "Sell" },
              { value: "transfer", label: "Transfer" },
            ]}
          />
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
            <TextInput {...field("happenedAt")} placeholder="2026-12-01 10:00" autoComplete="off" description={localPreviewOfUtcInput(input.happenedAt) ?? undefined} />
            <TextInput {...field("asset")} placeholder="XYZ" autoComplete="off" spellCheck={false} />
            <TextInput {...field("amount")} placeholder="1200.5" inputMode="decimal" autoComplete="off" />
            <TextInput {...field("decimals")} inputMode="numeric" autoComplete="off" />
            {!transfer && (
              <>
                <TextInput {...field("counterAmount")} label={input.kind === "buy" ? "Paid" : "Received"} placeholder="1500.50" inputMode="decimal" autoComplete="off" />
                <TextInput {...field("counterAsset")} label="In" description="USD, EUR… or ETH" autoComplete="off" spellCheck={false} />
              </>
            )}
            <TextInput {...field("feeAmount")} placeholder="optional" inputMode="decimal" autoComplete="off" />
            <TextInput {...field("feeAsset")} placeholder="e.g. USD" autoComplete="off" spellCheck={false} />
            <TextInput {...field("account")} label={transfer ? "From" : "Where"} placeholder="an exchange, an account's label" autoComplete="off" />
            {transfer && <TextInput {...field("toAccount")} placeholder="another of your places" autoComplete="off" />}
            <TextInput {...field("reference")} placeholder="optional: order id, hash" autoComplete="off" spellCheck={false} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={submitting} leftSection={<IconPlus size={16} />}>
              Record trade
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
