import { z } from "zod";
import { DomainError } from "../errors.ts";
import { IsoDateSchema } from "../dates.ts";
import type { IsoDate } from "../dates.ts";

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
  // Accounts at scale
  "account.bulk_create",
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
  // Regional action plans (RAD)
  "rad.plan_save",
  "rad.item_create",
  "rad.item_update",
  "rad.item_delete",
  // Announcements
  "announcement.create",
  "announcement.withdraw",
  // Second factor
  "mfa.enrol",
  "mfa.verify",
  "mfa.recovery_used",
  "mfa.recovery_regenerate",
  "mfa.disable",
  "mfa.reset",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_OUTCOMES = ["success", "failure", "denied"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

// Readable entries: which fields an action carries, the before → after of labelled fields, and the
// date range a reader may ask for. The words (verbs, field and value labels) are the apps' and files'.

/** How a field's value reads: as written, a calendar date, a figure, yes/no, or a code with labels of its own. */
export const AUDIT_VALUE_KINDS = [
  "text",
  "date",
  "number",
  "boolean",
  "role",
  "position",
  "stakeholderType",
  "subTaskForce",
  "unit",
  "targetMode",
  "level",
  "reportingCycle",
  "reportStatus",
  "instrumentType",
] as const;
export type AuditValueKind = (typeof AUDIT_VALUE_KINDS)[number];

/**
 * What an action does to its record, which says how its details read as a change: `created`
 * (the fields are the new values), `removed` (they are the values that went), `changed`
 * (`field.before` / `field.after` pairs), or `event` (no record's fields: a sign-in, an import).
 */
export type AuditChangeShape = "created" | "changed" | "removed" | "event";

export type AuditActionShape = { change: AuditChangeShape; fields: Readonly<Record<string, AuditValueKind>> };

const MEMBERSHIP_FIELDS = {
  position: "position",
  subTaskForce: "subTaskForce",
  office: "text",
  agency: "text",
  stakeholderType: "stakeholderType",
  personName: "text",
  validFrom: "date",
  validTo: "date",
} as const satisfies Record<string, AuditValueKind>;
const INSTRUMENT_FIELDS = {
  type: "instrumentType",
  number: "text",
  issuedOn: "date",
  issuer: "text",
  documentRef: "text",
  endsOn: "date",
  revokedOn: "date",
} as const satisfies Record<string, AuditValueKind>;
const ITEM_FIELDS = {
  code: "text",
  level: "level",
  subTaskForce: "subTaskForce",
  programme: "text",
  activity: "text",
  indicator: "text",
  unit: "unit",
  baseline: "number",
  targetMode: "targetMode",
  targets: "text",
  leadAgency: "text",
  relatedAgencies: "text",
} as const satisfies Record<string, AuditValueKind>;
const PERIOD_FIELDS = { firstYear: "number", lastYear: "number", reportingCycle: "reportingCycle", dueDays: "number", expiryDays: "number" } as const satisfies Record<string, AuditValueKind>;
const ADOPTION_FIELDS = { instrument: "text", adoptedOn: "date", firstYear: "number", lastYear: "number" } as const satisfies Record<string, AuditValueKind>;
const REPORT_STEP_FIELDS = { status: "reportStatus", reason: "text" } as const satisfies Record<string, AuditValueKind>;

/**
 * Which labelled fields each action carries in its details and how they read. An action missing
 * here (one a later capability adds) reads as an event without fields.
 */
export const AUDIT_ACTION_SHAPES: Partial<Record<AuditAction, AuditActionShape>> = {
  "auth.sign_in": { change: "event", fields: {} },
  "auth.sign_out": { change: "event", fields: {} },
  "auth.change_password": { change: "event", fields: {} },
  "account.create": { change: "created", fields: { name: "text", position: "text", role: "role" } },
  "account.update": { change: "changed", fields: { name: "text", position: "text", role: "role" } },
  "account.deactivate": { change: "event", fields: {} },
  "account.reactivate": { change: "event", fields: {} },
  "account.reset_password": { change: "event", fields: {} },
  "session.end": { change: "event", fields: {} },
  "access.denied": { change: "event", fields: {} },
  "hierarchy.restructure": { change: "created", fields: { name: "text", code: "text", effectiveDate: "date", legalBasis: "text", successions: "text" } },
  "instrument.create": { change: "created", fields: INSTRUMENT_FIELDS },
  "instrument.update": { change: "changed", fields: INSTRUMENT_FIELDS },
  "instrument.delete": { change: "removed", fields: INSTRUMENT_FIELDS },
  "membership.create": { change: "created", fields: MEMBERSHIP_FIELDS },
  "membership.update": { change: "changed", fields: MEMBERSHIP_FIELDS },
  "membership.delete": { change: "removed", fields: MEMBERSHIP_FIELDS },
  "formation.import": { change: "event", fields: {} },
  "ran.period_create": { change: "created", fields: { firstYear: "number", lastYear: "number" } },
  "ran.period_update": { change: "changed", fields: PERIOD_FIELDS },
  "ran.period_adopt": { change: "created", fields: { instrument: "text", adoptedOn: "date" } },
  "ran.adoption_correct": { change: "changed", fields: ADOPTION_FIELDS },
  "ran.adoption_withdraw": { change: "removed", fields: { instrument: "text", adoptedOn: "date" } },
  "ran.period_delete": { change: "removed", fields: { firstYear: "number", lastYear: "number" } },
  "ran.coordinators": { change: "changed", fields: { coordinators: "text" } },
  "ran.item_create": { change: "created", fields: ITEM_FIELDS },
  "ran.item_update": { change: "changed", fields: ITEM_FIELDS },
  "ran.item_delete": { change: "removed", fields: ITEM_FIELDS },
  "ran.import": { change: "event", fields: {} },
  "report.save": { change: "event", fields: {} },
  "report.submit": { change: "event", fields: {} },
  "report.approve": { change: "created", fields: REPORT_STEP_FIELDS },
  "report.return": { change: "created", fields: REPORT_STEP_FIELDS },
  "report.reopen": { change: "created", fields: REPORT_STEP_FIELDS },
  "report.exception_grant": { change: "created", fields: { until: "date", reason: "text" } },
  "report.exception_revoke": { change: "event", fields: {} },
  "evaluation.settings_update": { change: "event", fields: {} },
  "evaluation.publish": { change: "event", fields: {} },
  "demo.load": { change: "event", fields: {} },
  // Regional action plans (RAD)
  "rad.plan_save": { change: "changed", fields: { type: "instrumentType", number: "text", adoptedOn: "date", documentRef: "text" } },
  "rad.item_create": { change: "created", fields: { code: "text", subTaskForce: "subTaskForce", unit: "unit", targetMode: "targetMode", targets: "text" } },
  "rad.item_update": { change: "changed", fields: { code: "text", subTaskForce: "subTaskForce", programme: "text", activity: "text", indicator: "text", unit: "unit", targetMode: "targetMode", targets: "text", leadAgency: "text" } },
  "rad.item_delete": { change: "removed", fields: { code: "text", subTaskForce: "subTaskForce", indicator: "text", unit: "unit", targetMode: "targetMode", targets: "text" } },  // Announcements: the day one shows until
  "announcement.create": { change: "created", fields: { showUntil: "date" } },
};

/** The shape of an action; an unknown one reads as an event without fields. */
export function auditShapeOf(action: string): AuditActionShape {
  return (AUDIT_ACTION_SHAPES as Partial<Record<string, AuditActionShape>>)[action] ?? { change: "event", fields: {} };
}

/** Is this one of the actions the log records? */
export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === "string" && (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/** A value an audit entry keeps: scalars only (lists are written as text). */
export type AuditValue = string | number | boolean | null;

/** One labelled field of a change: its name, how it reads, and its value before and after (null: none). */
export type AuditFieldChange = { field: string; kind: AuditValueKind; before: AuditValue; after: AuditValue };

const toAuditValue = (v: unknown): AuditValue => {
  if (v === undefined || v === null) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (Array.isArray(v)) return (v as unknown[]).map((x) => (typeof x === "object" && x !== null ? Object.values(x as Record<string, unknown>).map(String).join(": ") : String(x))).join(", ");
  return JSON.stringify(v);
};

const LONG_VALUE = 200;
const cut = (v: AuditValue): AuditValue => (typeof v === "string" && v.length > LONG_VALUE ? `${v.slice(0, LONG_VALUE)}…` : v);

/**
 * The labelled fields whose values differ between two versions of a record, in the labels' order.
 * Lists read as comma-separated text; long texts are cut at 200 characters. Fields not labelled
 * (ids, versions, timestamps) never appear.
 */
export function diffFields(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>, labels: Readonly<Record<string, AuditValueKind>>): AuditFieldChange[] {
  const out: AuditFieldChange[] = [];
  for (const [field, kind] of Object.entries(labels)) {
    const a = cut(toAuditValue(before[field]));
    const b = cut(toAuditValue(after[field]));
    if (a !== b) out.push({ field, kind, before: a, after: b });
  }
  return out;
}

/**
 * The same diff as audit details: `field.before` / `field.after` pairs, the form the log keeps, so
 * {@link auditChangesOf} reads it back.
 */
export function diffDetails(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>, labels: Readonly<Record<string, AuditValueKind>>): Record<string, AuditValue> {
  return Object.fromEntries(diffFields(before, after, labels).flatMap((c) => [[`${c.field}.before`, c.before], [`${c.field}.after`, c.after]]));
}

/** Older entries kept a changed value JSON-encoded (`"\"Ketua\""`): read it as the value it encodes. */
function unwrap(v: unknown, kind: AuditValueKind): AuditValue {
  if (kind === "number" && typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  if (typeof v === "string" && v.length >= 2 && v.startsWith('"') && v.endsWith('"')) {
    try {
      const parsed: unknown = JSON.parse(v);
      if (typeof parsed === "string") return parsed;
    } catch {
      // Not JSON: the text itself.
    }
  }
  if (v === "null") return null;
  return toAuditValue(v);
}

/**
 * An entry's labelled fields as a change, from its details and its action's shape: a created
 * record's fields appear as "after" values, a removed one's as "before", a change's as its
 * `field.before` / `field.after` pairs. Fields the action does not label are left out.
 */
export function auditChangesOf(action: string, details: Readonly<Record<string, unknown>> | null): AuditFieldChange[] {
  if (!details) return [];
  const shape = auditShapeOf(action);
  const out: AuditFieldChange[] = [];
  for (const [field, kind] of Object.entries(shape.fields)) {
    const hasPair = Object.hasOwn(details, `${field}.before`) || Object.hasOwn(details, `${field}.after`);
    if (hasPair) {
      const before = unwrap(details[`${field}.before`], kind);
      const after = unwrap(details[`${field}.after`], kind);
      if (before !== after) out.push({ field, kind, before, after });
      continue;
    }
    if (!Object.hasOwn(details, field)) continue;
    const value = unwrap(details[field], kind);
    if (shape.change === "created" && value !== null) out.push({ field, kind, before: null, after: value });
    else if (shape.change === "removed" && value !== null) out.push({ field, kind, before: value, after: null });
  }
  // A report's step keeps its statuses as `from` / `to`.
  if (shape.fields.status && typeof details.from === "string" && typeof details.to === "string" && details.from !== details.to) {
    out.unshift({ field: "status", kind: "reportStatus", before: details.from, after: details.to });
  }
  return out;
}

/** The longest date range the log is read over at once, in years. */
export const AUDIT_RANGE_MAX_YEARS = 5;

/**
 * A range of calendar dates, both ends optional and inclusive: refused when its end comes before
 * its start (`DATE_RANGE_INVERTED`) or it spans more than {@link AUDIT_RANGE_MAX_YEARS} years
 * (`DATE_RANGE_TOO_LONG`). The issue is raised on `to`, the field a reader fixes.
 */
export const AuditDateRangeSchema = z
  .object({ from: IsoDateSchema.optional(), to: IsoDateSchema.optional() })
  .superRefine((r, ctx) => {
    const problem = checkAuditDateRange(r);
    if (problem) ctx.addIssue({ code: "custom", path: ["to"], message: problem });
  });

/** The problem with a date range, if any (see {@link AuditDateRangeSchema}). */
export function checkAuditDateRange(r: { from?: IsoDate | undefined; to?: IsoDate | undefined }): "DATE_RANGE_INVERTED" | "DATE_RANGE_TOO_LONG" | null {
  if (!r.from || !r.to) return null;
  if (r.to < r.from) return "DATE_RANGE_INVERTED";
  const limit = `${String(Number(r.from.slice(0, 4)) + AUDIT_RANGE_MAX_YEARS).padStart(4, "0")}${r.from.slice(4)}`;
  if (r.to > limit) return "DATE_RANGE_TOO_LONG";
  return null;
}

/** Throws the range's problem as a DomainError (a server's check of the same rule). */
export function assertAuditDateRange(r: { from?: IsoDate | undefined; to?: IsoDate | undefined }): void {
  const problem = checkAuditDateRange(r);
  if (problem) throw new DomainError(problem, { field: "to" });
}
