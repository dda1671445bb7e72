/**
 * The unread announcements at the top of every signed-in screen of the portal, in the reader's
 * language: the newest one in full with "Tandai sudah dibaca", a count of the others, and a link to
 * all of them. Once everything is read the banner is gone. Asked again every five minutes.
 */
import { Alert, Anchor, Button, Group, Stack, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { useTRPC } from "../trpc.tsx";
import { inLanguage, invalidateAnnouncements, publishedLabel } from "./api.ts";

const REFRESH_MS = 5 * 60_000;

export function AnnouncementBanner({ regionCode, allHref }: { /** The reader's task force's region (its clock); null for the nation. */ regionCode: string | null; /** The page listing them all. */ allHref: string }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.announcements.mine.queryOptions({}, { refetchInterval: REFRESH_MS, staleTime: 60_000 }));
  const markRead = useMutation(trpc.announcements.markRead.mutationOptions({ onSettled: () => void invalidateAnnouncements(queryClient, trpc) }));
  const unread = query.data?.items.filter((a) => !a.read) ?? [];
  const first = unread[0];
  if (!first) return null;
  const title = inLanguage(first.title, i18n.language);
  return (
    <Alert color="blue" variant="light" mb="md" title={title} role="region" aria-label={t("announcements.bannerLabel")} data-testid="announcement-banner" data-id={first.id}>
      <Stack gap="xs">
        <Text size="sm" style={{ whiteSpace: "pre-line", overflowWrap: "anywhere" }}>
          {inLanguage(first.body, i18n.language)}
        </Text>
        <Text size="xs" c="dimmed">
          {`${t("announcements.fromSecretariat")} · ${publishedLabel(t, first.publishedAt, regionCode)}`}
        </Text>
        <Group gap="sm" justify="space-between">
          <Anchor component={Link} href={allHref} size="sm">
            {unread.length > 1 ? t("announcements.more", { count: unread.length - 1 }) : t("announcements.all")}
          </Anchor>
          <Button size="xs" variant="filled" loading={markRead.isPending} onClick={() => markRead.mutate({ id: first.id })} aria-label={t("announcements.markReadLabel", { title })}>
            {t("announcements.markRead")}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
