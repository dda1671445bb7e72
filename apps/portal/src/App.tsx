import { AppRoot } from "@gugus/ui";
import { lazy } from "react";
import { useTranslation } from "react-i18next";

// Everything after signing in is a chunk of its own: the first screen stays small on slow links.
const loadSignedInApp = () => import("./SignedInApp.tsx");
const SignedInApp = lazy(loadSignedInApp);
// The frame and the page most visits land on (a task force's profile) start downloading at once,
// while the session is checked, instead of one after the other after the answer: on a 3G link each
// round trip costs more than half a second, and the sign-in screen is already drawn.
Promise.all([loadSignedInApp(), import("./pages/ProfilePage.tsx")]).catch(() => undefined);

export function App() {
  const { t } = useTranslation();
  return <AppRoot title={t("app.portal")}>{(me) => <SignedInApp me={me} />}</AppRoot>;
}
