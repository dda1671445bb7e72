import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.e2e.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file starts its own server and browser; two at once suit a two-core machine.
    maxWorkers: 2,
    reporters: ["default", ["json", { outputFile: ".reports/vitest.json" }]],
  },
});
