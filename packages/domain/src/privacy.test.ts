import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { findPersonalIdentifier, withoutPersonalIdentifiers } from "./privacy.ts";
import { textSchema } from "./text.ts";

describe("findPersonalIdentifier", () => {
  it("finds an NIK of 16 digits, plain or grouped with spaces or dots", () => {
    expect(findPersonalIdentifier("korban NIK 3275014501990001")).toBe("nik");
    expect(findPersonalIdentifier("3275 0145 0199 0001")).toBe("nik");
    expect(findPersonalIdentifier("327501.450199.0001")).toBe("nik");
    expect(findPersonalIdentifier("NIK: 327501 450199 0001")).toBe("nik");
  });

  it("finds a mobile number written as 08…, 628… or +62 8…", () => {
    expect(findPersonalIdentifier("HP 081234567890")).toBe("phone");
    expect(findPersonalIdentifier("hubungi 0812-3456-789")).toBe("phone");
    expect(findPersonalIdentifier("+62 812 3456 7890")).toBe("phone");
    expect(findPersonalIdentifier("6281234567890")).toBe("phone");
  });

  it("leaves what task forces really write alone: instrument numbers, years, counts, region codes, 15 or 17 digits", () => {
    for (const text of [
      "Perwali Nomor 12 Tahun 2017",
      "Keputusan Bupati 188.45/Kep.123-Huk/2019",
      "Sosialisasi di 1.500 sekolah pada 2024",
      "DP3A Kota Bekasi (32.75)",
      "Jumlah SMA/SMK 2030–2034",
      "Permenko Kesra 25/KEP/MENKO/KESRA/IX/2009",
      "nomor agenda 081/2020",
      "masa tugas 2016-01-31 2017-01-31",
      "tanggal 20170410 20180511",
      "Dana Rp 1.234.567.890.123.456",
      "123456789012345",
      "12345678901234567",
    ]) {
      expect(findPersonalIdentifier(text), text).toBeNull();
    }
  });

  it("property: any 16-digit number is found wherever it sits in a sentence", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{16}$/), fc.stringMatching(/^[a-z ]{0,20}$/), fc.stringMatching(/^[a-z ]{0,20}$/), (nik, before, after) => {
        return findPersonalIdentifier(`${before} ${nik} ${after}`) !== null;
      }),
    );
  });

  it("property: text without digits never holds an identifier", () => {
    fc.assert(fc.property(fc.string().filter((s) => !/\d/.test(s)), (text) => findPersonalIdentifier(text) === null));
  });
});

describe("withoutPersonalIdentifiers", () => {
  const Office = withoutPersonalIdentifiers(z.string().trim().min(2).max(160));

  it("keeps the schema's own rules and refuses an identifier with PERSONAL_DATA_IN_TEXT", () => {
    expect(Office.parse("  Kepala Dinas PPPA ")).toBe("Kepala Dinas PPPA");
    const result = Office.safeParse("Kepala Dinas, HP 081234567890");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("PERSONAL_DATA_IN_TEXT");
    expect(Office.safeParse("x").success).toBe(false);
    expect(Office.safeParse("Kepala Dinas PPPA").success).toBe(true);
    expect(Office.safeParse("Kepala Dinas, NIK 3275014501990001").error?.issues.map((i) => i.message)).toEqual(["PERSONAL_DATA_IN_TEXT"]);
  });
});

describe("textSchema", () => {
  const Office = textSchema("OFFICE_INVALID", { max: 160 });
  const issues = (v: unknown) => Office.safeParse(v).error?.issues.map((i) => i.message);

  it("says FIELD_REQUIRED for empty or blank text, the field's code for too short or too long, one issue each", () => {
    expect(issues("")).toEqual(["FIELD_REQUIRED"]);
    expect(issues("   ")).toEqual(["FIELD_REQUIRED"]);
    expect(issues(undefined)).toEqual(["FIELD_REQUIRED"]);
    expect(issues("K")).toEqual(["OFFICE_INVALID"]);
    expect(issues("K".repeat(161))).toEqual(["OFFICE_INVALID"]);
    expect(issues(`Kepala ${"3275014501990001"}`)).toEqual(["PERSONAL_DATA_IN_TEXT"]);
    expect(Office.parse("  Kepala Dinas  ")).toBe("Kepala Dinas");
  });
});
