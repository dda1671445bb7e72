import "@mantine/core/styles/InlineInput.css";
import "@mantine/core/styles/CheckboxCard.css";
import "@mantine/core/styles/CheckboxIndicator.css";
import "@mantine/core/styles/Checkbox.css";
import "@mantine/core/styles/Progress.css";
import type { RouterOutputs } from "@gugus/api";
import { DataTable, errorMessage, fieldError, invalidateAllFormation, useTRPC } from "@gugus/ui";
import { Alert, Badge, Button, Checkbox, Group, Paper, Progress, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { readAsBase64 } from "../files.ts";

type Row = RouterOutputs["formationImport"]["parse"]["rows"][number];
type Result = RouterOutputs["formationImport"]["check"][number];
type Stage =
  | { kind: "idle" }
  | { kind: "reading" }
  | { kind: "checking"; done: number; total: number }
  | { kind: "checked"; fileName: string; rows: Row[]; results: Result[] }
  | { kind: "committed"; inserted: number; alreadyPresent: number };

/** Rows are checked this many at a time, so the progress bar moves and no request grows large. */
const BATCH = 50;

/** Importing formation data: read the file, check every row (with progress), then save it all or nothing. */
export function ImportPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [stage, setStage] = useState<Stage>({ kind: "idle" });
  const [error, setError] = useState<unknown>(null);
  const [onlyProblems, setOnlyProblems] = useState(true);
  const parse = useMutation(trpc.formationImport.parse.mutationOptions());
  const check = useMutation(trpc.formationImport.check.mutationOptions());
  const commit = useMutation(trpc.formationImport.commit.mutationOptions({ onSettled: () => void invalidateAllFormation(queryClient, trpc) }));

  async function load(file: File) {
    setError(null);
    setStage({ kind: "reading" });
    try {
      const { rows } = await parse.mutateAsync({ fileName: file.name, contentBase64: await readAsBase64(file) });
      const results: Result[] = [];
      for (let i = 0; i < rows.length; i += BATCH) {
        setStage({ kind: "checking", done: i, total: rows.length });
        results.push(...(await check.mutateAsync({ rows: rows.slice(i, i + BATCH) })));
      }
      setStage({ kind: "checked", fileName: file.name, rows, results });
    } catch (e) {
      setError(e);
      setStage({ kind: "idle" });
    }
  }

  async function save(s: Extract<Stage, { kind: "checked" }>) {
    setError(null);
    try {
      const done = await commit.mutateAsync({ fileName: s.fileName, rows: s.rows });
      setStage({ kind: "committed", ...done });
    } catch (e) {
      setError(e);
    }
  }

  const reset = () => {
    setStage({ kind: "idle" });
    setError(null);
    if (input.current) input.current.value = "";
  };

  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <Title order={1} size="h2">
          {t("admin.import.title")}
        </Title>
        <Text c="dimmed">{t("admin.import.intro")}</Text>
        <Text size="sm" mt={4}>
          {t("admin.import.columns")}
        </Text>
      </div>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <label>
            <Text size="sm" fw={500} mb={4}>
              {t("admin.import.file")}
            </Text>
            <input
              ref={input}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              data-testid="import-file"
              disabled={stage.kind === "reading" || stage.kind === "checking"}
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (file) void load(file);
              }}
            />
          </label>
          {stage.kind === "reading" && <Text size="sm">{t("admin.import.read")}</Text>}
          {stage.kind === "checking" && (
            <Stack gap={4}>
              <Text size="sm">{t("admin.import.checking", { done: stage.done, total: stage.total })}</Text>
              <Progress value={(stage.done / stage.total) * 100} animated aria-label={t("admin.import.checking", { done: stage.done, total: stage.total })} />
            </Stack>
          )}
          {error ? (
            <Alert color="red" role="alert">
              {errorMessage(t, error)}
            </Alert>
          ) : null}
        </Stack>
      </Paper>

      {stage.kind === "checked" && (() => {
        const bad = stage.results.filter((r) => r.issues.length > 0);
        const present = stage.results.filter((r) => r.alreadyPresent).length;
        const shown = onlyProblems && bad.length > 0 ? bad : stage.results;
        return (
          <Stack gap="sm">
            <Alert color={bad.length > 0 ? "red" : "green"} data-testid="import-summary">
              {t("admin.import.checked", { total: stage.results.length, ok: stage.results.length - bad.length, bad: bad.length, present })}
              {bad.length > 0 ? ` ${t("admin.import.fixFirst")}` : ""}
            </Alert>
            <Group>
              {bad.length === 0 && (
                <Button loading={commit.isPending} onClick={() => void save(stage)}>
                  {t("admin.import.commit", { count: stage.results.length - present })}
                </Button>
              )}
              <Button variant="default" onClick={reset}>
                {t("admin.import.again")}
              </Button>
              {bad.length > 0 && <Checkbox label={t("admin.import.onlyProblems")} checked={onlyProblems} onChange={(e) => setOnlyProblems(e.currentTarget.checked)} />}
            </Group>
            <Paper withBorder radius="md">
              <DataTable label={t("admin.import.title")} minWidth={640} testId="import-report" striped columns={[{ label: t("admin.import.row"), width: 70 }, t("admin.import.region"), t("admin.import.problems")]}>
                    {shown.slice(0, 500).map((r) => {
                      const source = stage.rows.find((x) => x.row === r.row);
                      return (
                        <Table.Tr key={r.row}>
                          <Table.Td>{r.row}</Table.Td>
                          <Table.Td>
                            <Text size="sm">
                              {source?.regionCode} {r.regionName ? `· ${r.regionName}` : ""}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {source?.type} {source?.number} · {source?.issuedOn}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            {r.issues.length === 0 ? (
                              <Badge color={r.alreadyPresent ? "gray" : "green"} variant="light">
                                {r.alreadyPresent ? t("admin.import.present") : t("admin.import.ok")}
                              </Badge>
                            ) : (
                              r.issues.map((i) => (
                                <Text key={`${i.field}${i.messageKey}`} size="sm" c="red">
                                  {t(`admin.import.fields.${i.field}`)}: {fieldError(t, i.messageKey)}
                                </Text>
                              ))
                            )}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
              </DataTable>
            </Paper>
          </Stack>
        );
      })()}

      {stage.kind === "committed" && (
        <Stack gap="sm">
          <Alert color="green" data-testid="import-done">
            {t("admin.import.done", { inserted: stage.inserted, present: stage.alreadyPresent })}
          </Alert>
          <Group>
            <Button variant="default" onClick={reset}>
              {t("admin.import.again")}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
