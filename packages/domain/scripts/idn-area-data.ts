/** Reads the province and regency CSV files shipped in the npm package `idn-area-data`. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export type IdnAreaData = {
  version: string;
  provinces: (readonly [code: string, name: string])[];
  regencies: (readonly [code: string, name: string])[];
};

function readCsv(file: string, expectedHeader: string): string[][] {
  const lines = readFileSync(file, "utf8").trim().split(/\r?\n/);
  if (lines[0] !== expectedHeader) {
    throw new Error(`${file}: expected header "${expectedHeader}", found "${lines[0]}"`);
  }
  return lines.slice(1).map((line, i) => {
    if (line.includes('"')) throw new Error(`${file}:${i + 2}: quoted fields are not expected`);
    return line.split(",");
  });
}

export function readIdnAreaData(): IdnAreaData {
  const require = createRequire(import.meta.url);
  const pkgJson = require.resolve("idn-area-data/package.json");
  const root = dirname(pkgJson);
  const { version } = JSON.parse(readFileSync(pkgJson, "utf8")) as { version: string };
  const provinces = readCsv(join(root, "data/provinces.csv"), "code,name").map(
    ([code, name]) => [code!, name!] as const,
  );
  const regencies = readCsv(join(root, "data/regencies.csv"), "code,province_code,name").map(
    ([code, provinceCode, name]) => {
      if (!code!.startsWith(`${provinceCode}.`)) {
        throw new Error(`regency ${code} does not belong to province ${provinceCode}`);
      }
      return [code!, name!] as const;
    },
  );
  return { version, provinces, regencies };
}
