import { NotificationBell, SignedInShell } from "@gugus/ui";
// Announcements
import { AnnouncementBanner } from "@gugus/ui";
import type { Me, NotificationItem } from "@gugus/ui";
import { hasCapability, isCentralRole } from "@gugus/domain/accounts";
import { lazy } from "react";
import { useTranslation } from "react-i18next";
import { Redirect, Route } from "wouter";

const PickerPage = lazy(() => import("./pages/PickerPage.tsx"));
const ProfilePage = lazy(() => import("./pages/ProfilePage.tsx"));
const AccountsPage = lazy(() => import("./pages/AccountsPage.tsx"));
const PlanPage = lazy(() => import("./pages/PlanPage.tsx"));
const ReviewQueuePage = lazy(() => import("./pages/ReviewQueuePage.tsx"));
const ReviewPage = lazy(() => import("./pages/ReviewPage.tsx"));
const ReportsPage = lazy(() => import("./pages/ReportsPage.tsx"));
const ReportPage = lazy(() => import("./pages/ReportPage.tsx"));
const EvaluationPage = lazy(() => import("./pages/EvaluationPage.tsx"));
// Regional action plans (RAD)
const RadPage = lazy(() => import("./pages/RadPage.tsx"));
// Announcements
const AnnouncementsPage = lazy(() => import("./pages/AnnouncementsPage.tsx"));

/** The portal once signed in: a regional account lands on its own task force, a central one picks. */
export default function SignedInApp({ me }: { me: Me }) {
  const { t } = useTranslation();
  const central = isCentralRole(me.role);
  const home = `/task-forces/${me.taskForce.id}`;
  // A province reviews its regencies' and cities' reports here; the centre reviews in the admin app.
  const reviewer = !central && me.taskForce.level === "province" && hasCapability(me.role, "reports.review");
  // A notification about another task force's report is one to review; one about its own leads to its form.
  const linkOf = (item: NotificationItem) => (item.taskForce.id === me.taskForce.id ? `${home}/reports/${item.periodKey}` : `/reviews/${item.taskForce.id}/${item.periodKey}`);
  const nav = central
    ? []
    : [
        { href: home, label: t("portal.nav.profile"), match: home },
        { href: `${home}/plan`, label: t("portal.nav.plan") },
        // Regional action plans (RAD): the national task force has none
        ...(me.taskForce.level === "national" ? [] : [{ href: `${home}/rad`, label: t("rad.nav") }]),
        { href: `${home}/reports`, label: t("portal.nav.reports"), match: `${home}/reports/*?` },
        { href: `${home}/evaluation`, label: t("evaluation.title"), match: "/task-forces/:id/evaluation" },
        ...(reviewer ? [{ href: "/reviews", label: t("review.title"), match: "/reviews/*?" }] : []),
        ...(hasCapability(me.role, "accounts.read") ? [{ href: "/accounts", label: t("portal.nav.accounts") }] : []),
        // Announcements
        { href: "/announcements", label: t("portal.announcements.nav") },
      ];
  return (
    <SignedInShell
      title={t("app.portal")}
      nav={nav}
      me={me}
      actions={central ? undefined : <NotificationBell linkOf={linkOf} />}
      // Announcements
      banner={<AnnouncementBanner regionCode={me.taskForce.regionCode} allHref="/announcements" />}
    >
      <Route path="/">{central ? <PickerPage /> : <Redirect to={home} replace />}</Route>
      <Route path="/task-forces/:id">{(params) => <ProfilePage id={params.id} me={me} />}</Route>
      <Route path="/task-forces/:id/plan">{(params) => <PlanPage id={params.id} />}</Route>
      {/* Regional action plans (RAD) */}
      <Route path="/task-forces/:id/rad">{(params) => <RadPage id={params.id} />}</Route>
      <Route path="/task-forces/:id/reports">{(params) => <ReportsPage id={params.id} />}</Route>
      <Route path="/task-forces/:id/reports/:periodKey">{(params) => <ReportPage id={params.id} periodKey={params.periodKey} />}</Route>
      <Route path="/task-forces/:id/evaluation">{(params) => <EvaluationPage id={params.id} />}</Route>
      <Route path="/accounts">{() => <AccountsPage me={me} />}</Route>
      {/* Announcements */}
      <Route path="/announcements">{() => <AnnouncementsPage me={me} />}</Route>
      {reviewer && <Route path="/reviews" component={ReviewQueuePage} />}
      {reviewer && <Route path="/reviews/:taskForceId/:periodKey">{(params) => <ReviewPage taskForceId={params.taskForceId} periodKey={params.periodKey} />}</Route>}
    </SignedInShell>
  );
}
