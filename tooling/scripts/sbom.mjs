#!/usr/bin/env node
// `pnpm sbom [dir]`: a CycloneDX 1.6 JSON SBOM for each shipped part (the server and both apps), written to
// <dir>/<part>.cdx.json (default: sbom/ at the repository root). Production dependencies only, taken from the
// installed tree as pnpm resolved it (`pnpm list --prod`), so it needs no network after `pnpm install`.
// Each package's own package.json gives its license and references, the lockfile its integrity hash; the
// BOM is built and checked against the CycloneDX JSON schema with the CycloneDX project's own library.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as CDX from "@cyclonedx/cyclonedx-library";
import { PackageURL } from "packageurl-js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const require = createRequire(import.meta.url);

/** What is shipped, and the workspace package each SBOM describes. */
export const parts = [
  { file: "server", pkg: "@gugus/server" },
  { file: "admin", pkg: "@gugus/admin" },
  { file: "portal", pkg: "@gugus/portal" },
];

const spec = CDX.Spec.Spec1dot6;
const licenseFactory = new CDX.Contrib.License.Factories.LicenseFactory();
const extRefFactory = new CDX.Contrib.FromNodePackageJson.Factories.ExternalReferenceFactory();
const componentBuilder = new CDX.Contrib.FromNodePackageJson.Builders.ComponentBuilder(extRefFactory, licenseFactory);

const readJson = (path) => JSON.parse(readFileSync(path, "utf8"));

/** name@version → [algorithm, hex digest], from the lockfile's `packages:` section. */
function lockfileHashes() {
  const lock = readFileSync(join(root, "pnpm-lock.yaml"), "utf8");
  const hashes = new Map();
  for (const m of lock.matchAll(/^ {2}'?([^'\s]+@[^'\s]+?)'?:\n {4}resolution: \{integrity: ([^,}\s]+)/gm)) {
    try {
      hashes.set(m[1], CDX.Contrib.FromNodePackageJson.Utils.parsePackageIntegrity(m[2]));
    } catch {
      // An integrity the library cannot read (e.g. sha1) is left out rather than guessed.
    }
  }
  return hashes;
}

/** The production dependency trees of the parts, as pnpm resolved them. */
function dependencyTrees() {
  const args = ["list", "--prod", "--depth", "Infinity", "--json", ...parts.flatMap((p) => ["--filter", p.pkg])];
  const run = spawnSync("pnpm", args, { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`pnpm list failed: ${run.stderr || run.error}`);
  return new Map(JSON.parse(run.stdout).map((tree) => [tree.name, tree]));
}

const childrenOf = (node) => ({ ...node.dependencies, ...node.optionalDependencies });
const isWorkspace = (node) => String(node.version).startsWith("link:");

function splitName(name) {
  const slash = name.startsWith("@") ? name.indexOf("/") : -1;
  return slash > 0 ? [name.slice(0, slash), name.slice(slash + 1)] : [undefined, name];
}

/**
 * Every package directory's children, merged over all sightings in all trees: pnpm prints a subtree in
 * full once in its whole output and marks later sightings `deduped`, even across projects.
 */
function dependencyGraph(trees) {
  const graph = new Map();
  const visit = (node) => {
    const children = graph.get(node.path) ?? new Map();
    graph.set(node.path, children);
    for (const child of Object.values(childrenOf(node))) {
      // An optional dependency for another platform (fsevents, another OS's esbuild) is not installed
      // here, and is not shipped from here.
      if (!existsSync(join(child.path, "package.json"))) continue;
      children.set(child.path, child);
      if (!child.deduped) visit(child);
    }
  };
  for (const tree of trees.values()) visit(tree);
  return graph;
}

const licenseFiles = new CDX.Contrib.License.Utils.LicenseEvidenceGatherer();

/** One SBOM: the part as the BOM's subject, every package it ships as a component, and who needs whom. */
function buildBom(tree, graph, hashes) {
  const byRef = new Map();

  const componentFor = (node, type = CDX.Enums.ComponentType.Library) => {
    const manifest = readJson(join(node.path, "package.json"));
    const firstParty = node === tree || isWorkspace(node);
    const version = manifest.version ?? node.version;
    const name = manifest.name ?? node.from;
    const [group, shortName] = splitName(name);
    // Our own workspace packages are not published, so they get no package URL and are named as ours.
    const purl = firstParty ? undefined : new PackageURL("npm", group, shortName, version).toString();
    const ref = purl ?? `${name}@${version}`;
    const known = byRef.get(ref);
    if (known) return known;

    const component = componentBuilder.makeComponent(manifest, type) ?? new CDX.Models.Component(type, shortName, { group, version });
    component.bomRef.value = ref;
    component.purl = purl;
    component.version = version;
    if (!firstParty) {
      const hash = hashes.get(`${name}@${version}`);
      if (hash) component.hashes.set(...hash);
      if (node.resolved?.startsWith("http")) {
        component.externalReferences.add(
          new CDX.Models.ExternalReference(node.resolved, CDX.Enums.ExternalReferenceType.Distribution, {
            hashes: hash ? new CDX.Models.HashDictionary([hash]) : undefined,
          }),
        );
      }
      // A package that declares no license still ships its license file: give its text as evidence.
      if (component.licenses.size === 0) {
        const evidence = new CDX.Models.ComponentEvidence();
        for (const { file, text } of licenseFiles.getFileAttachments(node.path)) {
          evidence.licenses.add(new CDX.Models.NamedLicense(`file: ${file}`, { text }));
        }
        if (evidence.licenses.size > 0) component.evidence = evidence;
      }
    }
    byRef.set(ref, component);
    return component;
  };

  const subject = componentFor(tree, CDX.Enums.ComponentType.Application);
  const done = new Set([tree.path]);
  const queue = [[tree.path, subject]];
  while (queue.length > 0) {
    const [path, component] = queue.shift();
    for (const child of graph.get(path)?.values() ?? []) {
      const dependency = componentFor(child);
      component.dependencies.add(dependency.bomRef);
      if (done.has(child.path)) continue;
      done.add(child.path);
      queue.push([child.path, dependency]);
    }
  }

  const bom = new CDX.Models.Bom({ serialNumber: CDX.Contrib.Bom.Utils.randomSerialNumber() });
  bom.metadata.timestamp = new Date();
  bom.metadata.component = subject;
  bom.metadata.lifecycles.add(CDX.Enums.LifecyclePhase.Build);
  const library = componentBuilder.makeComponent(readJson(require.resolve("@cyclonedx/cyclonedx-library/package.json")));
  if (library) bom.metadata.tools.components.add(library);
  for (const component of byRef.values()) if (component !== subject) bom.components.add(component);
  return bom;
}

/** Writes the three SBOMs into `outDir`, each checked against the schema; returns their paths. */
export async function writeSboms(outDir = join(root, "sbom")) {
  mkdirSync(outDir, { recursive: true });
  const hashes = lockfileHashes();
  const trees = dependencyTrees();
  const graph = dependencyGraph(trees);
  const serializer = new CDX.Serialize.JsonSerializer(new CDX.Serialize.JSON.Normalize.Factory(spec));
  const validator = new CDX.Validation.JsonStrictValidator(spec.version);
  const written = [];
  for (const part of parts) {
    const tree = trees.get(part.pkg);
    if (!tree) throw new Error(`pnpm list did not report ${part.pkg}`);
    const json = serializer.serialize(buildBom(tree, graph, hashes), { sortLists: true, space: 2 });
    const invalid = await validator.validate(json);
    if (invalid) throw new Error(`${part.file}: not valid CycloneDX ${spec.version}: ${JSON.stringify(invalid, null, 2)}`);
    const path = join(outDir, `${part.file}.cdx.json`);
    writeFileSync(path, `${json}\n`);
    written.push(path);
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2] ? resolve(process.argv[2]) : undefined;
  for (const path of await writeSboms(outDir)) {
    const bom = readJson(path);
    console.log(`${path.replace(root, "")}: ${bom.components.length} components, CycloneDX ${bom.specVersion}`);
  }
}
