/** The evaluation's shared screens: a scorecard, its history, a province's spread, ranking and counts. */
export { Scorecard, RankLine, ScoreStatusBadges } from "./Scorecard.tsx";
export type { ScorecardProps } from "./Scorecard.tsx";
export { ScoreHistory } from "./ScoreHistory.tsx";
export { ScoreSpread, stackDots } from "./ScoreSpread.tsx";
export type { ScoreSpreadProps } from "./ScoreSpread.tsx";
export { RankingTable, sortRanking } from "./RankingTable.tsx";
export type { RankingSort, RankingTableProps } from "./RankingTable.tsx";
export { CountsTable } from "./CountsTable.tsx";
export { PlaceInProvince } from "./PlaceInProvince.tsx";
export { inputLabel, missingLabel, partLabel, useEvaluationFormat } from "./labels.ts";
export type { EvaluationFormat, ItemTitles } from "./labels.ts";
export type { CountsView, HistoryRow, OverviewView, Part, ProvincePlace, ProvinceView, RankBand, RankedRow, ScorecardView, Spread, TfRef, TrendsView, YearsView } from "./types.ts";
