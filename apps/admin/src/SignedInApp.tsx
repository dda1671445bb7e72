// The Mantine sheets of the signed-in frame (the sign-in screen's are in styles.ts; each page adds its own).
import "@mantine/core/styles/ScrollArea.css";
import "@mantine/core/styles/VisuallyHidden.css";
import "@mantine/core/styles/Overlay.css";
import "@mantine/core/styles/Popover.css";
import "@mantine/core/styles/ModalBase.css";
import "@mantine/core/styles/Anchor.css";
import "@mantine/core/styles/AppShell.css";
import "@mantine/core/styles/Badge.css";
import "@mantine/core/styles/Burger.css";
import "@mantine/core/styles/Menu.css";
import "@mantine/core/styles/Modal.css";
import "@mantine/core/styles/Table.css";
import { NotificationBell, SignedInShell, useSignOut } from "@gugus/ui";
import type { Me, NotificationItem } from "@gugus/ui";
import { hasCapability, isCentralRole } from "@gugus/domain/accounts";
import { Anchor, Button, Center, Paper, Stack, Text, Title } from "@mantine/core";
import { lazy } from "react";
import { useTranslation } from "react-i18next";
import { Route } from "wouter";
import { HierarchyPage } from "./pages/HierarchyPage.tsx";

// The first page comes with the frame (it is small, and a page of its own would cost one more round
// trip before anything shows); every other page loads when opened.
const AccountsPage = lazy(() => import("./pages/AccountsPage.tsx").then((m) => ({ default: m.AccountsPage })));
// Accounts at scale
const AccountsImportPage = lazy(() => import("./pages/AccountsImportPage.tsx").then((m) => ({ default: m.AccountsImportPage })));
const AuditPage = lazy(() => import("./pages/AuditPage.tsx").then((m) => ({ default: m.AuditPage })));
const CoveragePage = lazy(() => import("./pages/CoveragePage.tsx").then((m) => ({ default: m.CoveragePage })));
const ImportPage = lazy(() => import("./pages/ImportPage.tsx").then((m) => ({ default: m.ImportPage })));
const RestructuringPage = lazy(() => import("./pages/RestructuringPage.tsx").then((m) => ({ default: m.RestructuringPage })));
const PeriodsPage = lazy(() => import("./pages/PeriodsPage.tsx").then((m) => ({ default: m.PeriodsPage })));
const PeriodPage = lazy(() => import("./pages/period/PeriodPage.tsx").then((m) => ({ default: m.PeriodPage })));
const SessionsPage = lazy(() => import("./pages/SessionsPage.tsx").then((m) => ({ default: m.SessionsPage })));
const ReviewsPage = lazy(() => import("./pages/reports/ReviewsPage.tsx").then((m) => ({ default: m.ReviewsPage })));
const ReviewPage = lazy(() => import("./pages/reports/ReviewPage.tsx").then((m) => ({ default: m.ReviewPage })));
const RatePage = lazy(() => import("./pages/reports/RatePage.tsx").then((m) => ({ default: m.RatePage })));
const NationalReportPage = lazy(() => import("./pages/reports/NationalReportPage.tsx").then((m) => ({ default: m.NationalReportPage })));
const ExceptionsPage = lazy(() => import("./pages/reports/ExceptionsPage.tsx").then((m) => ({ default: m.ExceptionsPage })));
const TaskForcePage = lazy(() => import("./pages/TaskForcePage.tsx").then((m) => ({ default: m.TaskForcePage })));
const EvaluationPage = lazy(() => import("./pages/evaluation/OverviewPage.tsx").then((m) => ({ default: m.OverviewPage })));
const EvaluationTrendsPage = lazy(() => import("./pages/evaluation/TrendsPage.tsx").then((m) => ({ default: m.TrendsPage })));
const EvaluationProvincePage = lazy(() => import("./pages/evaluation/ProvincePage.tsx").then((m) => ({ default: m.ProvincePage })));
const EvaluationScorecardPage = lazy(() => import("./pages/evaluation/ScorecardPage.tsx").then((m) => ({ default: m.ScorecardPage })));
const EvaluationMethodPage = lazy(() => import("./pages/evaluation/MethodPage.tsx").then((m) => ({ default: m.MethodPage })));
// Regional action plans (RAD)
const RadOverviewPage = lazy(() => import("./pages/rad/RadOverviewPage.tsx").then((m) => ({ default: m.RadOverviewPage })));
const RadTaskForcePage = lazy(() => import("./pages/rad/RadTaskForcePage.tsx").then((m) => ({ default: m.RadTaskForcePage })));
// Announcements
const AnnouncementsPage = lazy(() => import("./pages/AnnouncementsPage.tsx").then((m) => ({ default: m.AnnouncementsPage })));

/** A regional account signed in to the central app: point it to the portal. */
function WrongApp() {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" radius="md" maw={460}>
        <Stack>
          <Title order={1} size="h3">
            {t("admin.wrongApp.title")}
          </Title>
          <Text>{t("admin.wrongApp.body")}</Text>
          <Anchor href="/portal/">{t("admin.wrongApp.openPortal")}</Anchor>
          <Button variant="default" onClick={signOut}>
            {t("auth.signOut")}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}

/**
 * Where a notification leads in this app: the national task force's own report to its form, any
 * other report (a province's, submitted for review) to its review.
 */
function linkOf(me: Me) {
  return (item: NotificationItem) => (item.taskForce.id === me.taskForce.id ? `/reports/${item.taskForce.id}/${item.periodKey}` : `/reviews/${item.taskForce.id}/${item.periodKey}`);
}

/** The admin app once signed in: its navigation by capability, and its pages. */
export default function SignedInApp({ me }: { me: Me }) {
  const { t } = useTranslation();
  if (!isCentralRole(me.role)) return <WrongApp />;
  const nav = [
    { href: "/", label: t("admin.nav.hierarchy"), match: "/" },
    { href: "/coverage", label: t("admin.nav.coverage") },
    ...(hasCapability(me.role, "hierarchy.manage")
      ? [
          { href: "/import", label: t("admin.nav.import") },
          { href: "/restructuring", label: t("admin.nav.restructuring") },
        ]
      : []),
    { href: "/periods", label: t("admin.nav.periods") },
    // Regional action plans (RAD)
    { href: "/rad", label: t("rad.nav") },
    ...(hasCapability(me.role, "reports.review") ? [{ href: "/reviews", label: t("admin.nav.reviews"), match: "/reviews/*?" }] : []),
    { href: "/reporting-rate", label: t("admin.nav.reportingRate") },
    { href: "/evaluation", label: t("admin.nav.evaluation"), match: "/evaluation/*?" },
    ...(hasCapability(me.role, "reports.exceptions") ? [{ href: "/exceptions", label: t("admin.nav.exceptions") }] : []),
    ...(hasCapability(me.role, "accounts.read") ? [{ href: "/accounts", label: t("admin.nav.accounts") }] : []),
    ...(hasCapability(me.role, "sessions.manage") ? [{ href: "/sessions", label: t("admin.nav.sessions") }] : []),
    ...(hasCapability(me.role, "audit.read") ? [{ href: "/audit", label: t("admin.nav.audit") }] : []),
    // Announcements
    ...(hasCapability(me.role, "announcements.manage") ? [{ href: "/announcements", label: t("admin.announcements.title") }] : []),
  ];
  return (
    <SignedInShell title={t("app.admin")} nav={nav} me={me} actions={<NotificationBell linkOf={linkOf(me)} />}>
      <Route path="/" component={HierarchyPage} />
      <Route path="/task-forces/:id">{(params) => <TaskForcePage id={params.id} />}</Route>
      {/* Regional action plans (RAD) */}
      <Route path="/rad" component={RadOverviewPage} />
      <Route path="/task-forces/:id/rad">{(params) => <RadTaskForcePage id={params.id} />}</Route>
      <Route path="/periods" component={PeriodsPage} />
      <Route path="/periods/:number">{(params) => <PeriodPage number={params.number} />}</Route>
      <Route path="/coverage" component={CoveragePage} />
      <Route path="/import" component={ImportPage} />
      <Route path="/restructuring" component={RestructuringPage} />
      <Route path="/accounts">{() => <AccountsPage me={me} />}</Route>
      {/* Accounts at scale */}
      <Route path="/accounts/import" component={AccountsImportPage} />
      <Route path="/sessions" component={SessionsPage} />
      <Route path="/audit" component={AuditPage} />
      {/* Announcements */}
      <Route path="/announcements" component={AnnouncementsPage} />
      <Route path="/reviews" component={ReviewsPage} />
      <Route path="/reviews/:taskForceId/:periodKey">{(params) => <ReviewPage taskForceId={params.taskForceId} periodKey={params.periodKey} national={params.taskForceId === String(me.taskForce.id)} />}</Route>
      <Route path="/reporting-rate" component={RatePage} />
      <Route path="/exceptions" component={ExceptionsPage} />
      <Route path="/evaluation" component={EvaluationPage} />
      <Route path="/evaluation/trends" component={EvaluationTrendsPage} />
      <Route path="/evaluation/method">{() => <EvaluationMethodPage me={me} />}</Route>
      <Route path="/evaluation/provinces/:taskForceId">{(params) => <EvaluationProvincePage taskForceId={params.taskForceId} />}</Route>
      <Route path="/evaluation/task-forces/:id">{(params) => <EvaluationScorecardPage id={params.id} />}</Route>
      <Route path="/reports/:taskForceId/:periodKey">{(params) => <NationalReportPage taskForceId={params.taskForceId} periodKey={params.periodKey} />}</Route>
    </SignedInShell>
  );
}
