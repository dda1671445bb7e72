import { minPasswordLength, newPasswordSchema } from "@gugus/domain/accounts";
import type { Role } from "@gugus/domain/accounts";
import { Alert, Button, PasswordInput, Stack } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { errorMessage } from "../errors.ts";
import { useDomainForm } from "../forms/useDomainForm.ts";
import { useTRPC } from "../trpc.tsx";

/** Where the server's answers about passwords show. */
const FIELD_OF: Record<string, string> = {
  CURRENT_PASSWORD_WRONG: "currentPassword",
  PASSWORD_TOO_SHORT: "newPassword",
  PASSWORD_TOO_LONG: "newPassword",
  PASSWORD_COMMON: "newPassword",
  PASSWORD_CONTEXT: "newPassword",
  PASSWORD_SAME: "newPassword",
};

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
  const { form, onSubmit, showOnField, isOnField } = useDomainForm({
    initialValues: { currentPassword: "", newPassword: "", confirm: "" },
    schema,
    fieldOfRule: FIELD_OF,
    messages: { MISMATCH: t("auth.mismatch") },
    guard: false,
  });
  const change = useMutation(trpc.auth.changePassword.mutationOptions({ onSuccess: onDone, onError: showOnField }));

  return (
    <form onSubmit={onSubmit(({ currentPassword, newPassword }) => change.mutate({ currentPassword, newPassword }))} noValidate>
      <Stack gap="sm">
        <PasswordInput visibilityToggleButtonProps={{ "aria-label": t("auth.show") }} label={t("auth.currentPassword")} autoComplete="current-password" required {...form.getInputProps("currentPassword")} />
        <PasswordInput
          visibilityToggleButtonProps={{ "aria-label": t("auth.show") }}
          label={t("auth.newPassword")}
          description={t("auth.passwordRules", { min: minPasswordLength(role) })}
          autoComplete="new-password"
          required
          {...form.getInputProps("newPassword")}
         
        />
        <PasswordInput visibilityToggleButtonProps={{ "aria-label": t("auth.show") }} label={t("auth.confirmPassword")} autoComplete="new-password" required {...form.getInputProps("confirm")} />
        {change.isError && !isOnField(change.error) && (
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
