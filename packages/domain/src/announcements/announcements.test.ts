import { describe, expect, it } from "vitest";
import { AnnouncementBodySchema, AnnouncementSchema, AnnouncementTitleSchema, announcementProvinceOf, announcementReaches, announcementStateAt, checkAnnouncementShowUntil, normalizeAnnouncementBody } from "./announcements.ts";

const base = { titleId: "Rapat koordinasi nasional", titleEn: "National coordination meeting", bodyId: "Rapat diadakan pada 10 Desember.", bodyEn: "The meeting is on 10 December." };
const issues = (input: unknown) => {
  const r = AnnouncementSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
};

describe("an announcement's fields", () => {
  it("accepts both languages with no audience and no end, reading them as everyone and until withdrawn", () => {
    expect(AnnouncementSchema.parse(base)).toEqual({ ...base, provinceCode: null, showUntil: null });
  });

  it("requires the title and the text in Indonesian and in English", () => {
    expect(issues({ ...base, titleEn: "" })).toEqual(["titleEn:FIELD_REQUIRED"]);
    expect(issues({ ...base, bodyId: "   " })).toEqual(["bodyId:FIELD_REQUIRED"]);
    const { bodyEn: _dropped, ...noEnglish } = base;
    expect(issues(noEnglish)).toEqual(["bodyEn:FIELD_REQUIRED"]);
  });

  it("refuses a title of 2 or 121 characters and a text over 2,000", () => {
    expect(AnnouncementTitleSchema.safeParse("ab").error?.issues[0]?.message).toBe("ANNOUNCEMENT_TITLE_INVALID");
    expect(AnnouncementTitleSchema.safeParse("a".repeat(121)).error?.issues[0]?.message).toBe("ANNOUNCEMENT_TITLE_INVALID");
    expect(AnnouncementTitleSchema.safeParse("a".repeat(120)).success).toBe(true);
    expect(AnnouncementBodySchema.safeParse("a".repeat(2001)).error?.issues[0]?.message).toBe("ANNOUNCEMENT_BODY_INVALID");
    expect(AnnouncementBodySchema.safeParse("a".repeat(2000)).success).toBe(true);
  });

  it("refuses an NIK or a phone number in a title or a text, in either language", () => {
    expect(issues({ ...base, bodyEn: "Call 0812-3456-7890 for details." })).toEqual(["bodyEn:PERSONAL_DATA_IN_TEXT"]);
    expect(issues({ ...base, titleId: "Korban 3275010101010001" })).toEqual(["titleId:PERSONAL_DATA_IN_TEXT"]);
  });

  it("keeps the text's paragraphs and reads other control characters as spaces", () => {
    expect(normalizeAnnouncementBody("Satu\r\n\r\n\r\n\r\nDua\u0000tiga  \nEmpat\t")).toBe("Satu\n\nDua tiga\nEmpat");
    expect(AnnouncementBodySchema.parse("  Baris satu\nBaris dua  ")).toBe("Baris satu\nBaris dua");
  });

  it("reads a title's line break as a space", () => {
    expect(AnnouncementTitleSchema.parse("Rapat\nnasional")).toBe("Rapat nasional");
  });

  it("takes a province's code as the audience, and refuses a regency's, an unknown or a malformed one", () => {
    expect(AnnouncementSchema.parse({ ...base, provinceCode: "32" }).provinceCode).toBe("32");
    for (const code of ["32.75", "00", "3", "ab", ""]) expect(issues({ ...base, provinceCode: code })).toEqual(["provinceCode:ANNOUNCEMENT_AUDIENCE_INVALID"]);
  });

  it("takes a real date as its last day and refuses 2026-02-29", () => {
    expect(AnnouncementSchema.parse({ ...base, showUntil: "2026-12-31" }).showUntil).toBe("2026-12-31");
    expect(issues({ ...base, showUntil: "2026-02-29" })).toEqual(["showUntil:DATE_INVALID"]);
  });

  it("refuses fields it does not know", () => {
    expect(issues({ ...base, createdBy: 1 })[0]).toMatch(/VALIDATION|Unrecognized|unrecognized/);
  });
});

describe("checkAnnouncementShowUntil", () => {
  it("allows today and later, refuses yesterday, allows none", () => {
    expect(checkAnnouncementShowUntil("2026-12-01", "2026-12-01")).toBeNull();
    expect(checkAnnouncementShowUntil(null, "2026-12-01")).toBeNull();
    expect(checkAnnouncementShowUntil("2026-11-30", "2026-12-01")).toBe("ANNOUNCEMENT_SHOW_UNTIL_PAST");
  });
});

describe("who an announcement reaches", () => {
  const bekasi = { level: "regency", regionCode: "32.75" } as const;
  const jabar = { level: "province", regionCode: "32" } as const;
  const semarang = { level: "regency", regionCode: "33.74" } as const;
  const nation = { level: "national", regionCode: null } as const;

  it("reaches every task force when it goes to everyone", () => {
    for (const p of [bekasi, jabar, semarang, nation]) expect(announcementReaches({ provinceCode: null }, p)).toBe(true);
  });

  it("reaches a province and its regencies/cities, not another province's nor the nation", () => {
    expect(announcementReaches({ provinceCode: "32" }, jabar)).toBe(true);
    expect(announcementReaches({ provinceCode: "32" }, bekasi)).toBe(true);
    expect(announcementReaches({ provinceCode: "32" }, semarang)).toBe(false);
    expect(announcementReaches({ provinceCode: "32" }, nation)).toBe(false);
  });

  it("takes a regency's province from its parent", () => {
    expect(announcementProvinceOf(bekasi)).toBe("32");
    expect(announcementProvinceOf(nation)).toBeNull();
  });
});

describe("announcementStateAt", () => {
  it("is shown through its last day, ended the day after, withdrawn once withdrawn", () => {
    expect(announcementStateAt({ showUntil: "2026-12-10", withdrawnAt: null }, "2026-12-10")).toBe("shown");
    expect(announcementStateAt({ showUntil: "2026-12-10", withdrawnAt: null }, "2026-12-11")).toBe("ended");
    expect(announcementStateAt({ showUntil: null, withdrawnAt: null }, "2099-01-01")).toBe("shown");
    expect(announcementStateAt({ showUntil: null, withdrawnAt: 1 }, "2026-12-01")).toBe("withdrawn");
  });
});
