import "@mantine/core/styles/Combobox.css";
import "@mantine/core/styles/Code.css";
import "@mantine/core/styles/InlineInput.css";
import "@mantine/core/styles/CheckboxIndicator.css";
import "@mantine/core/styles/Checkbox.css";
import { AccountsManager } from "@gugus/ui";
import type { Me } from "@gugus/ui";

/** Every account; a central admin chooses several to deactivate or reissue at once, or uploads a file of new ones. */
export function AccountsPage({ me }: { me: Me }) {
  return <AccountsManager me={me} bulk importHref="/accounts/import" />;
}
