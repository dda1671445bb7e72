/** What the evaluation screens read from the API (`evaluation.*`), named by what they are. */
import type { RouterOutputs } from "@gugus/api";

type Evaluation = RouterOutputs["evaluation"];

export type YearsView = Evaluation["years"];
export type YearEntry = YearsView["years"][number];
export type SettingsView = Evaluation["settings"];
export type OverviewView = Evaluation["overview"];
export type ProvinceRow = OverviewView["provinces"][number];
export type RatedTaskForce = OverviewView["taskForces"][number];
export type CountsView = OverviewView["counts"];
export type Spread = ProvinceRow["regencies"];
export type ProvinceView = Evaluation["province"];
export type ScorecardView = Evaluation["scorecard"];
export type TrendsView = Evaluation["trends"];
export type TrendYear = TrendsView["years"][number];
export type RankBand = NonNullable<RatedTaskForce["rank"]>;
