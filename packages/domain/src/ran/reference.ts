/**
 * The RAN PP-TPPO periods on record. Adoption dates are given only where a source states them;
 * the others are left null rather than guessed.
 */
import type { RanPeriod } from "./periods.ts";

export const REFERENCE_RAN_PERIODS: readonly RanPeriod[] = [
  {
    number: 1,
    firstYear: 2009,
    lastYear: 2014,
    status: "adopted",
    instrument: "Permenko Kesra 25/KEP/MENKO/KESRA/IX/2009",
    adoptedOn: null,
  },
  { number: 2, firstYear: 2015, lastYear: 2019, status: "adopted", instrument: "Permenko PMK 2/2016", adoptedOn: null },
  { number: 3, firstYear: 2020, lastYear: 2024, status: "adopted", instrument: "Perpres 19/2023", adoptedOn: "2023-02-22" },
  { number: 4, firstYear: 2025, lastYear: 2029, status: "draft", instrument: null, adoptedOn: null },
];
