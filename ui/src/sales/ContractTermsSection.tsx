import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title, type TextInputProps } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconDeviceFloppy } from "@tabler/icons-react";
import { useId, useState, type ChangeEvent, type FormEvent } from "react";
import type { ContractTerms, Sale } from "../api";
import { FailureAlert } from "../common/FailureAlert";
import { FormErrorAlert } from "../common/FormErrorAlert";
import { fieldNamesOf } from "../common/formErrors";
import { submitOnEnterKeys } from "../common/formKeys";
import { LoadingState } from "../common/LoadingState";
import { useFormSubmit } from "../common/useFormSubmit";
import { useContractTerms, useSetContractTerms } from "./salesQueries";

type ContractTermsField = keyof ContractTerms;

const contractTermsLabels: Record<ContractTermsField, string> = {
  contributionCall: "Contribution function",
  refundCall: "Refund function",
  tokenAddress: "Token address",
};

const isContractTermsField = fieldNamesOf(contractTermsLabels);

const monospace = { input: { fontFamily: "var(--mantine-font-family-monospace)" } };

/** What a contribution does on chain, in words, from what is saved. */
function contributionInWords(sale: Sale, saved: ContractTerms): string {
  if (sale.currency.kind === "erc20") return `An ERC-20 transfer of ${sale.currency.symbol} to the sale's address.`;
  if (saved.contributionCall) return `A call of ${saved.contributionCall} on the sale's address, with the ${sale.currency.symbol} sent.`;
  return `A plain transfer of ${sale.currency.symbol} to the sale's address.`;
}

function ContractTermsForm({ sale, saved }: { sale: Sale; saved: ContractTerms }) {
  const setContractTerms = useSetContractTerms(sale.id);
  const [input, setInput] = useState<ContractTerms>(saved);
  const submission = useFormSubmit({
    isField: isContractTermsField,
    whenUnexpected: "Nothing was saved. Try again; what you typed is still here.",
    onSubmit: async (typed: ContractTerms) => {
      const stored = await setContractTerms.mutateAsync(typed);
      // As the backend keeps them: the function normalised, the address checksummed.
      setInput(stored);
      notifications.show({
        title: "Contract terms saved",
        message: `${sale.projectName}: ${contributionInWords(sale, stored)}`,
        color: "teal",
        icon: <IconCheck size={18} />,
      });
    },
  });
  const { errors, submitting, formRef, alertRef, clearFieldError } = submission;
  const field = (name: ContractTermsField): TextInputProps & { name: string } => ({
    name,
    label: contractTermsLabels[name],
    value: input[name],
    error: errors.fields[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setInput((current) => ({ ...current, [name]: value }));
      clearFieldError(name);
    },
    autoComplete: "off",
    spellCheck: false,
    styles: monospace,
  });
  const paidInToken = sale.currency.kind === "erc20";
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submission.submit(input);
  };
  return (
    <form ref={formRef} onSubmit={submit} onKeyDown={submitOnEnterKeys} noValidate aria-busy={submitting} data-testid="contract-terms-form">
      <Stack gap="md">
        <Text size="sm" data-testid="contract-terms-contribution">
          A contribution now: {contributionInWords(sale, saved)}
        </Text>
        <FormErrorAlert
          ref={alertRef}
          title="The contract terms were not saved"
          errors={errors.general}
          invalidFieldLabels={Object.keys(errors.fields).filter(isContractTermsField).map((name) => contractTermsLabels[name])}
          data-testid="contract-terms-alert"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            {...field("contributionCall")}
            placeholder="contribute() — empty for a plain transfer"
            description={
              paidInToken
                ? `Leave empty: this sale is paid in ${sale.currency.symbol}, so a contribution is an ERC-20 transfer to its address.`
                : "The payable function the sale's contract takes contributions with, as the project documents it."
            }
          />
          <TextInput
            {...field("refundCall")}
            placeholder="claimRefund() — empty if there is none"
            description="The function that returns a contribution after a failed sale. Empty: no refund can be claimed on chain."
          />
        </SimpleGrid>
        <TextInput
          {...field("tokenAddress")}
          placeholder="0x… — empty if not known yet"
          description={`The ${sale.tokenSymbol} token's contract: its balance for your account records the distribution.`}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={submitting} leftSection={<IconDeviceFloppy size={16} />} data-testid="contract-terms-save">
            Save contract terms
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** On a sale's page: how a contribution reaches the sale's contract, how a refund is claimed, and its token. */
export function ContractTermsSection({ sale }: { sale: Sale }) {
  const termsQuery = useContractTerms(sale.id);
  const titleId = useId();

  let content;
  if (termsQuery.isPending) {
    content = <LoadingState label="Loading the contract terms…" />;
  } else if (termsQuery.isError) {
    content = (
      <FailureAlert title="The contract terms could not be loaded" error={termsQuery.error} onRetry={() => void termsQuery.refetch()} />
    );
  } else {
    content = <ContractTermsForm sale={sale} saved={termsQuery.data} />;
  }

  return (
    <Paper withBorder radius="md" p="lg" aria-labelledby={titleId} component="section" data-testid="contract-terms-section">
      <Stack gap="md">
        <div>
          <Title order={2} size="h5" id={titleId}>
            On chain
          </Title>
          <Text size="sm" c="dimmed">
            How Saleguard builds a contribution or a refund claim for this sale. Copy the functions from the project&apos;s
            documentation or its verified contract.
          </Text>
        </div>
        {content}
      </Stack>
    </Paper>
  );
}
