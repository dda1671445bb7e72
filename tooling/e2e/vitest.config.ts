import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.e2e.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll gives up after 1 s by default: on two busy cores a lazily loaded page plus its
    // first query can take longer. Waiting is bounded by the test timeout either way.
    expect: { poll: { timeout: 15_000 } },
    // Each file starts its own server and browser; two at once suit a two-core machine.
    maxWorkers: 2,
    reporters: ["default", ["json", { outputFile: ".reports/vitest.json" }]],
  },
});
