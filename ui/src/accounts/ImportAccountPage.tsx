import { Button, Paper, PasswordInput, Tabs, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconEye, IconFileImport, IconKey, IconListNumbers } from "@tabler/icons-react";
import { useState } from "react";
import {
  api,
  type Account,
  type AddWatchOnlyInput,
  type ImportMnemonicInput,
  type ImportPrivateKeyInput,
} from "../api";
import { BackLink } from "../common/BackLink";
import { PageHeader } from "../common/PageHeader";
import { navigate, type AccountsRoute } from "../shell/route";
import { AccountForm } from "./AccountForm";
import { labelRules } from "./AccountLabelInput";
import { KeyringStatusBanner } from "./KeyringStatusBanner";
import { defaultDerivationPath } from "./accountFields";
import { useAccountForm } from "./useAccountForm";

const accountsList: AccountsRoute = { area: "accounts", view: "list" };

const monospace = { input: { fontFamily: "var(--mantine-font-family-monospace)" } };

type ImportFormProps = {
  onAdded: (account: Account) => void;
};

function CancelButton() {
  return (
    <Button variant="default" onClick={() => navigate(accountsList)}>
      Cancel
    </Button>
  );
}

const emptyMnemonicInput: ImportMnemonicInput = { label: "", phrase: "", passphrase: "", derivationPath: defaultDerivationPath };

function ImportMnemonicForm({ onAdded }: ImportFormProps) {
  const { submission, textProps, submit } = useAccountForm({
    initialInput: emptyMnemonicInput,
    fields: ["label", "phrase", "passphrase", "derivationPath"],
    secretFields: ["phrase", "passphrase"],
    add: api.importMnemonicAccount,
    onAdded,
  });
  return (
    <AccountForm
      submission={submission}
      onSubmit={submit}
      failureTitle="The account was not imported"
      submitLabel="Import account"
      submitIcon={<IconFileImport size={18} />}
      secondaryActions={<CancelButton />}
      data-testid="import-mnemonic-form"
    >
      <Textarea
        {...textProps("phrase")}
        description="12 to 24 words, separated by spaces, as you wrote them down."
        autosize
        minRows={3}
        maxRows={6}
        autoCapitalize="none"
        withAsterisk
        styles={monospace}
        // Enter submits the form, like in every other input; the words are one line of text.
        onKeyDown={(event) => {
          if (event.key === "Enter" && !event.shiftKey) {
            event.preventDefault();
            event.currentTarget.form?.requestSubmit();
          }
        }}
        data-initial-focus
      />
      <PasswordInput
        {...textProps("passphrase")}
        description="Only if you set one up with this phrase (sometimes called the 25th word). Leave empty otherwise."
      />
      <TextInput
        {...textProps("derivationPath")}
        description={`Where in the phrase the address is. Most wallets use ${defaultDerivationPath} for the first one.`}
        styles={monospace}
        withAsterisk
      />
      <TextInput {...textProps("label")} description={labelRules} withAsterisk />
    </AccountForm>
  );
}

const emptyPrivateKeyInput: ImportPrivateKeyInput = { label: "", privateKey: "" };

function ImportPrivateKeyForm({ onAdded }: ImportFormProps) {
  const { submission, textProps, submit } = useAccountForm({
    initialInput: emptyPrivateKeyInput,
    fields: ["label", "privateKey"],
    secretFields: ["privateKey"],
    add: api.importPrivateKeyAccount,
    onAdded,
  });
  return (
    <AccountForm
      submission={submission}
      onSubmit={submit}
      failureTitle="The account was not imported"
      submitLabel="Import account"
      submitIcon={<IconFileImport size={18} />}
      secondaryActions={<CancelButton />}
      data-testid="import-private-key-form"
    >
      <PasswordInput
        {...textProps("privateKey")}
        description="64 hexadecimal digits, with or without 0x."
        styles={monospace}
        withAsterisk
      />
      <TextInput {...textProps("label")} description={labelRules} withAsterisk />
    </AccountForm>
  );
}

const emptyWatchOnlyInput: AddWatchOnlyInput = { label: "", address: "" };

function AddWatchOnlyForm({ onAdded }: ImportFormProps) {
  const { submission, textProps, submit } = useAccountForm({
    initialInput: emptyWatchOnlyInput,
    fields: ["label", "address"],
    add: api.addWatchOnlyAccount,
    onAdded,
  });
  return (
    <AccountForm
      submission={submission}
      onSubmit={submit}
      failureTitle="The address was not added"
      submitLabel="Add address"
      submitIcon={<IconEye size={18} />}
      secondaryActions={<CancelButton />}
      data-testid="add-watch-only-form"
    >
      <TextInput
        {...textProps("address")}
        description="Saleguard can show and follow it, but not sign for it. A mixed-case address is checked against its EIP-55 checksum."
        placeholder="0x…"
        styles={monospace}
        withAsterisk
      />
      <TextInput {...textProps("label")} description={labelRules} withAsterisk />
    </AccountForm>
  );
}

type ImportMethod = "phrase" | "privateKey" | "watchOnly";

function announceAdded(account: Account) {
  navigate({ area: "accounts", view: "detail", accountId: account.id });
  notifications.show({
    title: account.kind === "watch_only" ? "Address added" : "Account imported",
    message: `${account.label} was added.`,
    color: "teal",
    icon: <IconCheck size={18} />,
  });
}

/** Import a recovery phrase or a private key, or add an address to watch. Each tab keeps what was typed in it. */
export function ImportAccountPage() {
  const [method, setMethod] = useState<ImportMethod>("phrase");
  return (
    <>
      <PageHeader
        breadcrumb={<BackLink to={accountsList} label="All accounts" />}
        title="Import an account"
        description="A recovery phrase or private key goes into your operating system's keyring; the data file keeps only the label and the address."
      />
      <KeyringStatusBanner />
      <Paper withBorder radius="md" p="lg">
        <Tabs value={method} onChange={(value) => value && setMethod(value as ImportMethod)}>
          <Tabs.List mb="lg">
            <Tabs.Tab value="phrase" leftSection={<IconListNumbers size={16} />}>
              Recovery phrase
            </Tabs.Tab>
            <Tabs.Tab value="privateKey" leftSection={<IconKey size={16} />}>
              Private key
            </Tabs.Tab>
            <Tabs.Tab value="watchOnly" leftSection={<IconEye size={16} />}>
              Watch-only address
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="phrase">
            <ImportMnemonicForm onAdded={announceAdded} />
          </Tabs.Panel>
          <Tabs.Panel value="privateKey">
            <ImportPrivateKeyForm onAdded={announceAdded} />
          </Tabs.Panel>
          <Tabs.Panel value="watchOnly">
            <AddWatchOnlyForm onAdded={announceAdded} />
          </Tabs.Panel>
        </Tabs>
      </Paper>
    </>
  );
}
