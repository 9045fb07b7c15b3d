import { Alert, Button, Group, SimpleGrid, Stack, Stepper, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconArrowLeft, IconCheck, IconRefresh } from "@tabler/icons-react";
import { useId, useState } from "react";
import { api, type ConfirmNewAccountInput, type NewMnemonic } from "../api";
import { AddressText } from "../common/AddressText";
import { BackLink } from "../common/BackLink";
import { FailureAlert } from "../common/FailureAlert";
import { LoadingState } from "../common/LoadingState";
import { PageHeader } from "../common/PageHeader";
import { hasGeneralError } from "../common/formErrors";
import { useFormSubmit } from "../common/useFormSubmit";
import { navigate, type AccountsRoute } from "../shell/route";
import { AccountForm } from "./AccountForm";
import { AccountLabelInput } from "./AccountLabelInput";
import { DerivationPathText } from "./DerivationPathText";
import { KeyringStatusBanner } from "./KeyringStatusBanner";
import { RecoveryPhraseWords } from "./RecoveryPhraseWords";
import { accountFieldsIn, accountFormErrorWhenUnexpected } from "./accountFields";
import { suggestAccountLabel } from "./accountLabels";
import { useAccountsList, useAddAccount, useKeyringStatus } from "./accountsQueries";
import { useNewMnemonic } from "./useNewMnemonic";

const accountsList: AccountsRoute = { area: "accounts", view: "list" };
const isConfirmField = accountFieldsIn(["label", "answers"]);

function WriteDownWarning({ wordCount }: { wordCount: number }) {
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} title={`Write these ${wordCount} words down, in order, on paper`}>
      <Stack gap={4}>
        <Text size="sm">
          They are the only backup of this account: whoever has them can take its funds, and without them the funds are
          lost if this computer or its keyring is. Saleguard shows them once, now, and then asks for three of them.
        </Text>
        <Text size="sm" fw={600}>
          Never type them into a website, a chat or a form: no wallet, project or support person needs them.
        </Text>
      </Stack>
    </Alert>
  );
}

type WordsStepProps = {
  mnemonic: NewMnemonic;
  onContinue: () => void;
  /** Focus "continue" when the user came back from the check to read the words again. */
  cameBack: boolean;
};

function WordsStep({ mnemonic, onContinue, cameBack }: WordsStepProps) {
  return (
    <Stack gap="md">
      <WriteDownWarning wordCount={mnemonic.words.length} />
      <RecoveryPhraseWords words={mnemonic.words} />
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          The account's address will be
        </Text>
        <AddressText address={mnemonic.address} />
        <Text size="sm" c="dimmed">
          Derivation path <DerivationPathText path={mnemonic.derivationPath} />
        </Text>
      </Stack>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={() => navigate(accountsList)}>
          Cancel
        </Button>
        {/* eslint-disable-next-line jsx-a11y/no-autofocus -- true only after "Back to the words", whose button this step replaces; on first showing the words nothing is focused */}
        <Button onClick={onContinue} autoFocus={cameBack} data-testid="words-written-down">
          I have written them down
        </Button>
      </Group>
    </Stack>
  );
}

type NewAccountStepsProps = {
  mnemonic: NewMnemonic;
  onStartAgain: () => void;
  onSaved: (pendingId: string) => void;
};

/** Step 1 shows the words; step 2 asks for some of them back and a label, then saves. */
function NewAccountSteps({ mnemonic, onStartAgain, onSaved }: NewAccountStepsProps) {
  const [step, setStep] = useState<"words" | "check">("words");
  const [cameBack, setCameBack] = useState(false);
  const [answers, setAnswers] = useState<Record<number, string>>({});
  const [typedLabel, setTypedLabel] = useState<string | null>(null);
  const wordsHeadingId = useId();
  const accountsQuery = useAccountsList();
  const label = typedLabel ?? suggestAccountLabel(accountsQuery.data ?? []);

  const confirmNewAccount = useAddAccount(async (input: ConfirmNewAccountInput) => {
    const account = await api.confirmNewAccount(input);
    onSaved(input.pendingId);
    return account;
  });
  const submission = useFormSubmit({
    isField: isConfirmField,
    whenUnexpected: accountFormErrorWhenUnexpected,
    onSubmit: async (input: ConfirmNewAccountInput) => {
      const account = await confirmNewAccount(input);
      navigate({ area: "accounts", view: "detail", accountId: account.id });
      notifications.show({
        title: "Account created",
        message: `${account.label} is ready. Keep the paper with its words somewhere safe.`,
        color: "teal",
        icon: <IconCheck size={18} />,
      });
    },
  });
  const { errors, clearFieldError } = submission;

  const submit = () =>
    void submission.submit({
      pendingId: mnemonic.pendingId,
      label,
      answers: mnemonic.challenge.map((position) => ({ position, word: answers[position] ?? "" })),
    });

  const backToWords = () => {
    setCameBack(true);
    setStep("words");
  };

  return (
    <Stepper
      active={step === "words" ? 0 : 1}
      onStepClick={(index) => index === 0 && backToWords()}
      allowNextStepsSelect={false}
      size="sm"
    >
      <Stepper.Step label="Write down the words">
        <WordsStep mnemonic={mnemonic} cameBack={cameBack} onContinue={() => setStep("check")} />
      </Stepper.Step>
      <Stepper.Step label="Check and name">
        <AccountForm
          submission={submission}
          onSubmit={submit}
          failureTitle="The account was not created"
          submitLabel="Create account"
          submitIcon={<IconCheck size={18} />}
          data-testid="confirm-new-account"
          failureActions={
            hasGeneralError(errors, "pending_mnemonic_expired") && (
              <div>
                <Button size="xs" variant="light" color="red" leftSection={<IconRefresh size={14} />} onClick={onStartAgain}>
                  Start again with new words
                </Button>
              </div>
            )
          }
          secondaryActions={
            <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={backToWords}>
              Back to the words
            </Button>
          }
        >
          {/* A plain group, not a <fieldset>: WebKitGTK sized the fieldset wrongly until focus
              moved, and the buttons below jumped away from under the first click. */}
          <div role="group" aria-labelledby={wordsHeadingId}>
            <Title order={2} size="h5" mb="md" id={wordsHeadingId}>
              Enter these words from your paper
            </Title>
            <SimpleGrid cols={{ base: 1, sm: mnemonic.challenge.length }} spacing="md">
              {mnemonic.challenge.map((position, index) => (
                <TextInput
                  key={position}
                  name={`word-${position}`}
                  label={`Word #${position}`}
                  value={answers[position] ?? ""}
                  onChange={(event) => {
                    const { value } = event.currentTarget;
                    setAnswers((current) => ({ ...current, [position]: value }));
                    clearFieldError("answers");
                  }}
                  // All three are marked; the message (about the three together) is under the first.
                  error={index === 0 ? errors.fields.answers : errors.fields.answers !== undefined}
                  // eslint-disable-next-line jsx-a11y/no-autofocus -- this step mounts only from "I have written them down", whose button it replaces: focus goes on to the first word asked
                  autoFocus={index === 0}
                  autoComplete="off"
                  autoCapitalize="none"
                  spellCheck={false}
                  styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
                />
              ))}
            </SimpleGrid>
          </div>
          <AccountLabelInput
            value={label}
            onChange={(value) => {
              setTypedLabel(value);
              clearFieldError("label");
            }}
            error={errors.fields.label}
          />
        </AccountForm>
      </Stepper.Step>
    </Stepper>
  );
}

export function CreateAccountPage() {
  const keyringStatus = useKeyringStatus();
  // The last known status decides; when it could not be checked, the backend says why it cannot make a phrase.
  const keyringReady = keyringStatus.data ? keyringStatus.data.available : keyringStatus.isError;
  const { state, startAgain, markSaved } = useNewMnemonic(keyringReady);

  let content;
  if (state.status === "waiting" && keyringStatus.isPending) {
    content = <LoadingState label="Checking the keyring…" />;
  } else if (state.status === "waiting" && !keyringReady) {
    // The banner says why and offers to check again.
    content = null;
  } else if (state.status === "waiting" || state.status === "loading") {
    content = <LoadingState label="Making a new recovery phrase…" />;
  } else if (state.status === "failed") {
    content = (
      <FailureAlert
        title="No recovery phrase could be made"
        error={state.error}
        onRetry={() => {
          void keyringStatus.refetch();
          startAgain();
        }}
      />
    );
  } else {
    content = (
      <NewAccountSteps key={state.mnemonic.pendingId} mnemonic={state.mnemonic} onStartAgain={startAgain} onSaved={markSaved} />
    );
  }

  return (
    <>
      <PageHeader
        breadcrumb={<BackLink to={accountsList} label="All accounts" />}
        title="Create an account"
        description="Saleguard makes a new 24-word recovery phrase. The phrase goes into your operating system's keyring; the data file keeps only the label and the address."
      />
      {/* The failure already says what went wrong, keyring included. */}
      {state.status !== "failed" && (
        <KeyringStatusBanner
          withRetry
          explanation={
            state.status === "ready"
              ? "The account can be saved once the keyring can be used again."
              : "No recovery phrase is made until the keyring can store it."
          }
        />
      )}
      {content}
    </>
  );
}
