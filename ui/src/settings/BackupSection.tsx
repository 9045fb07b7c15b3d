import { Alert, Button, Group, PasswordInput, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconLock, IconRestore } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, type AppError, type BackupSummary, type ChosenFile } from "../api";
import { CopyValueButton } from "../common/CopyValueButton";
import { DateTimeText } from "../common/DateTimeText";
import { FailureAlert } from "../common/FailureAlert";
import { FormErrorAlert } from "../common/FormErrorAlert";
import { useFileChooser } from "../common/useFileChooser";
import { useFormSubmit } from "../common/useFormSubmit";
import { backupStatusKey, useBackupStatus } from "./backupQueries";
import { describeTables } from "./DataTransfer";

function BackupStatusText() {
  const status = useBackupStatus();
  if (!status.data) return null;
  const { lastBackupAt, due, reminderDays } = status.data;
  return (
    <Text size="sm" c={due ? "yellow.8" : "dimmed"} fw={due ? 500 : undefined} data-testid="backup-status">
      {lastBackupAt ? (
        <>
          Last backup <DateTimeText iso={lastBackupAt} />.
        </>
      ) : (
        "No backup yet."
      )}
      {due ? ` Time for one: none in the last ${reminderDays} days.` : ""}
    </Text>
  );
}

type Fields = "passphrase" | "again";

function CreateBackup() {
  const queryClient = useQueryClient();
  const [passphrase, setPassphrase] = useState("");
  const [again, setAgain] = useState("");
  const [done, setDone] = useState<BackupSummary | null>(null);
  const submission = useFormSubmit({
    isField: (name: string): name is Fields => name === "passphrase" || name === "again",
    whenUnexpected: "No backup was written. Try again.",
    onSubmit: async ({ passphrase: typed, again: repeated }: { passphrase: string; again: string }) => {
      if (typed !== repeated) {
        const mismatch: AppError = {
          code: "confirmation_mismatch",
          message: "again: the two passphrases differ",
          field: "again",
          invalidFields: [{ field: "again", code: "confirmation_mismatch", message: "type the same passphrase twice" }],
        };
        throw mismatch;
      }
      const written = await api.createBackup(typed);
      // The save dialog was cancelled: nothing was written, and what was typed stays.
      if (!written) return;
      setPassphrase("");
      setAgain("");
      setDone(written);
      await queryClient.invalidateQueries({ queryKey: backupStatusKey });
    },
  });
  const { errors, submitting, formRef, alertRef, clearFieldError } = submission;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    void submission.submit({ passphrase, again });
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate data-testid="backup-form">
      <Stack gap="sm">
        <FormErrorAlert ref={alertRef} title="No backup was written" errors={errors.general} invalidFieldLabels={[]} />
        <Group align="flex-start" grow>
          <PasswordInput
            name="passphrase"
            label="Passphrase"
            description="At least 12 characters. Without it the backup cannot be opened: keep it apart from the file."
            value={passphrase}
            error={errors.fields.passphrase}
            // PasswordInput does not mark its inner input itself: the form focuses the first invalid one.
            aria-invalid={errors.fields.passphrase ? true : undefined}
            onChange={(event) => {
              setPassphrase(event.currentTarget.value);
              clearFieldError("passphrase");
            }}
            autoComplete="new-password"
          />
          <PasswordInput
            name="again"
            label="The same passphrase again"
            value={again}
            error={errors.fields.again}
            aria-invalid={errors.fields.again ? true : undefined}
            onChange={(event) => {
              setAgain(event.currentTarget.value);
              clearFieldError("again");
            }}
            autoComplete="new-password"
          />
        </Group>
        <Group justify="flex-end">
          <Button type="submit" loading={submitting} leftSection={<IconLock size={16} />} data-testid="create-backup">
            Create encrypted backup
          </Button>
        </Group>
        {done && (
          <Alert color="teal" variant="light" icon={<IconCheck />} title="Backup written" data-testid="backup-done">
            <Group gap="xs" wrap="nowrap">
              <Text size="sm" ff="monospace" style={{ wordBreak: "break-all" }} data-testid="backup-path">
                {done.path}
              </Text>
              <CopyValueButton value={done.path} label="Copy the backup's path" />
            </Group>
          </Alert>
        )}
      </Stack>
    </form>
  );
}

function RestoreBackup() {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [passphrase, setPassphrase] = useState("");
  const chooser = useFileChooser("backup");
  const [chooseError, setChooseError] = useState<unknown>(null);
  const choose = async () => {
    setChooseError(null);
    try {
      const chosen = await chooser.choose();
      if (chosen) setFile(chosen);
    } catch (error) {
      setChooseError(error);
    }
  };
  const restored = useMutation({
    mutationFn: async ({ chosen, typed }: { chosen: ChosenFile; typed: string }) => api.restoreBackup(chosen.id, typed),
    onSuccess: async (summary) => {
      setPassphrase("");
      setFile(null);
      await queryClient.invalidateQueries();
      notifications.show({ title: "Backup restored", message: `${describeTables(summary.tables)}.`, color: "teal", icon: <IconCheck size={18} /> });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (file) restored.mutate({ chosen: file, typed: passphrase });
  };
  return (
    <form onSubmit={submit} noValidate data-testid="restore-form">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          A restore fills an empty data folder (a new installation, or a new data directory); the whole file is decrypted and checked before anything is written.
        </Text>
        <Group align="flex-end" gap="sm">
          <Button variant="default" onClick={() => void choose()} loading={chooser.choosing} leftSection={<IconRestore size={16} />} data-testid="choose-backup">
            {file ? file.name : "Choose a backup…"}
          </Button>
          <PasswordInput name="restorePassphrase" aria-label="Passphrase of the backup" placeholder="Passphrase" value={passphrase} onChange={(event) => setPassphrase(event.currentTarget.value)} style={{ flex: 1 }} />
          <Button type="submit" disabled={!file || passphrase === ""} loading={restored.isPending} data-testid="restore-backup">
            Restore
          </Button>
        </Group>
        {chooseError !== null && <FailureAlert title="No backup could be chosen" error={chooseError} />}
        {restored.isError && <FailureAlert title="Nothing was restored" error={restored.error} />}
      </Stack>
    </form>
  );
}

/** Encrypted backups: when the last was made, making one, and restoring one into an empty data folder. */
export function BackupSection() {
  return (
    <Stack gap="lg">
      <BackupStatusText />
      <CreateBackup />
      <RestoreBackup />
    </Stack>
  );
}
