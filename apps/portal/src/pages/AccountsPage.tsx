// Styles of the components only this page uses; they load with it.
import "@mantine/core/styles/Table.css";
import "@mantine/core/styles/Combobox.css";
import "@mantine/core/styles/ScrollArea.css";
import "@mantine/core/styles/Code.css";
import { AccountsManager } from "@gugus/ui";
import type { Me } from "@gugus/ui";

export default function AccountsPage({ me }: { me: Me }) {
  return <AccountsManager me={me} />;
}
