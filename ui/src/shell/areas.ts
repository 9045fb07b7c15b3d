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
};

export const areas: ReadonlyArray<AreaDescription> = [
  {
    area: "dashboard",
    label: "Dashboard",
    icon: IconLayoutDashboard,
  },
  {
    area: "sales",
    label: "Sales",
    icon: IconRocket,
  },
  {
    area: "participations",
    label: "Participations",
    icon: IconChecklist,
  },
  {
    area: "accounts",
    label: "Accounts",
    icon: IconWallet,
  },
  {
    area: "budget",
    label: "Budget",
    icon: IconPigMoney,
  },
  {
    area: "portfolio",
    label: "Portfolio",
    icon: IconChartPie,
  },
  {
    area: "settings",
    label: "Settings",
    icon: IconSettings,
  },
];
