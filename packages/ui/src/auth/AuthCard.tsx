/**
 * The frame of the screens before the app opens — signing in, choosing one's own password, the
 * second factor: a centred card holding the page's main content, the demonstration-data banner when
 * the instance holds synthetic data, and a header row with the language switch.
 */
import { Center, Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ReactNode } from "react";
import { LanguageSwitch } from "../components/LanguageSwitch.tsx";
import { SyntheticDataBanner } from "../components/SyntheticDataBanner.tsx";

export function AuthCard({ syntheticData, width, header, children }: { syntheticData: boolean; width: number; header: ReactNode; children: ReactNode }) {
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Paper component="main" withBorder shadow="sm" radius="md" p="xl" w="100%" maw={width}>
        {syntheticData && <SyntheticDataBanner />}
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            {header}
            <LanguageSwitch />
          </Group>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}

/** The header of the steps after signing in: the app's name and the title of the app being opened. */
export function StepHeader({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Text c="dimmed" size="sm">
      {t("app.name")} · {title}
    </Text>
  );
}
