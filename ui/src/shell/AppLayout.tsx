import { AppShell, Box, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useEffect, useRef } from "react";
import { AccountsArea } from "../accounts/AccountsArea";
import { BudgetPage } from "../budget/BudgetPage";
import { CalendarPage } from "../calendar/CalendarPage";
import { DashboardPage } from "../dashboard/DashboardPage";
import { ParticipationsArea } from "../participations/ParticipationsArea";
import { PortfolioPage } from "../portfolio/PortfolioPage";
import { SalesArea } from "../sales/SalesArea";
import { SettingsPage } from "../settings/SettingsPage";
import { NavigationRail } from "./NavigationRail";
import { TopBar } from "./TopBar";
import { routeHref, useRoute, type Route } from "./route";
import classes from "./AppLayout.module.css";

function PageForRoute({ route }: { route: Route }) {
  switch (route.area) {
    case "dashboard":
      return route.view === "calendar" ? <CalendarPage /> : <DashboardPage />;
    case "sales":
      return <SalesArea route={route} />;
    case "accounts":
      return <AccountsArea route={route} />;
    case "participations":
      return <ParticipationsArea route={route} />;
    case "settings":
      return <SettingsPage />;
    case "budget":
      return <BudgetPage />;
    case "portfolio":
      return <PortfolioPage />;
  }
}

/** One window: top bar, navigation rail on the left, the current page in the middle. */
export function AppLayout() {
  const route = useRoute();
  const routeKey = routeHref(route);
  const [navigationOpened, navigation] = useDisclosure(false);
  const closeNavigation = navigation.close;
  const mainRef = useRef<HTMLDivElement>(null);
  const previousRouteKey = useRef(routeKey);

  // After navigating, move focus to the new page's title so keyboard and screen-reader
  // users start at the top of what they asked for; on a page that is one form, to the
  // input it marks with `data-initial-focus`.
  useEffect(() => {
    if (previousRouteKey.current === routeKey) return;
    previousRouteKey.current = routeKey;
    closeNavigation();
    // A new page starts at its top (not where the previous page was scrolled to, and
    // not with its title tucked under the fixed top bar).
    window.scrollTo({ top: 0 });
    const main = mainRef.current;
    const start =
      main?.querySelector<HTMLElement>("[data-initial-focus]") ?? main?.querySelector<HTMLElement>("[data-page-title]");
    (start ?? main)?.focus({ preventScroll: true });
  }, [routeKey, closeNavigation]);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 232, breakpoint: "sm", collapsed: { mobile: !navigationOpened } }}
      padding={0}
    >
      <UnstyledButton className={classes.skipLink} onClick={() => mainRef.current?.focus()}>
        Skip to content
      </UnstyledButton>
      <AppShell.Header>
        <TopBar navigationOpened={navigationOpened} onToggleNavigation={navigation.toggle} />
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <NavigationRail activeArea={route.area} onNavigate={navigation.close} />
      </AppShell.Navbar>
      <AppShell.Main>
        <Box ref={mainRef} tabIndex={-1} className={classes.main} id="main-content">
          <PageForRoute route={route} />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
