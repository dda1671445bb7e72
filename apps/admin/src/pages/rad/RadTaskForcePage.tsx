import "@mantine/core/styles/Combobox.css";
import "@mantine/core/styles/Breadcrumbs.css";
import { QueryState, RadInstrumentLine, RadPlanView, XLSX_TYPE, ApiErrorAlert, download, taskForceName, useTRPC } from "@gugus/ui";
import { Anchor, Breadcrumbs, Button, Group, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useSearch } from "wouter";

/** A province's or regency's/city's RAD, read-only, as the central secretariat sees it. */
export function RadTaskForcePage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [location, navigate] = useLocation();
  const chosen = new URLSearchParams(useSearch()).get("period");
  const taskForceId = /^\d{1,9}$/.test(id) ? Number(id) : -1;
  const periodNumber = chosen !== null && /^\d{1,2}$/.test(chosen) ? Number(chosen) : undefined;
  const query = useQuery(trpc.rad.plan.queryOptions({ taskForceId, ...(periodNumber === undefined ? {} : { periodNumber }) }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function get(number: number) {
    setBusy(true);
    setError(null);
    try {
      const file = await queryClient.fetchQuery({ ...trpc.rad.exportXlsx.queryOptions({ taskForceId, periodNumber: number, language: i18n.language === "en" ? "en" : "id" }), staleTime: 0 });
      download(file.fileName, { base64: file.contentBase64 }, XLSX_TYPE);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <QueryState query={query}>
      {(plan) => (
        <Stack gap="lg" maw={960}>
          <Breadcrumbs>
            <Anchor component={Link} href="/rad">
              {t("rad.nav")}
            </Anchor>
            <Anchor component={Link} href={`/task-forces/${plan.taskForce.id}`}>
              {taskForceName(t, plan.taskForce)}
            </Anchor>
          </Breadcrumbs>
          <div>
            <Title order={1} size="h2">
              {t("rad.title")} · {taskForceName(t, plan.taskForce)}
            </Title>
            <Text c="dimmed" size="sm">
              {t("rad.intro", { level: t(`level.${plan.taskForce.level}`).toLowerCase() })}
            </Text>
          </div>
          <Group align="flex-end" justify="space-between">
            <Select
              label={t("rad.period")}
              w={320}
              allowDeselect={false}
              value={plan.period ? String(plan.period.number) : null}
              placeholder={t("rad.period")}
              data={plan.periods.map((p) => ({ value: String(p.number), label: t("rad.periodOption", { numeral: p.numeral, first: p.firstYear, last: p.lastYear }) }))}
              onChange={(value) => value && navigate(`${location}?period=${value}`)}
            />
            {plan.period && (
              <Stack gap={4} align="flex-end">
                <Button variant="default" loading={busy} onClick={() => plan.period && void get(plan.period.number)} data-testid="rad-xlsx">
                  {t("rad.download")}
                </Button>
                {error !== null && <ApiErrorAlert error={error} />}
              </Stack>
            )}
          </Group>
          {plan.period === null ? (
            <Text>{t("rad.noPeriod")}</Text>
          ) : (
            <>
              <Paper withBorder radius="md" p="md">
                <Stack gap="sm">
                  <Title order={2} size="h3">
                    {t("rad.instrument.title")}
                  </Title>
                  <RadInstrumentLine plan={plan.plan} />
                </Stack>
              </Paper>
              <Title order={2} size="h3">
                {t("rad.items.title")}
              </Title>
              <RadPlanView data={plan} />
            </>
          )}
        </Stack>
      )}
    </QueryState>
  );
}
