import { Alert, Box, Text } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { FailureAlert } from "../common/FailureAlert";
import { errorHeading } from "../common/errorHints";
import { useKeyringStatus } from "./accountsQueries";

/**
 * Says so when the OS keyring cannot be used, with the backend's guidance. Accounts
 * already added stay listed and watch-only addresses can still be added; creating,
 * importing and revealing need the keyring.
 */
export function KeyringStatusBanner() {
  const statusQuery = useKeyringStatus();
  if (statusQuery.isError) {
    return (
      <Box mb="lg">
        <FailureAlert
          title="Saleguard could not check the keyring"
          error={statusQuery.error}
          onRetry={() => void statusQuery.refetch()}
        />
      </Box>
    );
  }
  if (!statusQuery.isSuccess || statusQuery.data.available) return null;
  const { code, message } = statusQuery.data;
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconLock />}
      title={(code && errorHeading(code)) ?? "The keyring cannot be used"}
      data-testid="keyring-unavailable"
      mb="lg"
    >
      {message && <Text size="sm">{message}</Text>}
      <Text size="sm" c="dimmed">
        Your accounts are still listed and you can add a watch-only address. Creating or importing an account, and
        showing a secret, need the keyring.
      </Text>
    </Alert>
  );
}
