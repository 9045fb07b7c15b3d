import { Alert, Button, FileButton, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconFileText, IconFingerprint } from "@tabler/icons-react";
import { useRef, useState } from "react";
import type { SaleResearch } from "../api";
import { CopyValueButton } from "../common/CopyValueButton";
import { DateTimeText } from "../common/DateTimeText";
import { FailureAlert } from "../common/FailureAlert";
import { formatByteCount } from "../format/bytes";
import { sha256OfFile, useRecordWhitepaper } from "./researchQueries";

/**
 * The whitepaper files the user read, by SHA-256: pick the file and its fingerprint is
 * kept (the file itself stays where it is), so a changed whitepaper can be noticed.
 */
export function WhitepaperFingerprints({ research }: { research: SaleResearch }) {
  const recordWhitepaper = useRecordWhitepaper(research.saleId);
  const [hashing, setHashing] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  // Cleared after each pick, so picking the same file again (re-downloaded) is noticed.
  const resetRef = useRef<() => void>(null);

  const fingerprint = async (file: File | null) => {
    if (!file) return;
    setFailure(null);
    setHashing(true);
    try {
      const sha256 = await sha256OfFile(file);
      const saved = await recordWhitepaper.mutateAsync({ sha256, fileName: file.name, byteCount: file.size });
      notifications.show({
        title: "Whitepaper fingerprinted",
        message: saved.whitepaperChanged
          ? `${file.name} differs from the first whitepaper you fingerprinted.`
          : `${file.name}: its SHA-256 is kept.`,
        color: saved.whitepaperChanged ? "orange" : "teal",
        icon: <IconFingerprint size={18} />,
      });
    } catch (error) {
      setFailure(error);
    } finally {
      setHashing(false);
      resetRef.current?.();
    }
  };

  const papers = research.whitepapers;
  const first = papers[0]?.sha256;
  return (
    <Paper withBorder radius="md" p="lg" data-testid="whitepapers">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h5">
              Whitepaper fingerprints
            </Title>
            <Text size="sm" c="dimmed">
              Pick the whitepaper file you read: its SHA-256 is computed here and kept, so a changed whitepaper shows up later.
            </Text>
          </div>
          <FileButton resetRef={resetRef} onChange={(file) => void fingerprint(file)} accept="application/pdf,text/*,.md,.pdf,.html,.docx">
            {(props) => (
              <Button {...props} variant="default" loading={hashing} leftSection={<IconFileText size={16} />} data-testid="pick-whitepaper">
                Fingerprint a file…
              </Button>
            )}
          </FileButton>
        </Group>
        {failure !== null && <FailureAlert title="The whitepaper was not fingerprinted" error={failure} />}
        {papers.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="no-whitepapers">
            No whitepaper fingerprinted yet.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Fingerprinted</Table.Th>
                  <Table.Th>File</Table.Th>
                  <Table.Th>SHA-256</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {papers.map((paper, index) => (
                  <Table.Tr key={index} data-testid="whitepaper-row">
                    <Table.Td>
                      <DateTimeText iso={paper.recordedAt} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{paper.fileName}</Text>
                      <Text size="xs" c="dimmed">
                        {formatByteCount(paper.byteCount)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Text size="xs" ff="monospace" c={paper.sha256 === first ? undefined : "orange.8"} title={paper.sha256}>
                          {paper.sha256.slice(0, 16)}…{paper.sha256.slice(-8)}
                        </Text>
                        <CopyValueButton value={paper.sha256} label="Copy the SHA-256" />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {research.whitepaperChanged && (
          <Alert color="orange" variant="light" p="xs">
            <Text size="sm">The fingerprints differ: the whitepaper changed since you first read it.</Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
