// Test environment: jsdom lacks a few browser APIs Mantine relies on.
import "@testing-library/jest-dom/vitest";
import { notifications } from "@mantine/notifications";
import { clearMocks } from "@tauri-apps/api/mocks";
import { cleanup, configure } from "@testing-library/react";
import { afterEach, vi } from "vitest";
// jsdom has no canvas: the charts (Chart.js) draw on this stand-in, whose calls can be inspected.
import "vitest-canvas-mock";

// Each area's page is a chunk loaded when it first opens (React.lazy); in a test its first
// import includes transforming the area's modules, which on a shared 2-core machine can
// take longer than the 1 s \`findBy…\` waits by default.
configure({ asyncUtilTimeout: 5_000 });

Object.defineProperty(window, "matchMedia", {
  writable: true,
  value: vi.fn((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: vi.fn(),
    removeListener: vi.fn(),
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
    dispatchEvent: vi.fn(),
  })),
});

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = ResizeObserverStub;

// Textarea autosize listens for web fonts finishing to load.
if (!("fonts" in document)) {
  Object.defineProperty(document, "fonts", {
    value: Object.assign(new EventTarget(), { ready: Promise.resolve() }),
  });
}

window.HTMLElement.prototype.scrollIntoView = function scrollIntoView() {};
// jsdom does not lay out pages; navigating scrolls the window to the top.
window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;

const { getComputedStyle } = window;
window.getComputedStyle = (element: Element) => getComputedStyle(element);

afterEach(() => {
  cleanup();
  // The notifications store outlives the rendered app: a toast must not leak into the next test.
  notifications.clean();
  clearMocks();
  window.location.hash = "";
  localStorage.clear();
});
