import { Modal, Text } from "@mantine/core";
import type { ReactNode } from "react";

type AccountDialogProps = {
  title: string;
  opened: boolean;
  onClose: () => void;
  size?: string;
  /** Mounted only while the dialog is open: closing it forgets everything typed or shown in it. */
  children: ReactNode;
};

/** A dialog about one account; Escape closes it, focus starts at its `data-autofocus` input. */
export function AccountDialog({ title, opened, onClose, size, children }: AccountDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>{title}</Text>} centered size={size}>
      {opened && children}
    </Modal>
  );
}
