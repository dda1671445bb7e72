import { describe, expect, it } from "vitest";
import { nationalFixture } from "./evaluation-file.fixture.ts";
import { writeEvaluationPdf } from "./evaluation-pdf.ts";

/** The Windows-1252 characters of the standard fonts that Latin-1 reads as control characters. */
const WIN_ANSI: Record<string, string> = { "\x96": "–", "\x97": "—", "\x95": "•" };

/** The text of an uncompressed pdfkit file, a string per drawn line (pdfkit writes each as a TJ array of hex strings). */
function linesOf(pdf: Buffer): string[] {
  const raw = pdf.toString("latin1");
  return [...raw.matchAll(/\[((?:<[0-9a-f]*>\s*-?[\d.]*\s*)+)\]\s*TJ/gi)].map((m) =>
    [...m[1]!.matchAll(/<([0-9a-f]*)>/gi)]
      .map((h) => Buffer.from(h[1]!, "hex").toString("latin1"))
      .join("")
      .replace(/[\x95-\x97]/g, (c) => WIN_ANSI[c] ?? c),
  );
}

const pageCount = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;

describe("writeEvaluationPdf", () => {
  it("writes an A4 national summary whose text heads every part in English, each figure captioned with its time and coverage", async () => {
    const pdf = await writeEvaluationPdf(nationalFixture(), "en", { compress: false });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.toString("latin1")).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const lines = linesOf(pdf);
    expect(lines).toContain("National summary");
    for (const heading of ["Coverage", "Reporting rate", "Budget commitment", "Distribution of total scores", "Median of each part", "Delivery by sub-task-force", "Provinces", "Method"]) expect(lines).toContain(heading);
    expect(lines).toContain("As of 2026-02-01 10:00 WIB · covers 7 task forces");
    expect(lines).toContain("As of 2026-02-01 10:00 WIB · covers 4 task forces");
    expect(lines.some((l) => l.includes("RAN period 3") && l.includes("Not yet published"))).toBe(true);
    expect(lines).toContain("83.3%");
    expect(lines).toContain("2,250,000,000");
    expect(lines).not.toContain("Cakupan");
  });

  it("draws the distribution and the profiles as vector bars with their numbers as text", async () => {
    const pdf = await writeEvaluationPdf(nationalFixture(), "en", { compress: false });
    const lines = linesOf(pdf);
    for (const bin of ["0–10", "50–60", "90–100"]) expect(lines).toContain(bin);
    expect(lines).toContain("Total score");
    expect(lines).toContain("I. Prevention and child participation");
    expect(lines).toContain("No data yet. (n=0)");
    expect(lines).toContain("100 (n=5)");
    expect(lines).toContain("Delivery (40%)");
    const rectangles = pdf.toString("latin1").match(/ re\b/g)?.length ?? 0;
    expect(rectangles).toBeGreaterThan(5 + 4 * 2 + 6 * 2);
  });

  it("writes the same summary in Indonesian, numbers as Indonesian writes them, the provinces with their regencies' median", async () => {
    const pdf = await writeEvaluationPdf(nationalFixture(), "id", { compress: false });
    const lines = linesOf(pdf);
    for (const heading of ["Ringkasan nasional", "Cakupan", "Tingkat pelaporan", "Komitmen anggaran", "Sebaran nilai total", "Pelaksanaan per sub gugus tugas", "Provinsi", "Metode penilaian"]) expect(lines).toContain(heading);
    expect(lines).toContain("Keadaan per 2026-02-01 10:00 WIB · mencakup 7 gugus tugas");
    expect(lines).toContain("2.250.000.000");
    expect(lines).toContain("83,3%");
    expect(lines).toContain("Jawa Barat");
    expect(lines).toContain("58,3");
    expect(lines).toContain("tidak dilaporkan");
    expect(lines).not.toContain("Coverage");
    expect(lines.indexOf("Metode penilaian")).toBeGreaterThan(lines.indexOf("Provinsi"));
    const pages = pageCount(pdf);
    for (let n = 1; n <= pages; n++) expect(lines).toContain(`${n}/${pages}`);
  });

  it("names a subtree's summary after the caller's task force rather than the country", async () => {
    const data = { ...nationalFixture(), subtree: { name: "Jawa Barat", regionCode: "32" } };
    const lines = linesOf(await writeEvaluationPdf(data, "en", { compress: false }));
    expect(lines).toContain("Summary: Jawa Barat");
    expect(lines).not.toContain("National summary");
  });

  it("compresses by default", async () => {
    const pdf = await writeEvaluationPdf(nationalFixture(), "en");
    expect(pdf.toString("latin1")).toContain("/FlateDecode");
  });
});
