/**
 * The parts of the second factor both the sign-in flow and the account security section show: a
 * code form, the enrolment (QR code, the key as text, the first code) and the recovery codes shown
 * once, with a download as .txt and "I have kept them".
 */
import "@mantine/core/styles/Checkbox.css";
import "@mantine/core/styles/CheckboxIndicator.css";
import "@mantine/core/styles/Code.css";
import "@mantine/core/styles/Image.css";
import "@mantine/core/styles/InlineInput.css";
import "@mantine/core/styles/List.css";
import { RecoveryCodeSchema, TotpCodeSchema } from "@gugus/domain/accounts";
import { Alert, Button, Checkbox, Code, Group, Image, List, Loader, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { download } from "../download.ts";
import { errorMessage } from "../errors.ts";
import { useDomainForm } from "../forms/useDomainForm.ts";
import { useTRPC } from "../trpc.tsx";

const CodeFormSchema = z.object({ code: TotpCodeSchema });
const RecoveryFormSchema = z.object({ code: RecoveryCodeSchema });

/** A code field with its button; a wrong code shows on the field. */
export function CodeForm({
  label,
  submit,
  onSubmit,
  pending,
  error,
  recovery = false,
}: {
  label: string;
  submit: string;
  onSubmit: (code: string) => void;
  pending: boolean;
  error: unknown;
  recovery?: boolean;
}) {
  const { t } = useTranslation();
  const { form, onSubmit: handle, showOnField, isOnField } = useDomainForm({
    initialValues: { code: "" },
    schema: recovery ? RecoveryFormSchema : CodeFormSchema,
    fieldOfRule: { MFA_CODE_INVALID: "code", RECOVERY_CODE_INVALID: "code" },
    guard: false,
  });
  useEffect(() => {
    if (error) showOnField(error);
    // Shows each new error once; the form is stable for its life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [error]);
  return (
    <form onSubmit={handle(({ code }) => onSubmit(code))} noValidate>
      <Stack gap="sm">
        <TextInput
          label={label}
          autoComplete="one-time-code"
          inputMode={recovery ? "text" : "numeric"}
          spellCheck={false}
          required
          data-autofocus
          styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", letterSpacing: "0.15em" } }}
          {...form.getInputProps("code")}
        />
        {error !== null && error !== undefined && !isOnField(error) && (
          <Alert color="red" role="alert">
            {errorMessage(t, error)}
          </Alert>
        )}
        <Button type="submit" loading={pending}>
          {submit}
        </Button>
      </Stack>
    </form>
  );
}

/** The recovery codes, shown once: a list, a .txt download, and going on only once the user says they are kept. */
export function RecoveryCodesPanel({ codes, email, onDone }: { codes: string[]; email: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [kept, setKept] = useState(false);
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t("mfa.recoveryTitle")}
      </Title>
      <Alert color="yellow">{t("mfa.recoveryIntro")}</Alert>
      <List aria-label={t("mfa.recoveryList")} data-testid="recovery-codes" listStyleType="none" spacing={4} styles={{ root: { columns: 2 } }}>
        {codes.map((c) => (
          <List.Item key={c}>
            <Code fz="md">{c}</Code>
          </List.Item>
        ))}
      </List>
      <Group>
        <Button variant="default" onClick={() => download("kode-pemulihan-gugus.txt", { text: [t("mfa.fileHeader", { email }), "", ...codes, ""].join("\r\n") }, "text/plain;charset=utf-8")}>
          {t("mfa.download")}
        </Button>
      </Group>
      <Checkbox label={t("mfa.kept")} checked={kept} onChange={(e) => setKept(e.currentTarget.checked)} />
      <Button disabled={!kept} onClick={onDone}>
        {t("mfa.continue")}
      </Button>
    </Stack>
  );
}

/**
 * Enrolling an authenticator app: a new secret is asked for on arrival (replacing one not yet
 * confirmed), shown as a QR code and as text to type; the first code confirms it, then the recovery
 * codes are shown once and `onDone` follows "I have kept them".
 */
export function EnrolmentPanel({ email, onDone }: { email: string; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const begin = useMutation(trpc.mfa.beginEnrolment.mutationOptions());
  const confirm = useMutation(trpc.mfa.confirmEnrolment.mutationOptions());
  useEffect(() => {
    begin.mutate();
    // Once per panel: a new secret each time the panel opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  if (confirm.data) return <RecoveryCodesPanel codes={confirm.data.recoveryCodes} email={email} onDone={onDone} />;
  if (begin.isError) {
    return (
      <Alert color="red" role="alert">
        {errorMessage(t, begin.error)}
      </Alert>
    );
  }
  if (!begin.data) return <Loader size="sm" role="status" aria-label={t("state.loading")} />;
  const { secret, qrSvg } = begin.data;
  return (
    <Stack gap="sm">
      <Text size="sm">{t("mfa.enrolSteps")}</Text>
      <Image src={`data:image/svg+xml;base64,${btoa(qrSvg)}`} alt={t("mfa.qrAlt")} w={198} h={198} fit="contain" bg="white" />
      <div>
        <Text size="sm" id="mfa-secret-label">
          {t("mfa.secretLabel")}
        </Text>
        <Code block fz="md" aria-labelledby="mfa-secret-label" data-testid="mfa-secret" style={{ wordBreak: "break-all" }}>
          {secret.replace(/(.{4})(?=.)/g, "$1 ")}
        </Code>
      </div>
      <CodeForm label={t("mfa.code")} submit={t("mfa.confirm")} pending={confirm.isPending} error={confirm.error} onSubmit={(code) => confirm.mutate({ code })} />
    </Stack>
  );
}
