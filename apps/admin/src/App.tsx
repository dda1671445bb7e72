import { SessionGate, Shell, UserMenu } from "@gugus/ui";
import type { Me } from "@gugus/ui";
import { hasCapability, isCentralRole } from "@gugus/domain/accounts";
import { Anchor, Button, Center, Paper, Stack, Text, Title } from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Route, Switch } from "wouter";
import { useSignOut } from "@gugus/ui";
import { AccountsPage } from "./pages/AccountsPage.tsx";
import { AuditPage } from "./pages/AuditPage.tsx";
import { CoveragePage } from "./pages/CoveragePage.tsx";
import { ImportPage } from "./pages/ImportPage.tsx";
import { RestructuringPage } from "./pages/RestructuringPage.tsx";
import { HierarchyPage } from "./pages/HierarchyPage.tsx";
import { PeriodsPage } from "./pages/PeriodsPage.tsx";
import { SessionsPage } from "./pages/SessionsPage.tsx";
import { TaskForcePage } from "./pages/TaskForcePage.tsx";

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
    <Shell title={t("app.admin")} nav={nav} user={<UserMenu me={me} />}>
      <Switch>
        <Route path="/" component={HierarchyPage} />
        <Route path="/task-forces/:id">{(params) => <TaskForcePage id={params.id} />}</Route>
        <Route path="/periods" component={PeriodsPage} />
        <Route path="/coverage" component={CoveragePage} />
        <Route path="/import" component={ImportPage} />
        <Route path="/restructuring" component={RestructuringPage} />
        <Route path="/accounts">{() => <AccountsPage me={me} />}</Route>
        <Route path="/sessions" component={SessionsPage} />
        <Route path="/audit" component={AuditPage} />
        <Route>
          <Text>{t("state.notFound")}</Text>
        </Route>
      </Switch>
    </Shell>
  );
}

export function App() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t("app.name")} — ${t("app.admin")}`;
  }, [t]);
  return <SessionGate title={t("app.admin")}>{(me) => <SignedInApp me={me} />}</SessionGate>;
}
