/**
 * One's own sessions (ASVS 7.5.2), opened from the user menu in both apps: the account's security
 * (its second factor), then every device the account is signed in on, with its address, start and
 * last use (times in the account's task force's zone, named: WIB, WITA or WIT), this session
 * marked, and ending one of the others or all of them at once.
 */
import { Alert, Badge, Button, Divider, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import "@mantine/core/styles/Divider.css";
import { Suspense, lazy, useState } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../components/DataTable.tsx";
import { InstantTime } from "../components/InstantTime.tsx";
import { ApiErrorAlert, QueryState } from "../components/QueryState.tsx";
import { useInstantFormat, zoneOfRegion } from "../format.ts";
import { useTRPC } from "../trpc.tsx";

// The second factor's section loads when the dialog opens, not with the app.
const AccountSecurity = lazy(() => import("./AccountSecurity.tsx"));

export function MySessions({ email, regionCode }: { email: string; regionCode: string | null }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const zone = zoneOfRegion(regionCode);
  const instant = useInstantFormat(zone);
  const [notice, setNotice] = useState<string | null>(null);
  const sessions = useQuery(trpc.sessions.mine.queryOptions());
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.sessions.mine.queryKey() });
  const endOne = useMutation(
    trpc.sessions.endMine.mutationOptions({
      onSuccess: () => setNotice(t("mySessions.endedOne")),
      onSettled: refresh,
    }),
  );
  const endOthers = useMutation(
    trpc.sessions.endOthers.mutationOptions({
      onSuccess: ({ ended }) => setNotice(t("mySessions.ended", { count: ended })),
      onSettled: refresh,
    }),
  );
  return (
    <Stack gap="sm">
      <Suspense fallback={null}>
        <AccountSecurity email={email} instant={instant} />
      </Suspense>
      <Divider />
      <Title order={2} size="h4">
        {t("mySessions.sessionsTitle")}
      </Title>
      <Text size="sm">{t("mySessions.intro")}</Text>
      {notice !== null && (
        <Alert color="green" role="status">
          {notice}
        </Alert>
      )}
      {endOne.error !== null && <ApiErrorAlert error={endOne.error} />}
      {endOthers.error !== null && <ApiErrorAlert error={endOthers.error} />}
      <QueryState query={sessions}>
        {(rows) => {
          const others = rows.filter((s) => !s.current);
          return (
            <Stack gap="sm">
              <DataTable
                label={t("mySessions.tableLabel")}
                minWidth={640}
                testId="my-sessions-table"
                striped
                columns={[t("mySessions.device"), t("mySessions.address"), t("mySessions.started"), t("mySessions.lastSeen"), { label: t("mySessions.actions"), hidden: true }]}
              >
                {rows.map((s) => {
                  const device = s.userAgent ?? t("mySessions.unknownDevice");
                  return (
                    <Table.Tr key={s.id} data-current={s.current || undefined}>
                      <Table.Td>
                        <Text size="sm" lineClamp={2} title={device}>
                          {device}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs" ff="monospace">
                          {s.ip ?? "—"}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <InstantTime at={s.createdAt} zone={zone} />
                      </Table.Td>
                      <Table.Td>
                        <InstantTime at={s.lastSeenAt} zone={zone} />
                      </Table.Td>
                      <Table.Td>
                        {s.current ? (
                          <Badge variant="light">{t("mySessions.thisSession")}</Badge>
                        ) : (
                          <Button
                            size="xs"
                            color="red"
                            variant="light"
                            aria-label={t("mySessions.endLabel", { device, started: instant(s.createdAt) })}
                            loading={endOne.isPending && endOne.variables?.sessionId === s.id}
                            onClick={() => {
                              setNotice(null);
                              endOne.mutate({ sessionId: s.id });
                            }}
                          >
                            {t("mySessions.end")}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </DataTable>
              {others.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t("mySessions.noOthers")}
                </Text>
              ) : (
                <Group justify="flex-end">
                  <Button
                    color="red"
                    variant="light"
                    loading={endOthers.isPending}
                    onClick={() => {
                      setNotice(null);
                      endOthers.mutate();
                    }}
                  >
                    {t("mySessions.endOthers")}
                  </Button>
                </Group>
              )}
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
