import { Alert, Button, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconRefresh } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { failureMessage, isAppError } from "../api";
import { errorHeading, errorHint } from "./errorHints";

type FailureAlertProps = {
  title: ReactNode;
  error: unknown;
  onRetry?: () => void;
};

/** Says what happened (the backend's message) and what to try next (by error code). */
export function FailureAlert({ title, error, onRetry }: FailureAlertProps) {
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle />} role="alert">
      <Stack gap="xs">
        <FailureDetails error={error} />
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

/** Any failure in words, e.g. in a notification: its heading and what to try (by error code), and the message. */
export function FailureDetails({ error }: { error: unknown }) {
  const heading = isAppError(error) ? errorHeading(error.code) : undefined;
  const hint = isAppError(error) ? errorHint(error.code) : undefined;
  return <FailureText heading={heading} message={failureMessage(error)} hint={hint} />;
}

type FailureTextProps = {
  /** A short name for the kind of failure, e.g. "The keyring is locked". */
  heading?: string;
  message: string;
  hint?: string;
};

/** One failure in words: its heading if it has one, the backend's message, what to try. */
export function FailureText({ heading, message, hint }: FailureTextProps) {
  return (
    <div>
      {heading && (
        <Text size="sm" fw={600}>
          {heading}
        </Text>
      )}
      <Text size="sm">{message}</Text>
      {/* Not dimmed: on a red alert, grey text is the hardest to read, and this is what to do. */}
      {hint && (
        <Text size="sm" mt={4}>
          {hint}
        </Text>
      )}
    </div>
  );
}
