import "@mantine/core/styles/Combobox.css";
import { RestructurePlanSchema } from "@gugus/domain/hierarchy";
import { DataTable, QueryState, errorMessage, invalidateAllFormation, useDomainForm, useTRPC } from "@gugus/ui";
import { Alert, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Textarea, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";

const EMPTY = { kind: "split", effectiveDate: "", legalBasis: "", sourceCode: "", sourceCodes: "", newCode: "", newName: "", moves: "", oldCode: "", code: "" };

/** The form's values as a plan for the domain to check (the server checks it again against the data). */
function toPlan(v: typeof EMPTY): unknown {
  const base = { effectiveDate: v.effectiveDate, legalBasis: v.legalBasis };
  switch (v.kind) {
    case "split":
      return {
        ...base,
        kind: "split",
        sourceCode: v.sourceCode.trim(),
        newCode: v.newCode.trim(),
        newName: v.newName,
        moves: v.moves
          .split("\n")
          .map((line) => line.trim().split(/[\s,;→>-]+/).filter(Boolean))
          .filter((parts) => parts.length > 0)
          .map(([oldCode = "", newCode = ""]) => ({ oldCode, newCode })),
      };
    case "merge":
      return { ...base, kind: "merge", sourceCodes: v.sourceCodes.split(/[\s,;]+/).filter(Boolean), newCode: v.newCode.trim(), newName: v.newName };
    case "recode":
      return { ...base, kind: "recode", oldCode: v.oldCode.trim(), newCode: v.newCode.trim(), newName: v.newName.trim() || null };
    default:
      return { ...base, kind: "rename", code: v.code.trim(), newName: v.newName };
  }
}

function RecordForm() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<number | null>(null);
  const { form, onSubmit } = useDomainForm({
    initialValues: EMPTY,
    schema: RestructurePlanSchema,
    toInput: toPlan,
    // Every problem of the moves shows on the one field that holds them.
    fieldOfPath: (path) => path.split(".")[0] ?? path,
  });
  const record = useMutation(
    trpc.hierarchy.restructure.mutationOptions({
      onSuccess: (r) => {
        setSaved(r.successions.length);
        form.reset();
      },
      // Regions, their codes and names changed: the hierarchy and every profile's region history.
      onSettled: () => void invalidateAllFormation(queryClient, trpc),
    }),
  );
  const kind = form.values.kind;
  return (
    <form
      noValidate
      onSubmit={onSubmit((plan) => {
        setSaved(null);
        record.mutate({ plan });
      })}
    >
      <Stack gap="sm">
        <Select
          label={t("admin.restructuring.kind")}
          data={(["split", "merge", "recode", "rename"] as const).map((k) => ({ value: k, label: t(`admin.restructuring.kinds.${k}`) }))}
          {...form.getInputProps("kind")}
          allowDeselect={false}
        />
        <Group grow align="flex-start">
          <TextInput type="date" label={t("admin.restructuring.effectiveDate")} required {...form.getInputProps("effectiveDate")} />
          <TextInput label={t("admin.restructuring.legalBasis")} description={t("admin.restructuring.legalBasisHint")} required {...form.getInputProps("legalBasis")} />
        </Group>
        {kind === "split" && <TextInput label={t("admin.restructuring.sourceCode")} required {...form.getInputProps("sourceCode")} />}
        {kind === "merge" && <TextInput label={t("admin.restructuring.sourceCodes")} description={t("admin.restructuring.sourceCodesHint")} required {...form.getInputProps("sourceCodes")} />}
        {kind === "recode" && <TextInput label={t("admin.restructuring.oldCode")} required {...form.getInputProps("oldCode")} />}
        {kind === "rename" && <TextInput label={t("admin.restructuring.code")} required {...form.getInputProps("code")} />}
        {kind !== "rename" && <TextInput label={t("admin.restructuring.newCode")} required {...form.getInputProps("newCode")} />}
        <TextInput label={t("admin.restructuring.newName")} required={kind !== "recode"} {...form.getInputProps("newName")} />
        {kind === "split" && <Textarea label={t("admin.restructuring.moves")} description={t("admin.restructuring.movesHint")} autosize minRows={2} {...form.getInputProps("moves")} />}
        {record.isError && (
          <Alert color="red" role="alert">
            {errorMessage(t, record.error)}
          </Alert>
        )}
        {saved !== null && <Alert color="green">{t("admin.restructuring.saved", { count: saved })}</Alert>}
        <Button type="submit" loading={record.isPending}>
          {t("admin.restructuring.record")}
        </Button>
      </Stack>
    </form>
  );
}

/** Restructurings on record, and recording a new one ahead of its date. */
export function RestructuringPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const successions = useQuery(trpc.hierarchy.successions.queryOptions());
  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <Title order={1} size="h2">
          {t("admin.restructuring.title")}
        </Title>
        <Text c="dimmed">{t("admin.restructuring.intro")}</Text>
      </div>
      <Paper withBorder p="md" radius="md" maw={640}>
        <Title order={2} size="h4" mb="sm">
          {t("admin.restructuring.record")}
        </Title>
        <RecordForm />
      </Paper>
      <QueryState query={successions}>
        {(rows) =>
          rows.length === 0 ? (
            <Text c="dimmed">{t("admin.restructuring.none")}</Text>
          ) : (
            <Paper withBorder radius="md">
              <DataTable
                label={t("admin.restructuring.recorded")}
                minWidth={720}
                striped
                testId="successions-table"
                columns={[t("admin.restructuring.effective"), t("admin.restructuring.type"), t("admin.restructuring.from"), t("admin.restructuring.to"), t("admin.restructuring.basis")]}
              >
                    {rows.map((s) => (
                      <Table.Tr key={s.id}>
                        <Table.Td style={{ whiteSpace: "nowrap" }}>{s.effectiveDate}</Table.Td>
                        <Table.Td>{t(`successionType.${s.type}`)}</Table.Td>
                        <Table.Td>
                          {s.oldCode} · {s.oldName}
                        </Table.Td>
                        <Table.Td>
                          {s.newCode} · {s.newName ?? s.newRegionName}
                        </Table.Td>
                        <Table.Td>{s.legalBasis ?? "—"}</Table.Td>
                      </Table.Tr>
                    ))}
              </DataTable>
            </Paper>
          )
        }
      </QueryState>
    </Stack>
  );
}
