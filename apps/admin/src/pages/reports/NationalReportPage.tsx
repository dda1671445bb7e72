/** The national task force's own report, filled in by the central secretariat with the shared form. */
import { ReportForm } from "@gugus/ui";

export function NationalReportPage({ taskForceId, periodKey }: { taskForceId: string; periodKey: string }) {
  const id = /^\d{1,9}$/.test(taskForceId) ? Number(taskForceId) : -1;
  return <ReportForm key={`${id}:${periodKey}`} taskForceId={id} periodKey={periodKey} backHref="/reviews" />;
}
