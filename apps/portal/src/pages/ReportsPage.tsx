// Styles of the components only this page uses; they load with it.
import "@mantine/core/styles/Table.css";
import "@mantine/core/styles/VisuallyHidden.css";
import { ReportList } from "@gugus/ui";

/** A task force's reports by period ("Laporan"), each opening its form. */
export default function ReportsPage({ id }: { id: string }) {
  const taskForceId = /^\d{1,9}$/.test(id) ? Number(id) : -1;
  return <ReportList taskForceId={taskForceId} hrefOf={(periodKey) => `/task-forces/${id}/reports/${periodKey}`} backHref={`/task-forces/${id}`} />;
}
