/** A task force page's heading and its facts, the same in the admin app and the portal. */
import { Badge, Group, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { FormationStatus } from "@gugus/domain";
import { AtDateInput, FormationStatusBadge } from "../components/AtDate.tsx";
import { taskForceName } from "../names.ts";
import type { NamedTaskForce } from "../names.ts";

/** One labelled fact of a task force (its code, zone, parent…). */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text>{children}</Text>
    </div>
  );
}

/** The task force's name, level and formation status, with the page's date field. */
export function TaskForceHeading({ taskForce, today }: { taskForce: NamedTaskForce & { status: FormationStatus }; today: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" align="flex-end">
      <div>
        <Title order={1} size="h2">
          {taskForceName(t, taskForce)}
        </Title>
        <Group gap="xs" mt="xs">
          <Badge variant="light">{t(`level.${taskForce.level}`)}</Badge>
          <FormationStatusBadge status={taskForce.status} />
        </Group>
      </div>
      <AtDateInput today={today} />
    </Group>
  );
}
