import { Shell } from "@gugus/ui";
import { Text } from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Route, Switch } from "wouter";
import { HierarchyPage } from "./pages/HierarchyPage.tsx";
import { PeriodsPage } from "./pages/PeriodsPage.tsx";
import { TaskForcePage } from "./pages/TaskForcePage.tsx";

export function App() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t("app.name")} — ${t("app.admin")}`;
  }, [t]);
  return (
    <Shell
      title={t("app.admin")}
      nav={[
        { href: "/", label: t("admin.nav.hierarchy"), match: "/" },
        { href: "/periods", label: t("admin.nav.periods") },
      ]}
    >
      <Switch>
        <Route path="/" component={HierarchyPage} />
        <Route path="/task-forces/:id">{(params) => <TaskForcePage id={params.id} />}</Route>
        <Route path="/periods" component={PeriodsPage} />
        <Route>
          <Text>{t("state.notFound")}</Text>
        </Route>
      </Switch>
    </Shell>
  );
}
