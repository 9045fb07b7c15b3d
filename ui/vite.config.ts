import react from "@vitejs/plugin-react";
import { createServer, type Plugin } from "vite";
import { defineConfig } from "vitest/config";

const EMPTY_ROOT = '<div id="root"></div>';

/**
 * Draws the window's frame (top bar and navigation, src/shell/prerender.tsx) into
 * index.html at build time. WebKit paints nothing until a page has content or has
 * loaded; with the frame in the HTML the window shows it at once, while the app's script
 * (half a megabyte) is still being read — measured in docs/performance.md. The app
 * replaces it on its first render.
 */
function prerenderShell(): Plugin {
  return {
    name: "saleguard:prerender-shell",
    apply: "build",
    async transformIndexHtml(html) {
      if (!html.includes(EMPTY_ROOT)) {
        throw new Error(`index.html has no ${EMPTY_ROOT} to draw the frame into`);
      }
      const server = await createServer({
        server: { middlewareMode: true, hmr: false, watch: null },
        appType: "custom",
        logLevel: "error",
      });
      try {
        const { shellMarkup } = (await server.ssrLoadModule("/src/shell/prerender.tsx")) as {
          shellMarkup: () => string;
        };
        return html.replace(EMPTY_ROOT, `<div id="root">${shellMarkup()}</div>`);
      } finally {
        await server.close();
      }
    },
    // The frame's CSS-module classes were named by a second Vite (the one above): each
    // must be one the build's stylesheets define, or the frame would be drawn unstyled.
    writeBundle(_options, bundle) {
      const html = bundle["index.html"];
      const css = Object.values(bundle)
        .filter((file) => file.type === "asset" && file.fileName.endsWith(".css"))
        .map((file) => (file.type === "asset" ? String(file.source) : ""))
        .join("\n");
      const classes = new Set(html?.type === "asset" ? (String(html.source).match(/[\w-]+-module_[\w-]+/g) ?? []) : []);
      const missing = [...classes].filter((name) => !css.includes(`.${name}`));
      if (classes.size === 0 || missing.length > 0) {
        throw new Error(`the frame drawn into index.html uses CSS-module classes no stylesheet defines: ${missing.join(", ") || "none found"}`);
      }
    },
  };
}

// Tauri loads the dev server at a fixed address (see src-tauri/tauri.conf.json),
// so the port must not drift.
export default defineConfig({
  plugins: [react(), prerenderShell()],
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    watch: { ignored: ["**/src-tauri/**"] },
  },
  // One naming of CSS-module classes for the build and the frame drawn into index.html.
  css: { modules: { generateScopedName: "[name]_[local]_[hash:base64:5]" } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // Keep every asset a separate file: no data: URLs, so the CSP can stay 'self'.
    assetsInlineLimit: 0,
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["./src/test/setup.ts"],
    css: false,
    env: { TZ: "UTC" },
    // Whole-app tests on a shared 2-core machine: the 5 s default is too tight.
    testTimeout: 20_000,
  },
});
