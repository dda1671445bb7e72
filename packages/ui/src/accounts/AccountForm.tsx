import type { Account } from "@gugus/api";
import { AccountCreateSchema, AccountUpdateSchema, CENTRAL_ROLES, REGIONAL_ROLES, mayActOnAccountWithRole } from "@gugus/domain/accounts";
import type { Role } from "@gugus/domain/accounts";
import { Alert, Button, Select, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Me } from "../auth/useMe.ts";
import { errorMessage } from "../errors.ts";
import { useDomainForm } from "../forms/useDomainForm.ts";
import { useTaskForceOptions } from "../components/taskForceOptions.ts";
import { taskForceName } from "../names.ts";
import { invalidateAccounts } from "../queries.ts";
import { useTRPC } from "../trpc.tsx";

/** Server answers that belong to one field. */
const FIELD_OF: Record<string, string> = { EMAIL_TAKEN: "email", ROLE_LEVEL_MISMATCH: "role" };
const AccountDetailsSchema = AccountUpdateSchema.pick({ name: true, position: true, role: true });

export type Created = { account: Account; oneTimePassword: string; expiresAt: number };

function rolesFor(me: Me, level: "national" | "province" | "regency" | undefined): Role[] {
  if (level === undefined) return [];
  if (level === "national") return me.role === "central_admin" ? [...CENTRAL_ROLES] : [];
  return [...REGIONAL_ROLES];
}

/** The task forces a central admin may pick from: all 553, searchable by code or name. */
/** Creates an account: for a central admin at any task force, for a regional admin at its own. */
export function CreateAccountForm({ me, onCreated }: { me: Me; onCreated: (created: Created) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const central = me.taskForce.level === "national";
  const options = useTaskForceOptions(central);
  const { form, onSubmit, showOnField, isOnField } = useDomainForm({
    initialValues: { email: "", name: "", position: "", taskForceId: central ? "" : String(me.taskForce.id), role: "" },
    schema: AccountCreateSchema,
    toInput: (v) => ({ ...v, taskForceId: v.taskForceId === "" ? "" : Number(v.taskForceId) }),
    fieldOfRule: FIELD_OF,
  });
  const level = central ? options.find((o) => o.value === form.values.taskForceId)?.level : me.taskForce.level;
  const roles = rolesFor(me, level);
  const create = useMutation(
    trpc.accounts.create.mutationOptions({
      onSuccess: (created) => {
        void invalidateAccounts(queryClient, trpc);
        onCreated(created);
      },
      onError: showOnField,
    }),
  );

  return (
    <form
      onSubmit={onSubmit((account) => create.mutate(account))}
      noValidate
    >
      <Stack gap="sm">
        <TextInput label={t("accounts.name")} required {...form.getInputProps("name")} />
        <TextInput label={t("accounts.email")} type="email" required {...form.getInputProps("email")} />
        <TextInput
          label={t("accounts.position")}
          description={t("accounts.positionHint")}
          required
          {...form.getInputProps("position")}
         
        />
        {central ? (
          <Select
            label={t("accounts.taskForce")}
            placeholder={t("accounts.taskForcePlaceholder")}
            data={options}
            searchable
            limit={60}
            required
            nothingFoundMessage={t("state.empty")}
            {...form.getInputProps("taskForceId")}
            onChange={(value: string | null) => {
              form.setFieldValue("taskForceId", value ?? "");
              form.setFieldValue("role", "");
            }}
           
          />
        ) : (
          <div>
            <Text size="sm" fw={500}>
              {t("accounts.taskForce")}
            </Text>
            <Text size="sm">{taskForceName(t, me.taskForce)}</Text>
          </div>
        )}
        <Select
          label={t("accounts.role")}
          data={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          required
          disabled={roles.length === 0}
          {...form.getInputProps("role")}
         
        />
        {create.isError && !isOnField(create.error) && (
          <Alert color="red" role="alert">
            {errorMessage(t, create.error)}
          </Alert>
        )}
        <Button type="submit" loading={create.isPending}>
          {t("accounts.create")}
        </Button>
      </Stack>
    </form>
  );
}

/** Changes an account's name, position and role, from the version on screen. */
export function EditAccountForm({ me, account, onSaved }: { me: Me; account: Account; onSaved: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const roles = rolesFor(me, account.taskForce.level);
  // One's own role, and a fellow regional admin's, are changed by a central admin only.
  const roleLocked = account.id === me.id || !mayActOnAccountWithRole(me, account.role);
  const { form, onSubmit, showOnField, isOnField } = useDomainForm({
    initialValues: { name: account.name, position: account.position, role: account.role },
    schema: AccountDetailsSchema,
    fieldOfRule: FIELD_OF,
  });
  const update = useMutation(
    trpc.accounts.update.mutationOptions({
      onSuccess: () => {
        void invalidateAccounts(queryClient, trpc);
        onSaved();
      },
      onError: showOnField,
    }),
  );
  return (
    <form
      onSubmit={onSubmit((v) => update.mutate({ id: account.id, version: account.version, name: v.name, position: v.position, ...(v.role !== undefined && v.role !== account.role ? { role: v.role } : {}) }))}
      noValidate
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {account.email} · {taskForceName(t, account.taskForce)}
        </Text>
        <TextInput label={t("accounts.name")} required {...form.getInputProps("name")} />
        <TextInput label={t("accounts.position")} required {...form.getInputProps("position")} />
        <Select
          label={t("accounts.role")}
          data={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          disabled={roleLocked}
          {...form.getInputProps("role")}
         
        />
        {update.isError && !isOnField(update.error) && (
          <Alert color="red" role="alert">
            {errorMessage(t, update.error)}
          </Alert>
        )}
        <Button type="submit" loading={update.isPending}>
          {t("accounts.save")}
        </Button>
      </Stack>
    </form>
  );
}
