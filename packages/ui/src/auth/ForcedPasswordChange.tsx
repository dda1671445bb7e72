import { Alert, Button, Center, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "../components/LanguageSwitch.tsx";
import { SyntheticDataBanner } from "../components/SyntheticDataBanner.tsx";
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
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={460}>
        {me.syntheticData && <SyntheticDataBanner />}
        <Stack gap="md">
          <Group justify="space-between" wrap="nowrap">
            <Text c="dimmed" size="sm">
              {t("app.name")} · {title}
            </Text>
            <LanguageSwitch />
          </Group>
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
        </Stack>
      </Paper>
    </Center>
  );
}
