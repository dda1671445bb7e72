/** All announcements in force for the reader's task force, in the reader's language, read or not. */
import { AnnouncementList } from "@gugus/ui";
import type { Me } from "@gugus/ui";
import { Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";

export default function AnnouncementsPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t("announcements.title")}
        </Title>
        <Text c="dimmed" size="sm" maw={760}>
          {t("announcements.intro")}
        </Text>
      </div>
      <AnnouncementList regionCode={me.taskForce.regionCode} />
    </Stack>
  );
}
