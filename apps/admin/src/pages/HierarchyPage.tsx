import type { RouterOutputs } from "@gugus/api";
import { AtDateInput, DataTable, FormationStatusBadge, QueryState, XLSX_TYPE, download, taskForceName, useAtDate, useTRPC } from "@gugus/ui";
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useSearch } from "wouter";

type Formerly = RouterOutputs["hierarchy"]["search"][number]["formerly"][number];

/** Why a former code or name now leads to this task force: the change, its date and legal basis, and where the region now lies. */
function FormerNote({ former }: { former: Formerly }) {
  const { t } = useTranslation();
  const values = {
    code: former.code,
    name: former.name,
    date: former.effectiveDate,
    type: t(`successionType.${former.type}`),
    basis: former.legalBasis ? `, ${former.legalBasis}` : "",
    newName: former.newName,
    newCode: former.newCode,
    province: former.newProvinceName,
  };
  const key = former.type === "rename" ? "admin.hierarchy.formerlyRenamed" : former.newCode.includes(".") ? "admin.hierarchy.formerly" : "admin.hierarchy.formerlyProvince";
  return (
    <Text size="xs" c="dimmed" data-testid="former-note">
      {t(key, values)}
    </Text>
  );
}

function SearchResults({ query, at }: { query: string; at: string | undefined }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const results = useQuery(trpc.hierarchy.search.queryOptions({ query, limit: 50, ...(at ? { at } : {}) }));
  const suffix = at ? `?at=${at}` : "";
  return (
    <QueryState query={results}>
      {(rows) =>
        rows.length === 0 ? (
          <Text c="dimmed">{t("admin.hierarchy.noResults", { query })}</Text>
        ) : (
          <Stack gap="xs">
            <Text size="sm" c="dimmed" aria-live="polite">
              {t("admin.hierarchy.searchResults", { count: rows.length })}
            </Text>
            <DataTable label={t("admin.hierarchy.searchLabel")} testId="search-results" striped highlightOnHover columns={[{ label: t("admin.hierarchy.columns.code"), width: 90 }, t("admin.hierarchy.columns.name"), t("admin.hierarchy.columns.level"), t("field.status")]}>
                {rows.map((tf) => (
                  <Table.Tr key={tf.id}>
                    <Table.Td ff="monospace">{tf.regionCode}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} href={`/task-forces/${tf.id}${suffix}`}>
                        {tf.regionName}
                      </Anchor>
                      {tf.formerly.length > 0 && (
                        <Stack gap={2} mt={2} aria-label={t("admin.hierarchy.formerLabel")}>
                          {tf.formerly.map((f) => (
                            <FormerNote key={`${f.code}-${f.type}-${f.name}`} former={f} />
                          ))}
                        </Stack>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`level.${tf.level}`)}</Table.Td>
                    <Table.Td>
                      <FormationStatusBadge status={tf.status} size="sm" />
                    </Table.Td>
                  </Table.Tr>
                ))}
            </DataTable>
          </Stack>
        )
      }
    </QueryState>
  );
}

function ProvinceTable({ at }: { at: string | undefined }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const counts = useQuery(trpc.hierarchy.counts.queryOptions(at ? { at } : {}));
  const coverage = useQuery(trpc.hierarchy.coverage.queryOptions(at ? { at } : {}));
  const covered = new Map((coverage.data?.byProvince ?? []).map((p) => [p.provinceCode, p]));
  const suffix = at ? `?at=${at}` : "";
  const nf = new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "id-ID");
  return (
    <QueryState query={counts}>
      {({ byLevel, byProvince, nationalId }) => (
        <Stack gap="sm">
          <Group gap="sm">
            {nationalId !== null && (
              <Anchor component={Link} href={`/task-forces/${nationalId}${suffix}`}>
                {taskForceName(t, { level: "national", regionName: null })}
              </Anchor>
            )}
            <Badge variant="light" size="lg" data-testid="totals">
              {t("admin.hierarchy.totals", { national: byLevel.national, provinces: byLevel.province, regencies: byLevel.regency })}
            </Badge>
          </Group>
          <Paper withBorder radius="md">
            <DataTable
              label={t("admin.hierarchy.provinces")}
              minWidth={520}
              testId="province-table"
              striped
              highlightOnHover
              columns={[
                { label: t("admin.hierarchy.columns.code"), width: 70 },
                t("admin.hierarchy.columns.name"),
                { label: t("admin.hierarchy.columns.kabupaten"), align: "right" },
                { label: t("admin.hierarchy.columns.kota"), align: "right" },
                { label: t("admin.hierarchy.columns.regencies"), align: "right" },
                t("admin.coverage.provinceFormed"),
                { label: t("admin.coverage.regencyFormed"), align: "right" },
              ]}
              footer={
                <Table.Tr>
                  <Table.Td />
                  <Table.Th>
                    {t("admin.hierarchy.total")} ({byProvince.length} {t("admin.hierarchy.provinces").toLowerCase()})
                  </Table.Th>
                  <Table.Th ta="right">{nf.format(byProvince.reduce((s, p) => s + p.kabupaten, 0))}</Table.Th>
                  <Table.Th ta="right">{nf.format(byProvince.reduce((s, p) => s + p.kota, 0))}</Table.Th>
                  <Table.Th ta="right">{nf.format(byProvince.reduce((s, p) => s + p.regencies, 0))}</Table.Th>
                  <Table.Th>{coverage.data ? `${coverage.data.province.formed}/${coverage.data.province.total}` : "…"}</Table.Th>
                  <Table.Th ta="right">{coverage.data ? `${coverage.data.regency.formed}/${coverage.data.regency.total}` : "…"}</Table.Th>
                </Table.Tr>
              }
            >
                  {byProvince.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td ff="monospace">{p.regionCode}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} href={`/task-forces/${p.id}${suffix}`}>
                          {p.regionName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td ta="right">{nf.format(p.kabupaten)}</Table.Td>
                      <Table.Td ta="right">{nf.format(p.kota)}</Table.Td>
                      <Table.Td ta="right" fw={600}>
                        {nf.format(p.regencies)}
                      </Table.Td>
                      <Table.Td>
                        {covered.has(p.regionCode) && <FormationStatusBadge size="sm" status={covered.get(p.regionCode)!.provinceFormed ? "formed" : "not_formed"} />}
                      </Table.Td>
                      <Table.Td ta="right">{covered.get(p.regionCode)?.regencies.formed ?? "…"}</Table.Td>
                    </Table.Tr>
                  ))}
            </DataTable>
          </Paper>
        </Stack>
      )}
    </QueryState>
  );
}

/** The task forces at the date as an XLSX list, in the reader's language. */
export function HierarchyDownload({ at }: { at: string | undefined }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const language = i18n.language === "en" ? "en" : "id";
  const file = useMutation({
    mutationFn: () => queryClient.fetchQuery({ ...trpc.hierarchy.exportXlsx.queryOptions({ language, ...(at ? { at } : {}) }), staleTime: 0 }),
    onSuccess: (f) => download(f.fileName, { base64: f.contentBase64 }, XLSX_TYPE),
  });
  return (
    <Group gap="sm">
      <Button variant="default" loading={file.isPending} onClick={() => file.mutate()} data-testid="hierarchy-xlsx">
        {t("admin.hierarchy.download")}
      </Button>
      {file.isError && (
        <Alert color="red" role="alert" py={6}>
          {t("admin.hierarchy.downloadFailed")}
        </Alert>
      )}
    </Group>
  );
}

/** The search text kept in the address (`?q=`), so a reload or a shared link shows the same search. */
function useSearchText(): [string, (q: string) => void] {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const fromAddress = new URLSearchParams(search).get("q") ?? "";
  const [query, setQuery] = useState(fromAddress);
  const [debounced] = useDebouncedValue(query, 250);
  useEffect(() => {
    const params = new URLSearchParams(search);
    if ((params.get("q") ?? "") === debounced.trim()) return;
    if (debounced.trim()) params.set("q", debounced.trim());
    else params.delete("q");
    const rest = params.toString();
    navigate(rest ? `${location}?${rest}` : location, { replace: true });
  }, [debounced, search, location, navigate]);
  return [query, setQuery];
}

export function HierarchyPage() {
  const { t } = useTranslation();
  const [at] = useAtDate();
  const [query, setQuery] = useSearchText();
  const [debounced] = useDebouncedValue(query.trim(), 250);
  return (
    <Stack gap="lg" maw={960}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t("admin.hierarchy.title")}
          </Title>
          <Text c="dimmed">{t("admin.hierarchy.intro")}</Text>
        </div>
        <Group gap="sm" align="flex-end">
          <HierarchyDownload at={at} />
          <AtDateInput />
        </Group>
      </Group>
      <TextInput
        type="search"
        label={t("admin.hierarchy.searchLabel")}
        placeholder={t("admin.hierarchy.searchPlaceholder")}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        maxLength={100}
      />
      {debounced.length > 0 ? <SearchResults query={debounced} at={at} /> : <ProvinceTable at={at} />}
    </Stack>
  );
}
