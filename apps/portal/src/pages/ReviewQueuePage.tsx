import "@mantine/core/styles/Table.css";
import "@mantine/core/styles/Combobox.css";
import { ReviewQueue } from "@gugus/ui";

/** A province's review queue: its regencies' and cities' reports for a period. */
export default function ReviewQueuePage() {
  return <ReviewQueue linkOf={(row) => `/reviews/${row.taskForce.id}/${row.period.periodKey}`} />;
}
