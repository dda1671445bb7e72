/**
 * The sign-in step after the password, for an account with (or needing) a second factor: enrolling
 * an authenticator app at the first sign-in, or entering its code (or a recovery code) later.
 * Loaded only when needed.
 */
import { Anchor, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AuthCard, StepHeader } from "./AuthCard.tsx";
import { useTRPC } from "../trpc.tsx";
import { CodeForm, EnrolmentPanel } from "./SecondFactorParts.tsx";
import { useSetMe } from "./useMe.ts";
import type { Me } from "./useMe.ts";
import { useSignOut } from "./useSignOut.ts";

export default function SecondFactorStep({ me, title }: { me: Me; title: string }) {
  const { t } = useTranslation();
  const setMe = useSetMe();
  const queryClient = useQueryClient();
  const signOut = useSignOut();
  const done = () => {
    setMe({ ...me, secondFactor: "done" });
    void queryClient.invalidateQueries();
  };
  return (
    <AuthCard syntheticData={me.syntheticData} width={480} header={<StepHeader title={title} />}>
      {me.secondFactor === "enrol" ? (
        <>
          <Title order={1} size="h3">
            {t("mfa.enrolTitle")}
          </Title>
          <Text size="sm">{t("mfa.enrolRequired")}</Text>
          <EnrolmentPanel email={me.email} onDone={done} />
        </>
      ) : (
        <Verify me={me} onDone={done} />
      )}
      <Anchor component="button" type="button" size="sm" onClick={signOut}>
        {t("auth.signOut")}
      </Anchor>
    </AuthCard>
  );
}

/** The code from the app, or a recovery code. */
function Verify({ me, onDone }: { me: Me; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [recovery, setRecovery] = useState(false);
  const verify = useMutation(trpc.mfa.verify.mutationOptions({ onSuccess: onDone }));
  return (
    <>
      <Title order={1} size="h3">
        {t("mfa.verifyTitle")}
      </Title>
      <Text size="sm">{recovery ? t("mfa.recoveryHint") : t("mfa.verifyIntro", { email: me.email })}</Text>
      <CodeForm
        key={recovery ? "recovery" : "code"}
        recovery={recovery}
        label={recovery ? t("mfa.recoveryCode") : t("mfa.code")}
        submit={t("mfa.verify")}
        pending={verify.isPending}
        error={verify.error}
        onSubmit={(code) => verify.mutate(recovery ? { recoveryCode: code } : { code })}
      />
      <Anchor
        component="button"
        type="button"
        size="sm"
        onClick={() => {
          verify.reset();
          setRecovery(!recovery);
        }}
      >
        {recovery ? t("mfa.useCode") : t("mfa.useRecovery")}
      </Anchor>
    </>
  );
}
