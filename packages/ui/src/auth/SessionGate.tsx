import { Center, Loader } from "@mantine/core";
import { Suspense, lazy } from "react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ApiErrorAlert } from "../components/QueryState.tsx";
import { httpStatusOf } from "../trpc.tsx";
import { SignInPage } from "./SignInPage.tsx";
import { useMeQuery } from "./useMe.ts";
import type { Me } from "./useMe.ts";

// Needed once per account, so it loads only then.
const ForcedPasswordChange = lazy(() => import("./ForcedPasswordChange.tsx"));
// Needed at sign-in by the accounts with a second factor only.
const SecondFactorStep = lazy(() => import("./SecondFactorStep.tsx"));

function Loading() {
  const { t } = useTranslation();
  return (
    <Center mih="100vh">
      <Loader size="sm" role="status" aria-label={t("state.loading")} />
    </Center>
  );
}

/**
 * Shows the page only to a signed-in account: the sign-in screen without a session, the forced
 * password change after a one-time password, then the second factor (enrolling an app, or its
 * code) where the account has or needs one, and `children(me)` otherwise.
 */
export function SessionGate({ title, children }: { title: string; children: (me: Me) => ReactNode }) {
  const me = useMeQuery();
  if (me.isPending) return <Loading />;
  if (me.isError) {
    if (httpStatusOf(me.error) === 401) return <SignInPage title={title} />;
    return (
      <Center mih="100vh" p="md">
        <ApiErrorAlert error={me.error} onRetry={() => void me.refetch()} />
      </Center>
    );
  }
  const step = me.data.mustChangePassword ? (
    <ForcedPasswordChange me={me.data} title={title} />
  ) : me.data.secondFactor === "enrol" || me.data.secondFactor === "verify" ? (
    <SecondFactorStep me={me.data} title={title} />
  ) : (
    children(me.data)
  );
  return <Suspense fallback={<Loading />}>{step}</Suspense>;
}
