import { AppRoot } from "@gugus/ui";
import { lazy } from "react";
import { useTranslation } from "react-i18next";

// Everything after signing in is a chunk of its own: the sign-in screen stays small on slow links.
const loadSignedInApp = () => import("./SignedInApp.tsx");
const SignedInApp = lazy(loadSignedInApp);
// It starts downloading at once, while the session is checked, instead of after the answer: on a 3G
// link each round trip costs more than half a second, and the sign-in screen is already drawn.
loadSignedInApp().catch(() => undefined);

export function App() {
  const { t } = useTranslation();
  return <AppRoot title={t("app.admin")}>{(me) => <SignedInApp me={me} />}</AppRoot>;
}
