import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { digitsAsTyped, findPersonalIdentifier, PERSONAL_DATA_IN_TEXT, withoutPersonalIdentifiers } from "./privacy.ts";

/**
 * The edges of privacy.ts's rules, one case each (many found by mutation testing, MUTATION.md):
 * what the rule reads as an NIK ("nik") or a mobile number ("phone"), and what it leaves alone (null).
 */
const find = findPersonalIdentifier;

describe("an NIK grouped where its fields meet", () => {
  it("refuses sixteen digits in a row even when digits 9–10 are no month", () => {
    expect(find("nomor 1234567890123456")).toBe("nik");
  });
  it("refuses 4-4-4-4 with one separator even when digits 9–10 are no month", () => {
    expect(find("1234 5678 9012 3456")).toBe("nik");
  });
  it("refuses 6-6-4 with one separator even when digits 9–10 are no month", () => {
    expect(find("123456-789012-3456")).toBe("nik");
  });
  it("allows 4-4-4-4 with mixed separators when digits 9–10 are no month", () => {
    expect(find("1234 5678-9012 3456")).toBeNull();
  });
  it("allows a grouping of field ends other than 4-4-4-4 or 6-6-4 when digits 9–10 are no month", () => {
    expect(find("kode 1234 56 78 9012 3456")).toBeNull();
  });
  it("refuses a 6-4-6 grouping whose digits 9–10 are month 01", () => {
    expect(find("327501 0101 010001")).toBe("nik");
  });
  it("refuses a 6-4-6 grouping whose digits 9–10 are month 12", () => {
    expect(find("327501 0112 010001")).toBe("nik");
  });
  it("allows a 6-4-6 grouping whose digits 9–10 are month 13", () => {
    expect(find("327501 0113 010001")).toBeNull();
  });
  it("allows a 6-4-6 grouping whose digits 9–10 are month 00", () => {
    expect(find("327501 0100 010001")).toBeNull();
  });
  it("allows sixteen digits cut inside an NIK field, even with a birth month as digits 9–10", () => {
    expect(find("kode 3275 010 10101 0001")).toBeNull();
  });
  it("refuses an NIK that follows another group in the same run", () => {
    expect(find("RT 12 3275 0101 0101 0001")).toBe("nik");
    expect(find("12 327501 0101 010001")).toBe("nik");
  });
  it("refuses an NIK that a further group follows in the same run", () => {
    expect(find("327501 0101 010001 12")).toBe("nik");
  });
  it("refuses an NIK in the second run of a text", () => {
    expect(find("Perda 12 Tahun 2016, korban 327501 0101 010001")).toBe("nik");
  });
  it("refuses an NIK split by a soft hyphen or a zero-width space", () => {
    expect(find("NIK 3275\u00AD0101\u00AD0101\u00AD0001")).toBe("nik");
    expect(find("NIK 327501\u200B0101\u200B010001")).toBe("nik");
  });
});

describe("dates side by side are not an NIK", () => {
  it("allows YYYY-MM-DD followed by DD-MM-YYYY", () => {
    expect(find("masa tugas 2017-04-10 11-05-2018")).toBeNull();
  });
  it("allows YYYYMMDD followed by DDMMYYYY", () => {
    expect(find("tanggal 20170410 11052018")).toBeNull();
  });
  it("allows DDMMYYYY followed by DDMMYYYY", () => {
    expect(find("tanggal 10042017 11052018")).toBeNull();
  });
  it("allows the first and last years read as dates, 1900 and 2099, day 31 and month 12", () => {
    expect(find("masa tugas 31-12-1900 05-01-2099")).toBeNull();
  });
  it("allows day 01", () => {
    expect(find("masa tugas 01-02-2000 05-03-2001")).toBeNull();
  });
  it("refuses as an NIK what reads as a date only with year 1899, day 32, day 00, month 13 or month 00", () => {
    expect(find("masa tugas 31-12-1899 05-01-2000")).toBe("nik");
    expect(find("masa tugas 32-12-1990 05-01-2000")).toBe("nik");
    expect(find("masa tugas 00-12-1990 05-01-2000")).toBe("nik");
    expect(find("masa tugas 10-13-1990 05-01-2000")).toBe("nik");
    expect(find("masa tugas 10-00-1990 05-01-2000")).toBe("nik");
    expect(find("masa tugas 10-10-1990 05-01-2100")).toBe("nik");
  });
  it("refuses as an NIK a date followed by digits that are no date", () => {
    expect(find("10-04-2017 11-05-9999")).toBe("nik");
    expect(find("20170410 11059999")).toBe("nik");
  });
});

describe("dates written in one group of eight", () => {
  it("allows a YYYYMMDD date of year 2099 followed by another date", () => {
    expect(find("tanggal 20991231 05012000")).toBeNull();
  });
  it("allows a DDMMYYYY date of day 31 followed by another date", () => {
    expect(find("tanggal 31122000 05012001")).toBeNull();
  });
  it("refuses as an NIK a YYYYMMDD group with day 32 followed by a date", () => {
    expect(find("tanggal 20170132 05012000")).toBe("nik");
  });
});

describe("an NIK with its district left out, 4-6-4", () => {
  it.each(["010199", "310199", "410199", "710199", "011299", "010199"])("refuses a birth date %s as the middle group", (middle) => {
    expect(find(`NIK 3275 ${middle} 0001`)).toBe("nik");
  });
  it.each(["000199", "320199", "400199", "720199", "011399", "010099"])("allows a middle group %s that is no birth date", (middle) => {
    expect(find(`NIK 3275 ${middle} 0001`)).toBeNull();
  });
  it("allows a birth date between groups of other lengths", () => {
    expect(find("kode 327 010199 0001")).toBeNull();
    expect(find("kode 3275 010199 00011")).toBeNull();
  });
  it("refuses a 4-6-4 NIK after other groups in the same run", () => {
    expect(find("RT 12 3275 010199 0001")).toBe("nik");
    expect(find("RT 123 3275 010199 0001")).toBe("nik");
  });
});

describe("a mobile number", () => {
  it("refuses 08 with 9 digits in all and allows 8", () => {
    expect(find("HP 081234567")).toBe("phone");
    expect(find("HP 08123456")).toBeNull();
  });
  it("refuses 08 with 13 digits in all and allows 14", () => {
    expect(find("HP 0812345678901")).toBe("phone");
    expect(find("HP 08123456789012")).toBeNull();
  });
  it("refuses 628 with 10 digits in all and allows 9", () => {
    expect(find("HP 6281234567")).toBe("phone");
    expect(find("HP 628123456")).toBeNull();
  });
  it("refuses 628 with 14 digits in all and allows 15", () => {
    expect(find("HP 62812345678901")).toBe("phone");
    expect(find("HP 628123456789012")).toBeNull();
  });
  it("refuses a number that starts after a space or a parenthesis inside a run", () => {
    expect(find("kode 12 0812 3456 789")).toBe("phone");
    expect(find("kode 12(0812)3456789")).toBe("phone");
  });
  it("allows a number that starts after a dot or a dash inside a run", () => {
    expect(find("kode 12.0812.3456.789")).toBeNull();
    expect(find("kode 12-0812-3456-789")).toBeNull();
  });
  it("allows 07… or 09…, and 627… or 629…", () => {
    expect(find("HP 071234567890")).toBeNull();
    expect(find("HP 091234567890")).toBeNull();
    expect(find("HP 6271234567890")).toBeNull();
  });
  it("refuses a number whose groups are cut anywhere before it reaches its length", () => {
    expect(find("HP 0 8 1 2 3 4 5 6 7")).toBe("phone");
  });
  it("stops a number at a slash", () => {
    expect(find("SK 0812/3456/789")).toBeNull();
  });
  it("refuses a number after a slash-cut group in the same run", () => {
    expect(find("SK 12/3 081234567")).toBe("phone");
  });
  it("allows a rupiah amount whose groups look like a phone number", () => {
    expect(find("Rp 628.123.456.789")).toBeNull();
    expect(find("Rp 62.812.345.678")).toBeNull();
  });
  it("refuses a 628 number grouped by threes with spaces or dashes, which is no rupiah amount", () => {
    expect(find("628 123 456 789")).toBe("phone");
    expect(find("62-812-345-678")).toBe("phone");
  });
  it("refuses a number grouped like thousands after a plus: +628.123.456.789", () => {
    expect(find("HP +628.123.456.789")).toBe("phone");
    expect(find("HP +(628)123.456.789")).toBe("phone");
  });
  it("refuses dot-grouped digits whose first group is four digits or starts with 0, which is no rupiah amount", () => {
    expect(find("nomor 0812.345.678")).toBe("phone");
    expect(find("nomor 6281.234.567")).toBe("phone");
  });
  it("refuses a number that starts after a slash and a parenthesis", () => {
    expect(find("nomor 12/(0812) 3456-789")).toBe("phone");
  });
  it("refuses dot-grouped digits whose last group is four digits, which is no rupiah amount", () => {
    expect(find("HP 62.812.345.6789")).toBe("phone");
    expect(find("HP 628.123.4567")).toBe("phone");
  });
  it("refuses dot-grouped digits of three whose first group starts with 0", () => {
    expect(find("HP 081.234.567")).toBe("phone");
  });
  it("refuses a number whose first groups only look like a day, a month and a year", () => {
    expect(find("HP 08 06 20 1234567")).toBe("phone");
    expect(find("HP 0812 06 1986")).toBe("phone");
    expect(find("HP 08 0612 1986")).toBe("phone");
  });
  it("allows a rupiah amount after a count in the same run", () => {
    expect(find("Dana tahap 2 628.123.456.789")).toBeNull();
  });
  it("refuses a number grouped like thousands right after a plus and a parenthesis", () => {
    expect(find("HP +(628.123.456.789)")).toBe("phone");
  });
  it("does not start a number at a date written in three groups", () => {
    expect(find("masa tugas 08-06-1986 0123")).toBeNull();
  });
  it("refuses a number after a date in the same run", () => {
    expect(find("tanggal 10-04-2017 081234567890")).toBe("phone");
  });
  it("refuses a number written with a plus after a word", () => {
    expect(find("HP+62 812 3456 7890")).toBe("phone");
    expect(find("HP +(62) 812.345.678")).toBe("phone");
  });
});

describe("digitsAsTyped edges", () => {
  it("reads each digit of Arabic-Indic and Devanagari as its value", () => {
    expect(digitsAsTyped("٠١٢٣٤٥٦٧٨٩")).toBe("0123456789");
    expect(digitsAsTyped("१२३")).toBe("123");
  });
  it("reads the mathematical digits of the fourth and fifth blocks", () => {
    expect(digitsAsTyped("\u{1D7EC}\u{1D7F6}\u{1D7FB}")).toBe("005");
  });
  it("keeps ASCII digits and letters as typed", () => {
    expect(digitsAsTyped("NIK 0123456789")).toBe("NIK 0123456789");
  });
  it("reads tabs and line breaks as spaces, and a minus sign as a dash", () => {
    expect(digitsAsTyped("a\tb\nc\u2212d")).toBe("a b c-d");
  });
});

describe("withoutPersonalIdentifiers edges", () => {
  const Office = withoutPersonalIdentifiers(z.string());
  it("refuses with PERSONAL_DATA_IN_TEXT, and takes text without an identifier", () => {
    expect(Office.safeParse("HP 081234567890").error?.issues.map((i) => i.message)).toEqual([PERSONAL_DATA_IN_TEXT]);
    expect(Office.safeParse("Kepala Dinas").success).toBe(true);
    expect(Office.parse("Kepala Dinas")).toBe("Kepala Dinas");
  });
});

describe("the quick reading of plain ASCII", () => {
  // The full reading, as for any text: NFKC, Unicode digits, invisible characters, dashes and spaces.
  const fullReading = (text: string) =>
    text
      .normalize("NFKC")
      .replace(/\p{Cf}/gu, "")
      .replace(/[\p{Pd}\u2212]/gu, "-")
      .replace(/[\p{Zs}\s]/gu, " ");

  it("reads ASCII text exactly as the full reading does, control characters included", () => {
    fc.assert(fc.property(fc.string({ unit: "binary-ascii", maxLength: 60 }), (text) => digitsAsTyped(text) === fullReading(text)));
  });

  it("finds nothing in ASCII text without a digit, and still finds an NIK once digits come in", () => {
    fc.assert(fc.property(fc.string({ unit: "binary-ascii", maxLength: 60 }).map((t) => t.replace(/[0-9]/g, "")), (text) => find(text) === null));
    expect(find("NIK 3275014107900001 tercatat")).toBe("nik");
  });

  it("does not take the quick path for a full-width digit or a symbol that folds into digits", () => {
    expect(find("３２７５０１４１０７９００００１")).toBe("nik");
    expect(digitsAsTyped("㋀")).toBe("1月");
  });
});
