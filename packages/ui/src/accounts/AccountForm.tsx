import type { Account } from "@gugus/api";
import { AccountCreateSchema, CENTRAL_ROLES, PersonNameSchema, JobTitleSchema, REGIONAL_ROLES, RoleSchema, mayActOnAccountWithRole } from "@gugus/domain/accounts";
import type { Role } from "@gugus/domain/accounts";
import { Alert, Button, Select, Stack, Text, TextInput } from "@mantine/core";
import { schemaResolver, useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { fieldError } from "../auth/fields.ts";
import type { Me } from "../auth/useMe.ts";
import { errorMessage, fieldErrors } from "../errors.ts";
import { taskForceName } from "../names.ts";
import { useTRPC } from "../trpc.tsx";

export type Created = { account: Account; oneTimePassword: string; expiresAt: number };

function rolesFor(me: Me, level: "national" | "province" | "regency" | undefined): Role[] {
  if (level === undefined) return [];
  if (level === "national") return me.role === "central_admin" ? [...CENTRAL_ROLES] : [];
  return [...REGIONAL_ROLES];
}

/** The task forces a central admin may pick from: all 553, searchable by code or name. */
function useTaskForceOptions(enabled: boolean) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const tree = useQuery(trpc.hierarchy.tree.queryOptions(undefined, { enabled, staleTime: 10 * 60_000 }));
  return useMemo(
    () =>
      (tree.data ?? []).map((tf) => ({
        value: String(tf.id),
        label: tf.regionCode ? `${tf.regionCode} · ${taskForceName(t, tf)}` : taskForceName(t, tf),
        level: tf.level,
      })),
    [tree.data, t],
  );
}

/** Creates an account: for a central admin at any task force, for a regional admin at its own. */
export function CreateAccountForm({ me, onCreated }: { me: Me; onCreated: (created: Created) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const central = me.taskForce.level === "national";
  const options = useTaskForceOptions(central);
  const form = useForm({
    mode: "controlled",
    initialValues: { email: "", name: "", position: "", taskForceId: central ? "" : String(me.taskForce.id), role: "" },
    validate: schemaResolver(
      z.object({
        email: AccountCreateSchema.shape.email,
        name: PersonNameSchema,
        position: JobTitleSchema,
        taskForceId: z.string().min(1, { error: "FIELD_REQUIRED" }),
        role: RoleSchema,
      }),
      { sync: true },
    ),
    validateInputOnBlur: true,
  });
  const level = central ? options.find((o) => o.value === form.values.taskForceId)?.level : me.taskForce.level;
  const roles = rolesFor(me, level);
  const create = useMutation(
    trpc.accounts.create.mutationOptions({
      onSuccess: (created) => {
        void queryClient.invalidateQueries({ queryKey: trpc.accounts.list.queryKey() });
        onCreated(created);
      },
      onError: (error) => form.setErrors(fieldErrors(t, error)),
    }),
  );

  return (
    <form
      onSubmit={form.onSubmit((v) => create.mutate({ email: v.email, name: v.name, position: v.position, taskForceId: Number(v.taskForceId), role: v.role as Role }))}
      noValidate
    >
      <Stack gap="sm">
        <TextInput label={t("accounts.name")} required {...form.getInputProps("name")} error={fieldError(t, form.errors.name)} />
        <TextInput label={t("accounts.email")} type="email" required {...form.getInputProps("email")} error={fieldError(t, form.errors.email)} />
        <TextInput
          label={t("accounts.position")}
          description={t("accounts.positionHint")}
          required
          {...form.getInputProps("position")}
          error={fieldError(t, form.errors.position)}
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
            error={fieldError(t, form.errors.taskForceId)}
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
          error={fieldError(t, form.errors.role)}
        />
        {create.isError && Object.keys(fieldErrors(t, create.error)).length === 0 && (
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
  const form = useForm({
    mode: "controlled",
    initialValues: { name: account.name, position: account.position, role: account.role },
    validate: schemaResolver(z.object({ name: PersonNameSchema, position: JobTitleSchema, role: RoleSchema }), { sync: true }),
    validateInputOnBlur: true,
  });
  const update = useMutation(
    trpc.accounts.update.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.accounts.list.queryKey() });
        onSaved();
      },
      onError: (error) => form.setErrors(fieldErrors(t, error)),
    }),
  );
  return (
    <form
      onSubmit={form.onSubmit((v) =>
        update.mutate({ id: account.id, version: account.version, name: v.name, position: v.position, ...(v.role !== account.role ? { role: v.role } : {}) }),
      )}
      noValidate
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {account.email} · {taskForceName(t, account.taskForce)}
        </Text>
        <TextInput label={t("accounts.name")} required {...form.getInputProps("name")} error={fieldError(t, form.errors.name)} />
        <TextInput label={t("accounts.position")} required {...form.getInputProps("position")} error={fieldError(t, form.errors.position)} />
        <Select
          label={t("accounts.role")}
          data={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          disabled={roleLocked}
          {...form.getInputProps("role")}
          error={fieldError(t, form.errors.role)}
        />
        {update.isError && Object.keys(fieldErrors(t, update.error)).length === 0 && (
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
