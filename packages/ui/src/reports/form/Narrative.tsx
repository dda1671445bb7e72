/** Obstacles and recommendations, under a plain notice that no personal data belongs in the report. */
import type { ReportContent } from "@gugus/domain/reports";
import { Alert, Stack, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFieldIssue, useReportFormContext } from "./fields.tsx";

function NarrativeField({ name, value }: { name: "obstacles" | "recommendations"; value: string | undefined }) {
  const { t } = useTranslation();
  const { change, readOnly } = useReportFormContext();
  const { error } = useFieldIssue(`narrative.${name}`);
  return (
    <Textarea
      label={t(`reports.narrative.${name}`)}
      value={value ?? ""}
      readOnly={readOnly}
      error={error}
      minRows={4}
      autosize
      maxRows={16}
      onChange={(e) => {
        const text = e.currentTarget.value;
        change((c) => {
          const { [name]: _old, ...rest } = c.narrative;
          return { ...c, narrative: text === "" ? rest : { ...rest, [name]: text } };
        });
      }}
    />
  );
}

export function NarrativeSection({ content }: { content: ReportContent }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Alert color="blue" variant="light" data-testid="privacy-notice">
        {t("reports.narrative.privacy")}
      </Alert>
      <NarrativeField name="obstacles" value={content.narrative.obstacles} />
      <NarrativeField name="recommendations" value={content.narrative.recommendations} />
    </Stack>
  );
}
