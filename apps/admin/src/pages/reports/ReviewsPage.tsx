import "@mantine/core/styles/Combobox.css";
/** The central secretariat's review queue: the provinces' reports and the national one, for a period. */
import { ReviewQueue } from "@gugus/ui";
import { useTranslation } from "react-i18next";

export function ReviewsPage() {
  const { t } = useTranslation();
  return <ReviewQueue title={t("admin.reviews.title")} linkOf={(row) => `/reviews/${row.taskForce.id}/${row.period.periodKey}`} />;
}
