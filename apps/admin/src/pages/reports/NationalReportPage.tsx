import "@mantine/core/styles/Accordion.css";
import "@mantine/core/styles/Combobox.css";
import "@mantine/core/styles/InlineInput.css";
import "@mantine/core/styles/CheckboxCard.css";
import "@mantine/core/styles/CheckboxIndicator.css";
import "@mantine/core/styles/Checkbox.css";
import "@mantine/core/styles/List.css";
import "@mantine/core/styles/RadioCard.css";
import "@mantine/core/styles/RadioIndicator.css";
import "@mantine/core/styles/Radio.css";
import "@mantine/core/styles/SimpleGrid.css";
/** The national task force's own report, filled in by the central secretariat with the shared form. */
import { ReportForm } from "@gugus/ui";

export function NationalReportPage({ taskForceId, periodKey }: { taskForceId: string; periodKey: string }) {
  const id = /^\d{1,9}$/.test(taskForceId) ? Number(taskForceId) : -1;
  return <ReportForm key={`${id}:${periodKey}`} taskForceId={id} periodKey={periodKey} backHref="/reviews" />;
}
