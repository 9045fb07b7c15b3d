import { Alert, Button, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconRefresh } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { failureMessage, isAppError } from "../api";
import { errorHint } from "./errorHints";

type FailureAlertProps = {
  title: ReactNode;
  error: unknown;
  onRetry?: () => void;
};

/** Says what happened (the backend's message) and what to try next (by error code). */
export function FailureAlert({ title, error, onRetry }: FailureAlertProps) {
  const hint = isAppError(error) ? errorHint(error.code) : undefined;
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle />} role="alert">
      <Stack gap="xs">
        <Text size="sm">{failureMessage(error)}</Text>
        {hint && (
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        )}
        {onRetry && (
          <div>
            <Button size="xs" variant="light" color="red" leftSection={<IconRefresh size={14} />} onClick={onRetry}>
              Try again
            </Button>
          </div>
        )}
      </Stack>
    </Alert>
  );
}
