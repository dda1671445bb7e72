/**
 * "Keamanan akun / Account security", beside one's sessions: whether the account has a second
 * factor (and whether its role requires one), turning one on, the recovery codes left, making new
 * ones, and turning an opted-in factor off.
 */
import { Alert, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryState } from "../components/QueryState.tsx";
import { useTRPC } from "../trpc.tsx";
import { CodeForm, EnrolmentPanel, RecoveryCodesPanel } from "./SecondFactorParts.tsx";

type Mode = "idle" | "enrol" | "regenerate" | "disable";

export default function AccountSecurity({ email, instant }: { email: string; instant: (ms: number) => string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.mfa.status.queryOptions());
  const [mode, setMode] = useState<Mode>("idle");
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.mfa.status.queryKey() });
  const regenerate = useMutation(trpc.mfa.regenerateRecoveryCodes.mutationOptions({ onSettled: refresh }));
  const disable = useMutation(
    trpc.mfa.disable.mutationOptions({
      onSuccess: () => {
        setMode("idle");
        setNotice(t("mfa.disabled"));
      },
      onSettled: refresh,
    }),
  );
  const back = () => {
    setMode("idle");
    regenerate.reset();
    disable.reset();
  };
  return (
    <Stack gap="sm" component="section" aria-labelledby="account-security-title">
      <Title order={2} size="h4" id="account-security-title">
        {t("mfa.securityTitle")}
      </Title>
      {notice !== null && (
        <Alert color="green" role="status">
          {notice}
        </Alert>
      )}
      <QueryState query={status}>
        {(s) => (
          <Stack gap="sm">
            <Text size="sm">{s.required ? t("mfa.required") : t("mfa.optional")}</Text>
            <Text size="sm" fw={600} data-testid="mfa-state">
              {s.enrolled && s.enrolledAt !== null ? t("mfa.enrolled", { at: instant(s.enrolledAt) }) : t("mfa.notEnrolled")}
            </Text>
            {s.enrolled && <Text size="sm">{t("mfa.codesLeft", { count: s.recoveryCodesLeft })}</Text>}

            {mode === "enrol" && (
              <EnrolmentPanel
                email={email}
                onDone={() => {
                  setMode("idle");
                  setNotice(t("mfa.enabled"));
                  refresh();
                }}
              />
            )}
            {mode === "regenerate" &&
              (regenerate.data ? (
                <RecoveryCodesPanel
                  codes={regenerate.data.recoveryCodes}
                  email={email}
                  onDone={() => {
                    back();
                  }}
                />
              ) : (
                <>
                  <Text size="sm">{t("mfa.regenerateHint")}</Text>
                  <CodeForm label={t("mfa.code")} submit={t("mfa.regenerate")} pending={regenerate.isPending} error={regenerate.error} onSubmit={(code) => regenerate.mutate({ code })} />
                </>
              ))}
            {mode === "disable" && (
              <>
                <Text size="sm">{t("mfa.disableHint")}</Text>
                <CodeForm label={t("mfa.code")} submit={t("mfa.disable")} pending={disable.isPending} error={disable.error} onSubmit={(code) => disable.mutate({ code })} />
              </>
            )}

            <Group>
              {mode === "idle" && !s.enrolled && (
                <Button
                  variant="light"
                  onClick={() => {
                    setNotice(null);
                    setMode("enrol");
                  }}
                >
                  {t("mfa.start")}
                </Button>
              )}
              {mode === "idle" && s.enrolled && (
                <Button
                  variant="light"
                  onClick={() => {
                    setNotice(null);
                    setMode("regenerate");
                  }}
                >
                  {t("mfa.regenerate")}
                </Button>
              )}
              {mode === "idle" && s.enrolled && !s.required && (
                <Button
                  variant="light"
                  color="red"
                  onClick={() => {
                    setNotice(null);
                    setMode("disable");
                  }}
                >
                  {t("mfa.disable")}
                </Button>
              )}
              {mode !== "idle" && !(mode === "regenerate" && regenerate.data) && (
                <Button variant="subtle" onClick={back}>
                  {t("mfa.cancel")}
                </Button>
              )}
            </Group>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
