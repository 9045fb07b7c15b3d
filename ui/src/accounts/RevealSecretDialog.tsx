import { Alert, Button, Group, Progress, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconEye, IconEyeOff } from "@tabler/icons-react";
import { useState } from "react";
import type { Account, RevealedSecret } from "../api";
import { AccountDialog } from "./AccountDialog";
import { ConfirmWithLabelForm } from "./ConfirmWithLabelForm";
import { DerivationPathText } from "./DerivationPathText";
import { RecoveryPhraseWords } from "./RecoveryPhraseWords";
import { useRevealAccountSecret } from "./accountsQueries";
import { secretName } from "./secretNames";
import { useSecondsLeft } from "./useSecondsLeft";

/** How long a revealed secret stays on screen. */
export const revealSeconds = 30;

type RevealSecretDialogProps = {
  account: Account;
  opened: boolean;
  onClose: () => void;
};

function SecretText({ secret }: { secret: RevealedSecret }) {
  if (secret.kind === "private_key") {
    return (
      <Text ff="monospace" fw={600} style={{ wordBreak: "break-all" }} data-testid="revealed-private-key">
        {secret.privateKey}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <RecoveryPhraseWords words={secret.words} />
      {secret.hasPassphrase && (
        <Text size="sm" fw={600} data-testid="revealed-has-passphrase">
          This account also uses a passphrase. The words alone do not restore it: you need the passphrase too.
        </Text>
      )}
      <Text size="sm" c="dimmed">
        Derivation path <DerivationPathText path={secret.derivationPath} />
      </Text>
    </Stack>
  );
}

function ShownSecret({ secret, onHide }: { secret: RevealedSecret; onHide: () => void }) {
  const secondsLeft = useSecondsLeft(revealSeconds, onHide);
  return (
    <Stack gap="md" data-testid="revealed-secret">
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} title="Make sure no one can see your screen">
        <Text size="sm">Never type this into a website, a chat or a form. No wallet, project or support person needs it.</Text>
      </Alert>
      <SecretText secret={secret} />
      <Stack gap={4}>
        <Text size="sm" c="dimmed" className="tabular-nums" data-testid="reveal-countdown">
          Hidden again in {secondsLeft} {secondsLeft === 1 ? "second" : "seconds"}.
        </Text>
        <Progress value={(secondsLeft / revealSeconds) * 100} size="sm" color="yellow" aria-hidden="true" />
      </Stack>
      <Group justify="flex-end">
        {/* eslint-disable-next-line jsx-a11y/no-autofocus -- mounted only by the user's submit, it replaces the form that had focus; without it focus falls out of the dialog */}
        <Button leftSection={<IconEyeOff size={16} />} onClick={onHide} autoFocus>
          Hide now
        </Button>
      </Group>
    </Stack>
  );
}

function RevealSecretContent({ account, onClose }: Omit<RevealSecretDialogProps, "opened">) {
  // Plain state, not a query or mutation: nothing keeps the secret once it is hidden or the dialog closes.
  const [secret, setSecret] = useState<RevealedSecret | null>(null);
  const [hiddenAgain, setHiddenAgain] = useState(false);
  const revealSecret = useRevealAccountSecret(account.id);
  const secretNoun = secretName(account.kind) ?? "secret";

  if (secret) {
    return (
      <ShownSecret
        secret={secret}
        onHide={() => {
          setSecret(null);
          setHiddenAgain(true);
        }}
      />
    );
  }
  return (
    <ConfirmWithLabelForm
      account={account}
      onConfirm={async (confirmation) => setSecret(await revealSecret(confirmation))}
      onCancel={onClose}
      cancelLabel="Close"
      failureTitle={`The ${secretNoun} was not shown`}
      submitLabel={`Show the ${secretNoun}`}
      submitIcon={<IconEye size={16} />}
      data-testid="reveal-secret-form"
      // Back from the shown secret (the dialog was already open): start at the input again.
      // eslint-disable-next-line jsx-a11y/no-autofocus -- true only when the form comes back in place of the shown secret, whose "Hide now" had focus
      autoFocus={hiddenAgain}
    >
      {hiddenAgain ? (
        <Text size="sm" data-testid="secret-hidden-again">
          The {secretNoun} is hidden again. To see it once more, type the label again.
        </Text>
      ) : (
        <Text size="sm">
          Saleguard reads the {secretNoun} from your operating system's keyring and shows it for {revealSeconds} seconds.
          Anyone who sees it can take the funds of this account.
        </Text>
      )}
    </ConfirmWithLabelForm>
  );
}

/** Shows the account's recovery phrase or private key after the label is typed, for 30 seconds at most. */
export function RevealSecretDialog({ account, opened, onClose }: RevealSecretDialogProps) {
  return (
    <AccountDialog title={`The ${secretName(account.kind) ?? "secret"} of ${account.label}`} opened={opened} onClose={onClose} size="lg">
      <RevealSecretContent account={account} onClose={onClose} />
    </AccountDialog>
  );
}

