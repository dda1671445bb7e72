/** A titled section of a page: a bordered card with its heading, a line saying what it holds, and an optional action beside them. */
import { Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

export function SectionCard({ title, intro, action, children }: { title: string; intro: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h4">
              {title}
            </Title>
            <Text size="sm" c="dimmed">
              {intro}
            </Text>
          </div>
          {action}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
