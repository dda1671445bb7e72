// The house's own lint rules: the one-way package graph and the one home of configuration.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

const REPO_ROOT = resolve(import.meta.dirname, "../..");

/** The one file that reads the environment (CONTRIBUTING.md, "Configuration"). */
export const CONFIGURATION_FILE = "apps/server/src/env.ts";

/**
 * Which workspace packages each product package may import: `domain ← db ← api ← server` and
 * `domain ← ui ← admin, portal`, the apps (and ui) taking the api as types only. Nothing flows back,
 * and the two apps never import each other. Tooling packages (tests, benchmarks) are not listed.
 */
export const MAY_IMPORT = {
  "@gugus/domain": { imports: [], typesOnly: [] },
  "@gugus/db": { imports: ["@gugus/domain"], typesOnly: [] },
  "@gugus/api": { imports: ["@gugus/domain", "@gugus/db"], typesOnly: [] },
  "@gugus/server": { imports: ["@gugus/domain", "@gugus/db", "@gugus/api"], typesOnly: [] },
  "@gugus/ui": { imports: ["@gugus/domain"], typesOnly: ["@gugus/api"] },
  "@gugus/admin": { imports: ["@gugus/domain", "@gugus/ui"], typesOnly: ["@gugus/api"] },
  "@gugus/portal": { imports: ["@gugus/domain", "@gugus/ui"], typesOnly: ["@gugus/api"] },
};

/** Workspace packages every package may use: shared build configuration. */
const EVERYONE_MAY_IMPORT = ["@gugus/eslint-config"];

/** Every workspace package: its name and folder. */
function listWorkspacePackages() {
  const packages = [];
  for (const group of ["apps", "packages", "tooling"]) {
    for (const entry of readdirSync(join(REPO_ROOT, group), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const dir = join(REPO_ROOT, group, entry.name);
      try {
        packages.push({ name: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).name, dir });
      } catch {
        // not a package
      }
    }
  }
  return packages;
}

const WORKSPACE = listWorkspacePackages();

/** The workspace package a file (or a resolved import) is inside, if any. */
function packageOfPath(path) {
  return WORKSPACE.find((p) => path === p.dir || path.startsWith(p.dir + sep))?.name;
}

/** The workspace package an import names: `@gugus/x[/…]`, or a relative path into another package's folder. */
function packageOfImport(source, filename) {
  if (source.startsWith("@gugus/")) return source.split("/").slice(0, 2).join("/");
  if (source.startsWith(".")) return packageOfPath(resolve(dirname(filename), source));
  return undefined;
}

const isTypeOnly = (node) =>
  node.importKind === "type" ||
  node.exportKind === "type" ||
  (node.type === "ImportDeclaration" && node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === "type"));

const layers = {
  meta: {
    type: "problem",
    docs: { description: "Workspace packages import only down the one-way graph of architecture.md." },
    schema: [],
    messages: {
      upward: "{{from}} may not import {{to}}: dependencies flow one way (domain ← db ← api ← server, domain ← ui ← admin, portal), and the two apps share code only through @gugus/ui.",
      typesOnly: "{{from}} imports {{to}} as types only (`import type`).",
    },
  },
  create(context) {
    const from = packageOfPath(context.filename);
    const allowed = from === undefined ? undefined : MAY_IMPORT[from];
    if (!allowed) return {};
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== "Literal" || typeof source.value !== "string") return;
      const to = packageOfImport(source.value, context.filename);
      if (to === undefined || to === from || allowed.imports.includes(to) || EVERYONE_MAY_IMPORT.includes(to)) return;
      if (allowed.typesOnly.includes(to)) {
        if (node.type !== "ImportExpression" && isTypeOnly(node)) return;
        context.report({ node: source, messageId: "typesOnly", data: { from, to } });
        return;
      }
      context.report({ node: source, messageId: "upward", data: { from, to } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

const configurationInEnv = {
  meta: {
    type: "problem",
    docs: { description: `The environment is read in ${CONFIGURATION_FILE} and nowhere else.` },
    schema: [],
    messages: { elsewhere: `Configuration is read in ${CONFIGURATION_FILE} only: take the value from its Env (or as an argument).` },
  },
  create(context) {
    if (relative(REPO_ROOT, context.filename).split(sep).join("/") === CONFIGURATION_FILE) return {};
    const isEnvKey = (property, computed) => (computed ? property.type === "Literal" && property.value === "env" : property.type === "Identifier" && property.name === "env");
    return {
      MemberExpression(node) {
        const object = node.object;
        const isProcess =
          (object.type === "Identifier" && object.name === "process") ||
          (object.type === "MemberExpression" && !object.computed && object.property.type === "Identifier" && object.property.name === "process");
        if (isProcess && isEnvKey(node.property, node.computed)) {
          context.report({ node, messageId: "elsewhere" });
        }
      },
      // const { env } = process
      VariableDeclarator(node) {
        if (node.init?.type === "Identifier" && node.init.name === "process" && node.id.type === "ObjectPattern") {
          for (const p of node.id.properties) if (p.type === "Property" && isEnvKey(p.key, p.computed)) context.report({ node: p, messageId: "elsewhere" });
        }
      },
      // import { env } from "node:process"
      ImportDeclaration(node) {
        if (node.source.value !== "process" && node.source.value !== "node:process") return;
        for (const s of node.specifiers) {
          if (s.type === "ImportSpecifier" && (s.imported.name ?? s.imported.value) === "env") context.report({ node: s, messageId: "elsewhere" });
        }
      },
    };
  },
};

export const housePlugin = { rules: { layers, "configuration-in-env": configurationInEnv } };

/** Product packages (in MAY_IMPORT) keep the house rules; tooling configures the processes it starts. */
export function isProductPackage(dir) {
  return packageOfPath(resolve(dir)) in MAY_IMPORT;
}
