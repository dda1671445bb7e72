import type { Account } from "@gugus/api";
import { hasCapability, mayActOnAccountWithRole, mayReactivateAccount } from "@gugus/domain/accounts";
import { Alert, Badge, Button, Checkbox, Group, Menu, Paper, SegmentedControl, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "wouter";
import { useTranslation } from "react-i18next";
import type { Me } from "../auth/useMe.ts";
import { DataTable } from "../components/DataTable.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { FormModal } from "../forms/unsaved.tsx";
import { invalidateAccounts } from "../queries.ts";
import { errorMessage } from "../errors.ts";
import { taskForceName } from "../names.ts";
import { useTRPC } from "../trpc.tsx";
import { XLSX_TYPE, download } from "../download.ts";
import { CreateAccountForm, EditAccountForm } from "./AccountForm.tsx";
import type { Created } from "./AccountForm.tsx";
import { OneTimePassword } from "./OneTimePassword.tsx";
import { OneTimePasswordsFile } from "./OneTimePasswordsFile.tsx";
// Second factor
import { ResetSecondFactorDialog, ResetSecondFactorItem } from "../auth/ResetSecondFactor.tsx";

type Dialog =
  | { kind: "create" }
  | { kind: "created"; created: Created }
  | { kind: "edit"; account: Account }
  | { kind: "deactivate" | "reactivate" | "reset"; account: Account }
  | { kind: "bulkDeactivate" | "bulkReactivate" | "bulkReset"; accounts: Account[] }
  | { kind: "passwordsFile"; file: { fileName: string; contentBase64: string }; count: number };

const PAGE_SIZE = 25;

/** A confirmation's error and its two buttons: cancel, and confirm (red when it takes something away). */
function ConfirmButtons({ error, pending, danger, onCancel, onConfirm }: { error: unknown; pending: boolean; danger: boolean; onCancel: () => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      {error !== null && error !== undefined && (
        <Alert color="red" role="alert">
          {errorMessage(t, error)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t("accounts.cancel")}
        </Button>
        <Button color={danger ? "red" : "indigo"} loading={pending} onClick={onConfirm}>
          {t("accounts.confirm")}
        </Button>
      </Group>
    </>
  );
}

/**
 * Accounts a user may see, and for admins the means to manage them: create (with a one-time
 * password shown once), edit, deactivate/reactivate, reset the password. Central admins see every
 * account; a regional admin its own task force's. The list goes to XLSX as it is filtered. With
 * `bulk`, several accounts are chosen and deactivated, reactivated or given new one-time passwords
 * at once (a file, offered once); `importHref` leads to the upload of a file of accounts.
 */
export function AccountsManager({ me, bulk = false, importHref }: { me: Me; bulk?: boolean; importHref?: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === "en" ? "en" : "id";
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
  const [selected, setSelected] = useState<ReadonlyMap<number, Account>>(new Map());
  const toggle = (a: Account, on: boolean) =>
    setSelected((before) => {
      const next = new Map(before);
      if (on) next.set(a.id, a);
      else next.delete(a.id);
      return next;
    });
  const filters = {
    ...(debounced ? { query: debounced } : {}),
    ...(status === "all" ? {} : { active: status === "active" }),
  };

  const list = useQuery(trpc.accounts.list.queryOptions({ ...filters, page, pageSize: PAGE_SIZE }));
  const file = useMutation({
    mutationFn: () => queryClient.fetchQuery({ ...trpc.accounts.exportXlsx.queryOptions({ ...filters, language }), staleTime: 0 }),
    onSuccess: (f) => download(f.fileName, { base64: f.contentBase64 }, XLSX_TYPE),
  });
  const bulkSetActive = useMutation(
    trpc.accountsBulk.setActive.mutationOptions({
      onSuccess: (out) => {
        refresh();
        close();
        setSelected(new Map());
        setNotice(t("accounts.bulkSaved", { count: out.accounts.length }));
      },
    }),
  );
  const bulkReset = useMutation(
    trpc.accountsBulk.resetPasswords.mutationOptions({
      onSuccess: (out) => {
        refresh();
        setSelected(new Map());
        setDialog({ kind: "passwordsFile", file: out.file, count: out.accounts.length });
      },
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
    bulkSetActive.reset();
    bulkReset.reset();
  }
  const selectable = (a: Account) => bulk && canManage && a.id !== me.id && mayActOnAccountWithRole(me, a.role);

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t("accounts.title")}
          </Title>
          <Text c="dimmed">{central ? t("accounts.intro") : t("accounts.introRegional")}</Text>
        </div>
        <Group gap="sm">
          <Button variant="default" loading={file.isPending} onClick={() => file.mutate()} data-testid="accounts-xlsx">
            {t("accounts.download")}
          </Button>
          {canManage && importHref && (
            <Button component={Link} href={importHref} variant="light">
              {t("accounts.uploadFile")}
            </Button>
          )}
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
      </Group>
      {file.isError && (
        <Alert color="red" role="alert">
          {t("accounts.downloadFailed")}
        </Alert>
      )}
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
      {selected.size > 0 && (
        <Paper withBorder p="sm" radius="md" data-testid="accounts-selection">
          <Group gap="sm" justify="space-between">
            <Text size="sm" fw={500} role="status">
              {t("accounts.selected", { count: selected.size })}
            </Text>
            <Group gap="xs">
              <Button size="xs" color="red" variant="light" onClick={() => setDialog({ kind: "bulkDeactivate", accounts: [...selected.values()] })}>
                {t("accounts.bulkDeactivate")}
              </Button>
              <Button size="xs" variant="light" onClick={() => setDialog({ kind: "bulkReactivate", accounts: [...selected.values()] })}>
                {t("accounts.bulkReactivate")}
              </Button>
              <Button size="xs" variant="light" onClick={() => setDialog({ kind: "bulkReset", accounts: [...selected.values()] })}>
                {t("accounts.bulkReset")}
              </Button>
              <Button size="xs" variant="default" onClick={() => setSelected(new Map())}>
                {t("accounts.clearSelection")}
              </Button>
            </Group>
          </Group>
        </Paper>
      )}
      <QueryState query={list}>
        {({ rows, total }) => {
          const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
          const choosable = rows.filter(selectable);
          const allChosen = choosable.length > 0 && choosable.every((a) => selected.has(a.id));
          return rows.length === 0 ? (
            <Text c="dimmed">{t("accounts.empty")}</Text>
          ) : (
            <Stack gap="xs">
              <Group gap="sm">
                {bulk && canManage && choosable.length > 0 && (
                  <Checkbox
                    label={t("accounts.selectPage")}
                    checked={allChosen}
                    indeterminate={!allChosen && choosable.some((a) => selected.has(a.id))}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setSelected((before) => {
                        const next = new Map(before);
                        for (const a of choosable) if (on) next.set(a.id, a);
                        else next.delete(a.id);
                        return next;
                      });
                    }}
                  />
                )}
                <Text size="sm" c="dimmed">
                  {t("accounts.total", { count: total })}
                </Text>
              </Group>
              <Paper withBorder radius="md">
                <DataTable
                  label={t("accounts.title")}
                  minWidth={760}
                  striped
                  highlightOnHover
                  testId="accounts-table"
                  columns={[
                    ...(bulk && canManage ? [{ label: t("accounts.selectPage"), hidden: true, width: 1 }] : []),
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
                          {bulk && canManage && (
                            <Table.Td>
                              {selectable(a) && <Checkbox aria-label={t("accounts.select", { name: a.name })} checked={selected.has(a.id)} onChange={(e) => toggle(a, e.currentTarget.checked)} />}
                            </Table.Td>
                          )}
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
                                    {/* Second factor: a lost device is reset by a central admin. */}
                                    {me.role === "central_admin" && <ResetSecondFactorItem account={a} />}
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

      {/* Second factor */}
      {me.role === "central_admin" && <ResetSecondFactorDialog />}
      <FormModal
        opened={dialog !== null}
        onClose={close}
        closeOnClickOutside={dialog?.kind !== "created" && dialog?.kind !== "passwordsFile"}
        closeButtonProps={{ "aria-label": t("accounts.cancel") }}
        title={
          dialog?.kind === "create"
            ? t("accounts.create")
            : dialog?.kind === "created"
              ? t("accounts.oneTimePasswordTitle")
              : dialog?.kind === "passwordsFile"
                ? t("accounts.passwordsFile.title")
                : dialog?.kind === "bulkDeactivate"
                  ? t("accounts.bulkDeactivate")
                  : dialog?.kind === "bulkReactivate"
                    ? t("accounts.bulkReactivate")
                    : dialog?.kind === "bulkReset"
                      ? t("accounts.bulkReset")
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
        {dialog?.kind === "passwordsFile" && <OneTimePasswordsFile file={dialog.file} count={dialog.count} onDone={close} />}
        {(dialog?.kind === "bulkDeactivate" || dialog?.kind === "bulkReactivate" || dialog?.kind === "bulkReset") && (
          <Stack gap="sm">
            <Text>
              {dialog.kind === "bulkReset"
                ? t("accounts.confirmBulkReset", { count: dialog.accounts.length })
                : dialog.kind === "bulkDeactivate"
                  ? t("accounts.confirmBulkDeactivate", { count: dialog.accounts.length })
                  : t("accounts.confirmBulkReactivate", { count: dialog.accounts.length })}
            </Text>
            <Text size="sm" c="dimmed">
              {dialog.accounts.map((a) => a.name).join(", ")}
            </Text>
            <ConfirmButtons
              error={bulkSetActive.error ?? bulkReset.error}
              pending={bulkSetActive.isPending || bulkReset.isPending}
              danger={dialog.kind === "bulkDeactivate"}
              onCancel={close}
              onConfirm={() =>
                dialog.kind === "bulkReset"
                  ? bulkReset.mutate({ ids: dialog.accounts.map((a) => a.id), language })
                  : bulkSetActive.mutate({ accounts: dialog.accounts.map((a) => ({ id: a.id, version: a.version })), active: dialog.kind === "bulkReactivate" })
              }
            />
          </Stack>
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
            <ConfirmButtons
              error={setActive.error ?? reset.error}
              pending={setActive.isPending || reset.isPending}
              danger={dialog.kind === "deactivate"}
              onCancel={close}
              onConfirm={() =>
                dialog.kind === "reset"
                  ? reset.mutate({ id: dialog.account.id })
                  : setActive.mutate({ id: dialog.account.id, version: dialog.account.version, active: dialog.kind === "reactivate" })
              }
            />
          </Stack>
        )}
      </FormModal>
    </Stack>
  );
}
