import { AppShell, Box, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { lazy, Suspense, useEffect, useRef, type ReactNode, type RefObject } from "react";
import { DashboardPage } from "../dashboard/DashboardPage";
import { NavigationRail } from "./NavigationRail";
import { PageBoundary, PageLoading } from "./PageLoading";
import { TopBar } from "./TopBar";
import { routeHref, useRoute, type Route } from "./route";
import classes from "./AppLayout.module.css";

// The first screen (the dashboard) comes with the shell; every other area, and the
// charts library with the pages that draw charts, is a chunk of its own, loaded when
// its page first opens, so the first paint does not wait for code it does not show.
const AccountsArea = lazy(() => import("../accounts/AccountsArea").then((m) => ({ default: m.AccountsArea })));
const BudgetPage = lazy(() => import("../budget/BudgetPage").then((m) => ({ default: m.BudgetPage })));
const CalendarPage = lazy(() => import("../calendar/CalendarPage").then((m) => ({ default: m.CalendarPage })));
const ParticipationsArea = lazy(() =>
  import("../participations/ParticipationsArea").then((m) => ({ default: m.ParticipationsArea })),
);
const PortfolioPage = lazy(() => import("../portfolio/PortfolioPage").then((m) => ({ default: m.PortfolioPage })));
const SalesArea = lazy(() => import("../sales/SalesArea").then((m) => ({ default: m.SalesArea })));
const SettingsPage = lazy(() => import("../settings/SettingsPage").then((m) => ({ default: m.SettingsPage })));

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

/**
 * After navigating, moves focus to the new page's title so keyboard and screen-reader
 * users start at the top of what they asked for; on a page that is one form, to the input
 * it marks with `data-initial-focus`. Rendered beside the page inside its Suspense
 * boundary, so it runs once the page is drawn, also when its code had to load first.
 */
function FocusOnArrival({ routeKey, mainRef }: { routeKey: string; mainRef: RefObject<HTMLDivElement | null> }) {
  // The page the window opened on keeps the focus where the window put it.
  const focusedRouteKey = useRef(routeKey);
  useEffect(() => {
    if (focusedRouteKey.current === routeKey) return;
    focusedRouteKey.current = routeKey;
    const main = mainRef.current;
    const start =
      main?.querySelector<HTMLElement>("[data-initial-focus]") ?? main?.querySelector<HTMLElement>("[data-page-title]");
    (start ?? main)?.focus({ preventScroll: true });
  }, [routeKey, mainRef]);
  return null;
}

type ShellFrameProps = {
  /**
   * "live" for the app's frame, "prerendered" for the one drawn into index.html (set on
   * the frame as `data-shell`): what is on screen before the app's script has run is not
   * the app yet, and the end-to-end tests wait for the live one.
   */
  drawn: "live" | "prerendered";
  activeArea: Route["area"];
  navigationOpened: boolean;
  onToggleNavigation: () => void;
  onNavigate?: () => void;
  mainRef?: RefObject<HTMLDivElement | null>;
  /** The page. */
  children?: ReactNode;
};

/**
 * The window's frame: top bar, navigation rail on the left, `children` in the middle. The
 * build also draws it, with no page, into index.html (see `prerenderShell` in
 * vite.config.ts), so the window shows it before any script has run.
 */
export function ShellFrame({ drawn, activeArea, navigationOpened, onToggleNavigation, onNavigate, mainRef, children }: ShellFrameProps) {
  return (
    <AppShell
      data-shell={drawn}
      header={{ height: 56 }}
      navbar={{ width: 232, breakpoint: "sm", collapsed: { mobile: !navigationOpened } }}
      padding={0}
    >
      <UnstyledButton className={classes.skipLink} onClick={() => mainRef?.current?.focus()}>
        Skip to content
      </UnstyledButton>
      <AppShell.Header>
        <TopBar navigationOpened={navigationOpened} onToggleNavigation={onToggleNavigation} />
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <NavigationRail activeArea={activeArea} onNavigate={onNavigate} />
      </AppShell.Navbar>
      <AppShell.Main>
        {/* Before the app's script has run there is no page yet: busy, for screen readers. */}
        <Box ref={mainRef} tabIndex={-1} className={classes.main} id="main-content" aria-busy={drawn === "prerendered" || undefined}>
          {children}
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}

/** One window: top bar, navigation rail on the left, the current page in the middle. */
export function AppLayout() {
  const route = useRoute();
  const routeKey = routeHref(route);
  const [navigationOpened, navigation] = useDisclosure(false);
  const closeNavigation = navigation.close;
  const mainRef = useRef<HTMLDivElement>(null);
  const previousRouteKey = useRef(routeKey);

  useEffect(() => {
    if (previousRouteKey.current === routeKey) return;
    previousRouteKey.current = routeKey;
    closeNavigation();
    // A new page starts at its top (not where the previous page was scrolled to, and
    // not with its title tucked under the fixed top bar).
    window.scrollTo({ top: 0 });
  }, [routeKey, closeNavigation]);

  return (
    <ShellFrame
      drawn="live"
      activeArea={route.area}
      navigationOpened={navigationOpened}
      onToggleNavigation={navigation.toggle}
      onNavigate={navigation.close}
      mainRef={mainRef}
    >
      <PageBoundary routeKey={routeKey}>
        <Suspense fallback={<PageLoading />}>
          <PageForRoute route={route} />
          <FocusOnArrival routeKey={routeKey} mainRef={mainRef} />
        </Suspense>
      </PageBoundary>
    </ShellFrame>
  );
}
