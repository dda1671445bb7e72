import { LEVELS } from "@gugus/domain/hierarchy";
import type { Level } from "@gugus/domain/hierarchy";
import { periodYears } from "@gugus/domain/ran";
import { SUB_TASK_FORCES } from "@gugus/domain/sub-task-forces";
import { ConfirmModal, DataTable, download, errorMessage, FormModal, useNumberFormat, useTRPC } from "@gugus/ui";
import { Alert, Badge, Button, Group, Modal, Paper, SegmentedControl, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ImportItems } from "./ImportItems.tsx";
import { ItemForm } from "./ItemForm.tsx";
import type { PeriodDetail } from "./PeriodPage.tsx";
import { invalidatePeriodItems } from "./queries.ts";

type Item = PeriodDetail["items"][number];
type Editing = { item: Item | null; subTaskForce: string } | null;

/** A period's action items, grouped by the six sub-task-forces, each with its target for every year. */
export function ItemsTab({ detail, canManage }: { detail: PeriodDetail; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formatNumber = useNumberFormat();
  const [level, setLevel] = useState<Level | "all">("all");
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<Item | null>(null);
  const [importing, setImporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const remove = useMutation(
    trpc.ran.deleteItem.mutationOptions({ onSuccess: () => setRemoving(null), onSettled: () => void invalidatePeriodItems(queryClient, trpc, period.number) }),
  );
  const period = detail.period;
  const years = periodYears(period);
  const codeOf = new Map(detail.items.map((i) => [i.id, i.code]));
  const shown = detail.items.filter((i) => level === "all" || i.level === level);
  const coordinatorOf = new Map(detail.coordinators.map((c) => [c.subTaskForce, c.agency]));

  async function exportFile() {
    setExportError(null);
    try {
      const file = await queryClient.fetchQuery(trpc.ran.exportItems.queryOptions({ number: period.number, language: i18n.language === "en" ? "en" : "id" }, { staleTime: 0 }));
      download(file.fileName, { base64: file.contentBase64 }, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    } catch (error) {
      setExportError(error);
    }
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t("admin.period.items.filterLevel")}
          </Text>
          <SegmentedControl
            value={level}
            onChange={(v) => setLevel(v)}
            data={[{ value: "all", label: t("admin.period.items.allLevels") }, ...LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))]}
          />
        </Stack>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t("admin.plan.items", { count: shown.length })}
          </Text>
          <Button variant="default" onClick={() => void exportFile()}>
            {t("admin.period.items.export")}
          </Button>
          {canManage && (
            <>
              <Button variant="default" onClick={() => setImporting(true)}>
                {t("admin.period.items.import")}
              </Button>
              <Button onClick={() => setEditing({ item: null, subTaskForce: "prevention" })}>{t("admin.period.items.add")}</Button>
            </>
          )}
        </Group>
      </Group>
      {exportError ? (
        <Alert color="red" role="alert">
          {errorMessage(t, exportError)}
        </Alert>
      ) : null}
      {SUB_TASK_FORCES.map((stf) => {
        const items = shown.filter((i) => i.subTaskForce === stf.code);
        const coordinator = coordinatorOf.get(stf.code);
        return (
          <Paper key={stf.code} withBorder radius="md" p="md" data-testid={`items-${stf.code}`}>
            <Stack gap="xs">
              <Group justify="space-between" align="flex-start">
                <div>
                  <Title order={2} size="h4">
                    {stf.numeral}. {t(`subTaskForce.${stf.code}`)}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {coordinator ? t("admin.period.items.coordinator", { agency: coordinator }) : t("admin.period.items.noCoordinator")} · {t("admin.plan.items", { count: items.length })}
                  </Text>
                </div>
                {canManage && (
                  <Button size="xs" variant="light" onClick={() => setEditing({ item: null, subTaskForce: stf.code })}>
                    {t("admin.period.items.add")}
                  </Button>
                )}
              </Group>
              {items.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t("admin.period.items.empty")}
                </Text>
              ) : (
                // Fixed column widths keep the year columns in line from one sub-task-force to the next.
                <DataTable
                  label={`${stf.numeral}. ${t(`subTaskForce.${stf.code}`)}`}
                  minWidth={700 + years.length * 64}
                  verticalSpacing="xs"
                  highlightOnHover
                  layout="fixed"
                  columns={[
                    { label: t("admin.plan.code"), width: 120 },
                    t("admin.plan.activity"),
                    { label: t("admin.plan.level"), width: 130 },
                    { label: t("admin.plan.unit"), width: 110 },
                    ...years.map((y) => ({ label: String(y), width: 64, align: "right" as const })),
                    { label: t("admin.plan.leadAgency"), width: 150 },
                  ]}
                >
                      {items.map((item) => (
                        <Table.Tr key={item.id} data-testid={`item-${item.code}`}>
                          <Table.Td style={{ whiteSpace: "nowrap", verticalAlign: "top" }}>
                            <Text fw={600} size="sm">
                              {item.code}
                            </Text>
                            {canManage && (
                              <Group gap={0} wrap="nowrap" ml={-8}>
                                <Button size="compact-xs" variant="subtle" onClick={() => setEditing({ item, subTaskForce: item.subTaskForce })}>
                                  {t("admin.period.items.edit")}
                                </Button>
                                <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRemoving(item)}>
                                  {t("admin.period.items.remove")}
                                </Button>
                              </Group>
                            )}
                          </Table.Td>
                          <Table.Td style={{ verticalAlign: "top" }}>
                            <Text size="sm">{item.activity}</Text>
                            <Text size="xs" c="dimmed">
                              {item.programme} · {item.indicator}
                              {item.baseline !== null ? ` · ${t("admin.plan.baseline")}: ${formatNumber(item.baseline)}` : ""}
                              {item.followsItemId !== null ? ` · ${t("admin.plan.follows")}: ${codeOf.get(item.followsItemId) ?? "?"}` : ""}
                            </Text>
                          </Table.Td>
                          <Table.Td style={{ verticalAlign: "top" }}>
                            <Badge variant="light" size="sm">
                              {t(`level.${item.level}`)}
                            </Badge>
                          </Table.Td>
                          <Table.Td style={{ verticalAlign: "top" }}>
                            <Text size="sm">{t(`unit.${item.unit}`)}</Text>
                            <Text size="xs" c="dimmed">
                              {t(`admin.targetMode.${item.targetMode}`)}
                            </Text>
                          </Table.Td>
                          {years.map((y) => (
                            <Table.Td key={y} ta="right" style={{ verticalAlign: "top", fontVariantNumeric: "tabular-nums" }}>
                              {formatNumber(item.targets.find((x) => x.year === y)?.value)}
                            </Table.Td>
                          ))}
                          <Table.Td style={{ verticalAlign: "top" }}>
                            <Text size="sm">{item.leadAgency}</Text>
                            {item.relatedAgencies.length > 0 && (
                              <Text size="xs" c="dimmed">
                                {item.relatedAgencies.join(", ")}
                              </Text>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                </DataTable>
              )}
            </Stack>
          </Paper>
        );
      })}
      <FormModal opened={editing !== null} onClose={() => setEditing(null)} size="xl" title={editing?.item ? t("admin.period.form.editTitle", { code: editing.item.code }) : t("admin.period.form.createTitle")}>
        {editing && <ItemForm key={editing.item?.id ?? `new-${editing.subTaskForce}`} detail={detail} editing={editing.item} subTaskForce={editing.subTaskForce} onDone={() => setEditing(null)} />}
      </FormModal>
      <Modal opened={importing} onClose={() => setImporting(false)} size="xl" title={t("admin.period.import.title")} closeButtonProps={{ "aria-label": t("admin.period.form.cancel") }}>
        {importing && <ImportItems period={period} onClose={() => setImporting(false)} />}
      </Modal>
      <ConfirmModal
        opened={removing !== null}
        title={t("admin.period.items.removeTitle", { code: removing?.code ?? "" })}
        text={t("admin.period.items.removeBody")}
        onCancel={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() => removing && remove.mutate({ id: removing.id, version: removing.version })}
        pending={remove.isPending}
        error={remove.error}
      />
    </Stack>
  );
}
