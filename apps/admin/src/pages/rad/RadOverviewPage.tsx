import "@mantine/core/styles/Combobox.css";
import { DataTable, QueryState, formatIsoDate, useTRPC } from "@gugus/ui";
import { Anchor, Badge, Group, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useSearch } from "wouter";

/**
 * Which provinces and regencies/cities have recorded a RAD for the RAN period in force, adopted or
 * still a draft, with their item counts; filtered by province (kept in the address).
 */
export function RadOverviewPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const [location, navigate] = useLocation();
  const province = new URLSearchParams(useSearch()).get("province");
  const query = useQuery(trpc.rad.overview.queryOptions({}));
  return (
    <Stack gap="lg" maw={1100}>
      <Title order={1} size="h2">
        {t("rad.overview.title")}
      </Title>
      <QueryState query={query}>
        {(result) => {
          if (result.period === null) return <Text>{t("rad.noPeriod")}</Text>;
          const provinces = result.rows.filter((r) => r.level === "province");
          const rows = province ? result.rows.filter((r) => r.regionCode === province || r.regionCode.startsWith(`${province}.`)) : result.rows;
          const adopted = rows.filter((r) => r.adoptedOn !== null).length;
          const draft = rows.filter((r) => r.hasPlan && r.adoptedOn === null).length;
          return (
            <Stack gap="md">
              <Text c="dimmed" size="sm">
                {t("rad.overview.intro", { numeral: result.period.numeral, first: result.period.firstYear, last: result.period.lastYear })}
              </Text>
              <Group align="flex-end" justify="space-between">
                <Select
                  label={t("rad.overview.province")}
                  w={320}
                  searchable
                  clearable
                  placeholder={t("rad.overview.allProvinces")}
                  value={province}
                  data={provinces.map((p) => ({ value: p.regionCode, label: `${p.regionCode} · ${p.regionName}` }))}
                  onChange={(value) => navigate(value ? `${location}?province=${value}` : location)}
                  data-testid="rad-province-filter"
                />
                <Text size="sm" data-testid="rad-summary">
                  {t("rad.overview.summary", { adopted, draft, none: rows.length - adopted - draft, total: rows.length })}
                </Text>
              </Group>
              <DataTable
                label={t("rad.overview.title")}
                columns={[t("rad.overview.taskForce"), t("rad.overview.level"), t("rad.regencies.state"), { label: t("rad.regencies.items"), align: "right" }]}
                minWidth={560}
                maxHeight={640}
                testId="rad-overview"
              >
                {rows.map((r) => (
                  <Table.Tr key={r.taskForceId} data-testid={`rad-row-${r.regionCode}`}>
                    <Table.Td>
                      <Anchor component={Link} href={`/task-forces/${r.taskForceId}/rad`}>
                        {r.regionCode} · {r.regionName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{r.kind ? t(`kind.${r.kind}`) : t(`level.${r.level}`)}</Table.Td>
                    <Table.Td>
                      {r.adoptedOn ? (
                        <Badge color="green" variant="light">
                          {t("rad.regencies.adopted", { date: formatIsoDate(r.adoptedOn, i18n.language) })}
                        </Badge>
                      ) : r.hasPlan ? (
                        <Badge color="yellow" variant="light">
                          {t("rad.regencies.draft")}
                        </Badge>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t("rad.regencies.none")}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{r.itemCount}</Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
