import { Alert, Button, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { AuthCard, StepHeader } from "./AuthCard.tsx";
import { ChangePasswordForm } from "./ChangePasswordForm.tsx";
import { useSetMe } from "./useMe.ts";
import type { Me } from "./useMe.ts";
import { useSignOut } from "./useSignOut.ts";

/** First sign-in with a one-time password: the account must choose its own before going on. */
export default function ForcedPasswordChange({ me, title }: { me: Me; title: string }) {
  const { t } = useTranslation();
  const setMe = useSetMe();
  const queryClient = useQueryClient();
  const signOut = useSignOut();
  return (
    <AuthCard syntheticData={me.syntheticData} width={460} header={<StepHeader title={title} />}>
      <Title order={1} size="h3">
        {t("auth.changePasswordTitle")}
      </Title>
      <Alert color="blue">{t("auth.changePasswordForced")}</Alert>
      <Text size="sm">
        {me.name} · {me.email}
      </Text>
      <ChangePasswordForm
        role={me.role}
        onDone={() => {
          setMe({ ...me, mustChangePassword: false });
          void queryClient.invalidateQueries();
        }}
      />
      <Button variant="subtle" onClick={signOut}>
        {t("auth.signOut")}
      </Button>
    </AuthCard>
  );
}
