import { ActionIcon, Badge, Button, Code, Group, Paper, Stack, Table, Text, TextInput, Title, Tooltip } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconDeviceFloppy, IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useId, useState, type FormEvent } from "react";
import { failureMessage, type ContractTerms, type Sale, type SaleAction, type SaleActionInput } from "../api";
import { AddressText } from "../common/AddressText";
import { FailureAlert } from "../common/FailureAlert";
import { FormErrorAlert } from "../common/FormErrorAlert";
import { fieldNamesOf } from "../common/formErrors";
import { submitOnEnterKeys } from "../common/formKeys";
import { LoadingState } from "../common/LoadingState";
import { useFormSubmit } from "../common/useFormSubmit";
import { ActionDialog } from "./ActionDialog";
import { actionPurposeLooks } from "./actionLooks";
import { useContractTerms, useRemoveAction, useSaleActions, useSetContractTerms } from "./salesQueries";

const contractTermsLabels: Record<keyof ContractTerms, string> = { tokenAddress: "Token address" };

const isContractTermsField = fieldNamesOf(contractTermsLabels);

/** The sale's token: the contract whose transfers to the user are its deliveries. */
function TokenForm({ sale, saved }: { sale: Sale; saved: ContractTerms }) {
  const setContractTerms = useSetContractTerms(sale.id);
  const [input, setInput] = useState<ContractTerms>(saved);
  const submission = useFormSubmit({
    isField: isContractTermsField,
    whenUnexpected: "Nothing was saved. Try again; what you typed is still here.",
    onSubmit: async (typed: ContractTerms) => {
      const stored = await setContractTerms.mutateAsync(typed);
      // As the backend keeps it: checksummed.
      setInput(stored);
      notifications.show({
        title: "Token saved",
        message: stored.tokenAddress
          ? `${sale.projectName}: ${sale.tokenSymbol} is ${stored.tokenAddress}.`
          : `${sale.projectName}: the token is not known.`,
        color: "teal",
        icon: <IconCheck size={18} />,
      });
    },
  });
  const { errors, submitting, formRef, alertRef, clearFieldError } = submission;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submission.submit(input);
  };
  return (
    <form ref={formRef} onSubmit={submit} onKeyDown={submitOnEnterKeys} noValidate aria-busy={submitting} data-testid="contract-terms-form">
      <Stack gap="sm">
        <FormErrorAlert
          ref={alertRef}
          title="The token was not saved"
          errors={errors.general}
          invalidFieldLabels={Object.keys(errors.fields).filter(isContractTermsField).map((name) => contractTermsLabels[name])}
          data-testid="contract-terms-alert"
        />
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <TextInput
            name="tokenAddress"
            label={contractTermsLabels.tokenAddress}
            value={input.tokenAddress}
            error={errors.fields.tokenAddress}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setInput({ tokenAddress: value });
              clearFieldError("tokenAddress");
            }}
            autoComplete="off"
            spellCheck={false}
            styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
            placeholder="0x… — empty if not known yet"
            description={`The ${sale.tokenSymbol} token's contract: its transfers to your accounts, read from the chain's logs, are its deliveries.`}
            style={{ flex: 1 }}
          />
          <Button type="submit" loading={submitting} leftSection={<IconDeviceFloppy size={16} />} data-testid="contract-terms-save">
            Save token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** What an action's edit form starts from: the action as the user typed it. */
function draftOf(action: SaleAction): SaleActionInput {
  return {
    name: action.name,
    purpose: action.purpose,
    contract: action.contract,
    contractSource: action.contractSource,
    signature: action.signature,
    arguments: action.arguments.map((argument) => argument.value),
  };
}

function ActionRow({ sale, action, onEdit }: { sale: Sale; action: SaleAction; onEdit: () => void }) {
  const removeAction = useRemoveAction(sale.id);
  const [confirming, setConfirming] = useState(false);
  const remove = async () => {
    try {
      await removeAction.mutateAsync(action.id);
      notifications.show({ title: "Action removed", message: `${sale.projectName}: ${action.name}.`, color: "teal" });
    } catch (error) {
      notifications.show({
        title: "The action was not removed",
        message: failureMessage(error),
        color: "red",
      });
      setConfirming(false);
    }
  };
  return (
    <Table.Tr data-testid="sale-action-row" data-purpose={action.purpose}>
      <Table.Td>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {action.name}
          </Text>
          <Badge variant="light" size="sm" w="fit-content">
            {actionPurposeLooks[action.purpose].label}
          </Badge>
        </Stack>
      </Table.Td>
      <Table.Td>
        {action.signature ? (
          <Code data-testid="sale-action-signature">{action.signature}</Code>
        ) : (
          <Text size="sm">A plain transfer</Text>
        )}
        {action.arguments.length > 0 && (
          <Stack gap={2} mt={4}>
            {action.arguments.map((argument, index) => (
              <Text key={index} size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                {argument.name || `argument ${index + 1}`} ({argument.type}):{" "}
                <Text span size="xs" ff="monospace" c={argument.template ? "blue" : undefined}>
                  {argument.value}
                </Text>
              </Text>
            ))}
          </Stack>
        )}
      </Table.Td>
      <Table.Td>
        <AddressText address={action.target} />
        <Text size="xs" c="dimmed">
          {action.contract ? `Published on ${action.contractSource}` : "The sale's address"}
        </Text>
      </Table.Td>
      <Table.Td>
        {confirming ? (
          <Group gap="xs" wrap="nowrap" justify="flex-end">
            <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
              Keep
            </Button>
            <Button size="xs" color="red" loading={removeAction.isPending} onClick={() => void remove()} data-testid="sale-action-remove-confirm">
              Remove
            </Button>
          </Group>
        ) : (
          <Group gap={4} wrap="nowrap" justify="flex-end">
            <Tooltip label={`Edit ${action.name}`}>
              <ActionIcon variant="subtle" aria-label={`Edit ${action.name}`} onClick={onEdit} data-testid="sale-action-edit">
                <IconPencil size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={`Remove ${action.name}`}>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`Remove ${action.name}`}
                onClick={() => setConfirming(true)}
                data-testid="sale-action-remove"
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function SaleActions({ sale }: { sale: Sale }) {
  const actionsQuery = useSaleActions(sale.id);
  const [dialogOpened, dialog] = useDisclosure(false);
  const [editing, setEditing] = useState<{ action: SaleAction; draft: SaleActionInput } | null>(null);
  const openFor = (action: SaleAction | null) => {
    setEditing(action ? { action, draft: draftOf(action) } : null);
    dialog.open();
  };
  const titleId = useId();

  let content;
  if (actionsQuery.isPending) {
    content = <LoadingState label="Loading the sale's actions…" />;
  } else if (actionsQuery.isError) {
    content = (
      <FailureAlert title="The sale's actions could not be loaded" error={actionsQuery.error} onRetry={() => void actionsQuery.refetch()} />
    );
  } else if (actionsQuery.data.length === 0) {
    content = (
      <Text size="sm" c="dimmed" data-testid="sale-actions-empty">
        No actions yet: a contribution is{" "}
        {sale.currency.kind === "erc20" ? `an ERC-20 transfer of ${sale.currency.symbol}` : `a plain transfer of ${sale.currency.symbol}`} to
        the sale&apos;s address, and nothing else can be done on chain. Add the sale&apos;s functions as its documentation or verified
        contract names them: its payable contribution, its refund claim, its token or vesting claims.
      </Text>
    );
  } else {
    content = (
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="sm" data-testid="sale-actions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Action</Table.Th>
              <Table.Th>Function and arguments</Table.Th>
              <Table.Th>Calls</Table.Th>
              <Table.Th aria-label="Edit or remove" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {actionsQuery.data.map((action) => (
              <ActionRow key={action.id} sale={sale} action={action} onEdit={() => openFor(action)} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Stack gap="sm" aria-labelledby={titleId} component="section">
      <Group justify="space-between" align="flex-start" gap="sm">
        <div>
          <Title order={3} size="h6" id={titleId}>
            Actions
          </Title>
          <Text size="sm" c="dimmed">
            Each step of the sale you sign: what it calls, with which arguments. Every argument is checked against its type.
          </Text>
        </div>
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => openFor(null)} data-testid="sale-action-add">
          Add action
        </Button>
      </Group>
      {content}
      <ActionDialog
        sale={sale}
        editing={editing}
        taken={(actionsQuery.data ?? []).filter((action) => action.id !== editing?.action.id).map((action) => action.purpose)}
        opened={dialogOpened}
        onClose={dialog.close}
      />
    </Stack>
  );
}

/** On a sale's page: its actions on chain (contribute, claim a refund, claim tokens…) and its token. */
export function ContractTermsSection({ sale }: { sale: Sale }) {
  const termsQuery = useContractTerms(sale.id);
  const titleId = useId();

  let token;
  if (termsQuery.isPending) {
    token = <LoadingState label="Loading the sale's token…" />;
  } else if (termsQuery.isError) {
    token = <FailureAlert title="The sale's token could not be loaded" error={termsQuery.error} onRetry={() => void termsQuery.refetch()} />;
  } else {
    token = <TokenForm sale={sale} saved={termsQuery.data} />;
  }

  return (
    <Paper withBorder radius="md" p="lg" aria-labelledby={titleId} component="section" data-testid="contract-terms-section">
      <Stack gap="lg">
        <div>
          <Title order={2} size="h5" id={titleId}>
            On chain
          </Title>
          <Text size="sm" c="dimmed">
            How Saleguard builds each transaction of this sale. Copy the functions from the project&apos;s documentation or its
            verified contract.
          </Text>
        </div>
        <SaleActions sale={sale} />
        {token}
      </Stack>
    </Paper>
  );
}
