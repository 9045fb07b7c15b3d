import { Divider, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { FailureAlert } from "../common/FailureAlert";
import { LoadingState } from "../common/LoadingState";
import { PriceApiCoins } from "./PriceApiCoins";
import { PriceApiForm, PriceApiStatus } from "./PriceApiSettings";
import { PriceHistoryImport } from "./PriceHistoryImport";
import { PriceSourceOrder } from "./PriceSourceOrder";
import { usePriceSources } from "./priceSourcesQueries";

function Subsection({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <div>
        <Title order={3} size="h6">
          {title}
        </Title>
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
      </div>
      {children}
    </Stack>
  );
}

/** The order, the online API and its coin ids: what the backend keeps as the price sources. */
function SavedSources() {
  const sources = usePriceSources();
  if (sources.isPending) return <LoadingState label="Loading the price sources…" />;
  if (sources.isError) {
    return <FailureAlert title="The price sources could not be loaded" error={sources.error} onRetry={() => void sources.refetch()} />;
  }
  const { order, api, coins } = sources.data;
  return (
    <>
      <Subsection title="Order">
        <PriceSourceOrder order={order} />
      </Subsection>
      <Divider />
      <Subsection title="Online price API">
        <PriceApiForm settings={api} />
        <PriceApiStatus settings={api} />
      </Subsection>
      <Subsection
        title="Coin ids"
        description="The id the API knows each asset by (CoinGecko's ethereum for ETH). Well-known coins have a default; an empty id goes back to it. An asset without an id is not asked for."
      >
        <PriceApiCoins coins={coins} />
      </Subsection>
    </>
  );
}

/**
 * Settings → Price sources: the order the sources are asked in, the online price API (off
 * by default) with its coin ids, and importing price history from a CSV file.
 */
export function PriceSourcesSection() {
  return (
    <Stack gap="lg" data-testid="price-sources-section">
      <SavedSources />
      <Divider />
      <Subsection title="Import price history">
        <PriceHistoryImport />
      </Subsection>
    </Stack>
  );
}
