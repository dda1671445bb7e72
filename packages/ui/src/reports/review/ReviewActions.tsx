/**
 * A reviewer's decisions on one report: approve a submitted report, return it with a reason, or
 * reopen an approved one with a reason. Each is sent with the version on screen: when the report
 * changed meanwhile the server refuses (STALE_VERSION) and the screen reloads it.
 */
import { ReasonSchema } from "@gugus/domain/reports";
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { errorKeyOf, errorMessage } from "../../errors.ts";
import { FormModal } from "../../forms/unsaved.tsx";
import { useDomainForm } from "../../forms/useDomainForm.ts";
import { invalidateReports, useReviewApi } from "./api.ts";
import type { ReportView } from "./api.ts";

type Decision = "approve" | "return" | "reopen";

const ReasonFormSchema = z.object({ reason: ReasonSchema });

/** Is this the server saying that the report changed since it was read? */
export const isStale = (error: unknown) => errorKeyOf(error) === "STALE_VERSION";

/** What every decision does once answered: reload what it changed, or say the report changed meanwhile. */
function useDecisionOptions({ onDone, onStale }: { onDone: (status: string) => void; onStale: () => void }) {
  const api = useReviewApi();
  const queryClient = useQueryClient();
  return {
    api,
    options: {
      onSuccess: (result: { status: string }) => {
        void invalidateReports(queryClient, api);
        onDone(result.status);
      },
      onError: (error: unknown) => {
        if (isStale(error)) onStale();
      },
    },
  };
}

/** The reason for returning or reopening, checked with the domain's ReasonSchema as the reviewer types. */
function ReasonModal({ decision, report, opened, onClose, onDone, onStale }: { decision: "return" | "reopen"; report: { id: number; version: number }; opened: boolean; onClose: () => void; onDone: (status: string) => void; onStale: () => void }) {
  const { t } = useTranslation();
  const { api, options } = useDecisionOptions({ onDone, onStale });
  const back = useMutation(api.reports.return.mutationOptions(options));
  const reopen = useMutation(api.reports.reopen.mutationOptions(options));
  const mutation = decision === "return" ? back : reopen;
  const { form, onSubmit, showOnField, isOnField, markSaved } = useDomainForm({
    initialValues: { reason: "" },
    schema: ReasonFormSchema,
    fieldOfRule: { REASON_REQUIRED: "reason", PERSONAL_DATA_IN_TEXT: "reason" },
    fallbackField: "reason",
  });
  const title = t(`review.actions.${decision}`);
  return (
    <FormModal opened={opened} onClose={onClose} title={title}>
      <form
        noValidate
        onSubmit={onSubmit(({ reason }) =>
          mutation.mutate(
            { reportId: report.id, version: report.version, reason },
            {
              onSuccess: () => {
                markSaved();
                form.reset();
              },
              onError: (error) => {
                if (!isStale(error)) showOnField(error);
              },
            },
          ),
        )}
      >
        <Stack gap="sm">
          <Text size="sm">{t(`review.confirm.${decision}`)}</Text>
          <Textarea label={t("review.reason")} description={t("review.reasonHint")} required autosize minRows={3} maxRows={10} data-autofocus {...form.getInputProps("reason")} />
          {mutation.isError && !isStale(mutation.error) && !isOnField(mutation.error) && (
            <Alert color="red" role="alert">
              {errorMessage(t, mutation.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("review.actions.cancel")}
            </Button>
            <Button type="submit" color={decision === "return" ? "orange" : "violet"} loading={mutation.isPending}>
              {title}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}

function ApproveModal({ report, opened, onClose, onDone, onStale }: { report: { id: number; version: number }; opened: boolean; onClose: () => void; onDone: (status: string) => void; onStale: () => void }) {
  const { t } = useTranslation();
  const { api, options } = useDecisionOptions({ onDone, onStale });
  const mutation = useMutation(api.reports.approve.mutationOptions(options));
  return (
    <Modal opened={opened} onClose={onClose} title={t("review.actions.approve")} closeButtonProps={{ "aria-label": t("unsaved.close") }}>
      <Stack gap="sm">
        <Text size="sm">{t("review.confirm.approve")}</Text>
        {mutation.isError && !isStale(mutation.error) && (
          <Alert color="red" role="alert">
            {errorMessage(t, mutation.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("review.actions.cancel")}
          </Button>
          <Button color="green" loading={mutation.isPending} onClick={() => mutation.mutate({ reportId: report.id, version: report.version })} data-autofocus>
            {t("review.actions.approve")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The buttons the reviewer may use on this report (by `may` and status), each asking before it acts. */
export function ReviewActions({ view, onDone, onStale }: { view: ReportView; onDone: (status: string) => void; onStale: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Decision | null>(null);
  const report = view.report;
  if (!report) return null;
  const canReview = view.may.review && report.status === "submitted";
  const canReopen = view.may.reopen && report.status === "approved";
  if (!canReview && !canReopen) return null;
  const close = () => setOpen(null);
  const done = (status: string) => {
    setOpen(null);
    onDone(status);
  };
  const stale = () => {
    setOpen(null);
    onStale();
  };
  const target = { id: report.id, version: report.version };
  return (
    <Group gap="sm" data-testid="review-actions">
      {canReview && (
        <>
          <Button color="green" onClick={() => setOpen("approve")}>
            {t("review.actions.approve")}
          </Button>
          <Button color="orange" variant="light" onClick={() => setOpen("return")}>
            {t("review.actions.return")}
          </Button>
        </>
      )}
      {canReopen && (
        <Button color="violet" variant="light" onClick={() => setOpen("reopen")}>
          {t("review.actions.reopen")}
        </Button>
      )}
      <ApproveModal report={target} opened={open === "approve"} onClose={close} onDone={done} onStale={stale} />
      <ReasonModal key={`return-${report.version}`} decision="return" report={target} opened={open === "return"} onClose={close} onDone={done} onStale={stale} />
      <ReasonModal key={`reopen-${report.version}`} decision="reopen" report={target} opened={open === "reopen"} onClose={close} onDone={done} onStale={stale} />
    </Group>
  );
}
