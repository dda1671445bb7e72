/** RAN periods and the units their targets are counted in, as both apps show them. */
import type { MessagesLike } from "./types.ts";

const id = {
  period: {
    name: "Periode {{numeral}}",
    line: "Periode {{numeral}}, tahun ke-{{index}} dari {{of}}",
    none: "Tidak ada periode RAN yang mencakup tahun {{year}}",
    years: "{{first}}–{{last}}",
    draft: "rancangan, belum ditetapkan",
  },
  unit: {
    count: "Jumlah",
    people: "Orang",
    activities: "Kegiatan",
    documents: "Dokumen",
    regions: "Wilayah",
    percent: "Persen (%)",
    rupiah: "Rupiah",
    change_percent: "Perubahan (%)",
  },
} as const;

const en: MessagesLike<typeof id> = {
  period: {
    name: "Period {{numeral}}",
    line: "Period {{numeral}}, year {{index}} of {{of}}",
    none: "No RAN period covers {{year}}",
    years: "{{first}}–{{last}}",
    draft: "draft, not yet adopted",
  },
  unit: {
    count: "Count",
    people: "People",
    activities: "Activities",
    documents: "Documents",
    regions: "Regions",
    percent: "Percent (%)",
    rupiah: "Rupiah",
    change_percent: "Change (%)",
  },
};

export const ranMessages = { id, en };
