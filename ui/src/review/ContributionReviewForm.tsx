import { Alert, Anchor, Button, Group, NativeSelect, SimpleGrid, Text, TextInput, type TextInputProps } from "@mantine/core";
import { IconInfoCircle, IconShieldSearch } from "@tabler/icons-react";
import { useState, type ChangeEvent } from "react";
import type { Account, Review, ReviewInput, Sale } from "../api";
import { AddressFingerprintIcon } from "../common/AddressFingerprintIcon";
import { FormCard } from "../common/FormCard";
import { FormErrorAlert } from "../common/FormErrorAlert";
import { UnitLabel } from "../common/UnitLabel";
import { useFormSubmit } from "../common/useFormSubmit";
import { formatAmount } from "../format/amount";
import { localPreviewOfUtcInput } from "../format/time";
import { routeHref } from "../shell/route";
import { isReviewField, reviewFieldLabels, sameReviewInput, type ReviewField } from "./reviewFields";
import { useReviewContribution } from "./reviewQueries";

type ContributionReviewFormProps = {
  sale: Sale;
  accounts: ReadonlyArray<Account>;
  /** What was last reviewed, to say when the form no longer matches it. */
  reviewedInput: ReviewInput | null;
  onReviewed: (review: Review, input: ReviewInput) => void;
};

function initialInput(sale: Sale): ReviewInput {
  return {
    saleId: sale.id,
    from: "",
    to: sale.contributionAddress,
    amount: "",
    chainId: "",
    at: "",
  };
}

/** "The sale takes 0.1 to 5 ETH per contribution." when it says so. */
function contributionLimits(sale: Sale): string | null {
  const { minContribution: min, maxContribution: max } = sale;
  if (min && max) return `The sale takes ${formatAmount(min)} to ${formatAmount(max)} per contribution.`;
  if (min) return `The sale takes at least ${formatAmount(min)} per contribution.`;
  if (max) return `The sale takes at most ${formatAmount(max)} per contribution.`;
  return null;
}

/** The account chosen, by its address and fingerprint: what will be compared with past recipients. */
function FromDescription({ account }: { account: Account | undefined }) {
  if (!account) return <>The account you will pay from.</>;
  return (
    <span style={{ display: "inline-flex", gap: 6, alignItems: "center" }}>
      <AddressFingerprintIcon address={account.address} px={14} />
      <span style={{ fontFamily: "var(--mantine-font-family-monospace)", wordBreak: "break-all" }}>{account.address}</span>
    </span>
  );
}

/** The contribution to review: from which account, to which address, how much, on which chain and when. */
export function ContributionReviewForm({ sale, accounts, reviewedInput, onReviewed }: ContributionReviewFormProps) {
  const reviewContribution = useReviewContribution();
  const [input, setInput] = useState<ReviewInput>(() => initialInput(sale));
  const submission = useFormSubmit({
    isField: isReviewField,
    whenUnexpected: "Nothing was reviewed. Try again; what you typed is still here.",
    onSubmit: async (typed: ReviewInput) => {
      onReviewed(await reviewContribution.mutateAsync(typed), typed);
    },
  });
  const { errors, submitting, alertRef, clearFieldError } = submission;

  const change = (field: ReviewField, value: string) => {
    setInput((current) => ({ ...current, [field]: value }));
    clearFieldError(field);
  };
  const textField = (field: Exclude<ReviewField, "from">): TextInputProps & { name: string } => ({
    name: field,
    label: reviewFieldLabels[field],
    value: input[field],
    error: errors.fields[field],
    onChange: (event: ChangeEvent<HTMLInputElement>) => change(field, event.currentTarget.value),
    autoComplete: "off",
    spellCheck: false,
  });
  // The only account is the one paid from, even when the list arrived after the form
  // was first drawn (a list cached from before the account was added).
  const [onlyAccount] = accounts;
  const from = input.from || (accounts.length === 1 && onlyAccount ? String(onlyAccount.id) : "");
  const typed: ReviewInput = { ...input, from };

  const chosen = accounts.find((account) => String(account.id) === from);
  const limits = contributionLimits(sale);
  const preview = localPreviewOfUtcInput(input.at);
  const isDesignated = input.to.trim().toLowerCase() === sale.contributionAddress.toLowerCase();
  const changedSinceReview = reviewedInput !== null && !sameReviewInput(reviewedInput, typed);

  return (
    <FormCard title="The contribution" submission={submission} input={typed} data-testid="review-form">
      <FormErrorAlert
        ref={alertRef}
        title="The contribution was not reviewed"
        errors={errors.general}
        invalidFieldLabels={(Object.keys(errors.fields) as ReviewField[]).map((field) => reviewFieldLabels[field])}
        data-testid="review-form-alert"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <NativeSelect
          name="from"
          label={reviewFieldLabels.from}
          value={from}
          onChange={(event) => change("from", event.currentTarget.value)}
          data={[
            { value: "", label: accounts.length === 0 ? "No account yet" : "Choose an account", disabled: true },
            ...accounts.map((account) => ({ value: String(account.id), label: account.label })),
          ]}
          error={errors.fields.from}
          withAsterisk
          inputWrapperOrder={["label", "input", "description", "error"]}
          description={
            accounts.length === 0 ? (
              <>
                Add the account you will pay from in{" "}
                <Anchor href={routeHref({ area: "accounts", view: "list" })} size="xs">
                  Accounts
                </Anchor>{" "}
                first.
              </>
            ) : (
              <FromDescription account={chosen} />
            )
          }
        />
        <TextInput
          {...textField("amount")}
          placeholder="e.g. 0.5"
          inputMode="decimal"
          withAsterisk
          rightSection={<UnitLabel unit={sale.currency.symbol} />}
          rightSectionWidth="auto"
          description={`In ${sale.currency.symbol}, the sale's accepted currency.${limits ? ` ${limits}` : ""}`}
        />
      </SimpleGrid>
      <TextInput
        {...textField("to")}
        withAsterisk
        styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
        description={
          isDesignated
            ? "The sale's designated contribution address. Change it to check another address."
            : "Not the sale's designated contribution address: the review says whether it is one of its official addresses."
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          {...textField("chainId")}
          placeholder={String(sale.chainId)}
          inputMode="numeric"
          description={`Optional. Empty: the sale's chain (${sale.chainId}).`}
        />
        <TextInput
          {...textField("at")}
          placeholder="now"
          description={
            <>
              Optional. Empty for now; otherwise UTC, e.g. 2026-12-01 14:00.
              {preview && (
                <>
                  <br />
                  Your local time: {preview}
                </>
              )}
            </>
          }
        />
      </SimpleGrid>
      {changedSinceReview && (
        <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />} p="xs" data-testid="review-outdated">
          <Text size="sm">The form has changed since the review below: press Review to check what is typed now.</Text>
        </Alert>
      )}
      <Group justify="flex-end">
        <Button type="submit" loading={submitting} leftSection={<IconShieldSearch size={16} />} data-testid="review-submit">
          Review
        </Button>
      </Group>
    </FormCard>
  );
}
