// Shared ESLint flat config: type-aware TypeScript rules plus the house rules of CONTRIBUTING.md.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";
import { housePlugin, isProductPackage } from "./house-rules.js";

const houseRules = {
  "@typescript-eslint/consistent-type-imports": ["error", { prefer: "type-imports", fixStyle: "separate-type-imports" }],
  "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
  "@typescript-eslint/no-floating-promises": "error",
  "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
  "@typescript-eslint/switch-exhaustiveness-check": "error",
  "@typescript-eslint/no-explicit-any": "error",
  eqeqeq: ["error", "always"],
  "no-console": "off",
};

/** Imports only the server may make: frontends and the domain talk to data through tRPC only. */
const serverOnly = ["@gugus/db", "@gugus/db/*", "better-sqlite3", "drizzle-orm", "drizzle-orm/*", "@gugus/server"];

/**
 * @param {{ dir: string, kind: "domain" | "node" | "browser", ignores?: string[] }} options
 */
export function config({ dir, kind, ignores = [] }) {
  const restricted =
    kind === "domain"
      ? {
          "no-restricted-imports": [
            "error",
            {
              patterns: [
                {
                  group: ["node:*", "fs", "path", "http", "net", "child_process", "react", "@trpc/*", "@gugus/*", ...serverOnly],
                  message: "packages/domain is pure: no IO, no database, no framework, no other workspace package.",
                },
              ],
            },
          ],
          "no-restricted-globals": ["error", { name: "process", message: "The domain takes its inputs as arguments." }],
          "no-restricted-syntax": [
            "error",
            { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "The domain has no clock: take the date as an argument." },
            { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "The domain has no clock: take the instant as an argument." },
          ],
        }
      : kind === "browser"
        ? {
            "no-restricted-imports": [
              "error",
              {
                paths: [{ name: "@gugus/api", allowTypeImports: true, message: "Frontends import the api as types only." }],
                patterns: [{ group: serverOnly, message: "Frontends talk to the server through tRPC only." }],
              },
            ],
          }
        : {};
  return tseslint.config(
    { ignores: ["dist/**", "node_modules/**", ".cache/**", "coverage/**", "**/*.generated.ts", ...ignores] },
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    {
      languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: dir } },
      rules: { ...houseRules, ...restricted },
    },
    // The package graph holds in every product file, tests included; so does the one home of
    // configuration, except in build and packaging scripts (which hand the environment to the tools they run).
    ...(isProductPackage(dir)
      ? [
          { plugins: { house: housePlugin }, rules: { "house/layers": "error" } },
          { ignores: ["scripts/**", "*.config.{js,ts,mjs}"], rules: { "house/configuration-in-env": "error" } },
        ]
      : []),
    ...(kind === "browser" ? [reactHooks.configs.flat["recommended-latest"] ?? reactHooks.configs.flat.recommended] : []),
    {
      files: ["**/*.test.ts", "**/*.test.tsx", "scripts/**", "*.config.{js,ts}"],
      rules: { "no-restricted-imports": "off", "no-restricted-globals": "off", "no-restricted-syntax": "off" },
    },
    { files: ["**/*.js", "**/*.mjs"], ...tseslint.configs.disableTypeChecked },
  );
}
