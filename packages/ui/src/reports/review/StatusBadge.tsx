import type { ReportStatus } from "@gugus/domain/reports";
import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

const STATUS_COLOR: Record<ReportStatus | "none", string> = { none: "gray", draft: "gray", submitted: "blue", returned: "orange", approved: "green", reopened: "violet" };

/** A report's status as a badge; `none` when the task force has not started one. */
export function ReportStatusBadge({ status, size = "md" }: { status: ReportStatus | "none"; size?: "sm" | "md" | "lg" }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant={status === "approved" || status === "submitted" ? "filled" : "light"} size={size} data-status={status}>
      {t(`review.status.${status}`)}
    </Badge>
  );
}
