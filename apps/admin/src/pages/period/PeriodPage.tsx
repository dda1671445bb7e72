import "@mantine/core/styles/Combobox.css";
import "@mantine/core/styles/Pill.css";
import "@mantine/core/styles/PillsInput.css";
import "@mantine/core/styles/SimpleGrid.css";
import "@mantine/core/styles/Stepper.css";
import "@mantine/core/styles/Tabs.css";
import type { RouterOutputs } from "@gugus/api";
import { hasCapability } from "@gugus/domain/accounts";
import { QueryState, useMe, useTRPC } from "@gugus/ui";
import { Anchor, Badge, Group, Stack, Tabs, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useSearch } from "wouter";
import { CalendarTab } from "./CalendarTab.tsx";
import { ItemsTab } from "./ItemsTab.tsx";
import { SettingsTab } from "./SettingsTab.tsx";

export type PeriodDetail = RouterOutputs["ran"]["period"];

const TABS = ["items", "settings", "calendar"] as const;
type Tab = (typeof TABS)[number];

/** One RAN period: its action items by sub-task-force, its settings, and its reporting calendar. */
export function PeriodPage({ number }: { number: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const me = useMe();
  const canManage = hasCapability(me.role, "ran.manage");
  const [location, navigate] = useLocation();
  const search = new URLSearchParams(useSearch());
  const tab: Tab = (TABS as readonly string[]).includes(search.get("tab") ?? "") ? (search.get("tab") as Tab) : "items";
  const n = /^\d{1,2}$/.test(number) ? Number(number) : 0;
  const query = useQuery(trpc.ran.period.queryOptions({ number: n }));
  const periods = useQuery(trpc.ran.periods.queryOptions());
  return (
    <Stack gap="md" maw={1200}>
      <Anchor component={Link} href="/periods" size="sm">
        ← {t("admin.period.back")}
      </Anchor>
      <QueryState query={query}>
        {(detail) => {
          const p = detail.period;
          const current = periods.data?.currentNumber === p.number;
          return (
            <Stack gap="md">
              <div>
                <Group gap="sm" align="center">
                  <Title order={1} size="h2">
                    {t("period.name", { numeral: p.numeral })}
                  </Title>
                  <Badge variant={p.status === "adopted" ? "light" : "outline"} color={p.status === "adopted" ? "indigo" : "gray"}>
                    {t(`admin.periodStatus.${p.status}`)}
                  </Badge>
                  {current && (
                    <Badge color="orange" variant="filled">
                      {t("admin.periods.current")}
                    </Badge>
                  )}
                  {p.adoptedLate && (
                    <Badge color="red" variant="light">
                      {t("admin.periods.lateAdoption")}
                    </Badge>
                  )}
                </Group>
                <Text c="dimmed">
                  {t("admin.period.summary", { first: p.firstYear, last: p.lastYear, length: p.length })}
                  {p.instrument ? ` · ${p.instrument}` : ""}
                  {p.adoptedOn ? ` · ${p.adoptedOn}` : ""}
                </Text>
              </div>
              <Tabs value={tab} onChange={(value) => navigate(value === "items" ? location : `${location}?tab=${value ?? "items"}`, { replace: true })} keepMounted={false}>
                <Tabs.List>
                  {TABS.map((key) => (
                    <Tabs.Tab key={key} value={key}>
                      {t(`admin.period.tabs.${key}`)}
                    </Tabs.Tab>
                  ))}
                </Tabs.List>
                <Tabs.Panel value="items" pt="md">
                  <ItemsTab detail={detail} canManage={canManage} />
                </Tabs.Panel>
                <Tabs.Panel value="settings" pt="md">
                  <SettingsTab detail={detail} periods={periods.data?.periods ?? []} canManage={canManage} />
                </Tabs.Panel>
                <Tabs.Panel value="calendar" pt="md">
                  <CalendarTab detail={detail} />
                </Tabs.Panel>
              </Tabs>
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
