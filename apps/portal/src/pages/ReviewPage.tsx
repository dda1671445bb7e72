import "@mantine/core/styles/Table.css";
import "@mantine/core/styles/List.css";
import "@mantine/core/styles/SimpleGrid.css";
import { ReportReview } from "@gugus/ui";
import { Anchor, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";

/** One regency's or city's report for its province's reviewer. */
export default function ReviewPage({ taskForceId, periodKey }: { taskForceId: string; periodKey: string }) {
  const { t } = useTranslation();
  const id = Number(taskForceId);
  if (!Number.isInteger(id) || id <= 0) return <Text>{t("state.notFound")}</Text>;
  return (
    <Stack gap="sm">
      <Anchor component={Link} href="/reviews" size="sm">
        ← {t("review.queue.title")}
      </Anchor>
      <ReportReview key={`${id}-${periodKey}`} taskForceId={id} periodKey={periodKey} />
    </Stack>
  );
}
