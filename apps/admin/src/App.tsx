import { AppRoot } from "@gugus/ui";
import { lazy } from "react";
import { useTranslation } from "react-i18next";

// Everything after signing in loads on demand: the sign-in screen stays small on slow links.
const SignedInApp = lazy(() => import("./SignedInApp.tsx"));

export function App() {
  const { t } = useTranslation();
  return <AppRoot title={t("app.admin")}>{(me) => <SignedInApp me={me} />}</AppRoot>;
}
