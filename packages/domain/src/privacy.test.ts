import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { digitsAsTyped, findPersonalIdentifier, withoutPersonalIdentifiers } from "./privacy.ts";
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

  it("finds an NIK grouped with dashes, slashes or parentheses, 4-4-4-4, 6-6-4 or 4-6-6, or with mixed separators", () => {
    for (const text of [
      "3275-0101-0101-0001",
      "NIK 3275/0101/0101/0001",
      "NIK (3275) 0101 0101 0001",
      "3275 010101 010001",
      "327501-010101-0001",
      "32.75.01.010101.0001",
      "3275 - 0101 - 0101 - 0001",
      "3275.0101-0101 0001",
    ]) {
      expect(findPersonalIdentifier(text), text).toBe("nik");
    }
  });

  it("finds an NIK written 4-6-4 with its district left out, the middle group a birth date: 3275 010101 0001", () => {
    expect(findPersonalIdentifier("3275 010101 0001")).toBe("nik");
    expect(findPersonalIdentifier("3275 450199 0001")).toBe("nik");
    expect(findPersonalIdentifier("3275 321399 0001")).toBeNull();
  });

  it("finds an NIK in full-width, Arabic-Indic or Devanagari digits, and grouped by non-breaking or ideographic spaces and en dashes", () => {
    expect(findPersonalIdentifier("NIK ３２７５０１０１０１０１０００１")).toBe("nik");
    expect(findPersonalIdentifier("٣٢٧٥٠١٠١٠١٠١٠٠٠١")).toBe("nik");
    expect(findPersonalIdentifier("३२७५०१०१०१०१०००१")).toBe("nik");
    expect(findPersonalIdentifier("3275\u00A00101\u00A00101\u00A00001")).toBe("nik");
    expect(findPersonalIdentifier("3275\u30000101\u30000101\u30000001")).toBe("nik");
    expect(findPersonalIdentifier("3275–0101–0101–0001")).toBe("nik");
    expect(findPersonalIdentifier("３２７５－０１０１－０１０１－０００１")).toBe("nik");
  });

  it("finds a mobile number with the area prefix in parentheses, grouped by dots, or in full-width digits", () => {
    for (const text of ["(0812) 3456-7890", "HP (0812)3456 7890", "+62 (812) 3456-7890", "+62-812-3456-7890", "0812.3456.7890", "０８１２３４５６７８９０", "tahun 2024 081234567890", "HP 08121990 3456"]) {
      expect(findPersonalIdentifier(text), text).toBe("phone");
    }
  });

  it("leaves dates side by side, instrument numbers, budgets and year lists alone however they are separated", () => {
    for (const text of [
      "masa tugas 08-06-1986 01-01-1970",
      "masa tugas 08061986 01011970",
      "Keputusan Gubernur 188.342/Kep.113-Huk/2019",
      "Rp 1.500.000.000",
      "Rp 2.081.500.000",
      "Rp 628.123.456.789",
      "Anggaran Rp 12.081.234.567.890",
      "masa tugas 10-04-2017 11-05-2018",
      "masa tugas 10.04.2017 / 11.05.2018",
      "tanggal 10042017 11052018",
      "periode 2015-2019 2020-2024",
      "SK 080/123/2019",
      "Nomor 188/0812/2019/001",
      "Perda 12 Tahun 2016",
      "kode wilayah 32.75.01.1001",
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

/** The zeros of some scripts' decimal digits: ASCII, full-width, Arabic-Indic, Persian, Devanagari, Bengali, Thai, mathematical bold. */
const ZEROS = [0x30, 0xff10, 0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0x1d7ce];
/** The separators people put between an NIK's or a phone number's groups. */
const SEPARATORS = [" ", ".", "-", "/", "(", ")", " - ", ") ", " (", "\u00A0", "\u3000", "–", "—", "－", "．"];
/** The text with its n-th ASCII digit written in the n-th script of `zeros` (round the list). */
const inForms = (text: string, zeros: readonly number[]) => {
  let n = 0;
  return text.replace(/\d/g, (d) => String.fromCodePoint((zeros[n++ % zeros.length] ?? 0x30) + Number(d)));
};
const twoDigits = (min: number, max: number) => fc.integer({ min, max }).map((n) => String(n).padStart(2, "0"));
/** An NIK: province, regency, district, birth day (plus 40 for a woman), month, year, serial. */
const anyNik = fc
  .tuple(twoDigits(11, 97), twoDigits(1, 99), twoDigits(1, 99), fc.oneof(twoDigits(1, 31), twoDigits(41, 71)), twoDigits(1, 12), twoDigits(0, 99), fc.integer({ min: 1, max: 9999 }))
  .map(([p, r, d, day, month, year, serial]) => `${p}${r}${d}${day}${month}${year}${String(serial).padStart(4, "0")}`);
/** Cut a digit string after some of the given positions, each cut with one of the separators. */
const grouped = (digits: string, cuts: readonly number[], separators: readonly string[]) => {
  let out = "";
  [...digits].forEach((d, i) => {
    out += d;
    const cut = cuts.indexOf(i + 1);
    if (cut >= 0) out += separators[cut] ?? " ";
  });
  return out;
};
const anySeparators = fc.array(fc.constantFrom(...SEPARATORS), { minLength: 6, maxLength: 6 });
const anyZeros = fc.array(fc.constantFrom(...ZEROS), { minLength: 1, maxLength: 4 });

describe("findPersonalIdentifier, property-based", () => {
  it("property: an NIK cut where its fields meet, with any mix of separators and digit forms, is refused", () => {
    fc.assert(
      fc.property(anyNik, fc.subarray([2, 4, 6, 8, 10, 12]), anySeparators, anyZeros, (nik, cuts, separators, zeros) => {
        return findPersonalIdentifier(`korban NIK ${inForms(grouped(nik, cuts, separators), zeros)} tinggal di desa`) === "nik";
      }),
      { numRuns: 500 },
    );
  });

  it("property: a mobile number (08… or +62 8…), its operator prefix kept whole and cut anywhere after by spaces, dots, dashes or parentheses, in any digit form, is refused", () => {
    const anyMobile = fc.tuple(fc.constantFrom("0", "+62", "62", "+62 ", "(0", "+62 ("), fc.stringMatching(/^8\d{8,10}$/));
    fc.assert(
      fc.property(anyMobile, fc.uniqueArray(fc.integer({ min: 3, max: 10 }), { maxLength: 4 }), fc.array(fc.constantFrom(" ", ".", "-", "(", ")", ") ", " - ", "\u00A0", "–"), { minLength: 4, maxLength: 4 }), anyZeros, ([prefix, rest], cuts, separators, zeros) => {
        return findPersonalIdentifier(`hubungi ${inForms(`${prefix}${grouped(rest, cuts, separators)}`, zeros)} segera`) === "phone";
      }),
      { numRuns: 500 },
    );
  });

  it("property: two real dates side by side, in any of the ways they are written, are not an NIK", () => {
    const anyDate = fc.date({ min: new Date("1950-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const forms = [(d: string) => d, (d: string) => d.replaceAll("-", ""), (d: string) => d.split("-").reverse().join("-"), (d: string) => d.split("-").reverse().join("."), (d: string) => d.split("-").reverse().join("")];
    fc.assert(
      fc.property(anyDate, anyDate, fc.integer({ min: 0, max: forms.length - 1 }), fc.constantFrom(" ", " / ", " - "), (a, b, form, between) => {
        const write = forms[form] ?? forms[0]!;
        return findPersonalIdentifier(`masa tugas ${write(a)}${between}${write(b)}`) === null;
      }),
    );
  });
});

describe("digitsAsTyped", () => {
  it("reads every Unicode decimal digit as 0-9, on both ends of a block of ten and across adjacent blocks", () => {
    expect(digitsAsTyped("٠٩۰۹०९")).toBe("090909");
    expect(digitsAsTyped("\u{1D7CE}\u{1D7D7}\u{1D7D8}\u{1D7FF}")).toBe("0909");
  });
  it("drops invisible format characters, so a zero-width space or a soft hyphen cannot hide an NIK", () => {
    expect(digitsAsTyped("3275\u200B0101\u00AD0101\u2060 0001")).toBe("327501010101 0001");
    expect(findPersonalIdentifier("NIK 3275\u200B0101\u200B0101\u200B0001")).toBe("nik");
    expect(findPersonalIdentifier("HP 0812\u00AD3456\u00AD7890")).toBe("phone");
  });
  it("folds full-width forms, dashes and spaces, and leaves letters alone", () => {
    expect(digitsAsTyped("ＮＩＫ　３２７５－０１")).toBe("NIK 3275-01");
    expect(digitsAsTyped("a\u2013b\u2212c\u00A0d\u202Fe")).toBe("a-b-c d e");
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

describe("withoutPersonalIdentifiers, followed by another check", () => {
  it("reports PERSONAL_DATA_IN_TEXT as the one issue, so a later check cannot hide why the text was refused", () => {
    const Link = withoutPersonalIdentifiers(z.string()).refine((s) => s.startsWith("https://"), { error: "DOCUMENT_REF_INVALID" });
    expect(Link.safeParse("HP 0812-3456-7890").error?.issues.map((i) => i.message)).toEqual(["PERSONAL_DATA_IN_TEXT"]);
    expect(Link.safeParse("Arsip 12").error?.issues.map((i) => i.message)).toEqual(["DOCUMENT_REF_INVALID"]);
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
