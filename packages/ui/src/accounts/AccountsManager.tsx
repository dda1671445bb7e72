import type { Account } from "@gugus/api";
import { hasCapability, mayActOnAccountWithRole, mayReactivateAccount } from "@gugus/domain/accounts";
import { Alert, Badge, Button, Group, Menu, Paper, SegmentedControl, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Me } from "../auth/useMe.ts";
import { DataTable } from "../components/DataTable.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { FormModal } from "../forms/unsaved.tsx";
import { invalidateAccounts } from "../queries.ts";
import { errorMessage } from "../errors.ts";
import { taskForceName } from "../names.ts";
import { useTRPC } from "../trpc.tsx";
import { CreateAccountForm, EditAccountForm } from "./AccountForm.tsx";
import type { Created } from "./AccountForm.tsx";
import { OneTimePassword } from "./OneTimePassword.tsx";

type Dialog =
  | { kind: "create" }
  | { kind: "created"; created: Created }
  | { kind: "edit"; account: Account }
  | { kind: "deactivate" | "reactivate" | "reset"; account: Account };

const PAGE_SIZE = 25;

/**
 * Accounts a user may see, and for admins the means to manage them: create (with a one-time
 * password shown once), edit, deactivate/reactivate, reset the password. Central admins see every
 * account; a regional admin its own task force's.
 */
export function AccountsManager({ me }: { me: Me }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const central = me.taskForce.level === "national";
  const canManage = hasCapability(me.role, "accounts.manage");
  const [query, setQuery] = useState("");
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const [status, setStatus] = useState<"all" | "active" | "inactive">("all");
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const list = useQuery(
    trpc.accounts.list.queryOptions({
      ...(debounced ? { query: debounced } : {}),
      ...(status === "all" ? {} : { active: status === "active" }),
      page,
      pageSize: PAGE_SIZE,
    }),
  );
  const refresh = () => void invalidateAccounts(queryClient, trpc);

  const setActive = useMutation(
    trpc.accounts.setActive.mutationOptions({
      onSuccess: () => {
        refresh();
        close();
        setNotice(t("accounts.saved"));
      },
    }),
  );
  const reset = useMutation(
    trpc.accounts.resetPassword.mutationOptions({
      onSuccess: (created) => {
        refresh();
        setDialog({ kind: "created", created });
      },
    }),
  );

  function close() {
    setDialog(null);
    setActive.reset();
    reset.reset();
  }

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t("accounts.title")}
          </Title>
          <Text c="dimmed">{central ? t("accounts.intro") : t("accounts.introRegional")}</Text>
        </div>
        {canManage && (
          <Button
            onClick={() => {
              setNotice(null);
              setDialog({ kind: "create" });
            }}
          >
            {t("accounts.create")}
          </Button>
        )}
      </Group>
      {notice && (
        <Alert color="green" withCloseButton onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <Group gap="sm" align="flex-end">
        <TextInput
          type="search"
          label={t("accounts.search")}
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            setPage(1);
          }}
          maxLength={100}
          w={280}
        />
        <SegmentedControl
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          data={[
            { value: "all", label: t("accounts.all") },
            { value: "active", label: t("accounts.active") },
            { value: "inactive", label: t("accounts.inactive") },
          ]}
        />
      </Group>
      <QueryState query={list}>
        {({ rows, total }) => {
          const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
          return rows.length === 0 ? (
            <Text c="dimmed">{t("accounts.empty")}</Text>
          ) : (
            <Stack gap="xs">
              <Text size="sm" c="dimmed">
                {t("accounts.total", { count: total })}
              </Text>
              <Paper withBorder radius="md">
                <DataTable
                  label={t("accounts.title")}
                  minWidth={760}
                  striped
                  highlightOnHover
                  testId="accounts-table"
                  columns={[
                    t("accounts.name"),
                    t("accounts.position"),
                    ...(central ? [t("accounts.taskForce")] : []),
                    t("accounts.role"),
                    t("accounts.status"),
                    ...(canManage ? [{ label: t("accounts.actions"), width: 1 }] : []),
                  ]}
                >
                      {rows.map((a) => (
                        <Table.Tr key={a.id}>
                          <Table.Td>
                            <Text size="sm" fw={500}>
                              {a.name}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {a.email}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{a.position}</Text>
                          </Table.Td>
                          {central && (
                            <Table.Td>
                              <Text size="sm">{a.taskForce.regionCode ? `${a.taskForce.regionCode} · ${a.taskForce.regionName}` : t("level.national")}</Text>
                            </Table.Td>
                          )}
                          <Table.Td style={{ whiteSpace: "nowrap" }}>{t(`role.${a.role}`)}</Table.Td>
                          <Table.Td style={{ whiteSpace: "nowrap" }}>
                            <Group gap={4} wrap="nowrap">
                              <Badge color={a.active ? "green" : "gray"} variant="light">
                                {a.active ? t("accounts.active") : t("accounts.inactive")}
                              </Badge>
                              {a.mustChangePassword && a.active && (
                                <Badge color="yellow" variant="light" styles={{ root: { flexShrink: 0, maxWidth: "none" }, label: { overflow: "visible" } }}>
                                  {t("accounts.mustChange")}
                                </Badge>
                              )}
                            </Group>
                          </Table.Td>
                          {canManage && (
                            <Table.Td>
                              {a.id !== me.id && (
                                <Menu position="bottom-end" withinPortal>
                                  <Menu.Target>
                                    <Button size="xs" variant="light" aria-label={`${t("accounts.actions")}: ${a.name}`}>
                                      {t("accounts.actions")}
                                    </Button>
                                  </Menu.Target>
                                  <Menu.Dropdown>
                                    <Menu.Item onClick={() => setDialog({ kind: "edit", account: a })}>{t("accounts.edit")}</Menu.Item>
                                    {/* A fellow regional admin's password and status are for central admins. */}
                                    {mayActOnAccountWithRole(me, a.role) && (
                                      <>
                                        <Menu.Item onClick={() => setDialog({ kind: "reset", account: a })}>{t("accounts.resetPassword")}</Menu.Item>
                                        {a.active ? (
                                          <Menu.Item color="red" onClick={() => setDialog({ kind: "deactivate", account: a })}>
                                            {t("accounts.deactivate")}
                                          </Menu.Item>
                                        ) : (
                                          // A deactivation by a central admin is lifted by a central admin only.
                                          <Menu.Item disabled={!mayReactivateAccount(me, a.deactivatedBy)} onClick={() => setDialog({ kind: "reactivate", account: a })}>
                                            {mayReactivateAccount(me, a.deactivatedBy) ? t("accounts.reactivate") : t("accounts.reactivateCentralOnly")}
                                          </Menu.Item>
                                        )}
                                      </>
                                    )}
                                  </Menu.Dropdown>
                                </Menu>
                              )}
                            </Table.Td>
                          )}
                        </Table.Tr>
                      ))}
                </DataTable>
              </Paper>
              {pages > 1 && (
                <Group gap="sm">
                  <Button size="xs" variant="default" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                    {t("accounts.previous")}
                  </Button>
                  <Text size="sm">{t("accounts.page", { page, pages })}</Text>
                  <Button size="xs" variant="default" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                    {t("accounts.next")}
                  </Button>
                </Group>
              )}
            </Stack>
          );
        }}
      </QueryState>

      <FormModal
        opened={dialog !== null}
        onClose={close}
        closeOnClickOutside={dialog?.kind !== "created"}
        closeButtonProps={{ "aria-label": t("accounts.cancel") }}
        title={
          dialog?.kind === "create"
            ? t("accounts.create")
            : dialog?.kind === "created"
              ? t("accounts.oneTimePasswordTitle")
              : dialog?.kind === "edit"
                ? t("accounts.edit")
                : dialog?.kind === "reset"
                  ? t("accounts.resetPassword")
                  : dialog?.kind === "deactivate"
                    ? t("accounts.deactivate")
                    : t("accounts.reactivate")
        }
      >
        {dialog?.kind === "create" && <CreateAccountForm me={me} onCreated={(created) => setDialog({ kind: "created", created })} />}
        {dialog?.kind === "created" && (
          <OneTimePassword
            name={dialog.created.account.name}
            email={dialog.created.account.email}
            password={dialog.created.oneTimePassword}
            expiresAt={dialog.created.expiresAt}
            onDone={close}
          />
        )}
        {dialog?.kind === "edit" && (
          <EditAccountForm
            me={me}
            account={dialog.account}
            onSaved={() => {
              close();
              setNotice(t("accounts.saved"));
            }}
          />
        )}
        {(dialog?.kind === "deactivate" || dialog?.kind === "reactivate" || dialog?.kind === "reset") && (
          <Stack gap="sm">
            <Text>
              {dialog.kind === "reset"
                ? t("accounts.confirmReset", { name: dialog.account.name })
                : dialog.kind === "deactivate"
                  ? t("accounts.confirmDeactivate", { name: dialog.account.name })
                  : `${t("accounts.reactivate")}: ${dialog.account.name} (${taskForceName(t, dialog.account.taskForce)})`}
            </Text>
            {(setActive.isError || reset.isError) && (
              <Alert color="red" role="alert">
                {errorMessage(t, setActive.error ?? reset.error)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t("accounts.cancel")}
              </Button>
              <Button
                color={dialog.kind === "deactivate" ? "red" : "indigo"}
                loading={setActive.isPending || reset.isPending}
                onClick={() =>
                  dialog.kind === "reset"
                    ? reset.mutate({ id: dialog.account.id })
                    : setActive.mutate({ id: dialog.account.id, version: dialog.account.version, active: dialog.kind === "reactivate" })
                }
              >
                {t("accounts.confirm")}
              </Button>
            </Group>
          </Stack>
        )}
      </FormModal>
    </Stack>
  );
}
