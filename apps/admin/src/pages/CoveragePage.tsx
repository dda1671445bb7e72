import "@mantine/core/styles/Tooltip.css";
import "@mantine/core/styles/SimpleGrid.css";
import type { RouterOutputs } from "@gugus/api";
import { AtDateInput, DataTable, QueryState, XLSX_TYPE, download, useAtDate, useTRPC } from "@gugus/ui";
import { Alert, Anchor, Badge, Box, Button, Group, Paper, ScrollArea, SimpleGrid, Stack, Table, Text, TextInput, Title, Tooltip } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";

type Coverage = RouterOutputs["hierarchy"]["coverage"];

/**
 * Where each province sits on a tile map of the archipelago, west to east (column) and north to
 * south (row): a cartogram, not a map, so every province gets the same room.
 */
const TILES: Record<string, [col: number, row: number]> = {
  "11": [0, 0], "12": [1, 0], "13": [1, 1], "14": [2, 1], "21": [3, 1], "15": [2, 2], "16": [3, 2], "19": [4, 2], "17": [2, 3], "18": [3, 3],
  "36": [4, 4], "31": [5, 4], "32": [6, 4], "33": [7, 4], "34": [7, 5], "35": [8, 4], "51": [9, 4], "52": [10, 4], "53": [11, 4],
  "61": [5, 1], "62": [6, 2], "63": [7, 2], "64": [7, 1], "65": [7, 0],
  "75": [9, 0], "71": [10, 0], "76": [8, 1], "72": [9, 1], "73": [8, 2], "74": [9, 2],
  "82": [11, 1], "81": [11, 2],
  "96": [12, 1], "92": [13, 1], "91": [14, 1], "94": [13, 2], "95": [14, 2], "93": [14, 3],
};

const percent = (formed: number, total: number) => (total === 0 ? 0 : Math.round((formed / total) * 100));

/** A colour from pale to dark teal for a share of 0–100 %. */
function shade(share: number): { bg: string; fg: string } {
  if (share === 0) return { bg: "var(--mantine-color-gray-2)", fg: "var(--mantine-color-gray-7)" };
  const step = Math.min(9, 1 + Math.round((share / 100) * 8));
  // Black text up to teal 8, white on teal 9: each at least 4.5:1 (white on teal 5–8 is 2.1–4.0:1).
  return { bg: `var(--mantine-color-teal-${step})`, fg: step >= 9 ? "var(--mantine-color-white)" : "var(--mantine-color-black)" };
}

function Cartogram({ coverage }: { coverage: Coverage }) {
  const { t } = useTranslation();
  return (
    <Box style={{ display: "grid", gridTemplateColumns: "repeat(15, minmax(0, 1fr))", gap: 4 }} data-testid="cartogram" role="img" aria-label={t("admin.coverage.map")}>
      {coverage.byProvince.map((p) => {
        const tile = TILES[p.provinceCode];
        const share = percent(p.regencies.formed, p.regencies.total);
        const { bg, fg } = shade(share);
        return (
          <Tooltip key={p.provinceCode} label={`${p.provinceName} · ${t("admin.coverage.formedOf", { formed: p.regencies.formed, total: p.regencies.total })} (${share}%)`}>
            <Box
              data-province={p.provinceCode}
              style={{
                gridColumn: tile ? tile[0] + 1 : undefined,
                gridRow: tile ? tile[1] + 1 : undefined,
                background: bg,
                color: fg,
                aspectRatio: "1",
                borderRadius: 6,
                border: p.provinceFormed ? "3px solid var(--mantine-color-dark-6)" : "1px solid var(--mantine-color-gray-4)",
                display: "flex",
                flexDirection: "column",
                alignItems: "center",
                justifyContent: "center",
                fontSize: 11,
                lineHeight: 1.1,
              }}
            >
              <strong>{p.provinceCode}</strong>
              <span>{share}%</span>
            </Box>
          </Tooltip>
        );
      })}
    </Box>
  );
}

function LevelCard({ label, formed, total, testId }: { label: string; formed: number; total: number; testId: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.2}>
        {t("admin.coverage.formedOf", { formed, total })}
      </Text>
      <Text size="sm">{t("admin.coverage.share", { percent: percent(formed, total) })}</Text>
    </Paper>
  );
}

/** The coverage at the date as an XLSX file: per province, then the task forces not formed. */
function CoverageDownload({ at }: { at: string | undefined }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const language = i18n.language === "en" ? "en" : "id";
  const file = useMutation({
    mutationFn: () => queryClient.fetchQuery({ ...trpc.hierarchy.exportCoverage.queryOptions({ language, ...(at ? { at } : {}) }), staleTime: 0 }),
    onSuccess: (f) => download(f.fileName, { base64: f.contentBase64 }, XLSX_TYPE),
  });
  return (
    <Group gap="sm">
      <Button variant="default" loading={file.isPending} onClick={() => file.mutate()} data-testid="coverage-xlsx">
        {t("admin.coverage.download")}
      </Button>
      {file.isError && (
        <Alert color="red" role="alert" py={6}>
          {t("admin.hierarchy.downloadFailed")}
        </Alert>
      )}
    </Group>
  );
}

export function CoveragePage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [at] = useAtDate();
  const [filter, setFilter] = useState("");
  const coverage = useQuery(trpc.hierarchy.coverage.queryOptions(at ? { at } : {}));
  return (
    <Stack gap="lg" maw={1100}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t("admin.coverage.title")}
          </Title>
          <Text c="dimmed">{t("admin.coverage.intro")}</Text>
        </div>
        <Group gap="sm" align="flex-end">
          <CoverageDownload at={at} />
          <AtDateInput today={coverage.data?.at && !at ? coverage.data.at : undefined} />
        </Group>
      </Group>
      <QueryState query={coverage}>
        {(c) => (
          <Stack gap="lg">
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <LevelCard label={t("admin.coverage.provinces")} formed={c.province.formed} total={c.province.total} testId="coverage-provinces" />
              <LevelCard label={t("admin.coverage.regencies")} formed={c.regency.formed} total={c.regency.total} testId="coverage-regencies" />
            </SimpleGrid>
            <Paper withBorder p="md" radius="md">
              <Title order={2} size="h4" mb={4}>
                {t("admin.coverage.map")}
              </Title>
              <Text size="xs" c="dimmed" mb="sm">
                {t("admin.coverage.mapHint")}
              </Text>
              <Cartogram coverage={c} />
            </Paper>
            <Paper withBorder radius="md">
              <DataTable label={t("admin.coverage.table")} minWidth={560} testId="coverage-table" striped columns={[t("admin.coverage.province"), t("admin.coverage.provinceFormed"), { label: t("admin.coverage.regencyFormed"), align: "right" }, { label: "%", align: "right" }]}>
                    {c.byProvince.map((p) => (
                      <Table.Tr key={p.provinceCode}>
                        <Table.Td>
                          {p.taskForceId ? (
                            <Anchor component={Link} href={`/task-forces/${p.taskForceId}${at ? `?at=${at}` : ""}`}>
                              {p.provinceCode} · {p.provinceName}
                            </Anchor>
                          ) : (
                            `${p.provinceCode} · ${p.provinceName}`
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Badge color={p.provinceFormed ? "green" : "gray"} variant="light">
                            {p.provinceFormed ? t("admin.coverage.yes") : t("admin.coverage.no")}
                          </Badge>
                        </Table.Td>
                        <Table.Td ta="right">{t("admin.coverage.formedOf", { formed: p.regencies.formed, total: p.regencies.total })}</Table.Td>
                        <Table.Td ta="right">{percent(p.regencies.formed, p.regencies.total)}</Table.Td>
                      </Table.Tr>
                    ))}
              </DataTable>
            </Paper>
            <Paper withBorder p="md" radius="md">
              <Group justify="space-between" mb="xs">
                <Title order={2} size="h4">
                  {t("admin.coverage.unformed", { count: c.unformed.length })}
                </Title>
                <TextInput size="xs" placeholder={t("admin.hierarchy.searchPlaceholder")} value={filter} onChange={(e) => setFilter(e.currentTarget.value)} w={240} aria-label={t("admin.hierarchy.searchLabel")} />
              </Group>
              <ScrollArea.Autosize mah={320} type="auto">
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing={2}>
                {c.unformed
                  .filter((u) => !filter || `${u.regionCode ?? ""} ${u.regionName ?? ""}`.toLowerCase().includes(filter.toLowerCase()))
                  .slice(0, 300)
                  .map((u) => (
                    <Anchor key={u.taskForceId} component={Link} href={`/task-forces/${u.taskForceId}${at ? `?at=${at}` : ""}`} size="sm">
                      {u.regionCode ? `${u.regionCode} · ${u.regionName}` : t("level.national")}
                    </Anchor>
                  ))}
              </SimpleGrid>
              </ScrollArea.Autosize>
            </Paper>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
