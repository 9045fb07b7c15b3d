import { Alert, Box, Button, Stack, Text } from "@mantine/core";
import { IconLock, IconRefresh } from "@tabler/icons-react";
import { FailureAlert } from "../common/FailureAlert";
import { errorHeading } from "../common/errorHints";
import { useKeyringStatus } from "./accountsQueries";

type KeyringStatusBannerProps = {
  /** What the keyring is needed for, on this page; by default, what still works without it. */
  explanation?: string;
  /** A "Try again" button that checks the keyring again, for a page that waits for it. */
  withRetry?: boolean;
};

const whatStillWorks =
  "Your accounts are still listed and you can add a watch-only address. Creating or importing an account, and showing a secret, need the keyring.";

/**
 * Says so when the OS keyring cannot be used, with the backend's guidance. Accounts
 * already added stay listed and watch-only addresses can still be added; creating,
 * importing and revealing need the keyring.
 */
export function KeyringStatusBanner({ explanation = whatStillWorks, withRetry = false }: KeyringStatusBannerProps) {
  const statusQuery = useKeyringStatus();
  const checkAgain = () => void statusQuery.refetch();
  if (statusQuery.isError) {
    return (
      <Box mb="lg">
        <FailureAlert title="Saleguard could not check the keyring" error={statusQuery.error} onRetry={checkAgain} />
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
      <Stack gap="xs">
        <div>
          {message && <Text size="sm">{message}</Text>}
          <Text size="sm" c="dimmed">
            {explanation}
          </Text>
        </div>
        {withRetry && (
          <div>
            <Button
              size="xs"
              variant="light"
              color="yellow"
              leftSection={<IconRefresh size={14} />}
              loading={statusQuery.isFetching}
              onClick={checkAgain}
            >
              Try again
            </Button>
          </div>
        )}
      </Stack>
    </Alert>
  );
}
