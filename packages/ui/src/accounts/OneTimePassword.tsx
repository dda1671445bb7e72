import { Alert, Button, Code, CopyButton, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Shows a one-time password once, to hand over in person. */
export function OneTimePassword({ name, email, password, expiresAt, onDone }: { name: string; email: string; password: string; expiresAt: number; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const date = new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "id-ID", { dateStyle: "medium", timeStyle: "short" }).format(expiresAt);
  return (
    <Stack gap="sm">
      <Alert color="yellow">{t("accounts.oneTimePasswordIntro", { name, email, date })}</Alert>
      <Group gap="sm" wrap="nowrap">
        <Code fz="lg" p="sm" data-testid="one-time-password" style={{ userSelect: "all", flex: 1 }}>
          {password}
        </Code>
        <CopyButton value={password}>
          {({ copied, copy }) => (
            <Button variant="light" color={copied ? "teal" : "indigo"} onClick={copy}>
              {copied ? t("accounts.copied") : t("accounts.copy")}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="xs" c="dimmed">
        {t("accounts.oneTimePasswordTitle")}
      </Text>
      <Button onClick={onDone}>{t("accounts.done")}</Button>
    </Stack>
  );
}
