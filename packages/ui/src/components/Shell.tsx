import { Anchor, AppShell, Burger, Group, Stack, Text, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useRoute } from "wouter";
import { LanguageSwitch } from "./LanguageSwitch.tsx";

export type NavItem = { href: string; label: string; /** Route pattern that marks the item active. */ match?: string };

function NavLinkItem({ item, onNavigate }: { item: NavItem; onNavigate: () => void }) {
  const [active] = useRoute(item.match ?? item.href);
  return (
    <UnstyledButton
      component={Link}
      href={item.href}
      onClick={onNavigate}
      aria-current={active ? "page" : undefined}
      px="sm"
      py={6}
      style={{
        borderRadius: "var(--mantine-radius-sm)",
        fontWeight: active ? 600 : 400,
        background: active ? "var(--mantine-color-indigo-light)" : undefined,
        color: active ? "var(--mantine-color-indigo-light-color)" : undefined,
      }}
    >
      {item.label}
    </UnstyledButton>
  );
}

/**
 * The page frame: a header with the app's name, the language switch and the user menu, and the
 * navigation — in the header when it is short (the portal), in a side bar when it is long (the admin
 * app). On a phone the navigation folds behind a menu button either way.
 */
export function Shell({
  title,
  nav = [],
  user,
  actions,
  children,
}: {
  title: string;
  nav?: NavItem[];
  /** Shown at the right of the header (the user menu). */
  user?: ReactNode;
  /** Shown before the language switch (the notification bell). */
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const hasNav = nav.length > 0;
  const side = nav.length > 4;
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={hasNav ? { width: side ? 220 : 0, breakpoint: "sm", collapsed: { desktop: !side, mobile: !opened } } : undefined}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {hasNav && <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t("actions.openMenu")} />}
            <Anchor component={Link} href="/" underline="never" c="inherit">
              <Text fw={700} size="lg" span>
                {t("app.name")}
              </Text>{" "}
              <Text c="dimmed" size="sm" span visibleFrom="xs">
                {title}
              </Text>
            </Anchor>
            {hasNav && !side && (
              <Group gap={4} visibleFrom="sm" component="nav" ml="md">
                {nav.map((item) => (
                  <NavLinkItem key={item.href} item={item} onNavigate={close} />
                ))}
              </Group>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            {actions}
            <LanguageSwitch />
            {user}
          </Group>
        </Group>
      </AppShell.Header>
      {hasNav && (
        <AppShell.Navbar p="md" {...(side ? {} : { hiddenFrom: "sm" })}>
          <Stack gap={4} component="nav">
            {nav.map((item) => (
              <NavLinkItem key={item.href} item={item} onNavigate={close} />
            ))}
          </Stack>
        </AppShell.Navbar>
      )}
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
