/**
 * The access policy, one line per procedure: who may call it and how its answers are scoped. The
 * guard in trpc.ts enforces it on every call, and a procedure missing from this table is refused
 * (deny by default). The authorization matrix test checks the table covers every procedure.
 *
 * access:
 *   public       anyone (signing in, and whether the instance holds synthetic data)
 *   signed-in    any active account with a valid session
 *   <capability> a role holding that capability (see CAPABILITIES in @gugus/domain)
 * scope (enforced by the procedure builder in trpc.ts, after the input is validated and before the
 * handler runs, so a handler holds no scope code):
 *   none         answers the same for everyone allowed (national reference data, one's own account)
 *   task-force   the target task force must lie within the caller's subtree, else the target
 *                record's NOT_FOUND (audited when the record exists)
 *   list         lists only what lies within the caller's subtree (filtered in SQL)
 *   account      the target account must be one the caller may see (`canSeeAccount`), else
 *                ACCOUNT_NOT_FOUND (audited)
 * target: where the input names the target, for `task-force` and `account` (defaults:
 * `{ taskForce: "taskForceId" }` and `{ account: "id" }`):
 *   { taskForce: field }    the field holds a task force id
 *   { region: field }       the field holds a region code (null: the national task force)
 *   { instrument: field }   the field holds an instrument id: its task force is the target
 *   { membership: field }   the field holds a membership id: its task force is the target
 *   { report: field }       the field holds a report id: its task force is the target
 *   { account: field }      the field holds an account id
 * A task force is looked up as it stood on the input's `at` when there is one, else today.
 */
import type { Capability } from "@gugus/domain";

export type Access = "public" | "signed-in" | Capability;
export type Scope = "none" | "task-force" | "list" | "account";
export type Target = { taskForce: string } | { region: string } | { instrument: string } | { membership: string } | { report: string } | { account: string };
export type Rule = {
  access: Access;
  scope: Scope;
  /** Where the input names the target of a `task-force` or `account` scope. */
  target?: Target;
  /** Callable while a one-time password is still to be changed. */
  duringPasswordChange?: boolean;
  /** Callable before the session's second factor is given (or, when required, enrolled). */
  duringSecondFactor?: true;
};

export const POLICY = {
  "auth.signIn": { access: "public", scope: "none" },
  "auth.instance": { access: "public", scope: "none" },
  "auth.signOut": { access: "signed-in", scope: "none", duringPasswordChange: true, duringSecondFactor: true },
  "auth.me": { access: "signed-in", scope: "none", duringPasswordChange: true, duringSecondFactor: true },
  "auth.changePassword": { access: "signed-in", scope: "none", duringPasswordChange: true, duringSecondFactor: true },

  "health.check": { access: "signed-in", scope: "none" },

  "hierarchy.tree": { access: "read", scope: "list" },
  "hierarchy.byId": { access: "read", scope: "task-force", target: { taskForce: "id" } },
  "hierarchy.byRegion": { access: "read", scope: "task-force", target: { region: "code" } },
  "hierarchy.counts": { access: "read", scope: "list" },
  "hierarchy.search": { access: "read", scope: "list" },
  "hierarchy.coverage": { access: "read", scope: "list" },
  // Hierarchy files
  "hierarchy.exportXlsx": { access: "read", scope: "list" },
  "hierarchy.exportCoverage": { access: "read", scope: "list" },
  "hierarchy.successions": { access: "read", scope: "none" },
  "hierarchy.restructure": { access: "hierarchy.manage", scope: "none" },

  "profile.get": { access: "read", scope: "task-force" },
  "profile.createInstrument": { access: "profile.manage", scope: "task-force" },
  "profile.updateInstrument": { access: "profile.manage", scope: "task-force", target: { instrument: "id" } },
  "profile.deleteInstrument": { access: "profile.manage", scope: "task-force", target: { instrument: "id" } },
  "profile.createMembership": { access: "profile.manage", scope: "task-force" },
  "profile.updateMembership": { access: "profile.manage", scope: "task-force", target: { membership: "id" } },
  "profile.deleteMembership": { access: "profile.manage", scope: "task-force", target: { membership: "id" } },

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
  "ran.correctAdoption": { access: "ran.manage", scope: "none" },
  "ran.withdrawAdoption": { access: "ran.manage", scope: "none" },
  "ran.deletePeriod": { access: "ran.manage", scope: "none" },
  "ran.setCoordinators": { access: "ran.manage", scope: "none" },
  "ran.createItem": { access: "ran.manage", scope: "none" },
  "ran.updateItem": { access: "ran.manage", scope: "none" },
  "ran.deleteItem": { access: "ran.manage", scope: "none" },
  "ran.checkItemsFile": { access: "ran.manage", scope: "none" },
  "ran.importItems": { access: "ran.manage", scope: "none" },
  "ran.exportItems": { access: "read", scope: "none" },

  "reports.list": { access: "read", scope: "task-force" },
  "reports.get": { access: "read", scope: "task-force" },
  "reports.save": { access: "reports.edit", scope: "task-force" },
  "reports.submit": { access: "reports.submit", scope: "task-force" },
  "reports.approve": { access: "reports.review", scope: "task-force", target: { report: "reportId" } },
  "reports.return": { access: "reports.review", scope: "task-force", target: { report: "reportId" } },
  "reports.reopen": { access: "reports.review", scope: "task-force", target: { report: "reportId" } },
  "reports.reviewQueue": { access: "reports.review", scope: "list" },
  "reports.rate": { access: "read", scope: "list" },
  "reports.exceptions": { access: "reports.exceptions", scope: "none" },
  "reports.grantException": { access: "reports.exceptions", scope: "task-force" },
  "reports.revokeException": { access: "reports.exceptions", scope: "none" },
  "reports.exportXlsx": { access: "read", scope: "task-force" },
  "reports.exportPdf": { access: "read", scope: "task-force" },

  "evaluation.years": { access: "read", scope: "none" },
  "evaluation.settings": { access: "read", scope: "none" },
  "evaluation.updateSettings": { access: "ran.manage", scope: "none" },
  "evaluation.publish": { access: "ran.manage", scope: "none" },
  "evaluation.overview": { access: "read", scope: "list" },
  "evaluation.province": { access: "read", scope: "task-force" },
  "evaluation.scorecard": { access: "read", scope: "task-force" },
  "evaluation.trends": { access: "read", scope: "list" },
  "evaluation.exportXlsx": { access: "read", scope: "list" },
  "evaluation.exportPdf": { access: "read", scope: "list" },

  "notifications.list": { access: "signed-in", scope: "none" },
  "notifications.markRead": { access: "signed-in", scope: "none" },

  "accounts.list": { access: "accounts.read", scope: "list" },
  "accounts.get": { access: "accounts.read", scope: "account" },
  "accounts.create": { access: "accounts.manage", scope: "task-force" },
  "accounts.update": { access: "accounts.manage", scope: "account" },
  "accounts.setActive": { access: "accounts.manage", scope: "account" },
  "accounts.resetPassword": { access: "accounts.manage", scope: "account" },
  // Accounts at scale (bulk rows and accounts are each checked as one would be: out of scope reads as not found)
  "accounts.exportXlsx": { access: "accounts.read", scope: "list" },
  "accounts.firstAdmins": { access: "accounts.manage", scope: "task-force" },
  "accountsBulk.check": { access: "accounts.manage", scope: "none" },
  "accountsBulk.commit": { access: "accounts.manage", scope: "none" },
  "accountsBulk.setActive": { access: "accounts.manage", scope: "none" },
  "accountsBulk.resetPasswords": { access: "accounts.manage", scope: "none" },

  "sessions.list": { access: "sessions.manage", scope: "none" },
  "sessions.end": { access: "sessions.manage", scope: "none" },
  "sessions.mine": { access: "signed-in", scope: "none" },
  "sessions.endMine": { access: "signed-in", scope: "none" },
  "sessions.endOthers": { access: "signed-in", scope: "none" },

  "audit.list": { access: "audit.read", scope: "none" },
  "audit.actions": { access: "audit.read", scope: "none" },
  // Readable audit log
  "audit.actors": { access: "audit.read", scope: "none" },
  "audit.exportXlsx": { access: "audit.read", scope: "none" },

  // Regional action plans (RAD)
  "rad.plan": { access: "read", scope: "task-force" },
  "rad.savePlan": { access: "profile.manage", scope: "task-force" },
  "rad.createItem": { access: "profile.manage", scope: "task-force" },
  "rad.updateItem": { access: "profile.manage", scope: "task-force" },
  "rad.deleteItem": { access: "profile.manage", scope: "task-force" },
  "rad.overview": { access: "read", scope: "list" },
  "rad.exportXlsx": { access: "read", scope: "task-force" },

  // Second factor
  "mfa.status": { access: "signed-in", scope: "none" },
  "mfa.beginEnrolment": { access: "signed-in", scope: "none", duringSecondFactor: true },
  "mfa.confirmEnrolment": { access: "signed-in", scope: "none", duringSecondFactor: true },
  "mfa.verify": { access: "signed-in", scope: "none", duringSecondFactor: true },
  "mfa.regenerateRecoveryCodes": { access: "signed-in", scope: "none" },
  "mfa.disable": { access: "signed-in", scope: "none" },
  "mfa.reset": { access: "mfa.reset", scope: "account" },

  // Announcements
  "announcements.list": { access: "announcements.manage", scope: "none" },
  "announcements.create": { access: "announcements.manage", scope: "none" },
  "announcements.withdraw": { access: "announcements.manage", scope: "none" },
  "announcements.mine": { access: "signed-in", scope: "none" },
  "announcements.markRead": { access: "signed-in", scope: "none" },
} as const satisfies Record<string, Rule>;

export type ProcedurePath = keyof typeof POLICY;

/** The policy line of a procedure path; undefined for a path the table does not list (refused). */
export function ruleFor(path: string): Rule | undefined {
  return Object.hasOwn(POLICY, path) ? (POLICY as Record<string, Rule>)[path] : undefined;
}
