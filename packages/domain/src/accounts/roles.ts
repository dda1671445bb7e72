/**
 * Roles and what each may do. Central roles belong to the national task force; regional roles to a
 * province or regency/city task force. A regional account's scope is its task force's subtree (a
 * province's includes its regencies/cities); a central account's scope is the whole country.
 * Scope and role are read from the database on every request, never trusted from a client.
 */
import { z } from "zod";
import { isWithin } from "../hierarchy/levels.ts";
import type { Level, TaskForcePlace } from "../hierarchy/levels.ts";
import { requiredOr } from "../errors.ts";

export const ROLES = ["central_admin", "central_viewer", "regional_admin", "regional_member"] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES, { error: requiredOr("ROLE_INVALID") });

export const CENTRAL_ROLES = ["central_admin", "central_viewer"] as const satisfies readonly Role[];
export const REGIONAL_ROLES = ["regional_admin", "regional_member"] as const satisfies readonly Role[];

/** Is this a role of the national task force? */
export function isCentralRole(role: Role): role is (typeof CENTRAL_ROLES)[number] {
  return (CENTRAL_ROLES as readonly Role[]).includes(role);
}

/** Central roles sit on the national task force; regional roles on a province or regency/city. */
export function roleFitsLevel(role: Role, level: Level): boolean {
  return isCentralRole(role) ? level === "national" : level !== "national";
}

/** What an account acts as: its role and its task force's place. */
export type Actor = { role: Role; place: TaskForcePlace; taskForceId: number };

/** May the actor see (read) a task force at this place? Own subtree only. */
export function canSeeTaskForce(actor: Actor, target: TaskForcePlace): boolean {
  return isWithin(target, actor.place);
}

/**
 * Whose accounts the actor may see: every account (`null`) from the national task force, only its
 * own task force's accounts from a province or regency/city (a province does not see its
 * regencies' accounts). Lists filter by it; single reads check {@link canSeeAccount}.
 */
export function accountTaskForceScopeOf(actor: Pick<Actor, "place" | "taskForceId">): number | null {
  return actor.place.level === "national" ? null : actor.taskForceId;
}

/** May the actor see this account? See {@link accountTaskForceScopeOf}. */
export function canSeeAccount(actor: Pick<Actor, "place" | "taskForceId">, account: { taskForceId: number }): boolean {
  const scope = accountTaskForceScopeOf(actor);
  return scope === null || account.taskForceId === scope;
}

/** Everything an account may do, by role. The api's policy table refers to these names. */
export const CAPABILITIES = {
  /** Read the hierarchy, periods and profiles within one's scope. */
  read: ["central_admin", "central_viewer", "regional_admin", "regional_member"],
  /** List accounts within what one manages (central: all; regional admin: own task force). */
  "accounts.read": ["central_admin", "central_viewer", "regional_admin"],
  /** Create, deactivate, reset and change the role of accounts one manages. */
  "accounts.manage": ["central_admin", "regional_admin"],
  /** See and end any session. */
  "sessions.manage": ["central_admin"],
  /** Browse the security audit log. */
  "audit.read": ["central_admin"],
  /** Record restructurings and import formation data for the whole country. */
  "hierarchy.manage": ["central_admin"],
  /** Create, change and adopt RAN periods and their action items. */
  "ran.manage": ["central_admin"],
  /** Keep a task force's profile (instruments, composition): central admins any, regional admins their own. */
  "profile.manage": ["central_admin", "regional_admin"],
  /** Enter and save one's own task force's report. */
  "reports.edit": ["central_admin", "regional_admin", "regional_member"],
  /** Submit one's own task force's report for review. */
  "reports.submit": ["central_admin", "regional_admin"],
  /** Approve, return and reopen the reports one reviews (see reports/workflow.ts). */
  "reports.review": ["central_admin", "regional_admin"],
  /** Grant and revoke exceptions to the closing of entry. */
  "reports.exceptions": ["central_admin"],
  /** Publish and withdraw announcements to every task force or one province's (Announcements). */
  "announcements.manage": ["central_admin"],
  /** Reset another account's second factor (a lost device). */
  "mfa.reset": ["central_admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

/** Does the role carry the capability? */
export function hasCapability(role: Role, capability: Capability): boolean {
  return (CAPABILITIES[capability] as readonly Role[]).includes(role);
}

/** The account a manager wants to create or change: where it sits and what role it has or gets. */
export type ManagedAccount = { taskForceId: number; place: TaskForcePlace; role: Role };

/**
 * May `actor` create or change an account like `target`? A central admin manages every account; a
 * regional admin only accounts of its own task force, and only with regional roles (never a central
 * one). Returns the reason when not.
 */
export function checkAccountManagement(actor: Actor, target: ManagedAccount): "ok" | "FORBIDDEN" | "NOT_FOUND" | "ROLE_LEVEL_MISMATCH" {
  if (!hasCapability(actor.role, "accounts.manage")) return "FORBIDDEN";
  if (!canSeeTaskForce(actor, target.place)) return "NOT_FOUND";
  if (!roleFitsLevel(target.role, target.place.level)) return "ROLE_LEVEL_MISMATCH";
  if (actor.role === "central_admin") return "ok";
  if (target.taskForceId !== actor.taskForceId) return "FORBIDDEN";
  return isCentralRole(target.role) ? "FORBIDDEN" : "ok";
}

/**
 * May a province's regional admin create the first regional admin of one of its regencies/cities?
 * Only a `regional_admin` account, only at a regency/city of its own province (another province's
 * is not found), and only while that regency/city has no active regional admin yet
 * (`REGENCY_HAS_ADMIN` after that: its own admin manages it from then on). No other role — a
 * member, or anything above the province's scope — comes this way.
 */
export function checkFirstAdminCreation(
  actor: Actor,
  target: ManagedAccount & { hasActiveAdmin: boolean },
): "ok" | "FORBIDDEN" | "NOT_FOUND" | "REGENCY_HAS_ADMIN" {
  if (!hasCapability(actor.role, "accounts.manage")) return "FORBIDDEN";
  if (!canSeeTaskForce(actor, target.place)) return "NOT_FOUND";
  if (actor.role !== "regional_admin" || actor.place.level !== "province") return "FORBIDDEN";
  if (target.place.level !== "regency" || target.role !== "regional_admin") return "FORBIDDEN";
  return target.hasActiveAdmin ? "REGENCY_HAS_ADMIN" : "ok";
}

/**
 * May `actor` create an account like `target`? What {@link checkAccountManagement} allows, and a
 * province admin's first admin of a regency/city ({@link checkFirstAdminCreation}). `hasActiveAdmin`
 * says whether the target's task force already has an active regional admin.
 */
export function checkAccountCreation(
  actor: Actor,
  target: ManagedAccount & { hasActiveAdmin: boolean },
): "ok" | "FORBIDDEN" | "NOT_FOUND" | "ROLE_LEVEL_MISMATCH" | "REGENCY_HAS_ADMIN" {
  const verdict = checkAccountManagement(actor, target);
  if (verdict !== "FORBIDDEN") return verdict;
  const first = checkFirstAdminCreation(actor, target);
  return first === "NOT_FOUND" ? "FORBIDDEN" : first;
}

/**
 * May `actor` change the profile (instruments, composition) of the task force `target`? A central
 * admin may change any; a regional admin only its own task force's (a province does not edit its
 * regencies' profiles, it reads them).
 */
export function checkProfileManagement(actor: Actor, target: { taskForceId: number; place: TaskForcePlace }): "ok" | "FORBIDDEN" | "NOT_FOUND" {
  if (!hasCapability(actor.role, "profile.manage")) return "FORBIDDEN";
  if (!canSeeTaskForce(actor, target.place)) return "NOT_FOUND";
  if (actor.role === "central_admin" || target.taskForceId === actor.taskForceId) return "ok";
  return "FORBIDDEN";
}

/**
 * May an admin reset the password, change the role, or deactivate an account that has `targetRole`
 * now (on top of managing it)? A central admin may; a regional admin only a member's. Resetting a
 * fellow admin's password would let it act as that admin, and so would demoting the admin first and
 * resetting the member's password after; deactivating it would lock it out. All three are for
 * central admins.
 */
export function mayActOnAccountWithRole(actor: Pick<Actor, "role">, targetRole: Role): boolean {
  return actor.role === "central_admin" || (actor.role === "regional_admin" && targetRole === "regional_member");
}

/**
 * Who may undo a deactivation. A central admin may reactivate any account. A regional admin may
 * reactivate a member only when a regional admin deactivated it (itself or a fellow admin of its
 * task force): a deactivation by the central secretariat — or one whose author is not known, made
 * from the command line or recorded before this rule — stands until a central admin lifts it.
 * `deactivatedBy` is the role the deactivating account had when it acted, null when unknown.
 * (Deactivating is the other way round: a regional admin may deactivate a member whoever
 * reactivated it, see {@link mayActOnAccountWithRole}.)
 */
export function mayReactivateAccount(actor: Pick<Actor, "role">, deactivatedBy: Role | null): boolean {
  if (actor.role === "central_admin") return true;
  return actor.role === "regional_admin" && deactivatedBy !== null && !isCentralRole(deactivatedBy);
}

/**
 * What an account manager is told when the email of a new account is already used. The person who
 * can act on it hears EMAIL_TAKEN: a central admin (it sees every account) or a regional admin
 * whose own task force holds the account. Anyone else gets EMAIL_UNAVAILABLE, which asks it to turn
 * to the central secretariat and does not say that an account exists elsewhere, so account
 * creation is no country-wide directory of addresses (each such refusal is audited).
 */
export function emailConflictCodeFor(actor: Pick<Actor, "place" | "taskForceId">, existing: { taskForceId: number }): "EMAIL_TAKEN" | "EMAIL_UNAVAILABLE" {
  return canSeeAccount(actor, existing) ? "EMAIL_TAKEN" : "EMAIL_UNAVAILABLE";
}
