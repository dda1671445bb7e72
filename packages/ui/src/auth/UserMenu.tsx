import { Alert, Button, Menu, Modal, Stack, Text, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { taskForceName } from "../names.ts";
import { ChangePasswordForm } from "./ChangePasswordForm.tsx";
import { MySessions } from "./MySessions.tsx";
import type { Me } from "./useMe.ts";
import { useSignOut } from "./useSignOut.ts";

/** The account's name in the header, with changing the password, one's sessions and security (second factor), and signing out. */
export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const [opened, { open, close }] = useDisclosure(false);
  const [changed, setChanged] = useState(false);
  const [sessionsOpened, sessionsModal] = useDisclosure(false);
  return (
    <>
      <Menu position="bottom-end" width={260} withinPortal>
        <Menu.Target>
          {/* Named by what it shows (WCAG 2.5.3, label in name); "my account" is its tooltip. */}
          <UnstyledButton title={t("auth.myAccount")} data-testid="user-menu">
            <Text size="sm" fw={600} truncate maw={{ base: 120, xs: 180 }}>
              {me.name}
            </Text>
            <Text size="xs" c="dimmed" truncate maw={180} visibleFrom="xs">
              {t(`role.${me.role}`)}
            </Text>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            <Stack gap={0}>
              <Text size="xs">{me.email}</Text>
              <Text size="xs">{taskForceName(t, me.taskForce)}</Text>
            </Stack>
          </Menu.Label>
          <Menu.Item
            onClick={() => {
              setChanged(false);
              open();
            }}
          >
            {t("auth.changePassword")}
          </Menu.Item>
          <Menu.Item onClick={sessionsModal.open}>{t("mySessions.menu")}</Menu.Item>
          <Menu.Item onClick={sessionsModal.open}>{t("mfa.securityTitle")}</Menu.Item>
          <Menu.Item color="red" onClick={signOut}>
            {t("auth.signOut")}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={opened} onClose={close} title={t("auth.changePasswordTitle")} closeButtonProps={{ "aria-label": t("accounts.cancel") }}>
        {changed ? (
          <Stack>
            <Alert color="green">{t("auth.passwordChanged")}</Alert>
            <Button onClick={close}>{t("accounts.done")}</Button>
          </Stack>
        ) : (
          <ChangePasswordForm role={me.role} onDone={() => setChanged(true)} />
        )}
      </Modal>
      <Modal opened={sessionsOpened} onClose={sessionsModal.close} title={t("mySessions.title")} size="xl" closeButtonProps={{ "aria-label": t("mySessions.close") }}>
        {sessionsOpened && <MySessions email={me.email} regionCode={me.taskForce.regionCode} />}
      </Modal>
    </>
  );
}
