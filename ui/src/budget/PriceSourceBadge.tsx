import { IconCloudDownload, IconFileImport, IconNotebook } from "@tabler/icons-react";
import type { PriceSource } from "../api";
import { LooksBadge } from "../common/LooksBadge";

// Where a price came from, the same everywhere: a name, a short word for tables, a colour
// and an icon (never the colour alone).
export const priceSourceLooks = {
  manual: {
    label: "Your price book",
    short: "Manual",
    meaning: "Recorded by you in the price book (Budget).",
    color: "gray",
    Icon: IconNotebook,
  },
  csv: {
    label: "Imported price history",
    short: "CSV",
    meaning: "Imported from a price history CSV.",
    color: "grape",
    Icon: IconFileImport,
  },
  api: {
    label: "Online price API",
    short: "API",
    meaning: "Fetched from the online price API you turned on.",
    color: "blue",
    Icon: IconCloudDownload,
  },
} satisfies Record<PriceSource, { label: string; short: string; meaning: string; color: string; Icon: typeof IconNotebook }>;

/** Where a price came from, in a short word with its icon (what it means on hover). */
export function PriceSourceBadge({ source }: { source: PriceSource }) {
  const { short, meaning, color, Icon } = priceSourceLooks[source];
  return (
    <LooksBadge color={color} Icon={Icon} title={meaning} data-source={source} testId="price-source" neverShortened>
      {short}
    </LooksBadge>
  );
}
