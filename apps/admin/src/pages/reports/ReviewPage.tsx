import "@mantine/core/styles/List.css";
import "@mantine/core/styles/SimpleGrid.css";
/** One provincial or national report for its central reviewer; the national report links to its own form. */
import { ReportReview } from "@gugus/ui";
import { Anchor, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";

export function ReviewPage({ taskForceId, periodKey, national }: { taskForceId: string; periodKey: string; national: boolean }) {
  const { t } = useTranslation();
  const id = Number(taskForceId);
  if (!Number.isInteger(id) || id <= 0) return <Text>{t("state.notFound")}</Text>;
  return (
    <Stack gap="sm">
      <Anchor component={Link} href="/reviews" size="sm">
        ← {t("admin.reviews.back")}
      </Anchor>
      <ReportReview key={`${id}-${periodKey}`} taskForceId={id} periodKey={periodKey} {...(national ? { formHref: `/reports/${id}/${periodKey}` } : {})} />
    </Stack>
  );
}
