import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconDatabaseExport, IconDatabaseImport, IconFileAlert } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, isAppError, type ExportSummary, type TableCount } from "../api";
import { CopyValueButton } from "../common/CopyValueButton";
import { FailureAlert } from "../common/FailureAlert";
import { ProblemList } from "../common/ProblemList";

/** "3 sales, 2 accounts and 14 other rows": what an export or import carried. */
export function describeTables(tables: TableCount[]): string {
  const rowsOf = (table: string) => tables.find((t) => t.table === table)?.rows ?? 0;
  const named: Array<[string, number]> = [
    ["sale", rowsOf("sales")],
    ["account", rowsOf("accounts")],
    ["participation", rowsOf("participations")],
  ];
  const shown = named.filter(([, rows]) => rows > 0).map(([word, rows]) => `${rows} ${word}${rows === 1 ? "" : "s"}`);
  const others = tables
    .filter((t) => !["sales", "accounts", "participations"].includes(t.table))
    .reduce((sum, t) => sum + t.rows, 0);
  if (others > 0) shown.push(`${others} other record${others === 1 ? "" : "s"}`);
  if (shown.length === 0) return "no data yet";
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
}

function ExportPanel() {
  const exported = useMutation({ mutationFn: api.exportData });
  return (
    <Stack gap="sm">
      <Group>
        <Button
          leftSection={<IconDatabaseExport size={16} />}
          loading={exported.isPending}
          onClick={() => exported.mutate()}
          data-testid="export-data"
        >
          Export all data
        </Button>
        <Text size="sm" c="dimmed" maw={520}>
          One JSON file, saved where you choose (your Downloads folder to start with). Secrets are not in it: they stay in the keyring.
        </Text>
      </Group>
      {exported.isError && <FailureAlert title="Nothing was exported" error={exported.error} />}
      {exported.isSuccess && exported.data && <ExportDone summary={exported.data} />}
    </Stack>
  );
}

function ExportDone({ summary }: { summary: ExportSummary }) {
  return (
    <Alert color="teal" variant="light" icon={<IconCheck />} title="Exported" data-testid="export-done">
      <Stack gap={4}>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" ff="monospace" style={{ wordBreak: "break-all" }} data-testid="export-path">
            {summary.path}
          </Text>
          <CopyValueButton value={summary.path} label="Copy the export's path" />
        </Group>
        <Text size="sm">{describeTables(summary.tables)}.</Text>
      </Stack>
    </Alert>
  );
}

/** Why a file was kept out: the lead sentence, then each problem at its place in the file (a JSON path). */
type ImportRefusal = { lead: string; problems: ReadonlyArray<{ field: string; message: string }> };

/** The refusal to list, if the import failed for what is in the file (not for where it was to go). */
function importRefusalOf(error: unknown): ImportRefusal | null {
  if (isAppError(error) && error.code === "import_refused") {
    return { lead: error.message, problems: error.invalidFields };
  }
  return null;
}

/** "nothing was imported: 2 problems in the file" as a sentence: capital first, full stop last. */
function asSentence(text: string): string {
  const trimmed = text.trim();
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** An import refused for what is in the file: how many problems (the lead), then each at its place in the file. */
function ImportProblems({ refusal, fileName }: { refusal: ImportRefusal; fileName: string }) {
  return (
    <Alert color="red" variant="light" icon={<IconFileAlert />} title={`${fileName} was not imported`} role="alert" data-testid="import-problems">
      <Stack gap="xs">
        <Text size="sm" fw={500} data-testid="import-problems-lead">
          {asSentence(refusal.lead)}
        </Text>
        <Text size="sm">Nothing was changed. Fix these problems in the file, or export it again:</Text>
        <ProblemList problems={refusal.problems} />
      </Stack>
    </Alert>
  );
}

function ImportPanel() {
  const queryClient = useQueryClient();
  const [fileName, setFileName] = useState("");
  const imported = useMutation({
    // The system's dialog first; cancelling it imports nothing and shows nothing.
    mutationFn: async () => {
      setFileName("");
      const file = await api.chooseFile("export");
      if (!file) return null;
      setFileName(file.name);
      return api.importData(file.id);
    },
    // Everything the window shows may have changed.
    onSuccess: async (summary) => {
      if (!summary) return;
      await queryClient.invalidateQueries();
      notifications.show({
        title: "Data imported",
        message: `${describeTables(summary.tables)}.`,
        color: "teal",
        icon: <IconCheck size={18} />,
      });
    },
  });
  const refusal = imported.isError ? importRefusalOf(imported.error) : null;
  return (
    <Stack gap="sm">
      <Group>
        <Button variant="default" leftSection={<IconDatabaseImport size={16} />} loading={imported.isPending} onClick={() => imported.mutate()} data-testid="import-data">
          Import an export…
        </Button>
        <Text size="sm" c="dimmed" maw={520}>
          Restores a Saleguard export into this data folder while it is still empty. The whole file is checked first: a file with any
          problem changes nothing.
        </Text>
      </Group>
      {refusal && <ImportProblems refusal={refusal} fileName={fileName} />}
      {imported.isError && !refusal && (
        <div data-testid="import-failed">
          <FailureAlert title={fileName ? `${fileName} was not imported` : "No file could be chosen"} error={imported.error} />
        </div>
      )}
      {imported.isSuccess && imported.data && (
        <Alert color="teal" variant="light" icon={<IconCheck />} title={`${fileName} imported`} data-testid="import-done">
          <Text size="sm">{describeTables(imported.data.tables)}.</Text>
        </Alert>
      )}
    </Stack>
  );
}

/** Settings → Export and import: every piece of data except secrets, as one JSON file. */
export function DataTransfer() {
  return (
    <Stack gap="lg">
      <ExportPanel />
      <ImportPanel />
    </Stack>
  );
}
