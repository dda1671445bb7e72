import { Alert, Button, Center, Loader, Stack, Text } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage, isRetryable } from "../errors.ts";

/** An error from the API as a translated alert, with a retry button when one is given. */
export function ApiErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t("state.failed")} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{errorMessage(t, error)}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t("actions.retry")}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** Renders a query's loading and error states, and its data with `children` once loaded. */
export function QueryState<T, E>({ query, children }: { query: UseQueryResult<T, E>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <Center py="xl" aria-busy="true">
        <Loader size="sm" role="status" aria-label={t("state.loading")} />
      </Center>
    );
  }
  if (query.isError) return <ApiErrorAlert error={query.error} {...(isRetryable(query.error) ? { onRetry: () => void query.refetch() } : {})} />;
  return <>{children(query.data)}</>;
}
