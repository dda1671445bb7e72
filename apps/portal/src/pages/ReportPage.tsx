// Styles of the components only this page uses; they load with it.
import "@mantine/core/styles/Accordion.css";
import "@mantine/core/styles/Checkbox.css";
import "@mantine/core/styles/Combobox.css";
import "@mantine/core/styles/InlineInput.css";
import "@mantine/core/styles/List.css";
import "@mantine/core/styles/Radio.css";
import "@mantine/core/styles/ScrollArea.css";
import "@mantine/core/styles/Table.css";
import "@mantine/core/styles/VisuallyHidden.css";
import { ReportForm } from "@gugus/ui";

/** One report of the task force, by section: filled in, saved as typed, submitted for review. */
export default function ReportPage({ id, periodKey }: { id: string; periodKey: string }) {
  const taskForceId = /^\d{1,9}$/.test(id) ? Number(id) : -1;
  return <ReportForm key={`${taskForceId}:${periodKey}`} taskForceId={taskForceId} periodKey={periodKey} backHref={`/task-forces/${id}/reports`} />;
}
