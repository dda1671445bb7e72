/** The report form's panels around the sections: the checks, the history, a conflict, the autosave state. */
import { diffReportContent } from "@gugus/domain/reports";
import type { ReportContent } from "@gugus/domain/reports";
import { Alert, Button, Checkbox, Group, List, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../components/DataTable.tsx";
import { problemMessage } from "../../errors.ts";
import type { AutosaveStatus } from "../useReportAutosave.ts";
import type { ReportEvent, ReportItem, ZoneCode } from "./api.ts";
import { formatValue, useFormats } from "../review/format.ts";
import { useIssueWords } from "./fields.tsx";
import { localInstant, pathLabel, utcInstant } from "./labels.ts";
import type { FieldIssue, FormProblems } from "./model.ts";

/** The errors (fix them to submit) and the warnings, each with its "I have checked this" box. */
export function ChecksPanel({
  problems,
  content,
  items,
  acknowledged,
  onAcknowledge,
  onShow,
  readOnly,
}: {
  problems: FormProblems;
  content: ReportContent;
  items: ReportItem[];
  acknowledged: readonly string[];
  onAcknowledge: (key: string, checked: boolean) => void;
  onShow: (path: string) => void;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const words = useIssueWords();
  const errors: (FieldIssue & { path: string })[] = [
    ...problems.schema.map((i) => ({ ...i, path: i.key ?? "" })),
    ...problems.checks.errors.map((p) => ({ source: "error" as const, code: p.code, key: p.key, path: p.path, ...(p.params ? { params: p.params } : {}) })),
  ];
  const warnings = problems.checks.warnings;
  const label = (path: string) => pathLabel(t, path, content, items);
  return (
    <Paper withBorder radius="md" p="md" data-testid="report-checks">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4">
            {t("reports.checks.title")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("reports.checks.intro")}
          </Text>
        </div>
        {errors.length === 0 && warnings.length === 0 && <Text size="sm">{t("reports.checks.none")}</Text>}
        {errors.length > 0 && (
          <Alert color="red" title={t("reports.checks.errors", { count: errors.length })} data-testid="report-errors">
            <List size="sm" spacing={4}>
              {errors.map((e, i) => (
                <List.Item key={`${e.key ?? ""}-${i}`}>
                  <Button variant="transparent" size="compact-sm" px={0} c="red.9" style={{ whiteSpace: "normal", textAlign: "left", height: "auto" }} onClick={() => onShow(e.path)}>
                    {t("reports.checks.at", { field: label(e.path), message: words(e) })}
                  </Button>
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {warnings.length > 0 && (
          <Alert color="orange" title={t("reports.checks.warnings", { count: warnings.length })} data-testid="report-warnings">
            <Stack gap="xs">
              {warnings.map((w) => (
                <Stack key={w.key} gap={2}>
                  <Text size="sm">{t("reports.checks.at", { field: label(w.path), message: words({ source: "warning", code: w.code, ...(w.params ? { params: w.params } : {}) }) })}</Text>
                  <Checkbox
                    size="sm"
                    label={t("reports.checks.acknowledge")}
                    aria-label={`${t("reports.checks.acknowledge")}: ${label(w.path)}`}
                    checked={acknowledged.includes(w.key)}
                    disabled={readOnly}
                    onChange={(e) => onAcknowledge(w.key, e.currentTarget.checked)}
                  />
                </Stack>
              ))}
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

/** Who did what to the report, when (the task force's local time and UTC), and why. */
export function HistoryPanel({ events, zone }: { events: ReportEvent[]; zone: ZoneCode }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" data-testid="report-history">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("reports.history.title")}
        </Title>
        {events.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("reports.history.none")}
          </Text>
        ) : (
          <List spacing="xs" size="sm">
            {[...events].reverse().map((e, i) => {
              const action = t(`reports.history.action.${e.action}`);
              return (
                <List.Item key={`${e.at}-${i}`}>
                  <Text size="sm" fw={600} span>
                    {e.actorName ? t("reports.history.line", { action, name: e.actorName }) : t("reports.history.lineNoName", { action })}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t("reports.history.at", { local: e.localTime || localInstant(e.at, zone), utc: utcInstant(e.at) })}
                  </Text>
                  {e.reason && <Text size="sm">{t("reports.history.reason", { reason: e.reason })}</Text>}
                </List.Item>
              );
            })}
          </List>
        )}
      </Stack>
    </Paper>
  );
}

/** Another editor saved first: their values beside the user's, and the two ways out. */
export function ConflictPanel({
  mine,
  theirs,
  theirsBy,
  items,
  ready,
  onKeepMine,
  onTakeTheirs,
}: {
  mine: ReportContent;
  theirs: ReportContent;
  theirsBy: string | null;
  items: ReportItem[];
  ready: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const { t } = useTranslation();
  const formats = useFormats();
  const changes = diffReportContent(theirs, mine);
  const value = (v: unknown, path: string) => (v === undefined ? t("reports.conflict.blank") : formatValue(v, { t, formats, items }, path));
  return (
    <Alert color="orange" role="alert" title={t("reports.conflict.title")} data-testid="report-conflict">
      <Stack gap="sm">
        <Text size="sm">{theirsBy ? t("reports.conflict.intro", { name: theirsBy }) : t("reports.conflict.introNoName")}</Text>
        {changes.length === 0 ? (
          <Text size="sm">{t("reports.conflict.none")}</Text>
        ) : (
          <DataTable label={t("reports.conflict.title")} columns={[t("reports.conflict.field"), t("reports.conflict.mine"), t("reports.conflict.theirs")]} minWidth={480} maxHeight={360} testId="conflict-table">
            {changes.map((c) => (
              <Table.Tr key={c.path}>
                <Table.Td>{pathLabel(t, c.path, mine, items)}</Table.Td>
                <Table.Td fw={600}>{value(c.after, c.path)}</Table.Td>
                <Table.Td>{value(c.before, c.path)}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
        <Group gap="sm">
          <Button onClick={onKeepMine} disabled={!ready}>
            {t("reports.conflict.keepMine")}
          </Button>
          <Button variant="default" onClick={onTakeTheirs} disabled={!ready}>
            {t("reports.conflict.takeTheirs")}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** Saved, saving, N changes not yet sent (and why), or a conflict. */
export function AutosaveLine({ status, unsent, savedAt, onRetry }: { status: AutosaveStatus; unsent: number; savedAt: string | null; onRetry: () => void }) {
  const { t } = useTranslation();
  const color = status.phase === "saved" ? "green.9" : status.phase === "saving" ? "dimmed" : status.phase === "conflict" ? "orange.9" : "red.9";
  const text =
    status.phase === "saved"
      ? savedAt
        ? t("reports.autosave.savedAt", { time: savedAt })
        : t("reports.autosave.saved")
      : status.phase === "saving"
        ? t("reports.autosave.saving")
        : status.phase === "conflict"
          ? t("reports.autosave.conflict")
          : t("reports.autosave.unsent", { count: Math.max(1, unsent) });
  return (
    <Stack gap={2} role="status" aria-live="polite" data-testid="autosave-status" data-phase={status.phase}>
      <Group gap="xs">
        <Text size="sm" fw={600} c={color}>
          {text}
        </Text>
        {status.phase === "unsent" && status.reason !== "offline" && (
          <Button size="compact-xs" variant="light" onClick={onRetry}>
            {t("reports.autosave.retry")}
          </Button>
        )}
      </Group>
      {status.phase === "unsent" && status.reason === "offline" && (
        <Text size="xs" c="dimmed">
          {t("reports.autosave.unsentOffline")}
        </Text>
      )}
      {status.phase === "unsent" && status.reason === "refused" && status.errorKey && (
        <Text size="xs" c="red.9">
          {problemMessage(t, status.errorKey)}
        </Text>
      )}
    </Stack>
  );
}
