/**
 * A reviewer's view of one report: its facts (status, deadline, when it was submitted and whether on
 * time), what changed since the previous submission, its checks with the warnings the reporter
 * acknowledged, its content section by section with exact figures, the last approved version while
 * it is reopened, its history (who, when in UTC and local time, why), and the decisions the reviewer
 * may take (approve, return or reopen with a reason).
 */
import { Alert, Anchor, Button, Collapse, Group, List, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { DataTable } from "../../components/DataTable.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { SectionCard } from "../../components/SectionCard.tsx";
import { Fact } from "../../profile/TaskForceHeading.tsx";
import { useReviewApi } from "./api.ts";
import type { ReportProblem, ReportView } from "./api.ts";
import { bothTimes, dynamicMessage, fieldLabel, formatValue, periodLabel, refName, useFormats, utcTime } from "./format.ts";
import { ReportContentView } from "./ReportContentView.tsx";
import { ReportStatusBadge } from "./StatusBadge.tsx";
import { ReviewActions } from "./ReviewActions.tsx";

/** A check's problem in the reader's language (`reportChecks.<CODE>`), with the field it is about. */
export function checkMessage(t: TFunction, problem: ReportProblem): string {
  const text = dynamicMessage(t, `reportChecks.${problem.code}`, problem.code, problem.params);
  return problem.path ? `${fieldLabel(t, problem.path)}: ${text}` : text;
}

function Changes({ view }: { view: ReportView }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const context = { t, formats, items: view.items };
  return (
    <SectionCard title={t("review.changes.title")} intro={t("review.changes.intro")}>
      {view.changes.length === 0 ? (
        <Text c="dimmed">{t("review.changes.none")}</Text>
      ) : (
        <DataTable label={t("review.changes.title")} columns={[t("review.changes.field"), t("review.changes.before"), t("review.changes.after")]} minWidth={560} testId="report-changes">
          {view.changes.map((c) => (
            <Table.Tr key={c.path}>
              <Table.Td>{fieldLabel(t, c.path)}</Table.Td>
              <Table.Td style={{ overflowWrap: "anywhere" }}>
                <del style={{ textDecorationColor: "var(--mantine-color-red-6)" }}>{formatValue(c.before, context, c.path)}</del>
              </Table.Td>
              <Table.Td style={{ overflowWrap: "anywhere" }} fw={600}>
                <ins style={{ textDecoration: "none" }}>
                  <span aria-hidden="true">→ </span>
                  {formatValue(c.after, context, c.path)}
                </ins>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </SectionCard>
  );
}

function Checks({ view }: { view: ReportView }) {
  const { t } = useTranslation();
  const acknowledged = new Set(view.report?.acknowledged ?? []);
  const { errors, warnings } = view.checks;
  return (
    <SectionCard title={t("review.checks.title")} intro={t("review.checks.intro")}>
      {errors.length === 0 && warnings.length === 0 && <Text c="dimmed">{t("review.checks.none")}</Text>}
      {errors.length > 0 && (
        <div>
          <Text fw={600} c="red.8" size="sm">
            {t("review.checks.errors")}
          </Text>
          <List size="sm" data-testid="report-errors">
            {errors.map((p) => (
              <List.Item key={p.key}>{checkMessage(t, p)}</List.Item>
            ))}
          </List>
        </div>
      )}
      {warnings.length > 0 && (
        <div>
          <Text fw={600} c="yellow.9" size="sm">
            {t("review.checks.warnings")}
          </Text>
          <List size="sm" data-testid="report-warnings">
            {warnings.map((p) => (
              <List.Item key={p.key}>
                {checkMessage(t, p)}{" "}
                <Text span size="xs" c={acknowledged.has(p.key) ? "green.9" : "red.8"} fw={600}>
                  ({acknowledged.has(p.key) ? t("review.checks.acknowledged") : t("review.checks.notAcknowledged")})
                </Text>
              </List.Item>
            ))}
          </List>
        </div>
      )}
    </SectionCard>
  );
}

function History({ view }: { view: ReportView }) {
  const { t } = useTranslation();
  return (
    <SectionCard title={t("review.history.title")} intro={t("review.history.intro")}>
      {view.events.length === 0 ? (
        <Text c="dimmed">{t("review.history.none")}</Text>
      ) : (
        <DataTable label={t("review.history.title")} columns={[t("review.history.when"), t("review.history.action"), t("review.history.who"), t("review.history.reason")]} minWidth={640} testId="report-history">
          {view.events.map((e, i) => (
            <Table.Tr key={i}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <Text size="sm">{e.localTime}</Text>
                <Text size="xs" c="dimmed">
                  {`${e.at.slice(0, 10)} ${e.at.slice(11, 16)} UTC`}
                </Text>
              </Table.Td>
              <Table.Td>{t(`review.history.actions.${e.action}`)}</Table.Td>
              <Table.Td>{e.actorName ?? t("review.history.system")}</Table.Td>
              <Table.Td style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{e.reason ?? ""}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </SectionCard>
  );
}

function LastApproved({ view }: { view: ReportView }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const last = view.lastApproved;
  if (!last) return null;
  return (
    <SectionCard
      title={t("review.lastApproved.title")}
      intro={t("review.lastApproved.intro", { at: bothTimes(t, last.at, view.taskForce.zone), by: last.byName ?? t("review.history.system") })}
      action={
        <Button variant="default" size="xs" onClick={() => setShown((s) => !s)} aria-expanded={shown} aria-controls="last-approved">
          {shown ? t("review.lastApproved.hide") : t("review.lastApproved.show")}
        </Button>
      }
    >
      <Collapse expanded={shown} id="last-approved">
        {shown && <ReportContentView content={last.content} items={view.items} headingOrder={4} />}
      </Collapse>
    </SectionCard>
  );
}

function Facts({ view }: { view: ReportView }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const { report, period, taskForce } = view;
  const onTime = report?.onTime;
  return (
    <Group gap="xl" align="flex-start" data-testid="report-facts">
      {/* The deadline is the end of the due date, local time: "2027-01-31 24:00 WIB", not the next day's 00:00. */}
      <Fact label={t("review.facts.dueAt")}>{t("review.facts.timeBoth", { local: `${period.dueDate} 24:00 ${taskForce.zone}`, utc: utcTime(period.dueAt) })}</Fact>
      <Fact label={t("review.facts.firstSubmittedAt")}>{report?.firstSubmittedAt ? bothTimes(t, report.firstSubmittedAt, taskForce.zone) : t("review.facts.notYet")}</Fact>
      {report?.lastSubmittedAt && report.lastSubmittedAt !== report.firstSubmittedAt && <Fact label={t("review.facts.lastSubmittedAt")}>{bothTimes(t, report.lastSubmittedAt, taskForce.zone)}</Fact>}
      <Fact label={t("review.facts.onTime")}>{onTime === null || onTime === undefined ? "—" : onTime ? t("review.facts.yes") : t("review.facts.late")}</Fact>
      <Fact label={t("review.facts.completeness")}>{t("review.completenessLine", { filled: view.completeness.filled, total: view.completeness.total, percent: formats.ratio(view.completeness.ratio) })}</Fact>
    </Group>
  );
}

function Review({ view, stale, onStale, formHref }: { view: ReportView; stale: boolean; onStale: () => void; formHref?: string }) {
  const { t } = useTranslation();
  const [done, setDone] = useState<string | null>(null);
  const status = view.report?.status ?? "none";
  const waiting = status === "draft" || status === "returned" || status === "reopened" ? status : null;
  return (
    <Stack gap="md" maw={1100}>
      <div>
        <Group gap="sm" align="center">
          <Title order={1} size="h2">
            {t("review.heading", { period: periodLabel(t, view.period.periodKey) })}
          </Title>
          <ReportStatusBadge status={status} />
        </Group>
        <Text size="lg">{refName(t, view.taskForce)}</Text>
      </div>
      {formHref && (
        <Anchor component={Link} href={formHref}>
          {t("review.openForm")}
        </Anchor>
      )}
      {stale && (
        <Alert color="yellow" role="status" data-testid="review-stale">
          {t("review.stale")}
        </Alert>
      )}
      {done && (
        <Alert color="green" role="status">
          {done === "approved" ? t("review.done.approved") : done === "returned" ? t("review.done.returned") : t("review.done.reopened")}
        </Alert>
      )}
      {view.report === null ? (
        <Alert color="gray">{t("review.noReport")}</Alert>
      ) : (
        <>
          <Facts view={view} />
          <ReviewActions view={view} onDone={setDone} onStale={onStale} />
          {waiting && <Text c="dimmed">{t(`review.waitingFor.${waiting}`)}</Text>}
          {status === "submitted" && !view.may.review && <Text c="dimmed">{t("review.notReviewer")}</Text>}
          {/* What changed needs a submission before the last one to compare with. */}
          {view.events.filter((e) => e.action === "submit").length > 1 && <Changes view={view} />}
          <Checks view={view} />
        </>
      )}
      <SectionCard title={t("review.content.title")} intro={t("review.content.intro")}>
        <ReportContentView content={view.content} items={view.items} completeness={view.completeness} />
      </SectionCard>
      <LastApproved view={view} />
      <History view={view} />
    </Stack>
  );
}

/** One report for its reviewer; see the module's comment. `formHref` links to the report's own form (the national report, in the admin app). */
export function ReportReview({ taskForceId, periodKey, formHref }: { taskForceId: number; periodKey: string; formHref?: string }) {
  const api = useReviewApi();
  const query = useQuery(api.reports.get.queryOptions({ taskForceId, periodKey }));
  const [stale, setStale] = useState(false);
  const onStale = () => {
    setStale(true);
    void query.refetch();
  };
  return <QueryState query={query}>{(view) => <Review view={view} stale={stale} onStale={onStale} {...(formHref ? { formHref } : {})} />}</QueryState>;
}
