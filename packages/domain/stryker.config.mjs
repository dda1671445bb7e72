// Mutation testing of the domain's rules: `pnpm mutation` from the repository root.
// While iterating, narrow it to one folder: `pnpm mutation --mutate 'src/ran/**/*.ts' '!src/**/*.test.ts'`.
// What survives on purpose, and why, is written in MUTATION.md beside this file.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  // pnpm keeps the runner out of core's reach, so name it rather than rely on discovery.
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { configFile: "stryker.vitest.config.ts" },
  mutate: [
    "src/**/*.ts",
    "!src/**/*.test.ts",
    // Reference data generated from idn-area-data: tables, not rules.
    "!src/regions/data.generated.ts",
  ],
  // The machine is shared: one test runner at a time.
  concurrency: 1,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: ".reports/mutation/index.html" },
  jsonReporter: { fileName: ".reports/mutation/mutation.json" },
  clearTextReporter: { allowColor: false, reportMutants: false, reportTests: false, logTests: false },
  incremental: true,
  incrementalFile: ".reports/mutation/incremental.json",
  // One level deep: Stryker rewrites tsconfig's `extends` for a sandbox two levels below the package.
  tempDirName: ".cache",
  // Module-level code (schema definitions, tables) makes "static" mutants: each reloads every test file,
  // hours on this machine. They are left out of the default run; `pnpm mutation --ignoreStatic false` runs them.
  ignoreStatic: true,
  thresholds: { high: 90, low: 85, break: null },
};
