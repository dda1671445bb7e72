import { DataTable, InstantTime, QueryState, useTRPC } from "@gugus/ui";
import { Badge, Button, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

/** Every open session, for a central admin to end any of them; times in WIB, named. */
export function SessionsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.sessions.list.queryOptions({}));
  const end = useMutation(trpc.sessions.end.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.sessions.list.queryKey() }) }));
  return (
    <Stack gap="md" maw={1100}>
      <div>
        <Title order={1} size="h2">
          {t("admin.sessions.title")}
        </Title>
        <Text c="dimmed">{t("admin.sessions.intro")}</Text>
      </div>
      <QueryState query={sessions}>
        {(rows) =>
          rows.length === 0 ? (
            <Text c="dimmed">{t("admin.sessions.empty")}</Text>
          ) : (
            <Paper withBorder radius="md">
              <DataTable label={t("admin.sessions.title")} minWidth={760} testId="sessions-table" striped columns={[t("admin.sessions.account"), t("admin.sessions.started"), t("admin.sessions.lastSeen"), t("admin.sessions.expires"), t("admin.sessions.from"), { label: t("accounts.actions"), hidden: true }]}>
                    {rows.map((s) => (
                      <Table.Tr key={s.id}>
                        <Table.Td>
                          <Text size="sm">{s.userName}</Text>
                          <Text size="xs" c="dimmed">
                            {s.userEmail}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <InstantTime at={s.createdAt} />
                        </Table.Td>
                        <Table.Td>
                          <InstantTime at={s.lastSeenAt} />
                        </Table.Td>
                        <Table.Td>
                          <InstantTime at={s.expiresAt} />
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs" ff="monospace">
                            {s.ip ?? "—"}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          {s.current ? (
                            <Badge variant="light">{t("admin.sessions.current")}</Badge>
                          ) : (
                            <Button size="xs" color="red" variant="light" loading={end.isPending && end.variables?.sessionId === s.id} onClick={() => end.mutate({ sessionId: s.id })}>
                              {t("admin.sessions.end")}
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
              </DataTable>
            </Paper>
          )
        }
      </QueryState>
    </Stack>
  );
}
