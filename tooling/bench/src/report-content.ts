/**
 * A full yearly report as a regency's task force sends it: every count filled, five activities for
 * each of the six sub-task-forces, a realisation for each action item, three budget lines and two
 * narratives of about 2 KB. Deterministic (a seeded generator), and free of errors against items
 * made by {@link benchItems}, so the checks run their whole course and report nothing to block it.
 */
import { BUDGET_SOURCES, EXPLOITATION_FORMS, ReportContentSchema, SUB_TASK_FORCE_CODES, createRandom } from "@gugus/domain";
import type { ActionItem, ReportContent, Unit } from "@gugus/domain";

/** The domain's small seeded generator (mulberry32): the same figures on every run. */
export const seeded = createRandom;

const SENTENCES = [
  "Keterbatasan anggaran daerah membuat rumah aman hanya dapat menampung korban dalam jumlah terbatas.",
  "Koordinasi dengan kepolisian resor berjalan baik, tetapi pertukaran data kasus masih dilakukan secara manual.",
  "Sebagian besar korban direkrut melalui media sosial dengan janji pekerjaan di luar negeri.",
  "Pelatihan bagi aparat desa tentang modus perekrutan perlu diperluas ke kecamatan di wilayah perbatasan.",
  "Layanan rehabilitasi kesehatan bagi korban anak belum tersedia di seluruh puskesmas.",
  "Pemulangan korban dari luar negeri memerlukan dukungan dana yang lebih cepat dari pemerintah provinsi.",
  "Forum komunitas di tingkat desa terbukti efektif untuk mengenali calo dan penyalur tenaga kerja ilegal.",
  "Peraturan bupati tentang pencegahan perlu disesuaikan dengan rencana aksi nasional yang berlaku.",
];

/** Sentences joined to about `chars` characters (no digits: a narrative never looks like an NIK or a phone number). */
function narrative(random: () => number, chars: number): string {
  const parts: string[] = [];
  let length = 0;
  while (length < chars) {
    const s = SENTENCES[Math.floor(random() * SENTENCES.length)]!;
    parts.push(s);
    length += s.length + 1;
  }
  return parts.join(" ");
}

const UNITS_USED: readonly Unit[] = ["activities", "people", "documents", "regions", "percent", "count"];

/** `count` action items of a regency's plan, each with a per-year target in every year of the period. */
export function benchItems(count: number, years: readonly number[]): ActionItem[] {
  return Array.from({ length: count }, (_, i) => {
    const unit = UNITS_USED[i % UNITS_USED.length]!;
    return {
      subTaskForce: SUB_TASK_FORCE_CODES[i % SUB_TASK_FORCE_CODES.length]!,
      code: `B.${Math.floor(i / 6) + 1}.${(i % 6) + 1}`,
      programme: "Penguatan pencegahan dan penanganan TPPO",
      activity: `Kegiatan rencana aksi daerah nomor urut ${i + 1}`,
      indicator: "Capaian kegiatan pada tahun berjalan",
      unit,
      baseline: null,
      targetMode: "per_year",
      targets: years.map((year) => ({ year, value: unit === "percent" ? 80 : 10 + i })),
      leadAgency: "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
      relatedAgencies: ["Dinas Sosial", "Kepolisian Resor"],
      level: "regency",
      followsItemId: null,
    };
  });
}

/** A full report for `year`, with a realisation of each item near its target (60–110 %). */
export function fullReportContent(year: number, items: readonly { id: number; target: number }[], seed = 1): ReportContent {
  const random = seeded(seed);
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const women = between(10, 40);
  const girls = between(5, 20);
  const men = between(5, 30);
  const boys = between(2, 10);
  const total = women + girls + men + boys;
  const perForm = Math.floor(total / EXPLOITATION_FORMS.length);
  const abroad = ["MY", "SA", "AE", "HK", "TW"].map((country) => ({ country, count: between(1, Math.floor(total / 10)) }));
  const domestic = total - abroad.reduce((s, a) => s + a.count, 0);
  const suspects = between(5, 20);
  const prosecutions = between(1, suspects);
  return ReportContentSchema.parse({
    activities: SUB_TASK_FORCE_CODES.flatMap((subTaskForce, s) =>
      Array.from({ length: 5 }, (_, k) => ({
        subTaskForce,
        what: `Sosialisasi dan pendampingan oleh sub gugus tugas di kecamatan sasaran, kegiatan ke-${k + 1}`,
        date: `${year}-${String(s + 2).padStart(2, "0")}-${String(k * 5 + 3).padStart(2, "0")}`,
        actionItemId: items.length === 0 ? null : items[(s * 5 + k) % items.length]!.id,
      })),
    ),
    realisations: items.map(({ id, target }) => ({ actionItemId: id, value: Math.max(1, Math.round(target * (0.6 + random() * 0.5))), note: "Sesuai laporan dinas pelaksana" })),
    victims: {
      total,
      women,
      girls,
      men,
      boys,
      exploitation: Object.fromEntries(EXPLOITATION_FORMS.map((f) => [f, perForm])),
      domestic,
      abroad,
    },
    lawEnforcement: { casesReported: between(3, 15), suspects, prosecutions, convictions: between(0, prosecutions) },
    services: { healthRehabilitation: between(5, 30), socialRehabilitation: between(5, 30), repatriation: between(1, 10), reintegration: between(1, 10) },
    networkScope: { local: between(1, 5), regional: between(0, 3), international: between(0, 2) },
    prevention: { trainings: between(2, 12), communityGroups: between(1, 20), regulations: between(0, 2), agreements: between(0, 4) },
    coordination: { meetings: between(4, 12) },
    budget: {
      lines: BUDGET_SOURCES.map((source) => {
        const allocated = between(50, 500) * 1_000_000;
        return { source, allocated, spent: Math.round(allocated * (0.5 + random() * 0.45)), note: "Realisasi per triwulan" };
      }),
      dedicatedLine: true,
      regionTotalBudget: 2_500_000_000_000,
    },
    narrative: { obstacles: narrative(random, 2000), recommendations: narrative(random, 2000) },
  });
}
