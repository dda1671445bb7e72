/**
 * Writes fixtures/formation-2018.csv: an illustrative formation list (the real one is not public)
 * with exactly the published counts — on 2018-03-22, 32 provinces and 195 regencies/cities with a task
 * force in force; by the end of 2019, 32 and 245. Deterministic: run it again and the file is the same.
 *
 *   pnpm --filter @gugus/e2e exec tsx scripts/make-formation-fixture.ts
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { listProvinces, listRegencies } from "@gugus/domain";

// No task force in Papua or Papua Barat before 2022 (KemenPPPA, Aug 2021); the four newer provinces did not exist.
const provinces = listProvinces().filter((p) => !["91", "92", "93", "94", "95", "96"].includes(p.code));
if (provinces.length !== 32) throw new Error(`expected 32 provinces, got ${provinces.length}`);
const regencies = provinces.flatMap((p) => listRegencies(p.code));

const day = (start: string, offset: number) => {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

const rows: string[] = ["kode_wilayah,jenis,nomor,tanggal,penerbit"];
provinces.forEach((p, i) => rows.push(`${p.code},pergub,${10 + i}/2015,${day("2014-02-03", i * 37)},Gubernur ${p.name}`));
// 245 regencies/cities spread evenly over the list in code order: the first 195 formed before
// 2018-03-22, the next 50 after.
const chosen = regencies.filter((_, i) => Math.floor(((i + 1) * 245) / regencies.length) > Math.floor((i * 245) / regencies.length));
if (chosen.length !== 245) throw new Error(`expected 245 regencies/cities, got ${chosen.length}`);
chosen.forEach((r, i) => {
  const type = r.kind === "kota" ? "perwali" : "perbup";
  const issuer = r.kind === "kota" ? `Wali ${r.name}` : `Bupati ${r.name.replace(/^Kabupaten /, "")}`;
  const date = i < 195 ? day("2014-06-02", i * 7) : day("2018-04-02", (i - 195) * 12);
  rows.push(`${r.code},${type},${100 + i}/${date.slice(0, 4)},${date},${issuer}`);
});
const out = fileURLToPath(new URL("../fixtures/formation-2018.csv", import.meta.url));
writeFileSync(out, `${rows.join("\n")}\n`);
console.log(`wrote ${rows.length - 1} rows to ${out}`);
