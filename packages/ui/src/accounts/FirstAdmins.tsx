import { AccountCreateSchema } from "@gugus/domain/accounts";
import { Alert, Badge, Button, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Me } from "../auth/useMe.ts";
import { DataTable } from "../components/DataTable.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { errorMessage } from "../errors.ts";
import { FormModal } from "../forms/unsaved.tsx";
import { useDomainForm } from "../forms/useDomainForm.ts";
import { taskForceName } from "../names.ts";
import { useTRPC } from "../trpc.tsx";
import type { Created } from "./AccountForm.tsx";
import { OneTimePassword } from "./OneTimePassword.tsx";

type Regency = { id: number; level: "national" | "province" | "regency"; regionCode: string | null; regionName: string | null; hasActiveAdmin: boolean };

const FIELD_OF: Record<string, string> = { EMAIL_TAKEN: "email", EMAIL_UNAVAILABLE: "email" };

/** The first regional admin of one regency/city: its name, email and position (the role and place are fixed). */
function FirstAdminForm({ regency, onCreated }: { regency: Regency; onCreated: (created: Created) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { form, onSubmit, showOnField, isOnField } = useDomainForm({
    initialValues: { email: "", name: "", position: "", taskForceId: regency.id, role: "regional_admin" },
    schema: AccountCreateSchema,
    fieldOfRule: FIELD_OF,
  });
  const create = useMutation(
    trpc.accounts.create.mutationOptions({
      onSuccess: (created) => {
        void queryClient.invalidateQueries({ queryKey: trpc.accounts.firstAdmins.queryKey() });
        onCreated(created);
      },
      onError: showOnField,
    }),
  );
  return (
    <form onSubmit={onSubmit((account) => create.mutate(account))} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {taskForceName(t, regency)} · {t("role.regional_admin")}
        </Text>
        <TextInput label={t("accounts.name")} required {...form.getInputProps("name")} />
        <TextInput label={t("accounts.email")} type="email" required {...form.getInputProps("email")} />
        <TextInput label={t("accounts.position")} description={t("accounts.positionHint")} required {...form.getInputProps("position")} />
        {create.isError && !isOnField(create.error) && (
          <Alert color="red" role="alert">
            {errorMessage(t, create.error)}
          </Alert>
        )}
        <Button type="submit" loading={create.isPending}>
          {t("accounts.firstAdmins.create")}
        </Button>
      </Stack>
    </form>
  );
}

/**
 * A province admin's regencies/cities and whether each has an active regional admin; for one that
 * has none, the means to create its first admin (its one-time password shown once).
 */
export function FirstAdmins({ me }: { me: Me }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const list = useQuery(trpc.accounts.firstAdmins.queryOptions({ taskForceId: me.taskForce.id }));
  const [dialog, setDialog] = useState<{ kind: "create"; regency: Regency } | { kind: "created"; created: Created } | null>(null);
  return (
    <Stack gap="sm" component="section" aria-labelledby="first-admins-title">
      <div>
        <Title order={2} size="h3" id="first-admins-title">
          {t("accounts.firstAdmins.title")}
        </Title>
        <Text c="dimmed" size="sm">
          {t("accounts.firstAdmins.intro")}
        </Text>
      </div>
      <QueryState query={list}>
        {({ regencies }) => (
          <Stack gap="xs">
            {regencies.every((r) => r.hasActiveAdmin) && <Text size="sm">{t("accounts.firstAdmins.allHave")}</Text>}
            <Paper withBorder radius="md">
              <DataTable label={t("accounts.firstAdmins.title")} minWidth={340} maxHeight={520} striped testId="first-admins-table" columns={[t("accounts.firstAdmins.region"), t("accounts.firstAdmins.status"), { label: t("accounts.actions"), hidden: true, width: 1 }]}>
                {regencies.map((r) => (
                  <Table.Tr key={r.id} data-region={r.regionCode}>
                    <Table.Td>
                      <Text size="sm">
                        {r.regionCode} · {r.regionName}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={r.hasActiveAdmin ? "green" : "gray"} variant="light">
                        {r.hasActiveAdmin ? t("accounts.firstAdmins.has") : t("accounts.firstAdmins.none")}
                      </Badge>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      {!r.hasActiveAdmin && (
                        <Button size="xs" variant="light" aria-label={t("accounts.firstAdmins.createForButton", { name: r.regionName ?? "" })} onClick={() => setDialog({ kind: "create", regency: r })}>
                          {t("accounts.firstAdmins.create")}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
            </Paper>
          </Stack>
        )}
      </QueryState>
      <FormModal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        closeOnClickOutside={dialog?.kind !== "created"}
        closeButtonProps={{ "aria-label": t("accounts.cancel") }}
        title={dialog?.kind === "created" ? t("accounts.oneTimePasswordTitle") : dialog ? t("accounts.firstAdmins.createFor", { name: dialog.regency.regionName ?? "" }) : t("accounts.firstAdmins.title")}
      >
        {dialog?.kind === "create" && <FirstAdminForm regency={dialog.regency} onCreated={(created) => setDialog({ kind: "created", created })} />}
        {dialog?.kind === "created" && (
          <OneTimePassword name={dialog.created.account.name} email={dialog.created.account.email} password={dialog.created.oneTimePassword} expiresAt={dialog.created.expiresAt} onDone={() => setDialog(null)} />
        )}
      </FormModal>
    </Stack>
  );
}
