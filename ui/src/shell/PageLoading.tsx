import { Box } from "@mantine/core";
import { Component, useEffect, useState, type ReactNode } from "react";
import { FailureAlert } from "../common/FailureAlert";
import { LoadingState } from "../common/LoadingState";

/** How long a page's code may take to load before the page says it is loading. */
const QUIET_MS = 200;

/**
 * Shown while a page's code loads (a chunk of its own, read from the app's files: a few
 * milliseconds). Nothing for the first moment, so a quick load does not flash a spinner.
 */
export function PageLoading() {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setShown(true), QUIET_MS);
    return () => window.clearTimeout(timer);
  }, []);
  return shown ? <LoadingState label="Opening the page…" /> : null;
}

type PageBoundaryProps = { children: ReactNode; routeKey: string };
type PageBoundaryState = { error: unknown; routeKey: string };

/**
 * A page that fails to load or to draw says so in its place, with the rest of the window
 * still working; going to another page clears it.
 */
export class PageBoundary extends Component<PageBoundaryProps, PageBoundaryState> {
  override state: PageBoundaryState = { error: undefined, routeKey: this.props.routeKey };

  static getDerivedStateFromError(error: unknown): Partial<PageBoundaryState> {
    return { error: error ?? new Error("unknown failure") };
  }

  static getDerivedStateFromProps(props: PageBoundaryProps, state: PageBoundaryState): Partial<PageBoundaryState> | null {
    return props.routeKey === state.routeKey ? null : { error: undefined, routeKey: props.routeKey };
  }

  override render() {
    if (this.state.error === undefined) return this.props.children;
    return (
      <Box p="lg">
        <FailureAlert
          title="This page could not be shown"
          error={this.state.error}
          onRetry={() => window.location.reload()}
        />
      </Box>
    );
  }
}
