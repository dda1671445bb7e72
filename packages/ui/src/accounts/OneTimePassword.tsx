import { Alert, Button, Code, CopyButton, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useInstantFormat } from "../format.ts";

/** Shows a one-time password once, to hand over in person. */
export function OneTimePassword({ name, email, password, expiresAt, onDone }: { name: string; email: string; password: string; expiresAt: number; onDone: () => void }) {
  const { t } = useTranslation();
  // With its zone (WIB), as every time the product shows.
  const date = useInstantFormat()(expiresAt);
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
