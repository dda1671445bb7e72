import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { BULK_ACCOUNTS_MAX_ROWS, BULK_ACCOUNT_HEADER, accountsToCreate, bulkAccountFieldOf, checkBulkAccounts, isFormulaText, readBulkAccountTable, regionOfCell, roleOfCell } from "./bulk.ts";
import type { BulkAccountRow, BulkCheckLookups, BulkTaskForce } from "./bulk.ts";
import type { Actor } from "./roles.ts";

const central: Actor = { role: "central_admin", taskForceId: 1, place: { level: "national", regionCode: null } };
const provinceAdmin: Actor = { role: "regional_admin", taskForceId: 32, place: { level: "province", regionCode: "32" } };

const TASK_FORCES: Record<string, BulkTaskForce> = {
  "": { taskForceId: 1, place: { level: "national", regionCode: null }, name: null },
  "32": { taskForceId: 32, place: { level: "province", regionCode: "32" }, name: "Jawa Barat" },
  "32.75": { taskForceId: 3275, place: { level: "regency", regionCode: "32.75" }, name: "Kota Bekasi" },
  "33": { taskForceId: 33, place: { level: "province", regionCode: "33" }, name: "Jawa Tengah" },
};
const lookups = (actor: Actor, used: Record<string, number> = {}): BulkCheckLookups => ({
  actor,
  taskForceOf: (code) => TASK_FORCES[code ?? ""],
  emailHolderOf: (email) => used[email],
});

let line = 1;
const row = (over: Partial<BulkAccountRow> = {}): BulkAccountRow => ({
  row: ++line,
  email: `orang${line}@jabarprov.go.id`,
  name: "Siti Aminah",
  position: "Kepala Bidang PPPA",
  regionCode: "32",
  role: "regional_admin",
  ...over,
});
const codes = (r: { problems: { field: string; code: string }[] }) => r.problems.map((p) => `${p.field}:${p.code}`);

describe("bulkAccountFieldOf", () => {
  it("reads the headers in Bahasa Indonesia and English, case and spaces ignored", () => {
    expect(bulkAccountFieldOf("Kode Wilayah")).toBe("regionCode");
    expect(bulkAccountFieldOf("Region code")).toBe("regionCode");
    expect(bulkAccountFieldOf("Jabatan")).toBe("position");
    expect(bulkAccountFieldOf("POSITION")).toBe("position");
    expect(bulkAccountFieldOf("Peran")).toBe("role");
    expect(bulkAccountFieldOf("nama lengkap")).toBe("name");
    expect(bulkAccountFieldOf("alamat-email")).toBe("email");
    expect(bulkAccountFieldOf("nomor hp")).toBeUndefined();
  });
});

describe("regionOfCell", () => {
  it("reads an empty cell, 00 and the level's name as the national task force, as the plan import names the level", () => {
    for (const v of ["", " ", "00", "Nasional", "pusat", "NATIONAL"]) expect(regionOfCell(v)).toBeNull();
  });
  it("reads codes with or without the dot", () => {
    expect(regionOfCell("32")).toBe("32");
    expect(regionOfCell(" 32.75 ")).toBe("32.75");
    expect(regionOfCell("3275")).toBe("32.75");
  });
  it("gives undefined for what is no region code", () => {
    expect(regionOfCell("Jawa Barat")).toBeUndefined();
    expect(regionOfCell("32.70")).toBeUndefined();
  });
});

describe("roleOfCell", () => {
  it("reads codes and the product's labels in either language", () => {
    expect(roleOfCell("regional_admin")).toBe("regional_admin");
    expect(roleOfCell("Admin daerah")).toBe("regional_admin");
    expect(roleOfCell("Regional member")).toBe("regional_member");
    expect(roleOfCell("Peninjau pusat")).toBe("central_viewer");
    expect(roleOfCell("ketua")).toBeUndefined();
  });
});

describe("isFormulaText", () => {
  it("takes a formula and the other starts a spreadsheet runs for one", () => {
    for (const v of ['=HYPERLINK("http://x","klik")', "+62 812", "@SUM(A1)", "-1+1", " =1+1"]) expect(isFormulaText(v)).toBe(true);
  });
  it("leaves plain text alone, a lone dash too", () => {
    for (const v of ["Siti Aminah", "-", "Kepala Bidang - PPPA", "a=b", "siti@x.id"]) expect(isFormulaText(v)).toBe(false);
  });
});

describe("readBulkAccountTable", () => {
  it("numbers each row by its line in the file and skips blank rows", () => {
    const rows = readBulkAccountTable([BULK_ACCOUNT_HEADER, ["a@b.id", "Ani", "Staf", "32", "regional_member"], ["", "", ""], ["c@d.id", "Budi", "Staf", "33", "regional_member"]]);
    expect(rows.map((r) => [r.row, r.email])).toEqual([
      [2, "a@b.id"],
      [4, "c@d.id"],
    ]);
  });
  it("finds the columns in any order", () => {
    const rows = readBulkAccountTable([["Role", "Region code", "Position", "Name", "Email"], ["regional_member", "32", "Staf", "Ani", "a@b.id"]]);
    expect(rows[0]).toMatchObject({ email: "a@b.id", name: "Ani", position: "Staf", regionCode: "32", role: "regional_member" });
  });
  it("names a missing column by the template's header", () => {
    expect(() => readBulkAccountTable([["email", "nama", "jabatan"]])).toThrow(expect.objectContaining({ code: "IMPORT_FILE_INVALID", details: { reason: "missing_columns", columns: "kode_wilayah, peran" } }));
  });
  it("refuses a file with no rows under its header", () => {
    expect(() => readBulkAccountTable([BULK_ACCOUNT_HEADER, []])).toThrow(expect.objectContaining({ details: { reason: "no_rows" } }));
  });
  it("takes exactly 10,000 rows and refuses 10,001 as a whole file, before looking at any column", () => {
    const body = (n: number) => Array.from({ length: n }, (_, i) => [`u${i}@x.id`, "Ani", "Staf", "32", "regional_member"]);
    expect(readBulkAccountTable([BULK_ACCOUNT_HEADER, ...body(BULK_ACCOUNTS_MAX_ROWS)])).toHaveLength(10_000);
    let error: unknown;
    try {
      readBulkAccountTable([["nothing", "known"], ...body(BULK_ACCOUNTS_MAX_ROWS + 1)]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("FILE_TOO_MANY_ROWS");
  });
});

describe("checkBulkAccounts", () => {
  it("gives a good row its account and no problem", () => {
    const [r] = checkBulkAccounts([row({ email: " Siti@JabarProv.go.id ", regionCode: "32" })], lookups(central));
    expect(r!.problems).toEqual([]);
    expect(r!.account).toEqual({ email: "siti@jabarprov.go.id", name: "Siti Aminah", position: "Kepala Bidang PPPA", taskForceId: 32, role: "regional_admin" });
    expect(r!.taskForceName).toBe("Jawa Barat");
  });

  it("places an empty region, 00 or nasional at the national task force, where central roles fit", () => {
    const results = checkBulkAccounts([row({ regionCode: "", role: "central_viewer" }), row({ regionCode: "00", role: "admin pusat" }), row({ regionCode: "nasional", role: "regional_admin" })], lookups(central));
    expect(results.map((r) => r.taskForceId)).toEqual([1, 1, 1]);
    expect(results.map(codes)).toEqual([[], [], ["role:ROLE_LEVEL_MISMATCH"]]);
  });

  it("flags every row after the first that holds an email, whatever its case", () => {
    const results = checkBulkAccounts([row({ email: "a@x.id" }), row({ email: "b@x.id" }), row({ email: "A@X.id" }), row({ email: "a@x.id" })], lookups(central));
    expect(results.map(codes)).toEqual([[], [], ["email:EMAIL_REPEATED_IN_FILE"], ["email:EMAIL_REPEATED_IN_FILE"]]);
  });

  it("tells a central admin an email is taken wherever its account is", () => {
    const [r] = checkBulkAccounts([row({ email: "used@x.id" })], lookups(central, { "used@x.id": 33 }));
    expect(codes(r!)).toEqual(["email:EMAIL_TAKEN"]);
  });

  it("gives a regional uploader the neutral code for an email used outside its own task force", () => {
    const results = checkBulkAccounts([row({ email: "mine@x.id", role: "regional_member" }), row({ email: "elsewhere@x.id", role: "regional_member" })], lookups(provinceAdmin, { "mine@x.id": 32, "elsewhere@x.id": 33 }));
    expect(results.map(codes)).toEqual([["email:EMAIL_TAKEN"], ["email:EMAIL_UNAVAILABLE"]]);
  });

  it("reads an unknown region and one outside the uploader's scope alike", () => {
    const results = checkBulkAccounts([row({ regionCode: "32.99", role: "regional_member" }), row({ regionCode: "33", role: "regional_member" }), row({ regionCode: "Bandung" })], lookups(provinceAdmin));
    expect(results.map(codes)).toEqual([["regionCode:REGION_NOT_FOUND"], ["regionCode:REGION_NOT_FOUND"], ["regionCode:REGION_CODE_MALFORMED"]]);
    expect(results[1]!.taskForceName).toBeNull();
  });

  it("refuses a role above the uploader's: a province admin gives no central role, and no account at its regencies", () => {
    const results = checkBulkAccounts(
      [row({ regionCode: "32", role: "regional_member" }), row({ regionCode: "32", role: "central_admin" }), row({ regionCode: "", role: "central_admin" }), row({ regionCode: "32.75", role: "regional_member" })],
      lookups(provinceAdmin),
    );
    expect(results.map(codes)).toEqual([[], ["role:ROLE_LEVEL_MISMATCH"], ["regionCode:REGION_NOT_FOUND"], ["role:ROLE_NOT_GRANTABLE"]]);
  });

  it("refuses a cell a spreadsheet would run, in any column, and checks that column no further", () => {
    const results = checkBulkAccounts(
      [row({ name: '=HYPERLINK("http://contoh.test","klik")' }), row({ position: "+62 812 0000" }), row({ email: "@evil" }), row({ regionCode: "=32" }), row({ role: "-1+1" })],
      lookups(central),
    );
    expect(results.map(codes)).toEqual([["name:CELL_FORMULA_REFUSED"], ["position:CELL_FORMULA_REFUSED"], ["email:CELL_FORMULA_REFUSED"], ["regionCode:CELL_FORMULA_REFUSED"], ["role:CELL_FORMULA_REFUSED"]]);
    expect(results.every((r) => r.account === null)).toBe(true);
  });

  it("reports each field's own problem: a bad email, a short name, an unknown role, an NIK in the position", () => {
    const [r] = checkBulkAccounts([row({ email: "bukan email", name: "A", role: "ketua", position: "NIK 3275010101900001" })], lookups(central));
    expect(codes(r!)).toEqual(["email:EMAIL_INVALID", "name:NAME_INVALID", "position:PERSONAL_DATA_IN_TEXT", "role:ROLE_INVALID"]);
  });

  it("says a required cell left empty is required", () => {
    const [r] = checkBulkAccounts([row({ email: "", name: "", position: "", role: "" })], lookups(central));
    expect(codes(r!)).toEqual(["email:FIELD_REQUIRED", "name:FIELD_REQUIRED", "position:FIELD_REQUIRED", "role:FIELD_REQUIRED"]);
  });
});

describe("accountsToCreate", () => {
  it("gives every account of a file without problems, in the file's order", () => {
    const results = checkBulkAccounts([row({ email: "a@x.id" }), row({ email: "b@x.id" })], lookups(central));
    expect(accountsToCreate(results)?.map((a) => a.email)).toEqual(["a@x.id", "b@x.id"]);
  });

  it("gives nothing for an empty file", () => {
    expect(accountsToCreate([])).toBeNull();
  });

  // The invariant of the all-or-nothing save: one bad row anywhere, and nothing is created.
  it("gives nothing when any row of the file has a problem, wherever it stands", () => {
    const bad = fc.constantFrom<Partial<BulkAccountRow>>(
      { email: "bukan email" },
      { name: "=1+1" },
      { regionCode: "32.99" },
      { regionCode: "Bandung" },
      { role: "central_admin" },
      { email: "used@x.id" },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.nat(), bad, fc.constantFrom(central, provinceAdmin), (size, at, badRow, actor) => {
        const rows = Array.from({ length: size }, (_, i) => row({ email: `u${i}@x.id`, role: "regional_member" }));
        rows.splice(at % (size + 1), 0, row(badRow));
        const results = checkBulkAccounts(rows, lookups(actor, { "used@x.id": 32 }));
        expect(results.some((r) => r.problems.length > 0)).toBe(true);
        expect(accountsToCreate(results)).toBeNull();
      }),
    );
  });

  it("creates an account for a row exactly when the row has no problem", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ email: fc.constantFrom("a@x.id", "b@x.id", "c@x.id", "x", ""), regionCode: fc.constantFrom("", "32", "32.75", "33", "99"), role: fc.constantFrom("regional_admin", "regional_member", "central_viewer", "?") }), { maxLength: 12 }),
        fc.constantFrom(central, provinceAdmin),
        (cells, actor) => {
          const results = checkBulkAccounts(cells.map((c) => row(c)), lookups(actor));
          for (const r of results) expect(r.account === null).toBe(r.problems.length > 0);
        },
      ),
    );
  });
});
