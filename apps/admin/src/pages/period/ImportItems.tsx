import type { RouterOutputs } from "@gugus/api";
import { itemTableHeader } from "@gugus/domain/ran";
import { DataTable, download, errorMessage, problemMessage, useTRPC } from "@gugus/ui";
import { Alert, Anchor, Badge, Button, FileButton, Group, Stack, Stepper, Table, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { readAsBase64 } from "../../files.ts";
import type { PeriodDetail } from "./PeriodPage.tsx";
import { invalidatePeriodItems } from "./queries.ts";

type Check = RouterOutputs["ran"]["checkItemsFile"];
type Stage =
  | { kind: "choose" }
  | { kind: "reading"; fileName: string }
  | { kind: "checking"; fileName: string }
  | { kind: "review"; fileName: string; contentBase64: string; check: Check }
  | { kind: "saving"; fileName: string; check: Check }
  | { kind: "saved"; count: number };

const STEP: Record<Stage["kind"], number> = { choose: 0, reading: 0, checking: 1, review: 2, saving: 3, saved: 4 };

/**
 * Importing a period's action items from a matrix: read the file, check every row on the server
 * (nothing written), show each row's problems by field, then save all rows together or none.
 */
export function ImportItems({ period, onClose }: { period: PeriodDetail["period"]; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [stage, setStage] = useState<Stage>({ kind: "choose" });
  const [error, setError] = useState<unknown>(null);
  const check = useMutation(trpc.ran.checkItemsFile.mutationOptions());
  const save = useMutation(trpc.ran.importItems.mutationOptions({ onSettled: () => void invalidatePeriodItems(queryClient, trpc, period.number) }));

  async function load(file: File | null) {
    if (!file) return;
    setError(null);
    try {
      setStage({ kind: "reading", fileName: file.name });
      const contentBase64 = await readAsBase64(file);
      setStage({ kind: "checking", fileName: file.name });
      const result = await check.mutateAsync({ number: period.number, fileName: file.name, contentBase64 });
      setStage({ kind: "review", fileName: file.name, contentBase64, check: result });
    } catch (e) {
      setError(e);
      setStage({ kind: "choose" });
    }
  }

  async function commit(s: Extract<Stage, { kind: "review" }>) {
    setError(null);
    setStage({ kind: "saving", fileName: s.fileName, check: s.check });
    try {
      const done = await save.mutateAsync({ number: period.number, fileName: s.fileName, contentBase64: s.contentBase64 });
      setStage({ kind: "saved", count: done.inserted });
    } catch (e) {
      setError(e);
      setStage(s);
    }
  }

  // Semicolons: Excel set to Indonesian opens them as columns (the import reads either).
  const template = () =>
    download(`ran-${period.numeral}-templat.csv`, { text: `${itemTableHeader(period).join(";")}\n` }, "text/csv;charset=utf-8");
  const bad = stage.kind === "review" ? stage.check.rows.filter((r) => !r.ok) : [];
  const ready = stage.kind === "review" ? stage.check.rows.length - bad.length : 0;

  return (
    <Stack gap="md">
      <Text size="sm">{t("admin.period.import.intro", { first: period.firstYear, last: period.lastYear })}</Text>
      <Stepper active={STEP[stage.kind]} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t("admin.period.import.steps.read")} loading={stage.kind === "reading"} />
        <Stepper.Step label={t("admin.period.import.steps.check")} loading={stage.kind === "checking"} />
        <Stepper.Step label={t("admin.period.import.steps.review")} />
        <Stepper.Step label={t("admin.period.import.steps.save")} loading={stage.kind === "saving"} />
      </Stepper>
      {error ? (
        <Alert color="red" role="alert">
          {errorMessage(t, error)}
        </Alert>
      ) : null}
      {(stage.kind === "choose" || stage.kind === "review") && (
        <Group>
          <FileButton onChange={(file) => void load(file)} accept=".csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
            {(props) => (
              <Button variant={stage.kind === "review" ? "default" : "filled"} {...props}>
                {t("admin.period.import.choose")}
              </Button>
            )}
          </FileButton>
          <Anchor component="button" type="button" size="sm" onClick={template}>
            {t("admin.period.import.template")}
          </Anchor>
        </Group>
      )}
      {stage.kind === "review" && (
        <Stack gap="sm" data-testid="import-review">
          {stage.check.columns.length > 0 ? (
            <Alert color="red" role="alert" title={t("admin.period.import.columnsProblem")}>
              <Stack gap={2}>
                {stage.check.columns.map((c) => (
                  <Text key={`${c.column}-${c.code}`} size="sm">
                    {problemMessage(t, c.code, { column: c.column })}
                  </Text>
                ))}
              </Stack>
            </Alert>
          ) : (
            <>
              <Text fw={600}>{t("admin.period.import.summary", { ok: ready, bad: bad.length })}</Text>
              {bad.length > 0 && (
                <Alert color="yellow" role="alert">
                  {t("admin.period.import.fixFirst")}
                </Alert>
              )}
              <DataTable label={t("admin.period.import.title")} minWidth={560} maxHeight={360} striped columns={[t("admin.period.import.row"), t("admin.period.import.code"), t("admin.period.import.problems")]}>
                    {stage.check.rows.map((r) => (
                      <Table.Tr key={r.row} data-ok={r.ok || undefined}>
                        <Table.Td>{r.row}</Table.Td>
                        <Table.Td>{r.code || "—"}</Table.Td>
                        <Table.Td>
                          {r.ok ? (
                            <Badge color="green" variant="light" size="sm">
                              {t("admin.period.import.fine")}
                            </Badge>
                          ) : (
                            <Stack gap={2}>
                              {r.problems.map((p) => (
                                <Text key={`${p.field}-${p.code}`} size="sm" c="red">
                                  <b>{p.field}</b>: {problemMessage(t, p.code)}
                                </Text>
                              ))}
                            </Stack>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
              </DataTable>
              <Group justify="flex-end">
                <Button onClick={() => void commit(stage)} disabled={bad.length > 0 || ready === 0}>
                  {t("admin.period.import.save", { count: ready })}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      )}
      {stage.kind === "saved" && (
        <Stack gap="sm">
          <Alert color="green" role="status">
            {t("admin.period.import.saved", { count: stage.count })}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setStage({ kind: "choose" })}>
              {t("admin.period.import.again")}
            </Button>
            <Button onClick={onClose}>{t("admin.period.import.close")}</Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
