import { describe, expect, it } from "vitest";
import { reportFileFixture } from "./report-file.fixture.ts";
import { pdfText, writeReportPdf } from "./report-pdf.ts";

/** The text of an uncompressed pdfkit file, a string per drawn line (pdfkit writes each as a TJ array of hex strings). */
function linesOf(pdf: Buffer): string[] {
  const raw = pdf.toString("latin1");
  return [...raw.matchAll(/\[((?:<[0-9a-f]*>\s*-?[\d.]*\s*)+)\]\s*TJ/gi)].map((m) =>
    [...m[1]!.matchAll(/<([0-9a-f]*)>/gi)].map((h) => Buffer.from(h[1]!, "hex").toString("latin1")).join(""),
  );
}

const pageCount = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;

describe("writeReportPdf", () => {
  it("writes a PDF of at least a page whose text names the task force and heads its sections in English", async () => {
    const pdf = await writeReportPdf(reportFileFixture(), "en", { compress: false });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
    const lines = linesOf(pdf);
    expect(lines).toContain("Gugus Tugas PP-TPPO Kota Bekasi");
    for (const heading of ["Activities", "Action item results", "Victims", "Law enforcement", "Budget", "Obstacles and recommendations", "Status and approval history"]) expect(lines).toContain(heading);
    expect(lines).not.toContain("Penegakan hukum");
  });

  it("writes the same report in Indonesian, with blanks as 'tidak dilaporkan', labels rather than codes, and the history at the end", async () => {
    const lines = linesOf(await writeReportPdf(reportFileFixture(), "id", { compress: false }));
    expect(lines).toContain("Gugus Tugas PP-TPPO Kota Bekasi");
    expect(lines).toContain("Penegakan hukum");
    expect(lines).not.toContain("Law enforcement");
    expect(lines).toContain("tidak dilaporkan");
    expect(lines).toContain("I. Pencegahan dan Partisipasi Anak");
    expect(lines).toContain("Luar negeri: Malaysia (MY)");
    expect(lines).toContain("Dikembalikan");
    expect(lines).toContain("=Lengkapi data korban");
    expect(lines).toContain("50%");
    expect(lines).toContain("150.000.000");
    expect(lines.indexOf("Status dan riwayat persetujuan")).toBeGreaterThan(lines.indexOf("Kendala dan rekomendasi"));
    expect(lines).not.toContain("law_enforcement");
  });

  it("numbers every page n/total, repeating a long table over several pages", async () => {
    const base = reportFileFixture();
    const activities = Array.from({ length: 200 }, (_, i) => ({ subTaskForce: "coordination" as const, what: `Rapat koordinasi ke-${i + 1} bersama dinas terkait`, date: "2025-05-01", actionItemId: null }));
    const pdf = await writeReportPdf({ ...base, content: { ...base.content, activities } }, "en", { compress: false });
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThan(3);
    const lines = linesOf(pdf);
    for (let n = 1; n <= pages; n++) expect(lines).toContain(`${n}/${pages}`);
    expect(lines.filter((l) => l === "Activity carried out").length).toBeGreaterThan(1);
  });

  it("compresses by default", async () => {
    const pdf = await writeReportPdf(reportFileFixture(), "en");
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.toString("latin1")).toContain("/FlateDecode");
  });
});

describe("pdfText", () => {
  it("keeps what the standard fonts draw and reduces the rest to a plain letter or '?'", () => {
    expect(pdfText("Rp 1.500 – “Sulawesi” é")).toBe("Rp 1.500 – “Sulawesi” é");
    expect(pdfText("Kaş\tţ")).toBe("Kas t");
    expect(pdfText("中文 ≥ 😀")).toBe("?? ? ?");
  });
});
