/**
 * The access policy, one line per procedure: who may call it and how its answers are scoped. The
 * guard in trpc.ts enforces it on every call, and a procedure missing from this table is refused
 * (deny by default). The authorization matrix test checks the table covers every procedure.
 *
 * access:
 *   public       anyone (only signing in)
 *   signed-in    any active account with a valid session
 *   <capability> a role holding that capability (see CAPABILITIES in @gugus/domain)
 * scope:
 *   none         answers the same for everyone allowed (national reference data, one's own account)
 *   task-force   the target task force must lie within the caller's subtree, else NOT_FOUND
 *   list         lists only what lies within the caller's subtree (filtered in SQL)
 *   account      the target account must be one the caller may see or manage, else NOT_FOUND
 */
import type { Capability } from "@gugus/domain";

export type Access = "public" | "signed-in" | Capability;
export type Scope = "none" | "task-force" | "list" | "account";
export type Rule = {
  access: Access;
  scope: Scope;
  /** Callable while a one-time password is still to be changed. */
  duringPasswordChange?: boolean;
};

export const POLICY = {
  "auth.signIn": { access: "public", scope: "none" },
  "auth.signOut": { access: "signed-in", scope: "none", duringPasswordChange: true },
  "auth.me": { access: "signed-in", scope: "none", duringPasswordChange: true },
  "auth.changePassword": { access: "signed-in", scope: "none", duringPasswordChange: true },

  "health.check": { access: "signed-in", scope: "none" },

  "hierarchy.tree": { access: "read", scope: "list" },
  "hierarchy.byId": { access: "read", scope: "task-force" },
  "hierarchy.byRegion": { access: "read", scope: "task-force" },
  "hierarchy.counts": { access: "read", scope: "list" },
  "hierarchy.search": { access: "read", scope: "list" },
  "hierarchy.coverage": { access: "read", scope: "list" },
  "hierarchy.successions": { access: "read", scope: "none" },
  "hierarchy.restructure": { access: "hierarchy.manage", scope: "none" },

  "profile.get": { access: "read", scope: "task-force" },
  "profile.createInstrument": { access: "profile.manage", scope: "task-force" },
  "profile.updateInstrument": { access: "profile.manage", scope: "task-force" },
  "profile.deleteInstrument": { access: "profile.manage", scope: "task-force" },
  "profile.createMembership": { access: "profile.manage", scope: "task-force" },
  "profile.updateMembership": { access: "profile.manage", scope: "task-force" },
  "profile.deleteMembership": { access: "profile.manage", scope: "task-force" },

  "formationImport.parse": { access: "hierarchy.manage", scope: "none" },
  "formationImport.check": { access: "hierarchy.manage", scope: "none" },
  "formationImport.commit": { access: "hierarchy.manage", scope: "none" },

  "ran.periods": { access: "read", scope: "none" },
  "ran.period": { access: "read", scope: "none" },
  "ran.periodOfYear": { access: "read", scope: "none" },
  "ran.atDate": { access: "read", scope: "none" },
  "ran.plan": { access: "read", scope: "task-force" },
  "ran.createPeriod": { access: "ran.manage", scope: "none" },
  "ran.updatePeriod": { access: "ran.manage", scope: "none" },
  "ran.adoptPeriod": { access: "ran.manage", scope: "none" },
  "ran.deletePeriod": { access: "ran.manage", scope: "none" },
  "ran.setCoordinators": { access: "ran.manage", scope: "none" },
  "ran.createItem": { access: "ran.manage", scope: "none" },
  "ran.updateItem": { access: "ran.manage", scope: "none" },
  "ran.deleteItem": { access: "ran.manage", scope: "none" },
  "ran.checkItemsFile": { access: "ran.manage", scope: "none" },
  "ran.importItems": { access: "ran.manage", scope: "none" },
  "ran.exportItems": { access: "read", scope: "none" },

  "accounts.list": { access: "accounts.read", scope: "list" },
  "accounts.get": { access: "accounts.read", scope: "account" },
  "accounts.create": { access: "accounts.manage", scope: "account" },
  "accounts.update": { access: "accounts.manage", scope: "account" },
  "accounts.setActive": { access: "accounts.manage", scope: "account" },
  "accounts.resetPassword": { access: "accounts.manage", scope: "account" },

  "sessions.list": { access: "sessions.manage", scope: "none" },
  "sessions.end": { access: "sessions.manage", scope: "none" },

  "audit.list": { access: "audit.read", scope: "none" },
  "audit.actions": { access: "audit.read", scope: "none" },
} as const satisfies Record<string, Rule>;

export type ProcedurePath = keyof typeof POLICY;

export function ruleFor(path: string): Rule | undefined {
  return Object.hasOwn(POLICY, path) ? (POLICY as Record<string, Rule>)[path] : undefined;
}
