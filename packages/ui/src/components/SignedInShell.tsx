/**
 * A signed-in app's frame, shared by the admin app and the portal: the shell with its navigation and
 * user menu, the "synthetic data" notice on every screen of a demonstration instance, pages loading
 * on demand, and a page for an address that leads nowhere.
 */
import { Center, Loader, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Route, Switch } from "wouter";
import { UserMenu } from "../auth/UserMenu.tsx";
import type { Me } from "../auth/useMe.ts";
import { Shell } from "./Shell.tsx";
import type { NavItem } from "./Shell.tsx";
import { SyntheticDataBanner } from "./SyntheticDataBanner.tsx";

/** A signed-in app's frame around its routes (`Route` elements), which load on demand. */
export function SignedInShell({
  title,
  nav,
  me,
  actions,
  banner,
  children,
}: {
  title: string;
  nav: NavItem[];
  me: Me;
  /** Beside the user menu (the notification bell). */
  actions?: ReactNode;
  /** Above every page (the portal's unread announcements). */
  banner?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Shell title={title} nav={nav} user={<UserMenu me={me} />} actions={actions}>
      {me.syntheticData && <SyntheticDataBanner />}
      {banner}
      <Suspense
        fallback={
          <Center py="xl">
            <Loader size="sm" role="status" aria-label={t("state.loading")} />
          </Center>
        }
      >
        <Switch>
          {children}
          <Route>
            <Text>{t("state.notFound")}</Text>
          </Route>
        </Switch>
      </Suspense>
    </Shell>
  );
}
