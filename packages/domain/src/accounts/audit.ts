/**
 * What the security audit log records. Later capabilities add their own actions here, so the log
 * and its translations stay one list.
 */
export const AUDIT_ACTIONS = [
  "auth.sign_in",
  "auth.sign_out",
  "auth.change_password",
  "account.create",
  "account.update",
  "account.deactivate",
  "account.reactivate",
  "account.reset_password",
  "session.end",
  "access.denied",
  "hierarchy.restructure",
  "instrument.create",
  "instrument.update",
  "instrument.delete",
  "membership.create",
  "membership.update",
  "membership.delete",
  "formation.import",
  "ran.period_create",
  "ran.period_update",
  "ran.period_adopt",
  "ran.adoption_correct",
  "ran.adoption_withdraw",
  "ran.period_delete",
  "ran.coordinators",
  "ran.item_create",
  "ran.item_update",
  "ran.item_delete",
  "ran.import",
  "report.save",
  "report.submit",
  "report.approve",
  "report.return",
  "report.reopen",
  "report.exception_grant",
  "report.exception_revoke",
  "evaluation.settings_update",
  "evaluation.publish",
  "demo.load",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_OUTCOMES = ["success", "failure", "denied"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
