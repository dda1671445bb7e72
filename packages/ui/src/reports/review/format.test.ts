import { describe, expect, it } from "vitest";
import { createI18n } from "../../i18n/index.ts";
import { fieldLabel, localTime, periodLabel, refName } from "./format.ts";
import { sortQueue } from "./ReviewQueue.tsx";
import type { QueueRow } from "./api.ts";

const id = createI18n({ id: {}, en: {} }, "id");
const en = createI18n({ id: {}, en: {} }, "en");

describe("how the review screens word a report's parts", () => {
  it("names a period as a year or a half year, in both languages", () => {
    expect(periodLabel(id.t, "2025")).toBe("tahun 2025");
    expect(periodLabel(id.t, "2025-S2")).toBe("semester 2 tahun 2025");
    expect(periodLabel(en.t, "2025-S1")).toBe("half 1 of 2025");
  });

  it("labels a field of the content by its path, entries of a list counted from one", () => {
    expect(fieldLabel(id.t, "victims.women")).toBe("Korban › Perempuan dewasa");
    expect(fieldLabel(en.t, "victims.exploitation.forced_labour")).toBe("Victims › By form of exploitation › Forced labour");
    expect(fieldLabel(en.t, "budget.lines.0.spent")).toBe("Budget › Budget lines no. 1 › Spent (Rp)");
    expect(fieldLabel(id.t, "activities.2")).toBe("Kegiatan ke-3");
    expect(fieldLabel(en.t, "victims.abroad.1.count")).toBe("Victims › Destination abroad no. 2 › Count");
    expect(fieldLabel(en.t, "lawEnforcement.convictions")).toBe("Law enforcement › Convictions");
  });

  it("reads an instant on the task force's own clock", () => {
    expect(localTime("2026-01-31T14:30:00.000Z", "WIT")).toBe("2026-01-31 23:30 WIT");
    expect(localTime("2026-01-31T16:30:00.000Z", "WIB")).toBe("2026-01-31 23:30 WIB");
  });

  it("names a task force by its region, the national one by its own name", () => {
    expect(refName(id.t, { name: "Kota Bekasi", level: "regency" })).toBe("Gugus Tugas PP-TPPO Kota Bekasi");
    expect(refName(id.t, { name: null, level: "national" })).toBe("Gugus Tugas PP-TPPO Pusat");
  });

  it("puts the reports awaiting review first in the queue", () => {
    const row = (id: number, status: string | null, regionCode: string) => ({ taskForce: { id, level: "regency", regionCode }, report: status === null ? null : { status } }) as unknown as QueueRow;
    const sorted = sortQueue([row(1, "approved", "32.01"), row(2, null, "32.02"), row(3, "submitted", "32.75"), row(4, "returned", "32.03")]);
    expect(sorted.map((r) => r.taskForce.id)).toEqual([3, 4, 2, 1]);
  });
});
