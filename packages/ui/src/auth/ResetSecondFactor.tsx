/**
 * A central admin resetting another account's second factor (its device was lost), from the
 * accounts list: a menu item per account, and one confirmation dialog for the list. The item and the
 * dialog meet through a small store, so the dialog outlives the closing menu.
 */
import { Alert, Button, Group, Menu, Modal, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { OneTimePassword } from "../accounts/OneTimePassword.tsx";
import { errorMessage } from "../errors.ts";
import { useTRPC } from "../trpc.tsx";

type Target = { id: number; name: string; email: string };

let current: Target | null = null;
const listeners = new Set<() => void>();
function setTarget(target: Target | null) {
  current = target;
  for (const l of listeners) l();
}
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};

/** The menu item of one account (a central admin's list only; never one's own account). */
export function ResetSecondFactorItem({ account }: { account: Target }) {
  const { t } = useTranslation();
  return (
    <Menu.Item color="red" onClick={() => setTarget({ id: account.id, name: account.name, email: account.email })}>
      {t("mfa.reset")}
    </Menu.Item>
  );
}

/** The confirmation, placed once beside the list. */
export function ResetSecondFactorDialog() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const target = useSyncExternalStore(subscribe, () => current);
  const reset = useMutation(trpc.mfa.reset.mutationOptions());
  const close = () => {
    reset.reset();
    setTarget(null);
  };
  return (
    <Modal opened={target !== null} onClose={close} title={target ? t("mfa.resetTitle", { name: target.name }) : ""} closeButtonProps={{ "aria-label": t("mfa.cancel") }}>
      {target && (
        <Stack gap="sm">
          {reset.isSuccess ? (
            <>
              <Alert color="green" role="status">
                {t("mfa.resetDone", { name: target.name })}
              </Alert>
              {/* The old password may be known to whoever asked for the reset: the owner starts again from this one. */}
              <OneTimePassword name={target.name} email={target.email} password={reset.data.oneTimePassword} expiresAt={reset.data.expiresAt} onDone={close} />
            </>
          ) : (
            <>
              <Text size="sm">{t("mfa.resetBody")}</Text>
              {reset.isError && (
                <Alert color="red" role="alert">
                  {errorMessage(t, reset.error)}
                </Alert>
              )}
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  {t("mfa.cancel")}
                </Button>
                <Button color="red" loading={reset.isPending} onClick={() => reset.mutate({ id: target.id })}>
                  {t("mfa.resetConfirm")}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      )}
    </Modal>
  );
}
