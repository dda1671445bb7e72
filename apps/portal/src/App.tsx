import { SessionGate } from "@gugus/ui";
import { lazy, useEffect } from "react";
import { useTranslation } from "react-i18next";

// Everything after signing in loads on demand: the first screen stays small on slow links.
const SignedInApp = lazy(() => import("./SignedInApp.tsx"));

export function App() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t("app.name")} — ${t("app.portal")}`;
  }, [t]);
  return <SessionGate title={t("app.portal")}>{(me) => <SignedInApp me={me} />}</SessionGate>;
}
