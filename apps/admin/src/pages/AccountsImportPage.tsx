import "@mantine/core/styles/InlineInput.css";
import "@mantine/core/styles/CheckboxIndicator.css";
import "@mantine/core/styles/Checkbox.css";
import type { RouterOutputs } from "@gugus/api";
import { DataTable, OneTimePasswordsFile, errorMessage, fieldError, invalidateAccounts, taskForceName, useTRPC } from "@gugus/ui";
import { Alert, Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { readAsBase64 } from "../files.ts";

type Checked = RouterOutputs["accountsBulk"]["check"];
type Committed = RouterOutputs["accountsBulk"]["commit"];
type Stage =
  | { kind: "idle" }
  | { kind: "checking" }
  | { kind: "checked"; fileName: string; contentBase64: string; result: Checked }
  | { kind: "committed"; result: Committed };

/** Rows shown at once in the report (the summary counts them all). */
const SHOWN = 500;

/**
 * Creating many accounts from one file: the file is checked row by row (each row's problems in
 * words), saved all or nothing, and the one-time passwords handed back once as a file.
 */
export function AccountsImportPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [stage, setStage] = useState<Stage>({ kind: "idle" });
  const [error, setError] = useState<unknown>(null);
  const [onlyProblems, setOnlyProblems] = useState(true);
  const check = useMutation(trpc.accountsBulk.check.mutationOptions());
  const commit = useMutation(trpc.accountsBulk.commit.mutationOptions({ onSettled: () => void invalidateAccounts(queryClient, trpc) }));

  async function load(file: File) {
    setError(null);
    setStage({ kind: "checking" });
    try {
      const contentBase64 = await readAsBase64(file);
      const result = await check.mutateAsync({ fileName: file.name, contentBase64 });
      setStage({ kind: "checked", fileName: file.name, contentBase64, result });
    } catch (e) {
      setError(e);
      setStage({ kind: "idle" });
    }
  }

  async function save(s: Extract<Stage, { kind: "checked" }>) {
    setError(null);
    try {
      const result = await commit.mutateAsync({ fileName: s.fileName, contentBase64: s.contentBase64, language: i18n.language === "en" ? "en" : "id" });
      setStage({ kind: "committed", result });
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
        <Anchor component={Link} href="/accounts" size="sm">
          {t("accounts.import.back")}
        </Anchor>
        <Title order={1} size="h2">
          {t("accounts.import.title")}
        </Title>
        <Text c="dimmed">{t("accounts.import.intro")}</Text>
        <Text size="sm" mt={4}>
          {t("accounts.import.columns")}
        </Text>
      </div>
      {stage.kind !== "committed" && (
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <label>
              <Text size="sm" fw={500} mb={4}>
                {t("accounts.import.file")}
              </Text>
              <input
                ref={input}
                type="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                data-testid="accounts-file"
                disabled={stage.kind === "checking"}
                onChange={(e) => {
                  const file = e.currentTarget.files?.[0];
                  if (file) void load(file);
                }}
              />
            </label>
            {stage.kind === "checking" && (
              <Text size="sm" role="status">
                {t("accounts.import.checking")}
              </Text>
            )}
            {error ? (
              <Alert color="red" role="alert">
                {errorMessage(t, error)}
              </Alert>
            ) : null}
          </Stack>
        </Paper>
      )}

      {stage.kind === "checked" &&
        (() => {
          const { rows, total, failing } = stage.result;
          const bad = rows.filter((r) => r.problems.length > 0);
          const shown = onlyProblems && bad.length > 0 ? bad : rows;
          return (
            <Stack gap="sm">
              <Alert color={failing > 0 ? "red" : "green"} data-testid="accounts-check-summary">
                {t("accounts.import.checked", { total, ok: total - failing, bad: failing })}
                {failing > 0 ? ` ${t("accounts.import.fixFirst")}` : ""}
              </Alert>
              <Group>
                {failing === 0 && (
                  <Button loading={commit.isPending} onClick={() => void save(stage)} data-testid="accounts-commit">
                    {t("accounts.import.commit", { count: total })}
                  </Button>
                )}
                {failing > 0 && <Checkbox label={t("accounts.import.onlyProblems")} checked={onlyProblems} onChange={(e) => setOnlyProblems(e.currentTarget.checked)} />}
              </Group>
              <Paper withBorder radius="md">
                <DataTable
                  label={t("accounts.import.report")}
                  minWidth={720}
                  testId="accounts-check-report"
                  striped
                  columns={[{ label: t("accounts.import.row"), width: 70 }, t("accounts.import.account"), t("accounts.import.taskForce"), t("accounts.import.problems")]}
                >
                  {shown.slice(0, SHOWN).map((r) => (
                    <Table.Tr key={r.row} data-row={r.row}>
                      <Table.Td>{r.row}</Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {r.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {r.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {r.taskForceName !== null || r.regionCode === null
                            ? `${r.regionCode ?? ""}${r.regionCode ? " · " : ""}${taskForceName(t, { level: r.regionCode === null ? "national" : r.regionCode.includes(".") ? "regency" : "province", regionName: r.taskForceName })}`
                            : r.regionCode}
                        </Text>
                        {r.role && (
                          <Text size="xs" c="dimmed">
                            {t(`role.${r.role}`)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {r.problems.length === 0 ? (
                          <Badge color="green" variant="light">
                            {t("accounts.import.ok")}
                          </Badge>
                        ) : (
                          r.problems.map((p) => (
                            <Text key={`${p.field}${p.code}`} size="sm" c="red">
                              {t(`accounts.import.fields.${p.field}`)}: {fieldError(t, p.code)}
                            </Text>
                          ))
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </DataTable>
              </Paper>
            </Stack>
          );
        })()}

      {stage.kind === "committed" && (
        <Stack gap="sm">
          <Alert color="green" data-testid="accounts-import-done">
            {t("accounts.import.done", { count: stage.result.created.length })}
          </Alert>
          <OneTimePasswordsFile file={stage.result.file} count={stage.result.created.length} onDone={reset} />
        </Stack>
      )}
    </Stack>
  );
}
