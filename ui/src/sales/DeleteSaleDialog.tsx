import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconTrash } from "@tabler/icons-react";
import type { Sale } from "../api";
import { FailureAlert } from "../common/FailureAlert";
import { navigate } from "../shell/route";
import { useDeleteSale } from "./salesQueries";

type DeleteSaleDialogProps = {
  sale: Sale;
  opened: boolean;
  onClose: () => void;
};

/** Asks before deleting; nothing is deleted until "Delete sale" is pressed. */
export function DeleteSaleDialog({ sale, opened, onClose }: DeleteSaleDialogProps) {
  const deleteSale = useDeleteSale(sale.id);

  const close = () => {
    if (deleteSale.isPending) return;
    deleteSale.reset();
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

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>Delete this sale?</Text>} centered>
      <Stack gap="md">
        <Text size="sm">
          <Text span fw={600}>
            {sale.projectName}
          </Text>{" "}
          ({sale.tokenSymbol}) and all its terms will be removed from this computer. This cannot be undone.
        </Text>
        {deleteSale.isError && <FailureAlert title="The sale was not deleted" error={deleteSale.error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} data-autofocus>
            Cancel
          </Button>
          <Button
            color="red"
            leftSection={<IconTrash size={16} />}
            loading={deleteSale.isPending}
            onClick={confirm}
            data-testid="confirm-delete"
          >
            Delete sale
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
