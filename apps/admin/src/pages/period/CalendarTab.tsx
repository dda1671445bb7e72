import { DataTable } from "@gugus/ui";
import { Paper, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PeriodDetail } from "./PeriodPage.tsx";

const ZONES = ["WIB", "WITA", "WIT"] as const;

/** "2016-01-31T15:00:00.000Z" → "15:00" on the due date itself, "2016-01-31 15:00" on another day. */
const utc = (iso: string, dueDate: string) => (iso.slice(0, 10) === dueDate ? iso.slice(11, 16) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`);

/** The reporting periods of a RAN period, each with its due date and the instant it falls due in each time zone. */
export function CalendarTab({ detail }: { detail: PeriodDetail }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" maw={820}>
        {t("admin.period.calendar.intro")}
      </Text>
      <Paper withBorder radius="md">
        <DataTable
          label={t("admin.period.tabs.calendar")}
          minWidth={900}
          testId="reporting-calendar"
          striped
          columns={[
            t("admin.period.calendar.reportingPeriod"),
            t("admin.period.calendar.span"),
            t("admin.period.calendar.dueDate"),
            ...ZONES.map((zone) => t("admin.period.calendar.dueIn", { zone })),
            t("admin.period.calendar.closesOn"),
          ]}
        >
              {detail.calendar.map((rp) => (
                <Table.Tr key={rp.key}>
                  <Table.Td fw={600}>{rp.semester === null ? rp.year : t("admin.period.calendar.semester", { year: rp.year, semester: rp.semester })}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {rp.start} – {rp.end}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }} fw={600}>
                    {rp.dueDate}
                  </Table.Td>
                  {ZONES.map((zone) => (
                    <Table.Td key={zone} style={{ whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" }}>
                      <Text size="sm">{t("admin.period.calendar.localDeadline", { zone })}</Text>
                      <Text size="xs" c="dimmed">
                        {t("admin.period.calendar.asUtc", { instant: utc(rp.deadlines[zone].dueAt, rp.dueDate) })}
                      </Text>
                    </Table.Td>
                  ))}
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    <Text size="sm">{rp.closesOn}</Text>
                    <Text size="xs" c="dimmed">
                      {t("admin.period.calendar.closesLocal")}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
        </DataTable>
      </Paper>
    </Stack>
  );
}
