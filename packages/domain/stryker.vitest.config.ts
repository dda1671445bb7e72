import { defineConfig } from "vitest/config";

/**
 * The tests `pnpm mutation` runs against each mutant: the rules' tests beside the code. The checks in
 * scripts/ (generated files, the packed tarball) test the package, not a rule, and would only slow it.
 */
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
  },
});
