// Styles of the components only this page uses; they load with it.
import "@mantine/core/styles/Table.css";
import "@mantine/core/styles/Combobox.css";
import "@mantine/core/styles/ScrollArea.css";
import "@mantine/core/styles/Code.css";
import { AccountsManager, FirstAdmins } from "@gugus/ui";
import type { Me } from "@gugus/ui";
import { Stack } from "@mantine/core";

/** The task force's accounts; a province's admin also gives its regencies/cities their first admins. */
export default function AccountsPage({ me }: { me: Me }) {
  const province = me.role === "regional_admin" && me.taskForce.level === "province";
  return (
    <Stack gap="xl">
      <AccountsManager me={me} />
      {province && <FirstAdmins me={me} />}
    </Stack>
  );
}
