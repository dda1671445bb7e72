/**
 * Demonstration action items: two per sub-task-force and level, with a target for every year of the
 * period, in units an action plan uses (activities, people trained, villages, documents, percent).
 * Every title starts with "[DEMO]". Each item passes the domain's item rules (`checkActionItem`).
 */
import { SUB_TASK_FORCE_CODES, checkActionItem } from "@gugus/domain";
import type { ActionItem, Level, SubTaskForceCode, TargetMode, Unit } from "@gugus/domain";
import { toRoman } from "@gugus/domain/ran/numerals";
import type { Random } from "./random.ts";

type Template = { programme: string; activity: string; indicator: string; unit: Unit; targetMode: TargetMode; lead: string; related: string[]; base: number };

/** What each sub-task-force's two items are about; `base` is a regency's yearly figure (a province's is twice, the nation's five times). */
const TEMPLATES: Record<SubTaskForceCode, [Template, Template]> = {
  prevention: [
    { programme: "Pencegahan TPPO", activity: "Sosialisasi pencegahan TPPO di sekolah dan desa", indicator: "Jumlah kegiatan sosialisasi", unit: "activities", targetMode: "per_year", lead: "Dinas PPPA", related: ["Dinas Pendidikan"], base: 6 },
    { programme: "Partisipasi masyarakat", activity: "Pembentukan desa/kelurahan peduli pencegahan TPPO", indicator: "Jumlah desa/kelurahan dengan kelompok masyarakat peduli", unit: "regions", targetMode: "cumulative", lead: "Dinas PMD", related: ["Dinas PPPA"], base: 3 },
  ],
  health_rehab: [
    { programme: "Rehabilitasi kesehatan", activity: "Layanan kesehatan bagi korban TPPO", indicator: "Persentase korban yang mendapat layanan kesehatan", unit: "percent", targetMode: "per_year", lead: "Dinas Kesehatan", related: ["RSUD"], base: 80 },
    { programme: "Kapasitas layanan", activity: "Pelatihan tenaga kesehatan dalam penanganan korban", indicator: "Jumlah tenaga kesehatan terlatih", unit: "people", targetMode: "per_year", lead: "Dinas Kesehatan", related: [], base: 15 },
  ],
  social_rehab: [
    { programme: "Rehabilitasi sosial", activity: "Rehabilitasi sosial dan reintegrasi korban", indicator: "Persentase korban yang direhabilitasi dan direintegrasi", unit: "percent", targetMode: "per_year", lead: "Dinas Sosial", related: ["Dinas PPPA"], base: 75 },
    { programme: "Pemberdayaan", activity: "Pelatihan keterampilan bagi korban dan keluarganya", indicator: "Jumlah peserta pelatihan keterampilan", unit: "people", targetMode: "per_year", lead: "Dinas Tenaga Kerja", related: ["Dinas Sosial"], base: 10 },
  ],
  legal_norms: [
    { programme: "Norma hukum", activity: "Penyusunan peraturan daerah dan kebijakan PP-TPPO", indicator: "Jumlah regulasi yang ditetapkan (kumulatif)", unit: "documents", targetMode: "cumulative", lead: "Bagian Hukum", related: ["DPRD"], base: 1 },
    { programme: "Pemahaman hukum", activity: "Bimbingan teknis UU 21/2007 bagi aparat", indicator: "Jumlah aparat yang mengikuti bimbingan teknis", unit: "people", targetMode: "per_year", lead: "Bagian Hukum", related: ["Kejaksaan Negeri"], base: 20 },
  ],
  law_enforcement: [
    { programme: "Penegakan hukum", activity: "Penanganan perkara TPPO sampai tahap penuntutan", indicator: "Jumlah perkara yang dilimpahkan ke penuntutan", unit: "count", targetMode: "per_year", lead: "Kepolisian Resor", related: ["Kejaksaan Negeri"], base: 2 },
    { programme: "Kapasitas penegak hukum", activity: "Pelatihan penyidik dan penuntut perkara TPPO", indicator: "Jumlah penyidik dan penuntut terlatih", unit: "people", targetMode: "per_year", lead: "Kepolisian Resor", related: ["Kejaksaan Negeri"], base: 8 },
  ],
  coordination: [
    { programme: "Koordinasi", activity: "Rapat koordinasi gugus tugas", indicator: "Jumlah rapat koordinasi", unit: "activities", targetMode: "per_year", lead: "Bappeda", related: ["Dinas PPPA"], base: 4 },
    { programme: "Kerja sama", activity: "Nota kesepahaman dengan daerah tujuan dan mitra", indicator: "Jumlah kesepakatan kerja sama (kumulatif)", unit: "documents", targetMode: "cumulative", lead: "Bagian Kerja Sama", related: ["Dinas Tenaga Kerja"], base: 1 },
  ],
};

const LEVEL_LETTER: Record<Level, string> = { national: "N", province: "P", regency: "K" };
const LEVEL_SCALE: Record<Level, number> = { national: 5, province: 2, regency: 1 };
/** The nation's lead agencies are ministries; the regions' are regional offices. */
const NATIONAL_LEAD: Record<SubTaskForceCode, string> = {
  prevention: "Kementerian PPPA",
  health_rehab: "Kementerian Kesehatan",
  social_rehab: "Kementerian Sosial",
  legal_norms: "Kementerian Hukum",
  law_enforcement: "Kepolisian Negara RI",
  coordination: "Kemenko PMK",
};

/** A year's target: a per-year figure growing slowly over the period; a cumulative one rising from a small start. */
function targetsOf(t: Template, level: Level, years: readonly number[], random: Random): { year: number; value: number }[] {
  const scale = LEVEL_SCALE[level];
  if (t.unit === "percent") {
    const start = Math.min(95, t.base + random.int(-10, 5));
    return years.map((year, i) => ({ year, value: Math.min(100, start + i * 2) }));
  }
  if (t.targetMode === "cumulative") {
    const step = Math.max(1, Math.round(t.base * scale * random.between(0.7, 1.3)));
    let reached = 0;
    return years.map((year, i) => {
      // Documents come one every other year at a regency; villages every year.
      reached += t.unit === "documents" && level === "regency" ? i % 2 : step;
      return { year, value: reached };
    });
  }
  const first = Math.max(1, Math.round(t.base * scale * random.between(0.8, 1.2)));
  return years.map((year, i) => ({ year, value: first + Math.floor((i * first) / 10) }));
}

/** The demonstration items of one period at one level, valid by the domain's item rules. */
export function demoItemsFor({ periodNumber, firstYear, lastYear, level }: { periodNumber: number; firstYear: number; lastYear: number; level: Level }, random: Random): ActionItem[] {
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
  const items: ActionItem[] = [];
  SUB_TASK_FORCE_CODES.forEach((subTaskForce, s) => {
    TEMPLATES[subTaskForce].forEach((t, k) => {
      const item: ActionItem = {
        subTaskForce,
        code: `${toRoman(periodNumber)}.${LEVEL_LETTER[level]}${s + 1}.${k + 1}`,
        programme: t.programme,
        activity: `[DEMO] ${t.activity}`,
        indicator: t.indicator,
        unit: t.unit,
        baseline: null,
        targetMode: t.targetMode,
        // An action plan holds at most 20 yearly targets: a longer (synthetic) period keeps its last 20.
        targets: targetsOf(t, level, years.slice(-20), random),
        leadAgency: level === "national" ? NATIONAL_LEAD[subTaskForce] : t.lead,
        relatedAgencies: t.related,
        level,
        followsItemId: null,
      };
      const problems = checkActionItem(item, { firstYear, lastYear });
      if (problems.length > 0) throw new Error(`demo item ${item.code} breaks the item rules: ${problems.map((p) => `${p.path} ${p.code}`).join(", ")}`);
      items.push(item);
    });
  });
  return items;
}
