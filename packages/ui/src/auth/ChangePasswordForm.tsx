import { minPasswordLength, newPasswordSchema } from "@gugus/domain/accounts";
import type { Role } from "@gugus/domain/accounts";
import { Alert, Button, PasswordInput, Stack } from "@mantine/core";
import { schemaResolver, useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { errorMessage, fieldErrors } from "../errors.ts";
import { useTRPC } from "../trpc.tsx";
import { fieldError } from "./fields.ts";

/** Changes one's own password, checking the rules as the user types (the server checks the lists too). */
export function ChangePasswordForm({ role, onDone }: { role: Role; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const schema = useMemo(
    () =>
      z
        .object({ currentPassword: z.string().min(1, { error: "CURRENT_PASSWORD_WRONG" }), newPassword: newPasswordSchema(role), confirm: z.string() })
        .refine((v) => v.confirm === v.newPassword, { path: ["confirm"], error: "MISMATCH" }),
    [role],
  );
  const form = useForm({
    mode: "controlled",
    initialValues: { currentPassword: "", newPassword: "", confirm: "" },
    validate: schemaResolver(schema, { sync: true }),
    validateInputOnBlur: true,
  });
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: onDone,
      onError: (error) => {
        const fields = fieldErrors(t, error);
        const key = (error.data as { messageKey?: string } | undefined)?.messageKey;
        if (key === "CURRENT_PASSWORD_WRONG") form.setFieldError("currentPassword", errorMessage(t, error));
        else if (key?.startsWith("PASSWORD_")) form.setFieldError("newPassword", errorMessage(t, error));
        else if (Object.keys(fields).length > 0) form.setErrors(fields);
      },
    }),
  );
  const err = (e: unknown) => (e === "MISMATCH" ? t("auth.mismatch") : fieldError(t, e) ?? (typeof e === "string" ? e : undefined));

  return (
    <form onSubmit={form.onSubmit(({ currentPassword, newPassword }) => change.mutate({ currentPassword, newPassword }))} noValidate>
      <Stack gap="sm">
        <PasswordInput visibilityToggleButtonProps={{ "aria-label": t("auth.show") }} label={t("auth.currentPassword")} autoComplete="current-password" required {...form.getInputProps("currentPassword")} error={err(form.errors.currentPassword)} />
        <PasswordInput
          visibilityToggleButtonProps={{ "aria-label": t("auth.show") }}
          label={t("auth.newPassword")}
          description={t("auth.passwordRules", { min: minPasswordLength(role) })}
          autoComplete="new-password"
          required
          {...form.getInputProps("newPassword")}
          error={err(form.errors.newPassword)}
        />
        <PasswordInput visibilityToggleButtonProps={{ "aria-label": t("auth.show") }} label={t("auth.confirmPassword")} autoComplete="new-password" required {...form.getInputProps("confirm")} error={err(form.errors.confirm)} />
        {change.isError && !form.errors.currentPassword && !form.errors.newPassword && (
          <Alert color="red" role="alert">
            {errorMessage(t, change.error)}
          </Alert>
        )}
        <Button type="submit" loading={change.isPending}>
          {t("auth.save")}
        </Button>
      </Stack>
    </form>
  );
}
