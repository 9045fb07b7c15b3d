import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArchive, IconInfoCircle, IconTrash } from "@tabler/icons-react";
import { useEffect, useRef } from "react";
import { failureMessage, hasErrorCode, type Sale } from "../api";
import { FailureAlert } from "../common/FailureAlert";
import { navigate } from "../shell/route";
import { useDeleteSale, useSetSaleArchived } from "./salesQueries";

type DeleteSaleDialogProps = {
  sale: Sale;
  opened: boolean;
  onClose: () => void;
};

/** Why the sale cannot be deleted (it has a participation or overridden reviews), and the way out: archiving it. */
function KeptForItsHistory({ sale, reason }: { sale: Sale; reason: unknown }) {
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconInfoCircle />}
      title="This sale cannot be deleted"
      role="alert"
      data-testid="delete-refused"
    >
      <Stack gap={6}>
        <Text size="sm">{failureMessage(reason)}</Text>
        <Text size="sm">
          {sale.archivedAt === null
            ? "Deleting it would lose its history. Archive it instead: it is kept with that history, out of the way, and can be brought back at any time."
            : "It is already archived: kept with its history, out of the way."}
        </Text>
      </Stack>
    </Alert>
  );
}

/** Asks before deleting; nothing is deleted until "Delete sale" is pressed. */
export function DeleteSaleDialog({ sale, opened, onClose }: DeleteSaleDialogProps) {
  const deleteSale = useDeleteSale(sale.id);
  const archiveSale = useSetSaleArchived(sale.id);
  const archiveButtonRef = useRef<HTMLButtonElement>(null);
  const refused =
    hasErrorCode(deleteSale.error, "sale_has_participations") || hasErrorCode(deleteSale.error, "sale_has_overrides");
  const canArchiveInstead = refused && sale.archivedAt === null;
  const busy = deleteSale.isPending || archiveSale.isPending;

  // The "Delete sale" button the user pressed is gone: the way out takes its place, and focus.
  useEffect(() => {
    if (canArchiveInstead) archiveButtonRef.current?.focus();
  }, [canArchiveInstead]);

  const close = () => {
    if (busy) return;
    deleteSale.reset();
    archiveSale.reset();
    onClose();
  };

  const confirm = () => {
    deleteSale.mutate(undefined, {
      onSuccess: () => {
        onClose();
        navigate({ area: "sales", view: "list" });
        notifications.show({
          title: "Sale deleted",
          message: `${sale.projectName} was removed from Saleguard.`,
          icon: <IconTrash size={18} />,
          color: "gray",
        });
      },
    });
  };

  const archiveInstead = () => {
    archiveSale.mutate(true, {
      onSuccess: () => {
        deleteSale.reset();
        archiveSale.reset();
        onClose();
        notifications.show({
          title: "Sale archived",
          message: `${sale.projectName} is kept with its history, out of the way.`,
          icon: <IconArchive size={18} />,
          color: "gray",
        });
      },
    });
  };

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>Delete this sale?</Text>} centered>
      <Stack gap="md">
        <Text size="sm">
          <Text span fw={600}>
            {sale.projectName}
          </Text>{" "}
          ({sale.tokenSymbol}) and all its terms will be removed from this computer. This cannot be undone.
        </Text>
        {refused && <KeptForItsHistory sale={sale} reason={deleteSale.error} />}
        {deleteSale.isError && !refused && <FailureAlert title="The sale was not deleted" error={deleteSale.error} />}
        {archiveSale.isError && <FailureAlert title="The sale was not archived" error={archiveSale.error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} data-autofocus>
            Cancel
          </Button>
          {canArchiveInstead && (
            <Button
              ref={archiveButtonRef}
              leftSection={<IconArchive size={16} />}
              loading={archiveSale.isPending}
              onClick={archiveInstead}
              data-testid="archive-instead"
            >
              Archive instead
            </Button>
          )}
          {!refused && (
            <Button
              color="red"
              leftSection={<IconTrash size={16} />}
              loading={deleteSale.isPending}
              onClick={confirm}
              data-testid="confirm-delete"
            >
              Delete sale
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
