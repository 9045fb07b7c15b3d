import { Button, Group, Paper, Progress, ScrollArea, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconFileExport, IconFileImport } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, isAppError, type ChosenFile, type CsvExportKind, type CsvPreview, type CsvProgress } from "../api";
import { CopyValueButton } from "../common/CopyValueButton";
import { CsvRowErrorsAlert } from "../common/CsvRowErrorsAlert";
import { FailureAlert } from "../common/FailureAlert";
import { DateTimeText } from "../common/DateTimeText";
import { useCsvFilePreview } from "../common/useCsvFilePreview";
import { formatAmount } from "../format/amount";
import { formatByteCount } from "../format/bytes";

/** After the preview: the rows being added, with their progress (cancellable, adding nothing). */
type Importing = { step: "importing"; file: ChosenFile; importId: string; progress: CsvProgress | null };

function PreviewRows({ preview }: { preview: CsvPreview }) {
  return (
    <ScrollArea.Autosize mah={260}>
      <Table fz="sm" verticalSpacing={4} data-testid="csv-sample">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Row</Table.Th>
            <Table.Th>When</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
            <Table.Th ta="right">Paid or received</Table.Th>
            <Table.Th>Sale or place</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.sample.map((row) => (
            <Table.Tr key={row.row}>
              <Table.Td className="tabular-nums">{row.row}</Table.Td>
              <Table.Td>
                <DateTimeText iso={row.happenedAt} size="xs" />
              </Table.Td>
              <Table.Td>{row.kind}</Table.Td>
              <Table.Td ta="right" className="tabular-nums">
                {formatAmount(row.amount)}
              </Table.Td>
              <Table.Td ta="right" className="tabular-nums">
                {row.counter ? formatAmount(row.counter) : "—"}
              </Table.Td>
              <Table.Td>{row.sale || row.account || "—"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

function ExportButtons() {
  const [busy, setBusy] = useState<CsvExportKind | null>(null);
  const exportAs = async (kind: CsvExportKind) => {
    setBusy(kind);
    try {
      const written = await api.exportCsv(kind);
      if (!written) return;
      notifications.show({
        title: `${written.rows} row${written.rows === 1 ? "" : "s"} exported`,
        message: (
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" ff="monospace" style={{ wordBreak: "break-all" }} data-testid="csv-export-path">
              {written.path}
            </Text>
            <CopyValueButton value={written.path} label="Copy the file's path" />
          </Group>
        ),
        color: "teal",
        icon: <IconCheck size={18} />,
        autoClose: false,
      });
    } catch (error) {
      notifications.show({ title: "Nothing was exported", message: isAppError(error) ? error.message : String(error), color: "red" });
    } finally {
      setBusy(null);
    }
  };
  return (
    <Group gap="xs">
      <Button variant="default" leftSection={<IconFileExport size={16} />} loading={busy === "transactions"} onClick={() => void exportAs("transactions")} data-testid="csv-export-transactions">
        Export transactions
      </Button>
      <Button variant="default" leftSection={<IconFileExport size={16} />} loading={busy === "holdings"} onClick={() => void exportAs("holdings")} data-testid="csv-export-holdings">
        Export holdings
      </Button>
    </Group>
  );
}

/**
 * CSV in and out: exports for tax tools and spreadsheets, and an import that is checked whole and
 * previewed first, then added all at once with its progress, and can be cancelled with nothing added.
 */
export function CsvPanel() {
  const queryClient = useQueryClient();
  const { stage, setStage, choose, choosing } = useCsvFilePreview<CsvPreview, Importing>("transactionsCsv", api.previewCsvImport);

  const start = async (file: ChosenFile) => {
    const { name } = file;
    const importId = crypto.randomUUID();
    setStage({ step: "importing", file, importId, progress: null });
    try {
      const summary = await api.importCsv(file.id, importId, (progress) =>
        setStage((current) => (current.step === "importing" && current.importId === importId ? { ...current, progress } : current)),
      );
      setStage({ step: "idle" });
      await queryClient.invalidateQueries();
      notifications.show({
        title: "Imported",
        message: `${summary.trades} trade${summary.trades === 1 ? "" : "s"} and ${summary.entries} participation entr${summary.entries === 1 ? "y" : "ies"} from ${name}`,
        color: "teal",
        icon: <IconCheck size={18} />,
      });
    } catch (error) {
      const cancelled = isAppError(error) && error.code === "import_cancelled";
      setStage(cancelled ? { step: "idle" } : { step: "failed", title: `Nothing was imported from ${name}`, error });
      if (cancelled) notifications.show({ title: "Import cancelled", message: "Nothing was added.", color: "gray" });
    }
  };

  return (
    <Paper withBorder radius="md" p="lg" data-testid="csv-panel">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h5">
              CSV
            </Title>
            <Text size="sm" c="dimmed" maw={620}>
              Transactions with date (UTC), type, asset, amount, counter-asset, fee, value and sale, as tax tools expect; holdings with their price. An import reads the columns the export writes (date_utc, type, asset and amount at least) and adds nothing unless every row is right.
            </Text>
          </div>
          <Group gap="xs">
            <ExportButtons />
            <Button
              onClick={() => void choose()}
              leftSection={<IconFileImport size={16} />}
              loading={choosing || stage.step === "reading"}
              disabled={stage.step === "importing"}
              data-testid="csv-import"
            >
              Import CSV…
            </Button>
          </Group>
        </Group>
        {stage.step === "failed" && <FailureAlert title={stage.title} error={stage.error} />}
        {stage.step === "previewed" && (
          <Stack gap="sm" data-testid="csv-preview">
            <Text size="sm" fw={500}>
              {stage.file.name} ({formatByteCount(stage.file.bytes)}): {stage.preview.rows} row{stage.preview.rows === 1 ? "" : "s"} — {stage.preview.trades} trade{stage.preview.trades === 1 ? "" : "s"} and {stage.preview.entries} participation entr{stage.preview.entries === 1 ? "y" : "ies"}
            </Text>
            {stage.preview.errorCount > 0 ? <CsvRowErrorsAlert errors={stage.preview.errors} errorCount={stage.preview.errorCount} /> : stage.preview.rows > 0 && <PreviewRows preview={stage.preview} />}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => setStage({ step: "idle" })}>
                {stage.preview.errorCount > 0 ? "Close" : "Cancel"}
              </Button>
              {stage.preview.errorCount === 0 && stage.preview.rows > 0 && (
                <Button onClick={() => void start(stage.file)} data-testid="csv-confirm-import">
                  Add {stage.preview.rows} row{stage.preview.rows === 1 ? "" : "s"}
                </Button>
              )}
            </Group>
          </Stack>
        )}
        {stage.step === "importing" && (
          <Stack gap="xs" data-testid="csv-importing">
            <Text size="sm">
              Adding the rows of {stage.file.name}
              {stage.progress ? `: ${stage.progress.done.toLocaleString()} of ${stage.progress.total.toLocaleString()}` : "…"}
            </Text>
            <Progress
              value={stage.progress && stage.progress.total > 0 ? (stage.progress.done / stage.progress.total) * 100 : 0}
              animated
              aria-label="Import progress"
            />
            <Group justify="flex-end">
              <Button variant="default" color="red" onClick={() => void api.cancelCsvImport(stage.importId)} data-testid="csv-cancel-import">
                Cancel — add nothing
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
