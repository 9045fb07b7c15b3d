import { Button, Stack, Text, type ButtonProps } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconCheck, IconCloudDownload } from "@tabler/icons-react";
import type { PriceRefresh } from "../api";
import { FailureDetails } from "../common/FailureAlert";
import { useRefreshPrices } from "./priceSourcesQueries";

/** What a fetch brought, and which assets it left out and why. */
function RefreshSummary({ refresh }: { refresh: PriceRefresh }) {
  return (
    <Stack gap={4} data-testid="price-refresh-summary">
      {refresh.prices > 0 && <Text size="sm">In {refresh.currencies.join(", ")}.</Text>}
      {refresh.unknown.length > 0 && (
        <Text size="sm">
          Not known to the API by the coin id given: {refresh.unknown.join(", ")}. Check their coin ids in Settings → Price sources.
        </Text>
      )}
      {refresh.withoutId.length > 0 && (
        <Text size="sm">
          Not asked, no coin id yet: {refresh.withoutId.join(", ")}. Name their coin ids in Settings → Price sources.
        </Text>
      )}
      {refresh.prices === 0 && refresh.unknown.length === 0 && refresh.withoutId.length === 0 && (
        <Text size="sm">Nothing to ask for: no asset is held, traded or paid with yet.</Text>
      )}
    </Stack>
  );
}

type FetchPricesButtonProps = {
  /** The button's words, e.g. "Fetch prices now". */
  children: string;
  variant?: ButtonProps["variant"];
  "data-testid"?: string;
};

/**
 * Asks the online price API for the latest prices, busy while it does; says in a notification
 * how many prices came and which assets were left out, or what went wrong and what to try.
 */
export function FetchPricesButton({ children, variant = "light", "data-testid": testId }: FetchPricesButtonProps) {
  const refreshPrices = useRefreshPrices();
  const fetchNow = () =>
    refreshPrices.mutate(undefined, {
      onSuccess: (refresh) => {
        const complete = refresh.prices > 0 && refresh.unknown.length === 0 && refresh.withoutId.length === 0;
        notifications.show({
          title: `${refresh.prices} price${refresh.prices === 1 ? "" : "s"} fetched`,
          message: <RefreshSummary refresh={refresh} />,
          color: complete ? "teal" : "yellow",
          icon: complete ? <IconCheck size={18} /> : <IconAlertTriangle size={18} />,
          // What was left out takes a moment to read.
          autoClose: complete ? undefined : false,
        });
      },
      onError: (error) =>
        notifications.show({
          title: "No prices were fetched",
          message: <FailureDetails error={error} />,
          color: "red",
          icon: <IconAlertTriangle size={18} />,
          autoClose: false,
        }),
    });
  return (
    <Button variant={variant} leftSection={<IconCloudDownload size={16} />} loading={refreshPrices.isPending} onClick={fetchNow} data-testid={testId}>
      {children}
    </Button>
  );
}
