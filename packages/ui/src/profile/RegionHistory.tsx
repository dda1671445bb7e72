import type { RouterOutputs } from "@gugus/api";
import { List, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";

type Detail = RouterOutputs["hierarchy"]["byId"];

/** The region codes a task force has stood for, and the restructurings behind the changes. */
export function RegionHistory({ detail }: { detail: Pick<Detail, "regionHistory" | "successions"> }) {
  const { t } = useTranslation();
  if (detail.regionHistory.length <= 1 && detail.successions.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md" data-testid="region-history">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t("regionHistory.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("regionHistory.intro")}
        </Text>
        <List size="sm" spacing={4}>
          {detail.regionHistory.map((l) => (
            <List.Item key={l.regionCode}>
              <Text span ff="monospace">
                {l.regionCode}
              </Text>{" "}
              {l.regionName} · {l.validFrom ? t("regionHistory.since", { date: l.validFrom }) : t("regionHistory.always")}
              {l.validTo ? ` · ${t("regionHistory.until", { date: l.validTo })}` : ""}
            </List.Item>
          ))}
        </List>
        {detail.successions.map((s) => (
          <Text key={s.id} size="xs" c="dimmed">
            {s.oldCode} → {s.newCode}: {t("regionHistory.basis", { type: t(`successionType.${s.type}`), basis: s.legalBasis ?? "—", date: s.effectiveDate })}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}
