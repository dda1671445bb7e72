import { AccountsManager } from "@gugus/ui";
import type { Me } from "@gugus/ui";

export function AccountsPage({ me }: { me: Me }) {
  return <AccountsManager me={me} />;
}
