/**
 * What the evaluation screens read from the API (`evaluation.*`), named by what they are. The
 * components take these shapes as props, so a page (portal or admin) fetches and they only show.
 */
import type { RouterOutputs } from "@gugus/api";
import type { EvaluationPart } from "@gugus/domain/evaluation";

type Evaluation = RouterOutputs["evaluation"];

export type Part = EvaluationPart;
/** `evaluation.scorecard`: one task force's year. */
export type ScorecardView = Evaluation["scorecard"];
/** `evaluation.province`: a province's own score, its regencies'/cities' spread, ranking, who has not reported, the counts. */
export type ProvinceView = Evaluation["province"];
/** `evaluation.years`: the years evaluated and the one shown first. */
export type YearsView = Evaluation["years"];
/** `evaluation.overview`: the national (or the caller's subtree's) picture of a year. */
export type OverviewView = Evaluation["overview"];
/** `evaluation.trends`: the years side by side. */
export type TrendsView = Evaluation["trends"];

export type RankBand = NonNullable<ScorecardView["rank"]>;
export type TfRef = ScorecardView["taskForce"];
/** A task force in a ranking: its total, parts, rank band and report status. */
export type RankedRow = ProvinceView["regencies"][number];
export type Spread = ProvinceView["spread"];
export type HistoryRow = ScorecardView["history"][number];
export type ProvincePlace = NonNullable<ScorecardView["province"]>;
/** A suppressed count table (cells 1–4 and those hidden with them read "<5"). */
export type CountsView = ProvinceView["counts"];
