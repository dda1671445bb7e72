import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../errors.ts";

/** Asks before an irreversible step, and shows why it failed if it did. */
export function ConfirmModal({ opened, title, text, onCancel, onConfirm, pending, error }: {
  opened: boolean;
  title: string;
  text: string;
  onCancel: () => void;
  onConfirm: () => void;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onCancel} title={title} closeButtonProps={{ "aria-label": t("accounts.cancel") }}>
      <Stack gap="sm">
        <Text>{text}</Text>
        {error ? (
          <Alert color="red" role="alert">
            {errorMessage(t, error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t("accounts.cancel")}
          </Button>
          <Button color="red" loading={pending} onClick={onConfirm}>
            {t("accounts.confirm")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
