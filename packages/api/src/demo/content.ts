/**
 * The content of one demonstration report: counts drawn around the task force's size (many small
 * counts, 0 to 4, in small regencies, so suppression shows), budget lines by source, meetings,
 * activities and realisations around each item's target, a short narrative marked as demonstration
 * data. Counts only, never people. The content is built to parse by ReportContentSchema and to pass
 * `checkReport` without errors (the loader checks both).
 */
import { BUDGET_SOURCES, EXPLOITATION_FORMS, ReportContentSchema, UNITS, targetForYear } from "@gugus/domain";
import type { BudgetLine, Level, ReportContent, SubTaskForceCode, TargetMode, Unit, YearTarget } from "@gugus/domain";
import type { Random } from "./random.ts";

/** What stays the same for a task force from year to year. */
export type DemoProfile = {
  level: Level;
  /** Mean yearly victims (a small regency well under 5). */
  size: number;
  /** 0..1: how well it reports and delivers. */
  diligence: number;
  /** Its usual yearly PP-TPPO allocation, rupiah. */
  budget: number;
  /** Its region's whole yearly budget, rupiah (null for the nation). */
  regionBudget: number | null;
  /** Does its budget have a line of its own for PP-TPPO? */
  dedicatedLine: boolean;
};

/** An item a report realises: its id, unit and targets. */
export type DemoItem = { id: number; subTaskForce: SubTaskForceCode; unit: Unit; targetMode: TargetMode; targets: readonly YearTarget[] };

const COUNTRIES = ["MY", "SA", "HK", "TW", "AE", "SG", "KR", "JP"] as const;
/** How victims split by sex and age: adult women, girls, adult men, boys. */
const SEX_AGE = [0.46, 0.22, 0.22, 0.1] as const;
const FORM_SHARES: Record<(typeof EXPLOITATION_FORMS)[number], number> = {
  forced_labour: 0.42,
  sexual_exploitation: 0.24,
  domestic_servitude: 0.1,
  forced_marriage: 0.05,
  child_exploitation: 0.1,
  organ_removal: 0,
  other: 0.09,
};

const ACTIVITIES: Record<SubTaskForceCode, string[]> = {
  prevention: ["Sosialisasi pencegahan TPPO di sekolah menengah (data demo)", "Penyuluhan migrasi aman bagi calon pekerja migran (data demo)", "Kampanye pencegahan di desa asal pekerja migran (data demo)"],
  health_rehab: ["Pemeriksaan kesehatan korban di RSUD (data demo)", "Pendampingan psikologis korban (data demo)"],
  social_rehab: ["Penampungan sementara dan rehabilitasi sosial korban (data demo)", "Pendampingan reintegrasi korban ke keluarga (data demo)"],
  legal_norms: ["Rapat penyusunan rancangan peraturan daerah PP-TPPO (data demo)", "Bimbingan teknis UU 21/2007 bagi aparat desa (data demo)"],
  law_enforcement: ["Operasi bersama pencegahan pengiriman pekerja migran nonprosedural (data demo)", "Gelar perkara TPPO bersama kejaksaan (data demo)"],
  coordination: ["Rapat koordinasi gugus tugas (data demo)", "Pertemuan koordinasi dengan daerah tujuan (data demo)"],
};
const OBSTACLES = [
  "Data korban dari instansi belum terpadu; sebagian kasus dilaporkan terlambat. (Data demo, bukan data sebenarnya.)",
  "Anggaran terbatas dan pergantian pejabat menghambat kegiatan rutin. (Data demo, bukan data sebenarnya.)",
  "Koordinasi dengan daerah tujuan belum berjalan teratur. (Data demo, bukan data sebenarnya.)",
];
const RECOMMENDATIONS = [
  "Memperkuat pendataan bersama antarinstansi dan menetapkan jadwal rapat koordinasi. (Data demo.)",
  "Menyediakan mata anggaran khusus PP-TPPO dan melatih petugas layanan. (Data demo.)",
  "Memperluas kerja sama dengan daerah tujuan dan organisasi masyarakat. (Data demo.)",
];

/** Splits `total` into parts by shares (multinomial), exactly. */
function split(total: number, shares: readonly number[], random: Random): number[] {
  const out = shares.map(() => 0);
  for (let i = 0; i < total; i++) {
    let u = random.next() * shares.reduce((s, x) => s + x, 0);
    let k = 0;
    while (k < shares.length - 1 && (u -= shares[k]!) >= 0) k += 1;
    out[k]! += 1;
  }
  return out;
}

/** A count or, now and then for a careless reporter, null (not reported). */
const maybe = (value: number, random: Random, blank: number) => (random.chance(blank) ? null : value);

/** Rupiah rounded to the thousand. */
const rupiah = (x: number) => Math.round(x / 1000) * 1000;

function budgetOf(p: DemoProfile, growth: number, random: Random): ReportContent["budget"] {
  if (random.chance(0.04 + 0.18 * (1 - p.diligence))) return { lines: [], dedicatedLine: random.chance(0.5) ? null : p.dedicatedLine, regionTotalBudget: null };
  const allocation = p.budget * growth * random.between(0.7, 1.3);
  const shares: [BudgetLine["source"], number][] =
    p.level === "national" ? [["APBN", 1]] : p.level === "province" ? [["APBD", 0.75], ["APBN", 0.25]] : [["APBD", 1]];
  if (random.chance(0.12)) shares.push(["other", 0.1]);
  const lines = shares
    .filter(([, share]) => share > 0)
    .sort((a, b) => BUDGET_SOURCES.indexOf(a[0]) - BUDGET_SOURCES.indexOf(b[0]))
    .map(([source, share]): BudgetLine => {
      const allocated = rupiah(allocation * share);
      if (random.chance(0.03)) return { source, allocated, spent: rupiah(allocated * random.between(1.01, 1.1)), note: "Tambahan dari pergeseran anggaran (data demo)" };
      const spent = random.chance(0.03 * (1 - p.diligence)) ? null : rupiah(allocated * random.between(0.45 + 0.4 * p.diligence, 1));
      return { source, allocated, spent };
    });
  return {
    lines,
    dedicatedLine: random.chance(0.1) ? null : p.dedicatedLine,
    regionTotalBudget: p.regionBudget === null || random.chance(0.4) ? null : rupiah(p.regionBudget * growth * random.between(0.95, 1.05)),
  };
}

/** A realisation near the item's target for the year: mostly met, sometimes short, rarely above. */
function realised(item: DemoItem, year: number, p: DemoProfile, random: Random): number | null {
  const target = targetForYear(item, year);
  if (target === null) return null;
  if (random.chance(0.04 + 0.22 * (1 - p.diligence))) return null;
  const factor = Math.min(1.6, Math.max(0, random.between(0.25, 0.85) + 0.55 * p.diligence + random.between(-0.15, 0.15)));
  const unit = UNITS[item.unit];
  let value = target * factor;
  if (item.unit === "percent") value = Math.min(100, value);
  value = unit.whole ? Math.round(value) : Math.round(value * 10) / 10;
  return Math.max(0, value);
}

/**
 * One report's content for a year: `growth` scales money with the years (prices and budgets rise),
 * `items` are the period's items at the task force's level with a target that year.
 */
export function demoContent({ profile: p, year, growth, items }: { profile: DemoProfile; year: number; growth: number; items: readonly DemoItem[] }, random: Random): ReportContent {
  const blank = 0.02 + 0.12 * (1 - p.diligence);
  const total = random.poisson(p.size * random.between(0.7, 1.3));
  const [women, girls, men, boys] = split(total, SEX_AGE, random) as [number, number, number, number];
  const forms = split(total, EXPLOITATION_FORMS.map((f) => FORM_SHARES[f]), random);
  const abroadTotal = random.binomial(total, 0.45);
  const countries = random.shuffle(COUNTRIES).slice(0, Math.min(abroadTotal, random.int(1, 3)));
  const abroad = countries.length === 0 ? [] : split(abroadTotal, countries.map(() => 1), random).map((count, i) => ({ country: countries[i]!, count }));
  const cases = random.poisson(Math.max(0.2, total * 0.45));
  const suspects = cases + random.poisson(cases * 0.3);
  const prosecutions = random.binomial(suspects, 0.7);
  const convictions = random.binomial(prosecutions, 0.75);
  const [local, regional, international] = split(cases, [0.5, 0.3, 0.2], random) as [number, number, number];
  const activities = random
    .shuffle(Object.entries(ACTIVITIES) as [SubTaskForceCode, string[]][])
    .slice(0, random.int(2, 6))
    .map(([subTaskForce, what]) => {
      const linked = items.filter((i) => i.subTaskForce === subTaskForce);
      const month = String(random.int(1, 12)).padStart(2, "0");
      const day = String(random.int(1, 28)).padStart(2, "0");
      return { subTaskForce, what: random.pick(what), date: random.chance(0.8) ? `${year}-${month}-${day}` : null, actionItemId: linked.length > 0 && random.chance(0.6) ? random.pick(linked).id : null };
    });
  return ReportContentSchema.parse({
    activities,
    realisations: items.map((item) => ({ actionItemId: item.id, value: realised(item, year, p, random) })),
    victims: {
      total: maybe(total, random, blank / 2),
      women: maybe(women, random, blank),
      girls: maybe(girls, random, blank),
      men: maybe(men, random, blank),
      boys: maybe(boys, random, blank),
      exploitation: Object.fromEntries(EXPLOITATION_FORMS.map((f, i) => [f, maybe(forms[i]!, random, blank)])),
      domestic: maybe(total - abroadTotal, random, blank),
      abroad,
    },
    lawEnforcement: { casesReported: maybe(cases, random, blank), suspects: maybe(suspects, random, blank), prosecutions: maybe(prosecutions, random, blank), convictions: maybe(convictions, random, blank) },
    services: {
      healthRehabilitation: maybe(random.binomial(total, 0.55), random, blank),
      socialRehabilitation: maybe(random.binomial(total, 0.6), random, blank),
      repatriation: maybe(random.binomial(abroadTotal, 0.8), random, blank),
      reintegration: maybe(random.binomial(total, 0.4), random, blank),
    },
    networkScope: { local: maybe(local, random, blank), regional: maybe(regional, random, blank), international: maybe(international, random, blank) },
    prevention: {
      trainings: maybe(random.poisson(1 + 4 * p.diligence), random, blank),
      communityGroups: maybe(random.poisson(0.5 + 3 * p.diligence), random, blank),
      regulations: maybe(random.binomial(2, 0.15), random, blank),
      agreements: maybe(random.poisson(0.4), random, blank),
    },
    coordination: { meetings: maybe(random.poisson(1.5 + 8 * p.diligence), random, blank / 2) },
    budget: budgetOf(p, growth, random),
    narrative: {
      obstacles: random.chance(0.2 * (1 - p.diligence)) ? "" : random.pick(OBSTACLES),
      recommendations: random.chance(0.3 * (1 - p.diligence)) ? "" : random.pick(RECOMMENDATIONS),
    },
  });
}

/** A variant of a content as first submitted before a return: the reviewer asked for the meetings and victims to be checked. */
export function contentBeforeReturn(content: ReportContent, random: Random): ReportContent {
  const meetings = content.coordination.meetings;
  return { ...content, coordination: { meetings: meetings === null ? random.int(0, 3) : meetings + random.int(1, 3) } };
}
