/** Every announcement in force for the reader's task force, newest first, in the reader's language, each read or not and markable as read. */
import { Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { QueryState } from "../components/QueryState.tsx";
import { useTRPC } from "../trpc.tsx";
import { inLanguage, invalidateAnnouncements, publishedLabel } from "./api.ts";

export function AnnouncementList({ regionCode }: { /** The reader's task force's region (its clock); null for the nation. */ regionCode: string | null }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.announcements.mine.queryOptions({}));
  const markRead = useMutation(trpc.announcements.markRead.mutationOptions({ onSettled: () => void invalidateAnnouncements(queryClient, trpc) }));
  return (
    <QueryState query={query}>
      {(data) =>
        data.items.length === 0 ? (
          <Text c="dimmed">{t("announcements.empty")}</Text>
        ) : (
          <Stack gap="sm" data-testid="announcement-list">
            {data.items.map((a) => {
              const title = inLanguage(a.title, i18n.language);
              return (
                <Paper key={a.id} withBorder radius="md" p="md" data-id={a.id} data-read={a.read ? "true" : "false"} component="article">
                  <Stack gap="xs">
                    <Group justify="space-between" align="flex-start" wrap="wrap">
                      <Title order={2} size="h4" style={{ overflowWrap: "anywhere" }}>
                        {title}
                      </Title>
                      <Badge variant="light" color={a.read ? "gray" : "blue"}>
                        {a.read ? t("announcements.read") : t("announcements.unread")}
                      </Badge>
                    </Group>
                    <Text size="sm" style={{ whiteSpace: "pre-line", overflowWrap: "anywhere" }}>
                      {inLanguage(a.body, i18n.language)}
                    </Text>
                    <Group justify="space-between" wrap="wrap" gap="xs">
                      <Text size="xs" c="dimmed">
                        {`${publishedLabel(t, a.publishedAt, regionCode)} · ${a.showUntil ? t("announcements.until", { date: a.showUntil }) : t("announcements.untilWithdrawn")}`}
                      </Text>
                      {!a.read && (
                        <Button size="xs" variant="light" loading={markRead.isPending && markRead.variables?.id === a.id} onClick={() => markRead.mutate({ id: a.id })} aria-label={t("announcements.markReadLabel", { title })}>
                          {t("announcements.markRead")}
                        </Button>
                      )}
                    </Group>
                  </Stack>
                </Paper>
              );
            })}
          </Stack>
        )
      }
    </QueryState>
  );
}
