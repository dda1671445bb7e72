/**
 * An app's root, shared by the admin app and the portal: the window's title, and sign-in before
 * anything else. (Its own module, apart from the signed-in shell, so the portal's first load stays small.)
 */
import type { ReactNode } from "react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { SessionGate } from "../auth/SessionGate.tsx";
import type { Me } from "../auth/useMe.ts";

/** An app's root: "Gugus — {title}" in the window's title, and the sign-in screen until there is a session. */
export function AppRoot({ title, children }: { title: string; children: (me: Me) => ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t("app.name")} — ${title}`;
  }, [t, title]);
  return <SessionGate title={title}>{children}</SessionGate>;
}
