import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { AuthCard } from "./AuthCard.tsx";
import { errorKeyOf, errorMessage } from "../errors.ts";
import { useTRPC } from "../trpc.tsx";
import { fieldError } from "./fields.ts";
import { useSetMe } from "./useMe.ts";

// Sign-in checks only that both fields are filled: any other rule would tell an attacker something.
// (No zod here: this screen is the first thing a regional user downloads.)
const required = (code: string) => (value: string) => (value.trim() === "" ? code : null);

/** The sign-in screen both apps show when there is no session. */
export function SignInPage({ title }: { title: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const setMe = useSetMe();
  const signIn = useMutation(trpc.auth.signIn.mutationOptions({ onSuccess: (me) => setMe(me) }));
  // Whether this instance holds demonstration data: said before anyone signs in, too.
  const instance = useQuery(trpc.auth.instance.queryOptions(undefined, { staleTime: 5 * 60_000, retry: false }));
  const form = useForm({ mode: "uncontrolled", initialValues: { email: "", password: "" }, validate: { email: required("EMAIL_INVALID"), password: required("SIGN_IN_FAILED") } });
  const retryAfter = (signIn.error?.data as { details?: { retryAfterSeconds?: number } } | undefined)?.details?.retryAfterSeconds;

  return (
    <AuthCard
      syntheticData={instance.data?.syntheticData ?? false}
      width={420}
      header={
        <div>
          <Text fw={700} size="xl">
            {t("app.name")}
          </Text>
          <Text c="dimmed" size="sm">
            {title}
          </Text>
        </div>
      }
    >
      <div>
        <Title order={1} size="h3">
          {t("auth.signInTitle")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("auth.signInIntro")}
        </Text>
      </div>
      <form onSubmit={form.onSubmit((values) => signIn.mutate(values))} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t("auth.email")}
            type="email"
            autoComplete="username"
            inputMode="email"
            required
            key={form.key("email")}
            {...form.getInputProps("email")}
            error={fieldError(t, form.errors.email)}
          />
          <PasswordInput
            visibilityToggleButtonProps={{ "aria-label": t("auth.show") }}
            label={t("auth.password")}
            autoComplete="current-password"
            required
            key={form.key("password")}
            {...form.getInputProps("password")}
            error={fieldError(t, form.errors.password)}
          />
          {signIn.isError && (
            <Alert color="red" role="alert">
              {errorKeyOf(signIn.error) === "SIGN_IN_THROTTLED" && retryAfter ? t("auth.throttled", { seconds: retryAfter }) : errorMessage(t, signIn.error)}
            </Alert>
          )}
          <Button type="submit" loading={signIn.isPending} fullWidth>
            {t("auth.signIn")}
          </Button>
        </Stack>
      </form>
      <Text size="xs" c="dimmed">
        {t("auth.noAccount")}
      </Text>
    </AuthCard>
  );
}
