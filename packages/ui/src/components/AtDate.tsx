import { isRealDate } from "@gugus/domain/dates";
import { todayAt } from "@gugus/domain/regions";
import type { FormationStatus } from "@gugus/domain/formation";
import { Badge, Button, Group, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLocation, useSearch } from "wouter";

/** The date a page shows things as of, kept in the address (`?at=2021-12-31`) so it can be shared; undefined means today. */
export function useAtDate(): [string | undefined, (at: string | undefined) => void, { invalid: boolean }] {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const raw = new URLSearchParams(search).get("at");
  const at = raw && isRealDate(raw) ? raw : undefined;
  const invalid = raw !== null && at === undefined;
  const setAt = (value: string | undefined) => {
    const params = new URLSearchParams(search);
    if (value) params.set("at", value);
    else params.delete("at");
    const query = params.toString();
    navigate(query ? `${location}?${query}` : location, { replace: true });
  };
  return [at, setAt, { invalid }];
}

/**
 * A date field with a "today" button, bound to {@link useAtDate}. `today` is the task force's own
 * today when the page knows it; otherwise the national one (WIB), as the server counts it.
 */
export function AtDateInput({ today: given }: { today?: string }) {
  const { t } = useTranslation();
  const [at, setAt, { invalid }] = useAtDate();
  // The clock is read here, at the edge; the domain says which date that instant is in Jakarta.
  const today = given ?? todayAt(new Date(), null);
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <TextInput
        type="date"
        label={t("atDate.label")}
        title={t("atDate.hint")}
        value={at ?? today ?? ""}
        min="1945-01-01"
        max="2200-12-31"
        onChange={(e) => {
          const value = e.currentTarget.value;
          if (value === "" || isRealDate(value)) setAt(value === "" || value === today ? undefined : value);
        }}
        w={180}
        error={invalid ? t("atDate.invalid") : undefined}
        data-testid="at-date"
      />
      <Button variant="default" disabled={at === undefined} onClick={() => setAt(undefined)}>
        {t("atDate.today")}
      </Button>
    </Group>
  );
}

const STATUS_COLOR: Record<FormationStatus, string> = { not_formed: "gray", formed: "green", expired: "orange", revoked: "red" };

/** A task force's formation status as a coloured badge. */
export function FormationStatusBadge({ status, size = "md" }: { status: FormationStatus; size?: "xs" | "sm" | "md" | "lg" }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant={status === "formed" ? "filled" : "light"} size={size} data-status={status}>
      {t(`formationStatus.${status}`)}
    </Badge>
  );
}
