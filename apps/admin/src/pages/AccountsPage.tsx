import "@mantine/core/styles/Combobox.css";
import "@mantine/core/styles/Code.css";
import { AccountsManager } from "@gugus/ui";
import type { Me } from "@gugus/ui";

export function AccountsPage({ me }: { me: Me }) {
  return <AccountsManager me={me} />;
}
