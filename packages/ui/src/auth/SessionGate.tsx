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
 * password change after a one-time password, and `children(me)` otherwise.
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
  return (
    <Suspense fallback={<Loading />}>{me.data.mustChangePassword ? <ForcedPasswordChange me={me.data} title={title} /> : children(me.data)}</Suspense>
  );
}
