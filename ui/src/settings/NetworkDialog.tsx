import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput, type TextInputProps } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconDeviceFloppy } from "@tabler/icons-react";
import { useState, type ChangeEvent, type FormEvent } from "react";
import type { NetworkInput } from "../api";
import { FailureAlert } from "../common/FailureAlert";
import { FormErrorAlert } from "../common/FormErrorAlert";
import { fieldNamesOf } from "../common/formErrors";
import { submitOnEnterKeys } from "../common/formKeys";
import { LoadingState } from "../common/LoadingState";
import { useFormSubmit } from "../common/useFormSubmit";
import { useNetworkDraft, useSaveNetwork } from "./networksQueries";

type NetworkField = keyof NetworkInput;

/** The form's inputs, by the name the backend uses in `AppError.invalidFields`. */
export const networkFieldLabels: Record<NetworkField, string> = {
  chainId: "Chain id",
  name: "Name",
  nativeSymbol: "Coin symbol",
  nativeDecimals: "Coin decimals",
  rpcUrl: "RPC URL",
  explorerUrl: "Explorer URL",
  confirmations: "Confirmations",
};

const isNetworkField = fieldNamesOf(networkFieldLabels);

/** A network of a chain id not in the list yet: most chains' coins have 18 decimals. */
const newNetwork: NetworkInput = {
  chainId: "",
  name: "",
  nativeSymbol: "",
  nativeDecimals: "18",
  rpcUrl: "",
  explorerUrl: "",
  confirmations: "",
};

/** Which network the dialog is for: one in the list (saved or preset), or another chain. */
export type NetworkTarget = { kind: "listed"; chainId: number; name: string; rpcUrlInKeyring: boolean } | { kind: "new" };

type NetworkFormProps = {
  initial: NetworkInput;
  /** The saved RPC URL holds a key and is kept in the keyring; the form shows its short form. */
  rpcUrlInKeyring?: boolean;
  /** A listed network keeps its chain id: another chain is another network. */
  chainIdFixed: boolean;
  onClose: () => void;
};

function NetworkForm({ initial, rpcUrlInKeyring = false, chainIdFixed, onClose }: NetworkFormProps) {
  const saveNetwork = useSaveNetwork();
  const [input, setInput] = useState<NetworkInput>(initial);
  const submission = useFormSubmit({
    isField: isNetworkField,
    whenUnexpected: "Nothing was saved. Try again; what you typed is still here.",
    onSubmit: async (typed: NetworkInput) => {
      const saved = await saveNetwork.mutateAsync(typed);
      onClose();
      notifications.show({
        title: "Network saved",
        message: saved.rpcHost
          ? `${saved.name} (chain ${saved.chainId}), through ${saved.rpcHost}.`
          : `${saved.name} (chain ${saved.chainId}), with no node yet.`,
        color: "teal",
        icon: <IconCheck size={18} />,
      });
    },
  });
  const { errors, submitting, formRef, alertRef, clearFieldError } = submission;
  const field = (name: NetworkField): TextInputProps & { name: string } => ({
    name,
    label: networkFieldLabels[name],
    value: input[name],
    error: errors.fields[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setInput((current) => ({ ...current, [name]: value }));
      clearFieldError(name);
    },
    autoComplete: "off",
    spellCheck: false,
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submission.submit(input);
  };
  return (
    <form ref={formRef} onSubmit={submit} onKeyDown={submitOnEnterKeys} noValidate aria-busy={submitting} data-testid="network-form">
      <Stack gap="md">
        <FormErrorAlert
          ref={alertRef}
          title="The network was not saved"
          errors={errors.general}
          invalidFieldLabels={Object.keys(errors.fields).filter(isNetworkField).map((name) => networkFieldLabels[name])}
          data-testid="network-form-alert"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            {...field("chainId")}
            withAsterisk
            inputMode="numeric"
            placeholder="e.g. 8453"
            readOnly={chainIdFixed}
            description={
              chainIdFixed ? "Fixed: for another chain, add another network." : "Saving a chain id already in the list replaces that network."
            }
            data-autofocus={chainIdFixed ? undefined : true}
          />
          <TextInput {...field("name")} withAsterisk placeholder="e.g. Base" spellCheck />
          <TextInput {...field("nativeSymbol")} withAsterisk placeholder="e.g. ETH" description="The chain's own coin, which pays the fees." />
          <TextInput {...field("nativeDecimals")} withAsterisk inputMode="numeric" placeholder="18" />
        </SimpleGrid>
        <TextInput
          {...field("rpcUrl")}
          placeholder="e.g. http://127.0.0.1:8545 or your provider's URL"
          styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
          description={
            rpcUrlInKeyring && input.rpcUrl === initial.rpcUrl
              ? "The full URL, with its API key, is kept in your OS keyring: leave this as it is to keep it, or type another URL to replace it."
              : "The node Saleguard talks to for this chain, and the only address it contacts. A URL with an API key (a path or a query) is kept in your OS keyring, never in Saleguard's files; messages show only the scheme, host and port. Empty: no node, nothing is contacted."
          }
          data-autofocus={chainIdFixed ? true : undefined}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            {...field("explorerUrl")}
            placeholder="e.g. https://etherscan.io"
            description="Optional. For links to a transaction's page that you open yourself; Saleguard never contacts it."
          />
          <TextInput
            {...field("confirmations")}
            withAsterisk
            inputMode="numeric"
            placeholder="e.g. 12"
            description="Blocks to wait for before a transaction counts as confirmed."
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={submitting}>
            Cancel
          </Button>
          <Button type="submit" loading={submitting} leftSection={<IconDeviceFloppy size={16} />} data-testid="network-save">
            Save network
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A listed network's form, once what it starts from is loaded. */
function ListedNetworkForm({ chainId, rpcUrlInKeyring, onClose }: { chainId: number; rpcUrlInKeyring: boolean; onClose: () => void }) {
  const draft = useNetworkDraft(chainId);
  if (draft.isPending) return <LoadingState label="Loading the network…" />;
  if (draft.isError) {
    return <FailureAlert title="The network could not be loaded" error={draft.error} onRetry={() => void draft.refetch()} />;
  }
  return <NetworkForm initial={draft.data} rpcUrlInKeyring={rpcUrlInKeyring} chainIdFixed onClose={onClose} />;
}

type NetworkDialogProps = { target: NetworkTarget | null; onClose: () => void };

/** Edits a listed network (a preset becomes saved) or adds another; Escape or Cancel closes it without saving. */
export function NetworkDialog({ target, onClose }: NetworkDialogProps) {
  const title = target?.kind === "listed" ? `${target.name} (chain ${target.chainId})` : "Add another network";
  return (
    <Modal opened={target !== null} onClose={onClose} title={<Text fw={600}>{title}</Text>} centered size="lg">
      {target?.kind === "listed" && (
        <ListedNetworkForm chainId={target.chainId} rpcUrlInKeyring={target.rpcUrlInKeyring} onClose={onClose} />
      )}
      {target?.kind === "new" && <NetworkForm initial={newNetwork} chainIdFixed={false} onClose={onClose} />}
    </Modal>
  );
}
