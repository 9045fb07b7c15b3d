// A link in the webview would not reach the system browser: the backend opens a sent
// transaction's explorer page itself, from the transaction it stored.

import { ActionIcon, Button, Group, Stack, Text, Tooltip } from "@mantine/core";
import { IconAlertTriangle, IconExternalLink } from "@tabler/icons-react";
import { failureMessage } from "../api";
import { CopyValueButton } from "../common/CopyValueButton";
import { useOpenInExplorer } from "./transactionsQueries";

type ExplorerOpener = ReturnType<typeof useOpenInExplorer>;

type ExplorerButtonProps = {
  transactionId: string;
  /** The page's address, to copy when no browser opens. */
  link: string;
};

/** Why the explorer did not open (e.g. no browser), with the link to copy when no copy button is near. */
export function ExplorerFailure({ error, link }: { error: unknown; link?: string }) {
  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      <IconAlertTriangle size={14} color="var(--mantine-color-red-text)" aria-hidden="true" style={{ flexShrink: 0, marginTop: 3 }} />
      <Text size="xs" c="red" role="alert" maw={380} data-testid="explorer-error">
        The explorer did not open: {failureMessage(error)}
      </Text>
      {link !== undefined && <CopyValueButton value={link} label="Copy explorer link" />}
    </Group>
  );
}

/** An icon that opens the page, for a table row; the row shows `ExplorerFailure` when `opener` failed. */
export function ExplorerIconButton({ transactionId, opener }: { transactionId: string; opener: ExplorerOpener }) {
  return (
    <Tooltip label="Open in explorer" withArrow position="top">
      <ActionIcon
        variant="subtle"
        color="gray"
        size="sm"
        onClick={() => opener.mutate(transactionId)}
        loading={opener.isPending}
        aria-label="Open in explorer"
        data-testid="explorer-link"
      >
        <IconExternalLink size={16} />
      </ActionIcon>
    </Tooltip>
  );
}

/** "Open in explorer" and a button to copy the link; what went wrong under them when it did not open. */
export function ExplorerButton({ transactionId, link }: ExplorerButtonProps) {
  const opener = useOpenInExplorer();
  return (
    <Stack gap={4} align="flex-start">
      <Group gap={4} wrap="nowrap">
        <Button
          variant="light"
          rightSection={<IconExternalLink size={16} />}
          onClick={() => opener.mutate(transactionId)}
          loading={opener.isPending}
          data-testid="explorer-link"
        >
          Open in explorer
        </Button>
        <CopyValueButton value={link} label="Copy explorer link" />
      </Group>
      {opener.isError && <ExplorerFailure error={opener.error} />}
    </Stack>
  );
}
