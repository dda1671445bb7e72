import { AppRoot, SignedInShell, useSignOut } from "@gugus/ui";
import type { Me } from "@gugus/ui";
import { hasCapability, isCentralRole } from "@gugus/domain/accounts";
import { Anchor, Button, Center, Paper, Stack, Text, Title } from "@mantine/core";
import { lazy } from "react";
import { useTranslation } from "react-i18next";
import { Route } from "wouter";
import { HierarchyPage } from "./pages/HierarchyPage.tsx";

// Pages other than the first one load when opened.
const AccountsPage = lazy(() => import("./pages/AccountsPage.tsx").then((m) => ({ default: m.AccountsPage })));
const AuditPage = lazy(() => import("./pages/AuditPage.tsx").then((m) => ({ default: m.AuditPage })));
const CoveragePage = lazy(() => import("./pages/CoveragePage.tsx").then((m) => ({ default: m.CoveragePage })));
const ImportPage = lazy(() => import("./pages/ImportPage.tsx").then((m) => ({ default: m.ImportPage })));
const RestructuringPage = lazy(() => import("./pages/RestructuringPage.tsx").then((m) => ({ default: m.RestructuringPage })));
const PeriodsPage = lazy(() => import("./pages/PeriodsPage.tsx").then((m) => ({ default: m.PeriodsPage })));
const PeriodPage = lazy(() => import("./pages/period/PeriodPage.tsx").then((m) => ({ default: m.PeriodPage })));
const SessionsPage = lazy(() => import("./pages/SessionsPage.tsx").then((m) => ({ default: m.SessionsPage })));
const TaskForcePage = lazy(() => import("./pages/TaskForcePage.tsx").then((m) => ({ default: m.TaskForcePage })));

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

function SignedInApp({ me }: { me: Me }) {
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
    ...(hasCapability(me.role, "accounts.read") ? [{ href: "/accounts", label: t("admin.nav.accounts") }] : []),
    ...(hasCapability(me.role, "sessions.manage") ? [{ href: "/sessions", label: t("admin.nav.sessions") }] : []),
    ...(hasCapability(me.role, "audit.read") ? [{ href: "/audit", label: t("admin.nav.audit") }] : []),
  ];
  return (
    <SignedInShell title={t("app.admin")} nav={nav} me={me}>
      <Route path="/" component={HierarchyPage} />
      <Route path="/task-forces/:id">{(params) => <TaskForcePage id={params.id} />}</Route>
      <Route path="/periods" component={PeriodsPage} />
      <Route path="/periods/:number">{(params) => <PeriodPage number={params.number} />}</Route>
      <Route path="/coverage" component={CoveragePage} />
      <Route path="/import" component={ImportPage} />
      <Route path="/restructuring" component={RestructuringPage} />
      <Route path="/accounts">{() => <AccountsPage me={me} />}</Route>
      <Route path="/sessions" component={SessionsPage} />
      <Route path="/audit" component={AuditPage} />
    </SignedInShell>
  );
}

export function App() {
  const { t } = useTranslation();
  return <AppRoot title={t("app.admin")}>{(me) => <SignedInApp me={me} />}</AppRoot>;
}
