import { Button, Code, Group, ScrollArea, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconFileImport } from "@tabler/icons-react";
import { api, type ChosenFile, type PriceHistoryPreview } from "../api";
import { CsvRowErrorsAlert } from "../common/CsvRowErrorsAlert";
import { DateTimeText } from "../common/DateTimeText";
import { FailureAlert } from "../common/FailureAlert";
import { useCsvFilePreview } from "../common/useCsvFilePreview";
import { formatDecimalString } from "../format/amount";
import { formatByteCount } from "../format/bytes";
import { useImportPriceHistory } from "./priceSourcesQueries";

function pricesText(count: number): string {
  return `${count.toLocaleString()} price${count === 1 ? "" : "s"}`;
}

function PreviewSample({ preview }: { preview: PriceHistoryPreview }) {
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed">
        {preview.sample.length < preview.prices ? `The first ${preview.sample.length}, as they will be kept:` : "As they will be kept:"}
      </Text>
      <ScrollArea.Autosize mah={260}>
        <Table fz="sm" verticalSpacing={4} data-testid="price-history-sample">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Asset</Table.Th>
              <Table.Th ta="right">Price</Table.Th>
              <Table.Th>Seen</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.sample.map((price, index) => (
              <Table.Tr key={index}>
                <Table.Td>{price.asset}</Table.Td>
                <Table.Td ta="right" className="tabular-nums" style={{ whiteSpace: "nowrap" }}>
                  {formatDecimalString(price.price)} {price.currency}
                </Table.Td>
                <Table.Td>
                  <DateTimeText iso={price.observedAt} size="xs" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}

/**
 * Imports a price history CSV: the file is checked whole and previewed first (its first
 * prices, or every problem by row and column), then added all at once.
 */
export function PriceHistoryImport() {
  const importHistory = useImportPriceHistory();
  const { stage, setStage, choose, choosing } = useCsvFilePreview("priceHistory", api.previewPriceHistory);

  const start = ({ id, name }: ChosenFile) =>
    importHistory.mutate(id, {
      onSuccess: (count) => {
        setStage({ step: "idle" });
        notifications.show({ title: "Price history imported", message: `${pricesText(count)} from ${name}.`, color: "teal", icon: <IconCheck size={18} /> });
      },
      onError: (error) => setStage({ step: "failed", title: `Nothing was imported from ${name}`, error }),
    });

  return (
    <Stack gap="sm" data-testid="price-history-import">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Text size="sm" c="dimmed" maw={620}>
          A CSV file with the columns <Code>date_utc</Code>, <Code>asset</Code>, <Code>currency</Code> and <Code>price</Code>, one price per row (e.g.{" "}
          <Code>2027-01-10,ETH,USD,3012.50</Code>). A date alone means 00:00 UTC that day. Nothing is added unless every row is right, and
          importing the same file again replaces its prices instead of adding them twice.
        </Text>
        <Button
          variant="default"
          onClick={() => void choose()}
          leftSection={<IconFileImport size={16} />}
          loading={choosing || stage.step === "reading"}
          disabled={importHistory.isPending}
          data-testid="price-history-choose"
        >
          Choose a CSV file…
        </Button>
      </Group>
      {stage.step === "failed" && <FailureAlert title={stage.title} error={stage.error} />}
      {stage.step === "previewed" && (
        <Stack gap="sm" data-testid="price-history-preview">
          <Text size="sm" fw={500}>
            {stage.file.name} ({formatByteCount(stage.file.bytes)}): {stage.preview.rows.toLocaleString()} row{stage.preview.rows === 1 ? "" : "s"}
            {stage.preview.errorCount === 0 ? ` — ${pricesText(stage.preview.prices)}` : ""}
          </Text>
          {stage.preview.errorCount > 0 ? (
            <CsvRowErrorsAlert errors={stage.preview.errors} errorCount={stage.preview.errorCount} />
          ) : (
            stage.preview.prices > 0 && <PreviewSample preview={stage.preview} />
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setStage({ step: "idle" })} disabled={importHistory.isPending}>
              {stage.preview.errorCount > 0 || stage.preview.prices === 0 ? "Close" : "Cancel"}
            </Button>
            {stage.preview.errorCount === 0 && stage.preview.prices > 0 && (
              <Button
                leftSection={<IconFileImport size={16} />}
                loading={importHistory.isPending}
                onClick={() => start(stage.file)}
                data-testid="price-history-confirm"
              >
                Import {pricesText(stage.preview.prices)}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
