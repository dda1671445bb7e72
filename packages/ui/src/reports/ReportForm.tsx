/**
 * A task force's report of one reporting period, by section: per sub-task-force its activities and
 * the realisation of its action items, then the counts, the budget and the narrative. The domain's
 * schema and checks run as the user types (errors block submitting, each warning needs an
 * acknowledgement); every change is kept in the browser and saved to the server after a pause
 * (`useReportAutosave`); a stale save shows the other editor's values beside the user's. Read-only
 * when the account may not edit, entry is not open, or the report is submitted or approved.
 * Used by the portal (a task force's own report) and the admin app (the national report).
 */
import { SUB_TASK_FORCES } from "@gugus/domain/sub-task-forces";
import type { SubTaskForceCode } from "@gugus/domain/sub-task-forces";
import { diffReportContent, isEditable, reportCompleteness, unacknowledgedWarnings } from "@gugus/domain/reports";
import type { ReportContent, ReportSection, SectionState } from "@gugus/domain/reports";
import { Accordion, Alert, Anchor, Badge, Button, Center, Collapse, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { useMe } from "../auth/useMe.ts";
import { ApiErrorAlert, QueryState } from "../components/QueryState.tsx";
import { localeOf } from "../i18n/index.ts";
import { Fact } from "../profile/TaskForceHeading.tsx";
import { useTRPC, useTRPCClient } from "../trpc.tsx";
import { BudgetSection } from "./form/Budget.tsx";
import { CountsSection } from "./form/Counts.tsx";
import type { CountGroup } from "./form/Counts.tsx";
import { ReportFormProvider } from "./form/fields.tsx";
import { localInstant, reportPeriodLabel, utcInstant } from "./form/labels.ts";
import { checkContextOf, problemsOf } from "./form/model.ts";
import type { Patch } from "./form/model.ts";
import { NarrativeSection } from "./form/Narrative.tsx";
import { AutosaveLine, ChecksPanel, ConflictPanel, HistoryPanel } from "./form/Panels.tsx";
import { SubTaskForceSection } from "./form/SubTaskForce.tsx";
import { VictimsSection } from "./form/Victims.tsx";
import type { ReportView, SubmitOutput } from "./form/api.ts";
import { refName } from "./review/format.ts";
import { ReportStatusBadge } from "./review/StatusBadge.tsx";
import { useReportAutosave } from "./useReportAutosave.ts";
import type { ReportAutosave } from "./useReportAutosave.ts";

const COUNT_GROUPS: readonly CountGroup[] = ["lawEnforcement", "services", "networkScope", "prevention", "coordination"];
const STATE_COLOR: Record<SectionState, string> = { empty: "gray", partial: "yellow", complete: "green" };

export type ReportFormProps = {
  taskForceId: number;
  periodKey: string;
  /** The list of the task force's reports, for the link back. */
  backHref?: string;
};

/** The report of one task force and period; see the module's comment. */
export function ReportForm({ taskForceId, periodKey, backHref }: ReportFormProps) {
  const trpc = useTRPC();
  const view = useQuery(trpc.reports.get.queryOptions({ taskForceId, periodKey }));
  return <QueryState query={view}>{(data) => <LoadedReport view={data} fetchedAt={view.dataUpdatedAt} backHref={backHref} refetch={view.refetch} />}</QueryState>;
}

function LoadedReport({ view, fetchedAt, backHref, refetch }: { view: ReportView; fetchedAt: number; backHref: string | undefined; refetch: () => Promise<unknown> }) {
  const me = useMe();
  const client = useTRPCClient();
  const taskForceId = view.taskForce.id;
  const periodKey = view.period.periodKey;
  const key = useMemo(() => ({ accountId: me.id, taskForceId, periodKey }), [me.id, taskForceId, periodKey]);
  const serverVersion = view.report?.version ?? 0;
  const serverAcknowledged = view.report?.acknowledged;
  const server = useMemo(() => ({ content: view.content, acknowledged: serverAcknowledged ?? [] }), [view.content, serverAcknowledged]);
  // What the server holds as far as this screen knows: the content read, then each content saved.
  const [confirmed, setConfirmed] = useState(server);
  const [serverChecks, setServerChecks] = useState(view.checks);
  const [savedAt, setSavedAt] = useState<string | null>(view.report?.updatedAt ?? null);
  const save = useCallback(
    async (payload: { baseVersion: number; content: ReportContent; acknowledged: string[] }, { signal }: { signal: AbortSignal }) => {
      const out = await client.reports.save.mutate({ taskForceId, periodKey, ...payload }, { signal });
      setConfirmed({ content: payload.content, acknowledged: payload.acknowledged });
      setServerChecks(out.checks);
      setSavedAt(out.updatedAt);
      // Read the report again: the answer kept for offline use is then the one just saved.
      void refetch();
      return { version: out.version };
    },
    [client, taskForceId, periodKey, refetch],
  );
  const autosave = useReportAutosave<ReportContent>({ key, serverVersion, server, save });
  // Taking the other editor's values starts the form again from the server's.
  const [generation, setGeneration] = useState(0);
  // A stale save: read the report again, to show the other editor's values.
  const conflicted = autosave.conflict !== null;
  useEffect(() => {
    if (conflicted) void refetch();
  }, [conflicted, refetch]);
  if (!autosave.ready) {
    return (
      <Center py="xl" aria-busy="true">
        <Loader size="sm" role="status" />
      </Center>
    );
  }
  const initial = autosave.restored ?? server;
  return (
    <Editor
      key={generation}
      view={view}
      fetchedAt={fetchedAt}
      initial={initial}
      autosave={autosave}
      confirmed={confirmed}
      serverChecks={serverChecks}
      savedAt={savedAt}
      backHref={backHref}
      onTakeTheirs={() => {
        autosave.takeTheirs();
        setConfirmed(server);
        setGeneration((g) => g + 1);
      }}
    />
  );
}

/** The section a field's path belongs to, as the accordion names it. */
function sectionOfPath(path: string, content: ReportContent, view: ReportView): string | null {
  const [head, index] = path.split(".");
  if (head === "activities" && index !== undefined) return `stf-${content.activities[Number(index)]?.subTaskForce ?? ""}`;
  if (head === "realisations" && index !== undefined) {
    const id = index.startsWith("item-") ? Number(index.slice(5)) : content.realisations[Number(index)]?.actionItemId;
    const item = view.items.find((i) => i.id === id);
    return item ? `stf-${item.subTaskForce}` : null;
  }
  return head === undefined || head === "" ? null : head;
}

function Editor({
  view,
  fetchedAt,
  initial,
  autosave,
  confirmed,
  serverChecks,
  savedAt,
  backHref,
  onTakeTheirs,
}: {
  view: ReportView;
  /** When `view` was read (a kept answer read offline is older than what this browser saved since). */
  fetchedAt: number;
  initial: { content: ReportContent; acknowledged: string[] };
  autosave: ReportAutosave<ReportContent>;
  confirmed: { content: ReportContent; acknowledged: string[] };
  serverChecks: ReportView["checks"];
  savedAt: string | null;
  backHref: string | undefined;
  onTakeTheirs: () => void;
}) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const client = useTRPCClient();
  const [content, setContent] = useState(initial.content);
  const [acknowledged, setAcknowledged] = useState(initial.acknowledged);
  // The values as last changed, for handlers that run before the next render.
  const latest = useRef(initial);
  const [open, setOpen] = useState<string[]>([`stf-${SUB_TASK_FORCES[0].code}`]);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [submitted, setSubmitted] = useState<SubmitOutput | null>(null);
  const [showApproved, setShowApproved] = useState(false);

  const reportStatus = view.report?.status ?? null;
  const entryOpen = view.period.entryState === "open" || view.period.entryState === "exception";
  // A draft built on a newer version than the answer read (the answer kept for offline use, read
  // without a link) is no conflict: the answer is old. Once the report is read again, the same
  // version means nobody else saved — the draft goes on being sent; a newer one is a conflict.
  const serverVersion = view.report?.version ?? 0;
  const heldBack = autosave.conflict;
  const staleAnswer = heldBack !== null && serverVersion < heldBack.baseVersion;
  const conflict = staleAnswer ? null : heldBack;
  const heldSince = useRef<number | null>(null);
  const { keepMine } = autosave;
  const heldVersion = heldBack?.baseVersion ?? null;
  useEffect(() => {
    if (heldVersion === null) {
      heldSince.current = null;
      return;
    }
    heldSince.current ??= Date.now();
    if (fetchedAt > heldSince.current && serverVersion === heldVersion) keepMine({ ...latest.current });
  }, [heldVersion, serverVersion, fetchedAt, keepMine]);
  const status = staleAnswer ? { ...autosave.status, phase: "unsent" as const, reason: "offline" as const } : autosave.status;
  const editable = view.may.edit && (reportStatus === null || isEditable(reportStatus)) && entryOpen && conflict === null;
  const zone = view.taskForce.zone;

  const change = useCallback(
    (patch: Patch) => {
      const next = patch(latest.current.content);
      latest.current = { ...latest.current, content: next };
      setContent(next);
      autosave.change({ content: next, acknowledged: latest.current.acknowledged });
    },
    [autosave],
  );
  const acknowledge = (key: string, checked: boolean) => {
    const next = checked ? [...new Set([...latest.current.acknowledged, key])] : latest.current.acknowledged.filter((k) => k !== key);
    latest.current = { ...latest.current, acknowledged: next };
    setAcknowledged(next);
    autosave.change({ content: latest.current.content, acknowledged: next });
  };

  const context = useMemo(() => checkContextOf(view), [view]);
  const problems = useMemo(() => problemsOf(content, context, serverChecks), [content, context, serverChecks]);
  const completeness = useMemo(() => reportCompleteness(content, { itemIds: view.items.map((i) => i.id) }), [content, view.items]);
  const stateOf = (section: ReportSection) => completeness.sections.find((s) => s.section === section)?.state ?? "empty";
  const unacknowledged = unacknowledgedWarnings(problems.checks.warnings, acknowledged);
  const errorCount = problems.schema.length + problems.checks.errors.length;
  const unsent = status.phase === "saved" ? 0 : diffReportContent(confirmed.content, content).length + (confirmed.acknowledged.join() === acknowledged.join() ? 0 : 1);

  const locale = localeOf(i18n.language);
  const percent = (ratio: number) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(ratio);
  const periodName = reportPeriodLabel(t, view.period);
  const returnedEvent = reportStatus === "returned" || reportStatus === "reopened" ? [...view.events].reverse().find((e) => e.action === (reportStatus === "returned" ? "return" : "reopen")) : undefined;

  const show = (path: string) => {
    const section = sectionOfPath(path, content, view);
    if (section && !open.includes(section)) setOpen([...open, section]);
    setTimeout(() => document.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`)?.focus(), 250);
  };

  async function submit() {
    setSubmitting(true);
    setSubmitError(null);
    try {
      const version = await autosave.flush();
      const out = await client.reports.submit.mutate({ taskForceId: view.taskForce.id, periodKey: view.period.periodKey, version, acknowledged: latest.current.acknowledged });
      setSubmitted(out);
      await Promise.all([queryClient.invalidateQueries(trpc.reports.pathFilter()), queryClient.invalidateQueries(trpc.notifications.pathFilter())]);
    } catch (error) {
      setSubmitError(error);
    } finally {
      setSubmitting(false);
    }
  }

  const readOnlyReason =
    conflict !== null
      ? null
      : reportStatus === "approved"
        ? t("reports.readOnly.approved")
        : reportStatus === "submitted"
          ? t("reports.readOnly.submitted")
          : !view.may.edit
            ? t("reports.readOnly.noRight")
            : view.period.entryState === "closed"
              ? t("reports.readOnly.closed")
              : view.period.entryState === "not_open"
                ? t("reports.readOnly.notOpen")
                : null;
  const blocked = !editable
    ? t("reports.submit.blockedEntry")
    : errorCount > 0
      ? t("reports.submit.blockedErrors")
      : unacknowledged.length > 0
        ? t("reports.submit.blockedWarnings")
        : status.phase === "unsent" && status.reason === "offline"
          ? t("reports.submit.blockedUnsent")
          : null;
  const reviewer = view.taskForce.level === "regency" ? t("reports.submit.reviewerProvince") : view.taskForce.level === "province" ? t("reports.submit.reviewerNational") : t("reports.submit.reviewerCentral");

  const sectionControl = (title: string, state: SectionState, extra?: ReactNode) => (
    <Group justify="space-between" wrap="nowrap" gap="xs" pr="xs">
      <Text fw={600} style={{ minWidth: 0 }}>
        {title}
      </Text>
      <Group gap={4} wrap="nowrap">
        {extra}
        <Badge size="sm" variant="light" color={STATE_COLOR[state]} style={{ flexShrink: 0 }}>
          {t(`reports.completeness.${state}`)}
        </Badge>
      </Group>
    </Group>
  );
  const stfState = (code: SubTaskForceCode): SectionState => {
    const items = view.items.filter((i) => i.subTaskForce === code);
    const realised = items.filter((i) => content.realisations.some((r) => r.actionItemId === i.id && r.value !== null)).length;
    const filled = (content.activities.some((a) => a.subTaskForce === code) ? 1 : 0) + realised;
    return filled === 0 ? "empty" : filled === items.length + 1 ? "complete" : "partial";
  };

  const sections = (c: ReportContent, readOnly: boolean, prefix: string) => (
    <ReportFormProvider value={{ readOnly, change, problems: readOnly && prefix !== "" ? { schema: [], checks: { errors: [], warnings: [] }, byPath: new Map() } : problems }}>
      <Accordion multiple variant="separated" order={2} value={prefix === "" ? open : undefined} onChange={prefix === "" ? setOpen : undefined} defaultValue={prefix === "" ? undefined : []}>
        {SUB_TASK_FORCES.map((stf) => (
          <Accordion.Item key={stf.code} value={`${prefix}stf-${stf.code}`} data-testid={prefix === "" ? `section-stf-${stf.code}` : undefined}>
            <Accordion.Control>{sectionControl(`${stf.numeral}. ${t(`subTaskForce.${stf.code}`)}`, stfState(stf.code))}</Accordion.Control>
            <Accordion.Panel>
              <Text size="sm" c="dimmed" mb="sm">
                {t("reports.sectionIntro.subTaskForce")}
              </Text>
              <SubTaskForceSection code={stf.code} content={c} items={view.items} year={view.period.year} radItems={view.radItems ?? []} />
            </Accordion.Panel>
          </Accordion.Item>
        ))}
        <Accordion.Item value={`${prefix}victims`} data-testid={prefix === "" ? "section-victims" : undefined}>
          <Accordion.Control>{sectionControl(t("reports.section.victims"), stateOf("victims"))}</Accordion.Control>
          <Accordion.Panel>
            <Text size="sm" c="dimmed" mb="sm">
              {t("reports.sectionIntro.victims")}
            </Text>
            <VictimsSection content={c} />
          </Accordion.Panel>
        </Accordion.Item>
        {COUNT_GROUPS.map((group) => (
          <Accordion.Item key={group} value={`${prefix}${group}`} data-testid={prefix === "" ? `section-${group}` : undefined}>
            <Accordion.Control>{sectionControl(t(`reports.section.${group}`), stateOf(group))}</Accordion.Control>
            <Accordion.Panel>
              <Text size="sm" c="dimmed" mb="sm">
                {t(`reports.sectionIntro.${group}`)}
              </Text>
              <CountsSection group={group} content={c} />
            </Accordion.Panel>
          </Accordion.Item>
        ))}
        <Accordion.Item value={`${prefix}budget`} data-testid={prefix === "" ? "section-budget" : undefined}>
          <Accordion.Control>{sectionControl(t("reports.section.budget"), stateOf("budget"))}</Accordion.Control>
          <Accordion.Panel>
            <Text size="sm" c="dimmed" mb="sm">
              {t("reports.sectionIntro.budget")}
            </Text>
            <BudgetSection content={c} />
          </Accordion.Panel>
        </Accordion.Item>
        <Accordion.Item value={`${prefix}narrative`} data-testid={prefix === "" ? "section-narrative" : undefined}>
          <Accordion.Control>{sectionControl(t("reports.section.narrative"), stateOf("narrative"))}</Accordion.Control>
          <Accordion.Panel>
            <Text size="sm" c="dimmed" mb="sm">
              {t("reports.sectionIntro.narrative")}
            </Text>
            <NarrativeSection content={c} />
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </ReportFormProvider>
  );

  return (
    <Stack gap="md" maw={1000} mx="auto" data-testid="report-form">
      <div>
        {backHref && (
          <Anchor component={Link} href={backHref} size="sm">
            ← {t("reports.back")}
          </Anchor>
        )}
        <Title order={1} size="h2" mt="xs">
          {view.period.semester === null ? t("reports.formTitle", { year: view.period.year }) : t("reports.formTitleSemester", { year: view.period.year, semester: view.period.semester })}
        </Title>
        <Text c="dimmed">{refName(t, view.taskForce)}</Text>
      </div>

      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <Fact label={t("reports.facts.status")}>
            <ReportStatusBadge status={reportStatus ?? "none"} />
          </Fact>
          <Fact label={t("reports.facts.due")}>
            <Text span display="block" data-testid="report-due">
              {t("reports.dueOn", { date: view.period.dueDate, zone })}
            </Text>
            <Text span size="xs" c="dimmed" display="block">
              {t("reports.dueInstant", { utc: utcInstant(view.period.dueAt) })}
            </Text>
          </Fact>
          <Fact label={t("reports.facts.entry")}>
            <Text span display="block" data-testid="report-entry" data-entry={view.period.entryState}>
              {t(`reports.entry.${view.period.entryState}`)}
            </Text>
            {view.period.exception ? (
              <Text span size="xs" c="dimmed" display="block">
                {t("reports.exceptionUntil", { until: view.period.exception.until, reason: view.period.exception.reason })}
              </Text>
            ) : (
              <Text span size="xs" c="dimmed" display="block">
                {t("reports.closesOn", { date: view.period.closesOn, zone })}
              </Text>
            )}
          </Fact>
          <Fact label={t("reports.facts.completeness")}>
            <Text span display="block" data-testid="report-completeness">
              {t("reports.completenessValue", { percent: percent(completeness.ratio), filled: completeness.filled, total: completeness.total })}
            </Text>
          </Fact>
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="sm">
          {periodName}
          {view.report?.updatedByName && view.report.updatedAt ? ` · ${t("reports.facts.lastSaved")}: ${t("reports.lastSavedBy", { time: localInstant(view.report.updatedAt, zone), name: view.report.updatedByName })}` : ""}
        </Text>
      </Paper>

      {(editable || status.phase !== "saved") && (
        <Paper withBorder shadow="xs" radius="md" px="sm" py="xs" pos="sticky" top="var(--app-shell-header-height, 0px)" style={{ zIndex: 5 }} data-testid="report-bar">
          <Group justify="space-between" align="center" gap="xs" wrap="nowrap">
            <AutosaveLine status={status} unsent={unsent} savedAt={savedAt ? localInstant(savedAt, zone) : null} onRetry={() => void autosave.flush().catch(() => {})} />
            {editable && view.may.submit && (
              <Button onClick={() => void submit()} loading={submitting} disabled={blocked !== null} style={{ flexShrink: 0 }}>
                {t("reports.submit.button")}
              </Button>
            )}
          </Group>
          {editable && view.may.submit && blocked !== null && (
            <Text size="xs" c="dimmed" ta="right">
              {blocked}
            </Text>
          )}
        </Paper>
      )}

      {returnedEvent && (
        <Alert color="orange" variant="filled" title={reportStatus === "returned" ? t("reports.returned.title") : t("reports.returned.reopenedTitle")} data-testid="returned-reason">
          <Stack gap={4}>
            <Text size="md" fw={600}>
              {returnedEvent.reason}
            </Text>
            <Text size="xs">{t("reports.returned.by", { name: returnedEvent.actorName ?? "—", time: returnedEvent.localTime || localInstant(returnedEvent.at, zone) })}</Text>
          </Stack>
        </Alert>
      )}

      {conflict !== null && (
        <ConflictPanel
          mine={conflict.mine.content}
          theirs={view.content}
          theirsBy={view.report?.updatedByName ?? null}
          items={view.items}
          ready={serverVersion > conflict.baseVersion}
          onKeepMine={() => autosave.keepMine({ content: latest.current.content, acknowledged: latest.current.acknowledged })}
          onTakeTheirs={onTakeTheirs}
        />
      )}

      {readOnlyReason && (
        <Alert color={reportStatus === "approved" ? "green" : "gray"} data-testid="read-only">
          {readOnlyReason}
        </Alert>
      )}

      {reportStatus === "reopened" && view.lastApproved && (
        <Paper withBorder radius="md" p="md">
          <Group justify="space-between">
            <div>
              <Title order={2} size="h4">
                {t("reports.lastApproved.title")}
              </Title>
              <Text size="sm" c="dimmed">
                {t("reports.lastApproved.intro", { time: localInstant(view.lastApproved.at, zone) })}
              </Text>
            </div>
            <Button variant="light" onClick={() => setShowApproved((s) => !s)} aria-expanded={showApproved}>
              {showApproved ? t("reports.lastApproved.hide") : t("reports.lastApproved.show")}
            </Button>
          </Group>
          <Collapse expanded={showApproved}>
            <Stack mt="sm">{sections(view.lastApproved.content, true, "approved-")}</Stack>
          </Collapse>
        </Paper>
      )}

      {editable && (
        <Text size="sm" c="dimmed">
          {t("reports.blankHint")}
        </Text>
      )}

      {sections(content, !editable, "")}

      {editable && (
        <ChecksPanel problems={problems} content={content} items={view.items} acknowledged={acknowledged} onAcknowledge={acknowledge} onShow={show} readOnly={!editable} />
      )}

      {editable && (
        <Text size="sm" c="dimmed" data-testid="submit-note">
          {view.may.submit ? t("reports.submit.intro", { reviewer }) : t("reports.submit.noRight")}
        </Text>
      )}

      {submitted && (
        <Alert color="green" role="status" data-testid="submitted">
          {submitted.onTime === null ? t("reports.submit.done") : submitted.onTime ? t("reports.submit.doneOnTime") : t("reports.submit.doneLate")}
        </Alert>
      )}
      {submitError !== null && <ApiErrorAlert error={submitError} />}

      <HistoryPanel events={view.events} zone={zone} />

      {status.notKeptLocally && <Alert color="yellow">{t("reports.autosave.notKept")}</Alert>}
    </Stack>
  );
}
