import { Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconDeviceFloppy, IconPlus } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import type { BudgetInput, BudgetView, PriceInput, PriceQuery, PriceView } from "../api";
import { DateTimeText } from "../common/DateTimeText";
import { FormErrorAlert } from "../common/FormErrorAlert";
import { fieldNamesOf } from "../common/formErrors";
import { useFormSubmit } from "../common/useFormSubmit";
import { countText, ListFilters, PagedTable } from "../common/PagedTable";
import type { VirtualColumn } from "../common/VirtualTable";
import { formatDecimalString } from "../format/amount";
import { localPreviewOfUtcInput } from "../format/time";
import { useAddBudget, useAddPrice, usePriceAssets, usePriceBook, useUpdateBudget } from "./budgetQueries";
import { PriceSourceBadge } from "./PriceSourceBadge";

const budgetLabels: Record<keyof BudgetInput, string> = {
  currency: "Currency",
  period: "Period",
  year: "Year",
  month: "Month",
  from: "From (UTC)",
  until: "Until (UTC)",
  total: "Total",
  perSaleCap: "Cap per sale",
  maxSharePercent: "Largest share per sale (%)",
};

const emptyBudget: BudgetInput = {
  currency: "USD",
  period: "year",
  year: String(new Date().getUTCFullYear()),
  month: "",
  from: "",
  until: "",
  total: "",
  perSaleCap: "",
  maxSharePercent: "",
};

const isBudgetField = fieldNamesOf(budgetLabels);

type TextProps = { name: string; label: string; value: string; error?: string; onChange: (event: { currentTarget: { value: string } }) => void };

/**
 * Adds a budget for a year, a month or a range, or changes one (`editing`, inside its dialog); each refused field is
 * shown at its input, and a refused change changes nothing.
 */
export function BudgetForm({ editing, onSaved }: { editing?: BudgetView; onSaved?: () => void }) {
  const addBudget = useAddBudget();
  const updateBudget = useUpdateBudget();
  const [input, setInput] = useState<BudgetInput>(editing?.input ?? emptyBudget);
  const submission = useFormSubmit({
    isField: isBudgetField,
    whenUnexpected: "Nothing was saved. Try again; what you typed is still here.",
    onSubmit: async (typed: BudgetInput) => {
      if (editing) {
        const saved = await updateBudget.mutateAsync({ id: editing.id, input: typed });
        notifications.show({ title: "Budget saved", message: `${saved.period}: ${formatDecimalString(saved.total)} ${saved.currency}`, color: "teal", icon: <IconCheck size={18} /> });
        onSaved?.();
        return;
      }
      const added = await addBudget.mutateAsync(typed);
      setInput({ ...emptyBudget, currency: typed.currency });
      notifications.show({ title: "Budget added", message: `${added.period}: ${formatDecimalString(added.total)} ${added.currency}`, color: "teal", icon: <IconCheck size={18} /> });
    },
  });
  const { errors, submitting, formRef, alertRef, clearFieldError } = submission;
  const field = (name: keyof BudgetInput): TextProps => ({
    name,
    label: budgetLabels[name],
    value: input[name],
    error: errors.fields[name],
    onChange: (event) => {
      const value = event.currentTarget.value;
      setInput((current) => ({ ...current, [name]: value }));
      clearFieldError(name);
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submission.submit(input);
  };
  const form = (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby={editing ? undefined : "budget-form-title"} aria-label={editing ? `Edit the ${editing.period} budget` : undefined} data-testid="budget-form">
      <Stack gap="sm">
        {!editing && (
          <Title order={2} size="h5" id="budget-form-title">
            Add a budget
          </Title>
        )}
        <FormErrorAlert
          ref={alertRef}
          title={editing ? "The budget was not saved" : "The budget was not added"}
          errors={errors.general}
          invalidFieldLabels={Object.keys(errors.fields).filter(isBudgetField).map((name) => budgetLabels[name])}
        />
        <SegmentedControl
          name="period"
          aria-label="Period"
          value={input.period}
          onChange={(period) => setInput((current) => ({ ...current, period }))}
          data={[
            { value: "year", label: "A year" },
            { value: "month", label: "A month" },
            { value: "custom", label: "A range" },
          ]}
        />
        <SimpleGrid cols={2} spacing="sm">
          {input.period === "custom" ? (
            <>
              <TextInput {...field("from")} placeholder="2027-01-01 00:00" autoComplete="off" description={localPreviewOfUtcInput(input.from) ?? undefined} />
              <TextInput {...field("until")} placeholder="2027-07-01 00:00" autoComplete="off" description={localPreviewOfUtcInput(input.until) ?? undefined} />
            </>
          ) : (
            <>
              <TextInput {...field("year")} inputMode="numeric" autoComplete="off" />
              {input.period === "month" ? <TextInput {...field("month")} placeholder="1 to 12" inputMode="numeric" autoComplete="off" /> : <div />}
            </>
          )}
          <TextInput {...field("currency")} description="USD, EUR… or ETH" autoComplete="off" spellCheck={false} />
          <TextInput {...field("total")} placeholder="5000" inputMode="decimal" autoComplete="off" />
          <TextInput {...field("perSaleCap")} placeholder="optional" inputMode="decimal" autoComplete="off" />
          <TextInput {...field("maxSharePercent")} placeholder="optional, e.g. 25" inputMode="decimal" autoComplete="off" />
        </SimpleGrid>
        <Group justify="flex-end">
          {editing ? (
            <Button type="submit" loading={submitting} leftSection={<IconDeviceFloppy size={16} />}>
              Save budget
            </Button>
          ) : (
            <Button type="submit" loading={submitting} leftSection={<IconPlus size={16} />}>
              Add budget
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
  if (editing) return form;
  return (
    <Paper withBorder radius="md" p="lg">
      {form}
    </Paper>
  );
}

const priceLabels: Record<keyof PriceInput, string> = {
  asset: "Asset",
  currency: "In",
  price: "Price",
  observedAt: "Seen at (UTC)",
};

const isPriceField = fieldNamesOf(priceLabels);

const emptyPrice: PriceInput = { asset: "ETH", currency: "USD", price: "", observedAt: "" };

/** Pixels per row, as drawn (the time seen on two lines); rows are measured once shown. */
const priceRowHeight = 53;

const priceColumns: ReadonlyArray<VirtualColumn<PriceView>> = [
  { header: "Asset", cell: (price) => price.asset },
  { header: "Price", numeric: true, noWrap: true, cell: (price) => `${formatDecimalString(price.price)} ${price.currency}` },
  { header: "Seen", cell: (price) => <DateTimeText iso={price.observedAt} stacked /> },
  { header: "Source", cell: (price) => <PriceSourceBadge source={price.source} /> },
];

const everyPrice: PriceQuery = { asset: "", currency: "", order: "newestFirst" };

/**
 * The price book: what one unit of a coin was worth, when, and where that came from; prices are recorded here by hand.
 * Imported history and fetched prices make it long (a million rows and more): it is read a page at a time as it
 * scrolls, filtered by asset and ordered by the backend, and scrolls on its own so the form stays in view.
 */
export function PriceBook() {
  const [query, setQuery] = useState<PriceQuery>(everyPrice);
  const prices = usePriceBook(query);
  const assets = usePriceAssets();
  const addPrice = useAddPrice();
  const [input, setInput] = useState<PriceInput>(emptyPrice);
  const submission = useFormSubmit({
    isField: isPriceField,
    whenUnexpected: "Nothing was saved. Try again; what you typed is still here.",
    onSubmit: async (typed: PriceInput) => {
      const added = await addPrice.mutateAsync(typed);
      setInput({ ...typed, price: "", observedAt: "" });
      notifications.show({ title: "Price recorded", message: `1 ${added.asset} = ${formatDecimalString(added.price)} ${added.currency}`, color: "teal" });
    },
  });
  const { errors, submitting, formRef, alertRef, clearFieldError } = submission;
  const field = (name: keyof PriceInput): TextProps => ({
    name,
    label: priceLabels[name],
    value: input[name],
    error: errors.fields[name],
    onChange: (event) => {
      const value = event.currentTarget.value;
      setInput((current) => ({ ...current, [name]: value }));
      clearFieldError(name);
    },
  });
  return (
    <Paper withBorder radius="md" p="lg" data-testid="price-book">
      <Stack gap="md">
        <div>
          <Title order={2} size="h5">
            Price book
          </Title>
          <Text size="sm" c="dimmed">
            Budgets count each payment at the latest price seen no later than it. You record prices here; imported history and prices fetched online (Settings → Price sources) are listed with them.
          </Text>
        </div>
        {(prices.total > 0 || (assets.data?.length ?? 0) > 0 || query.asset !== "") && (
          <ListFilters
            assets={{ choices: assets.data ?? [], chosen: query.asset, choose: (asset) => setQuery((current) => ({ ...current, asset })) }}
            order={query.order}
            onOrder={(order) => setQuery((current) => ({ ...current, order }))}
            count={prices.isPending ? "" : countText(prices.total, "price")}
            testId="prices-filters"
          />
        )}
        <PagedTable
          list={prices}
          label="Price book"
          what="the price book"
          empty={
            <Text size="sm" c="dimmed" data-testid="prices-empty">
              {query.asset === "" ? "No price yet: without one, a payment in ETH cannot be counted against a budget in USD." : `No price of ${query.asset}.`}
            </Text>
          }
          rowKey={(price) => price.id}
          columns={priceColumns}
          rowHeight={priceRowHeight}
          maxHeight={420}
          verticalSpacing={6}
          testIds={{ table: "prices-table", scroll: "prices-scroll", row: "price-row" }}
        />
        <form
          ref={formRef}
          noValidate
          data-testid="price-form"
          onSubmit={(event) => {
            event.preventDefault();
            void submission.submit(input);
          }}
        >
          <Stack gap="sm">
            <FormErrorAlert
              ref={alertRef}
              title="The price was not recorded"
              errors={errors.general}
              invalidFieldLabels={Object.keys(errors.fields).filter(isPriceField).map((name) => priceLabels[name])}
            />
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
              <TextInput {...field("asset")} autoComplete="off" spellCheck={false} />
              <TextInput {...field("currency")} autoComplete="off" spellCheck={false} />
              <TextInput {...field("price")} placeholder="3000.50" inputMode="decimal" autoComplete="off" />
              <TextInput {...field("observedAt")} placeholder="2027-01-10 09:00" autoComplete="off" description={localPreviewOfUtcInput(input.observedAt) ?? undefined} />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button type="submit" variant="light" loading={submitting} leftSection={<IconPlus size={16} />}>
                Record price
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
