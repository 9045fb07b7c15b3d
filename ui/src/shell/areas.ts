import {
  IconChartPie,
  IconChecklist,
  IconLayoutDashboard,
  IconPigMoney,
  IconRocket,
  IconSettings,
  IconWallet,
  type Icon,
} from "@tabler/icons-react";
import type { Area } from "./route";

export type AreaDescription = {
  area: Area;
  label: string;
  icon: Icon;
  /** What the area is for, in the user's words; shown while it is not built. */
  purpose: string;
};

export const areas: ReadonlyArray<AreaDescription> = [
  {
    area: "dashboard",
    label: "Dashboard",
    icon: IconLayoutDashboard,
    purpose: "Headline numbers, upcoming events and alerts across everything you track.",
  },
  {
    area: "sales",
    label: "Sales",
    icon: IconRocket,
    purpose: "The token sales you follow and their terms.",
  },
  {
    area: "participations",
    label: "Participations",
    icon: IconChecklist,
    purpose:
      "Your involvement in each sale, step by step: registration, KYC, contributions, refunds, tokens received and vesting, with every change dated and kept.",
  },
  {
    area: "accounts",
    label: "Accounts",
    icon: IconWallet,
    purpose:
      "Your wallets: create or import a software account, connect a Ledger or Trezor, or watch an address. Secrets stay in your operating system's keyring, never in Saleguard's data file.",
  },
  {
    area: "budget",
    label: "Budget",
    icon: IconPigMoney,
    purpose:
      "A budget per period, a cap per sale and a diversification limit, checked before every contribution you sign.",
  },
  {
    area: "portfolio",
    label: "Portfolio",
    icon: IconChartPie,
    purpose:
      "Your holdings with their value and price time, the cost of each token lot and the profit or loss per sale.",
  },
  {
    area: "settings",
    label: "Settings",
    icon: IconSettings,
    purpose: "Where your data lives, networks, price sources, appearance and backups.",
  },
];

export function describeArea(area: Area): AreaDescription {
  const found = areas.find((candidate) => candidate.area === area);
  if (!found) throw new Error(`Unknown area: ${area}`);
  return found;
}
