import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // Password hashing is real (argon2id, 19 MiB) and the machine may be busy with other suites.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ["default", ["json", { outputFile: ".reports/vitest.json" }]],
    // The fuzz (fuzz.test.ts) tries each procedure this many times: 1,000 in CI, fewer while working.
    provide: { fuzzRuns: Number(process.env.FUZZ_RUNS ?? (process.env.CI ? 1000 : 100)) },
  },
});
