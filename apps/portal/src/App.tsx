import { Shell } from "@gugus/ui";
import { Center, Loader, Text } from "@mantine/core";
import { Suspense, lazy, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Route, Switch } from "wouter";
import { PickerPage } from "./pages/PickerPage.tsx";

// The profile loads on demand: the first screen stays small on slow links.
const ProfilePage = lazy(() => import("./pages/ProfilePage.tsx"));

export function App() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t("app.name")} — ${t("app.portal")}`;
  }, [t]);
  return (
    <Shell title={t("app.portal")}>
      <Suspense
        fallback={
          <Center py="xl">
            <Loader size="sm" aria-label={t("state.loading")} />
          </Center>
        }
      >
        <Switch>
          <Route path="/" component={PickerPage} />
          <Route path="/task-forces/:id">{(params) => <ProfilePage id={params.id} />}</Route>
          <Route>
            <Text>{t("state.notFound")}</Text>
          </Route>
        </Switch>
      </Suspense>
    </Shell>
  );
}
