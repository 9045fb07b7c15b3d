import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// Tauri loads the dev server at a fixed address (see src-tauri/tauri.conf.json),
// so the port must not drift.
export default defineConfig({
  plugins: [react()],
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    watch: { ignored: ["**/src-tauri/**"] },
  },
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
