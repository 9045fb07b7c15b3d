import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { FailureAlert } from "./FailureAlert";

type ConfirmRemovalProps = {
  opened: boolean;
  onClose: () => void;
  /** "Remove the 2027 budget?" */
  title: ReactNode;
  /** What removing it changes. */
  children: ReactNode;
  /** The button's words: "Remove budget". */
  confirmLabel: string;
  /** Shown when the removal failed: "The budget was not removed". */
  failureTitle: string;
  removal: { isPending: boolean; isError: boolean; error: unknown };
  onConfirm: () => void;
  "data-testid"?: string;
};

/** Asks before something is removed: Cancel (focused first) or Escape keeps it; a failed removal says why in place. */
export function ConfirmRemoval({ opened, onClose, title, children, confirmLabel, failureTitle, removal, onConfirm, ...rest }: ConfirmRemovalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>{title}</Text>} centered>
      <Stack gap="md">
        {children}
        {removal.isError && <FailureAlert title={failureTitle} error={removal.error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            Cancel
          </Button>
          <Button color="red" leftSection={<IconTrash size={16} />} loading={removal.isPending} onClick={onConfirm} data-testid={rest["data-testid"]}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
