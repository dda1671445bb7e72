// The house rules, each shown firing and each shown letting the allowed case through (`node --test`).
import { join, resolve } from "node:path";
import { describe, it } from "node:test";
import { RuleTester } from "eslint";
import tseslint from "typescript-eslint";
import { housePlugin } from "./house-rules.js";

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ROOT = resolve(import.meta.dirname, "../..");
const file = (path) => join(ROOT, path);
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: "latest", sourceType: "module" } });

describe("house/layers: imports only down the one-way package graph", () => {
  tester.run("layers", housePlugin.rules.layers, {
    valid: [
      { filename: file("packages/db/src/x.ts"), code: 'import { LEVELS } from "@gugus/domain";' },
      { filename: file("packages/api/src/x.ts"), code: 'import { openDatabase } from "@gugus/db"; import { DomainError } from "@gugus/domain/errors";' },
      { filename: file("apps/server/src/x.ts"), code: 'import { appRouter } from "@gugus/api";' },
      { filename: file("apps/admin/src/x.ts"), code: 'import type { AppRouter } from "@gugus/api"; import { useTRPC } from "@gugus/ui";' },
      { filename: file("packages/ui/src/x.ts"), code: 'import { type AppRouter } from "@gugus/api";' },
      { filename: file("apps/admin/src/pages/x.ts"), code: 'import { App } from "../App.tsx";' },
      { filename: file("packages/db/eslint.config.js"), code: 'import { config } from "@gugus/eslint-config";' },
      { filename: file("tooling/e2e/src/x.ts"), code: 'import { startServer } from "@gugus/server";' },
    ],
    invalid: [
      { filename: file("packages/domain/src/x.ts"), code: 'import { openDatabase } from "@gugus/db";', errors: [{ messageId: "upward" }] },
      { filename: file("packages/db/src/x.ts"), code: 'import type { AppRouter } from "@gugus/api";', errors: [{ messageId: "upward" }] },
      { filename: file("packages/api/src/x.ts"), code: 'export { startServer } from "@gugus/server";', errors: [{ messageId: "upward" }] },
      { filename: file("packages/api/src/x.ts"), code: 'const s = import("../../../apps/server/src/start.ts");', errors: [{ messageId: "upward" }] },
      { filename: file("apps/admin/src/x.ts"), code: 'import "@gugus/portal";', errors: [{ messageId: "upward" }] },
      { filename: file("apps/admin/src/x.ts"), code: 'import { Page } from "../../portal/src/pages/ProfilePage.tsx";', errors: [{ messageId: "upward" }] },
      { filename: file("apps/portal/src/x.ts"), code: 'export * from "../../admin/src/App.tsx";', errors: [{ messageId: "upward" }] },
      { filename: file("packages/ui/src/x.ts"), code: 'import { appRouter } from "@gugus/api";', errors: [{ messageId: "typesOnly" }] },
    ],
  });
});

describe("house/configuration-in-env: process.env only in the server's env.ts", () => {
  tester.run("configuration-in-env", housePlugin.rules["configuration-in-env"], {
    valid: [
      { filename: file("apps/server/src/env.ts"), code: "export const port = process.env.PORT;" },
      { filename: file("apps/server/src/x.ts"), code: "export const argv = process.argv; export const environment = env.PORT;" },
    ],
    invalid: [
      { filename: file("apps/server/src/x.ts"), code: "export const port = process.env.PORT;", errors: [{ messageId: "elsewhere" }] },
      { filename: file("packages/api/src/x.ts"), code: 'export const all = process["env"];', errors: [{ messageId: "elsewhere" }] },
      { filename: file("packages/db/src/x.ts"), code: "export const all = globalThis.process.env;", errors: [{ messageId: "elsewhere" }] },
      { filename: file("apps/admin/src/x.ts"), code: "const { env } = process;", errors: [{ messageId: "elsewhere" }] },
      { filename: file("apps/portal/src/x.ts"), code: 'import { env } from "node:process";', errors: [{ messageId: "elsewhere" }] },
    ],
  });
});
