import { Button, EmptyState, Paper } from "@mantine/core";
import { IconPlus, IconRocket } from "@tabler/icons-react";
import { FailureAlert } from "../common/FailureAlert";
import { LoadingState } from "../common/LoadingState";
import { PageHeader } from "../common/PageHeader";
import { navigate, routeHref } from "../shell/route";
import { SalesTable } from "./SalesTable";
import { useSalesList } from "./salesQueries";

function AddSaleButton() {
  return (
    <Button component="a" href={routeHref({ area: "sales", view: "new" })} leftSection={<IconPlus size={18} />} data-testid="add-sale">
      Add sale
    </Button>
  );
}

export function SalesListPage() {
  const salesQuery = useSalesList();
  const isEmpty = salesQuery.isSuccess && salesQuery.data.length === 0;

  let content;
  if (salesQuery.isPending) {
    content = <LoadingState label="Loading sales…" />;
  } else if (salesQuery.isError) {
    content = <FailureAlert title="The sales could not be loaded" error={salesQuery.error} onRetry={() => void salesQuery.refetch()} />;
  } else if (isEmpty) {
    content = (
      <Paper withBorder radius="md" p="xl" data-testid="sales-empty">
        <EmptyState
          withIndicatorBackground
          icon={<IconRocket size={28} stroke={1.5} />}
          title="Add the first sale you are following"
          description="Record a token sale's terms (where to send, in which currency, the caps, the dates) so Saleguard can tell you when it opens and closes, and check what you send against them."
        >
          <EmptyState.Actions>
            <AddSaleButton />
          </EmptyState.Actions>
        </EmptyState>
      </Paper>
    );
  } else {
    content = (
      <Paper withBorder radius="md">
        <SalesTable sales={salesQuery.data} onOpenSale={(sale) => navigate({ area: "sales", view: "detail", saleId: sale.id })} />
      </Paper>
    );
  }

  return (
    <>
      <PageHeader
        title="Sales"
        description="The token sales you follow. Status is worked out from the start and end times; times are your local time, with UTC on hover."
        // Only with a readable list: the empty state carries its own "Add sale" (one such
        // button on screen at a time), and nothing can be added while the data is unreadable.
        actions={salesQuery.isSuccess && !isEmpty ? <AddSaleButton /> : undefined}
      />
      {content}
    </>
  );
}
