// `pnpm sbom` run as CI runs it: into a fresh directory, offline, and read back as a reviewer's tool would.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import * as CDX from "@cyclonedx/cyclonedx-library";

const script = fileURLToPath(new URL("./sbom.mjs", import.meta.url));
const out = mkdtempSync(join(tmpdir(), "gugus-sbom-"));
const boms = {};

before(() => {
  const run = spawnSync(process.execPath, [script, out], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  for (const part of ["server", "admin", "portal"]) boms[part] = readFileSync(join(out, `${part}.cdx.json`), "utf8");
});
after(() => rmSync(out, { recursive: true, force: true }));

const names = (bom) => bom.components.map((c) => (c.group ? `${c.group}/${c.name}` : c.name));

describe("the SBOM of each shipped part", () => {
  for (const [part, shipped] of [
    ["server", ["fastify", "@trpc/server", "better-sqlite3", "drizzle-orm", "zod"]],
    ["admin", ["react", "react-dom", "@mantine/core", "@trpc/client"]],
    ["portal", ["react", "react-dom", "@mantine/core", "idb-keyval"]],
  ]) {
    it(`${part}: is CycloneDX 1.6 JSON that passes the strict schema`, async () => {
      const bom = JSON.parse(boms[part]);
      assert.equal(bom.bomFormat, "CycloneDX");
      assert.equal(bom.specVersion, "1.6");
      assert.match(bom.serialNumber, /^urn:uuid:/);
      assert.equal(bom.metadata.component.type, "application");
      assert.equal(`${bom.metadata.component.group}/${bom.metadata.component.name}`, `@gugus/${part}`);
      assert.equal(await new CDX.Validation.JsonStrictValidator(CDX.Spec.Version.v1dot6).validate(boms[part]), null);
    });

    it(`${part}: lists what it ships (${shipped.join(", ")}) and no test or build tool`, () => {
      const listed = names(JSON.parse(boms[part]));
      for (const name of shipped) assert.ok(listed.includes(name), `${name} missing`);
      for (const name of ["vitest", "eslint", "vite", "turbo", "@playwright/test", "playwright-core"]) {
        assert.ok(!listed.includes(name), `${name} is a devDependency`);
      }
    });

    it(`${part}: gives every third-party package a purl, a hash and its license`, () => {
      const bom = JSON.parse(boms[part]);
      const thirdParty = bom.components.filter((c) => c.group !== "@gugus");
      assert.ok(thirdParty.length > 0);
      for (const c of thirdParty) {
        assert.equal(c.purl, c["bom-ref"]);
        assert.ok(c.purl.startsWith("pkg:npm/") && c.purl.endsWith(`@${c.version}`), c.purl);
        assert.ok(c.hashes?.some((h) => h.alg.startsWith("SHA-")), `${c.purl} has no hash`);
      }
      // A few old packages declare no license at all; nearly all do, and each declared one is kept.
      const licensed = thirdParty.filter((c) => c.licenses?.length || c.evidence?.licenses?.length);
      assert.ok(licensed.length >= thirdParty.length * 0.95, `${thirdParty.length - licensed.length} without a license`);
      const known = bom.components.find((c) => c.name === (part === "server" ? "fastify" : "react"));
      assert.deepEqual(known.licenses, [{ license: { id: "MIT" } }]);
    });

    it(`${part}: keeps who depends on whom, from the part down`, () => {
      const bom = JSON.parse(boms[part]);
      const edges = new Map(bom.dependencies.map((d) => [d.ref, d.dependsOn ?? []]));
      const reached = new Set();
      const queue = [bom.metadata.component["bom-ref"]];
      while (queue.length > 0) {
        for (const ref of edges.get(queue.shift()) ?? []) {
          if (reached.has(ref)) continue;
          reached.add(ref);
          queue.push(ref);
        }
      }
      assert.deepEqual([...reached].sort(), bom.components.map((c) => c["bom-ref"]).sort());
    });
  }
});
