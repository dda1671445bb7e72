/**
 * @gugus/ui — what the admin app and the portal share: the tRPC + TanStack Query client, the
 * Mantine theme, the page shell, error display and naming helpers. Translations are in `@gugus/ui/i18n`.
 */
export { ApiProvider, CLIENT_HEADER, MAX_BATCH_ITEMS, createQueryClient, httpStatusOf, useTRPC, useTRPCClient } from "./trpc.tsx";
export { SessionGate } from "./auth/SessionGate.tsx";
export { SignInPage } from "./auth/SignInPage.tsx";
export { ChangePasswordForm } from "./auth/ChangePasswordForm.tsx";
export { UserMenu } from "./auth/UserMenu.tsx";
export { useMe, useMeQuery } from "./auth/useMe.ts";
export type { Me } from "./auth/useMe.ts";
export { useSignOut } from "./auth/useSignOut.ts";
export { fieldError } from "./auth/fields.ts";
export { theme } from "./theme.ts";
export { Shell } from "./components/Shell.tsx";
export { AppRoot } from "./components/AppRoot.tsx";
export { startApp } from "./components/startApp.tsx";
export { SectionCard } from "./components/SectionCard.tsx";
export { Fact, TaskForceHeading } from "./profile/TaskForceHeading.tsx";
export { SignedInShell } from "./components/SignedInShell.tsx";
export type { NavItem } from "./components/Shell.tsx";
export { LanguageSwitch } from "./components/LanguageSwitch.tsx";
export { ApiErrorAlert, QueryState } from "./components/QueryState.tsx";
export { errorDetailsOf, errorKeyOf, errorMessage, fieldErrors, isErrorMessageKey, problemMessage } from "./errors.ts";
export type { ErrorMessageKey } from "./errors.ts";
export { periodLine, taskForceName, timeZoneLabel } from "./names.ts";
export type { NamedTaskForce } from "./names.ts";
export { AccountsManager } from "./accounts/AccountsManager.tsx";
// Accounts at scale
export { FirstAdmins } from "./accounts/FirstAdmins.tsx";
export { OneTimePasswordsFile } from "./accounts/OneTimePasswordsFile.tsx";
export { AtDateInput, FormationStatusBadge, useAtDate } from "./components/AtDate.tsx";
export { ProfileSections } from "./profile/ProfileSections.tsx";
export { ConfirmModal } from "./profile/ConfirmModal.tsx";
export { useNumberFormat } from "./format.ts";
// Times with their zone
export { formatInstant, useInstantFormat, zoneOfRegion } from "./format.ts";
export { InstantTime } from "./components/InstantTime.tsx";
export type { ZoneName } from "./format.ts";
export { FormModal, NumberField, fieldOfProblem, hasField, listFieldProblems, readDecimalField, readNumberField, useDomainForm, useUnsavedChanges, writeDecimalField } from "./forms/index.ts";
export type { DomainForm, DomainFormOptions, FieldProblem, FormProblem, ProblemsOptions } from "./forms/index.ts";
export { RegionHistory } from "./profile/RegionHistory.tsx";
export { DataTable } from "./components/DataTable.tsx";
export { useTaskForceOptions } from "./components/taskForceOptions.ts";
export type { DataColumn, DataTableProps } from "./components/DataTable.tsx";
export { invalidateAccounts, invalidateAllFormation, invalidateComposition, invalidateFormation } from "./queries.ts";
export { ReportReview } from "./reports/review/ReportReview.tsx";
export { ReviewQueue } from "./reports/review/ReviewQueue.tsx";
export { NotificationBell } from "./reports/review/NotificationBell.tsx";
export { ReportStatusBadge } from "./reports/review/StatusBadge.tsx";
export { ReportContentView } from "./reports/review/ReportContentView.tsx";
export { invalidateReports, useReviewApi } from "./reports/review/api.ts";
export type { ExceptionRow, NotificationItem, QueueRow, RateRow, RateView, ReportView, TaskForceRef } from "./reports/review/api.ts";
export { bothTimes, localTime, periodLabel, refName, useFormats } from "./reports/review/format.ts";
export { PROVINCE_TILES, ProvinceTileMap, binOf } from "./components/ProvinceTileMap.tsx";
export { ReportForm } from "./reports/ReportForm.tsx";
export type { ReportFormProps } from "./reports/ReportForm.tsx";
export { ReportList } from "./reports/ReportList.tsx";
export type { ReportListProps } from "./reports/ReportList.tsx";
export { PDF_TYPE, XLSX_TYPE, download } from "./download.ts";
// Regional action plans (RAD)
export { RadInstrumentLine, RadItemsUnder, RadPlanView, formatIsoDate } from "./reports/RadPlanView.tsx";
export type { RadItemView, RadPlanData } from "./reports/RadPlanView.tsx";
// Announcements
export { AnnouncementBanner, AnnouncementList, audienceLabel, inLanguage, invalidateAnnouncements, publishedLabel } from "./announcements/index.ts";
export type { AnnouncementRow, MyAnnouncement, MyAnnouncements } from "./announcements/index.ts";
export { CountsTable, PlaceInProvince, RankLine, RankingTable, ScoreHistory, ScoreSpread, ScoreStatusBadges, Scorecard, inputLabel, missingLabel, partLabel, sortRanking, stackDots, useEvaluationFormat } from "./evaluation/index.ts";
export type { CountsView, EvaluationFormat, HistoryRow, ItemTitles, OverviewView, ProvincePlace, ProvinceView, RankBand, RankedRow, RankingSort, RankingTableProps, ScoreSpreadProps, ScorecardProps, ScorecardView, Spread, TfRef, TrendsView, YearsView } from "./evaluation/index.ts";
