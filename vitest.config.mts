import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // Vite would load graphql's ESM build while the CommonJS Apollo packages load its CJS
    // build: two realms, and every schema check fails. One graphql for everyone.
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve("graphql") }],
  },
  test: {
    // Two projects: `unit` (tests/unit: pure code, no stack, seconds) and `e2e` (everything
    // that starts a stack, a browser or a process). `npx vitest run --project unit`.
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      { extends: true, test: { name: "e2e", include: ["tests/**/*.test.ts"], exclude: ["tests/unit/**", "node_modules/**", "dist/**"] } },
    ],
    exclude: ["node_modules/**", "dist/**"],
    setupFiles: ["tests/helpers/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file starts its own stack; two cores, so two files at a time.
    maxWorkers: 2,
    // Housekeeping off: tests count SQL statements; endLapsedTerms is tested by calling it.
    // Throttles high: the suite signs in and fails keys from one address far more than a person would; the throttle's own test sets them low.
    env: { LOG_LEVEL: "silent", ROSTER_HOUSEKEEPING_MINUTES: "0", SIGNIN_PER_ADDRESS: "100000", AUTH_FAILURES_PER_ADDRESS: "100000", AUTH_FAILURES_PER_KEY: "100000" },
  },
});
