/**
 * What the evaluation screens read from the API (`evaluation.*`), named by what they are. The
 * components take these shapes as props, so a page (portal or admin) fetches and they only show.
 */
import type { EvaluationPart, TaskForceScore } from "@gugus/domain/evaluation";
import type { ReportStatus } from "@gugus/domain/reports";
import type { SubTaskForceCode } from "@gugus/domain/sub-task-forces";
import type { PublishedCount } from "@gugus/domain/suppression";

export type Part = EvaluationPart;
export type RankBand = { rank: number; best: number; worst: number; of: number };
export type TfRef = { id: number; name: string; level: "national" | "province" | "regency"; regionCode: string | null; provinceCode: string | null };

export type CountsView = {
  columns: string[];
  rows: { key: string; label: string; cells: PublishedCount[]; total: PublishedCount }[];
  columnTotals: PublishedCount[];
  grandTotal: PublishedCount;
};

export type RankedRow = TfRef & {
  total: number | null;
  rated: boolean;
  provisional: boolean;
  status: ReportStatus | null;
  parts: Record<Part, number | null>;
  rank: RankBand | null;
  missing: string[];
};

export type Spread = { median: number | null; q1: number | null; q3: number | null; min: number | null; max: number | null; rated: number; notRated: number };

export type HistoryRow = { year: number; total: number | null; rated: boolean; provisional: boolean; parts: Record<Part, number | null> };

export type ProvincePlace = { median: number | null; q1: number | null; q3: number | null; rated: number; hidden: "too_few" | null };

export type ScorecardView = {
  taskForce: TfRef;
  year: number;
  periodNumber: number;
  asOf: string;
  publishedAt: string | null;
  weights: Record<Part, number>;
  score: TaskForceScore;
  contributions: Record<Part, { score: number | null; weight: number; points: number }>;
  rank: RankBand | null;
  raise: { part: Part; input: string; gain: number }[];
  history: HistoryRow[];
  province: ProvincePlace | null;
  report: { status: ReportStatus | null; periodKey: string };
};

export type ProvinceView = {
  year: number;
  asOf: string;
  publishedAt: string | null;
  province: TfRef;
  own: { total: number | null; rated: boolean; provisional: boolean; rank: RankBand | null };
  spread: Spread;
  regencies: RankedRow[];
  notReported: TfRef[];
  counts: CountsView;
};

export type YearsView = { years: { year: number; periodId: number; periodNumber: number; ended: boolean; publishedAt: string | null }[]; defaultYear: number | null };

export type { SubTaskForceCode };
