/**
 * The bell in the header of both apps: the number of unread notifications (asked again every
 * minute) and, when opened, the list in the reader's language — a report due within 7 days or
 * overdue, returned (with the reason), approved, reopened, or submitted for the reader's review —
 * each linking to its report and marked as read when opened, or with its own button.
 */
import { ActionIcon, Anchor, Box, Button, Group, Popover, Stack, Text, UnstyledButton } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { useReviewApi } from "./api.ts";
import type { NotificationItem } from "./api.ts";
import { periodLabel } from "./format.ts";

const REFRESH_MS = 60_000;

const DAY_MS = 86_400_000;
const REMIND_DAYS = 7;

/** The task force a notification is about, by its region's name (the national one has none). */
const nameOf = (t: TFunction, item: NotificationItem) => item.taskForce.name ?? t("taskForce.national");

/**
 * The due date a deadline reminder is about. A reminder shows from 7 days before the deadline (its
 * `at`); an overdue one from the deadline itself, the end of the due date at local midnight — which
 * falls on the due date in UTC in every Indonesian zone (UTC+7 to +9).
 */
function dueDateOf(item: NotificationItem): string {
  const at = new Date(item.at).getTime();
  const deadline = item.kind === "due" ? at + REMIND_DAYS * DAY_MS : at;
  return new Date(deadline - 1).toISOString().slice(0, 10);
}

/** What a notification says, in the reader's language. */
export function notificationText(t: TFunction, item: NotificationItem): string {
  const values = { period: periodLabel(t, item.periodKey), taskForce: nameOf(t, item), date: dueDateOf(item) };
  return t(`notifications.kinds.${item.kind}`, values);
}

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

function Item({ item, href, onOpen, onRead }: { item: NotificationItem; href: string; onOpen: () => void; onRead: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap" data-kind={item.kind} data-read={item.read ? "true" : "false"} py={6} style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}>
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Anchor component={Link} href={href} onClick={onOpen} size="sm" fw={item.read ? 400 : 700} c={item.read ? "dark" : undefined}>
          {notificationText(t, item)}
        </Anchor>
        {item.kind === "submitted" ? null : (
          <Text size="xs" c="dimmed">
            {nameOf(t, item)}
          </Text>
        )}
        {item.reason && (
          <Text size="xs" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
            {t("notifications.reason", { reason: item.reason })}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {`${item.at.slice(0, 10)} ${item.at.slice(11, 16)} UTC`}
        </Text>
      </Stack>
      {!item.read && (
        <UnstyledButton onClick={onRead} aria-label={`${t("notifications.markRead")}: ${notificationText(t, item)}`} title={t("notifications.markRead")} p={4} style={{ borderRadius: 4 }}>
          <Text size="xs" c="indigo.8" fw={600}>
            {t("notifications.markRead")}
          </Text>
        </UnstyledButton>
      )}
    </Group>
  );
}

/** The bell; `linkOf` gives a notification's report address in this app. */
export function NotificationBell({ linkOf }: { linkOf: (item: NotificationItem) => string }) {
  const { t } = useTranslation();
  const api = useReviewApi();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const query = useQuery(api.notifications.list.queryOptions({}, { refetchInterval: REFRESH_MS }));
  const markRead = useMutation(api.notifications.markRead.mutationOptions({ onSettled: () => void queryClient.invalidateQueries(api.notifications.pathFilter()) }));
  const unread = query.data?.unread ?? 0;
  const items = query.data?.items ?? [];
  const read = (keys: string[]) => {
    if (keys.length > 0) markRead.mutate({ keys });
  };
  const label = unread > 0 ? t("notifications.labelUnread", { count: unread }) : t("notifications.label");
  return (
    <Box pos="relative" style={{ display: "inline-flex" }}>
      <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" withArrow trapFocus>
        <Popover.Target>
          <ActionIcon variant="subtle" color="gray" size="md" aria-label={label} title={label} onClick={() => setOpened((o) => !o)} data-testid="notification-bell">
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p="sm" role="dialog" aria-label={t("notifications.title")} data-testid="notification-list">
          <Stack gap="xs">
            <Group justify="space-between">
              <Text fw={700}>{t("notifications.title")}</Text>
              {unread > 0 && (
                <Button size="compact-xs" variant="subtle" onClick={() => read(items.filter((i) => !i.read).map((i) => i.key))}>
                  {t("notifications.markAllRead")}
                </Button>
              )}
            </Group>
            {items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("notifications.empty")}
              </Text>
            ) : (
              <Box mah={420} style={{ overflowY: "auto" }} tabIndex={0} role="region" aria-label={t("notifications.title")}>
                <Stack gap={0}>
                  {items.map((item) => (
                    <Item
                      key={item.key}
                      item={item}
                      href={linkOf(item)}
                      onOpen={() => {
                        if (!item.read) read([item.key]);
                        setOpened(false);
                      }}
                      onRead={() => read([item.key])}
                    />
                  ))}
                </Stack>
              </Box>
            )}
          </Stack>
        </Popover.Dropdown>
      </Popover>
      {unread > 0 && (
        // The count is in the button's name; this is its picture (no Indicator, to keep the shell's styles small).
        <Box
          component="span"
          aria-hidden="true"
          data-testid="notification-count"
          pos="absolute"
          top={-6}
          right={-8}
          px={5}
          style={{ minWidth: 18, height: 18, borderRadius: 9, background: "var(--mantine-color-red-8)", color: "white", fontSize: 11, fontWeight: 700, lineHeight: "18px", textAlign: "center", pointerEvents: "none" }}
        >
          {unread > 99 ? "99+" : unread}
        </Box>
      )}
    </Box>
  );
}
