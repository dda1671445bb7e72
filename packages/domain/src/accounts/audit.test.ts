import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { AUDIT_ACTIONS, AUDIT_ACTION_SHAPES, AuditDateRangeSchema, assertAuditDateRange, auditChangesOf, auditShapeOf, checkAuditDateRange, diffDetails, diffFields, isAuditAction } from "./audit.ts";

const MEMBERSHIP = AUDIT_ACTION_SHAPES["membership.update"]!.fields;

describe("diffFields", () => {
  it("lists only the labelled fields whose values differ, in the labels' order", () => {
    const before = { id: 4, version: 2, personName: "Ani", office: "Kepala Dinas", validTo: null, position: "chair" };
    const after = { id: 4, version: 3, personName: "Dedi", office: "Kepala Dinas", validTo: "2026-11-30", position: "chair" };
    expect(diffFields(before, after, MEMBERSHIP)).toEqual([
      { field: "personName", kind: "text", before: "Ani", after: "Dedi" },
      { field: "validTo", kind: "date", before: null, after: "2026-11-30" },
    ]);
  });

  it("never lists ids, versions or timestamps, which carry no label", () => {
    expect(diffFields({ id: 1, version: 1, updatedAt: 1 }, { id: 2, version: 2, updatedAt: 2 }, MEMBERSHIP)).toEqual([]);
  });

  it("treats a missing field and null as the same empty value", () => {
    expect(diffFields({}, { validTo: null }, MEMBERSHIP)).toEqual([]);
  });

  it("writes lists as comma-separated text and compares them by content", () => {
    const labels = AUDIT_ACTION_SHAPES["ran.item_update"]!.fields;
    const same = diffFields({ relatedAgencies: ["Polri", "Kemnaker"] }, { relatedAgencies: ["Polri", "Kemnaker"] }, labels);
    expect(same).toEqual([]);
    const targets = diffFields({ targets: [{ year: 2026, value: 5 }] }, { targets: [{ year: 2026, value: 7 }] }, labels);
    expect(targets).toEqual([{ field: "targets", kind: "text", before: "2026: 5", after: "2026: 7" }]);
  });

  it("cuts a long text at 200 characters", () => {
    const [change] = diffFields({ office: "a" }, { office: "b".repeat(500) }, MEMBERSHIP);
    expect(String(change!.after)).toHaveLength(201);
  });
});

describe("auditChangesOf", () => {
  it("reads a change's field.before / field.after pairs back", () => {
    const details = { membershipId: 3, position: "chair", ...diffDetails({ personName: "Ani" }, { personName: "Dedi" }, MEMBERSHIP) };
    expect(auditChangesOf("membership.update", details)).toEqual([{ field: "personName", kind: "text", before: "Ani", after: "Dedi" }]);
  });

  it("reads a created record's fields as after values and a removed one's as before values", () => {
    expect(auditChangesOf("instrument.create", { instrumentId: 1, type: "perwali", number: "12/2026", endsOn: null })).toEqual([
      { field: "type", kind: "instrumentType", before: null, after: "perwali" },
      { field: "number", kind: "text", before: null, after: "12/2026" },
    ]);
    expect(auditChangesOf("ran.adoption_withdraw", { reason: "salah", instrument: "Perpres 19/2023", adoptedOn: "2023-05-01" })).toEqual([
      { field: "instrument", kind: "text", before: "Perpres 19/2023", after: null },
      { field: "adoptedOn", kind: "date", before: "2023-05-01", after: null },
    ]);
  });

  it("reads an older entry's JSON-encoded values as the values they encode", () => {
    expect(auditChangesOf("ran.period_update", { "dueDays.before": "30", "dueDays.after": "45", "reportingCycle.before": '"annual"', "reportingCycle.after": '"semester"' })).toEqual([
      { field: "reportingCycle", kind: "reportingCycle", before: "annual", after: "semester" },
      { field: "dueDays", kind: "number", before: 30, after: 45 },
    ]);
  });

  it("shows a report step's statuses as a change of status", () => {
    expect(auditChangesOf("report.return", { taskForceId: 2, periodKey: "2026", from: "submitted", to: "returned", reason: "Lengkapi" })).toEqual([
      { field: "status", kind: "reportStatus", before: "submitted", after: "returned" },
      { field: "reason", kind: "text", before: null, after: "Lengkapi" },
    ]);
  });

  it("gives no fields for an event, missing details, or an action it does not know", () => {
    expect(auditChangesOf("auth.sign_in", { reason: "wrong_password" })).toEqual([]);
    expect(auditChangesOf("membership.update", null)).toEqual([]);
    expect(auditChangesOf("something.new", { "x.before": 1, "x.after": 2 })).toEqual([]);
    expect(auditShapeOf("something.new")).toEqual({ change: "event", fields: {} });
  });

  it("leaves out fields the action does not label, such as ids", () => {
    expect(auditChangesOf("membership.create", { membershipId: 9, personName: "Ani" })).toEqual([{ field: "personName", kind: "text", before: null, after: "Ani" }]);
  });
});

describe("AUDIT_ACTION_SHAPES", () => {
  it("names only recorded actions", () => {
    for (const action of Object.keys(AUDIT_ACTION_SHAPES)) expect(isAuditAction(action)).toBe(true);
    expect(isAuditAction("membership.update")).toBe(true);
    expect(isAuditAction("membership.rename")).toBe(false);
    expect(AUDIT_ACTIONS.length).toBeGreaterThan(30);
  });
});

describe("checkAuditDateRange", () => {
  it("accepts an open range, one day, and a range in order", () => {
    expect(checkAuditDateRange({})).toBeNull();
    expect(checkAuditDateRange({ from: "2026-12-01" })).toBeNull();
    expect(checkAuditDateRange({ to: "2026-12-01" })).toBeNull();
    expect(checkAuditDateRange({ from: "2026-12-01", to: "2026-12-01" })).toBeNull();
    expect(checkAuditDateRange({ from: "2026-01-01", to: "2026-12-31" })).toBeNull();
  });

  it("refuses an end before the start as DATE_RANGE_INVERTED", () => {
    expect(checkAuditDateRange({ from: "2026-12-02", to: "2026-12-01" })).toBe("DATE_RANGE_INVERTED");
  });

  it("accepts exactly 5 years and refuses one day more as DATE_RANGE_TOO_LONG", () => {
    expect(checkAuditDateRange({ from: "2021-12-01", to: "2026-12-01" })).toBeNull();
    expect(checkAuditDateRange({ from: "2021-12-01", to: "2026-12-02" })).toBe("DATE_RANGE_TOO_LONG");
  });

  it("counts 5 years from a leap day by the calendar", () => {
    expect(checkAuditDateRange({ from: "2024-02-29", to: "2029-02-28" })).toBeNull();
    expect(checkAuditDateRange({ from: "2024-02-29", to: "2029-03-01" })).toBe("DATE_RANGE_TOO_LONG");
  });

  it("raises the problem on the end field in the schema, and as a DomainError on the server", () => {
    const parsed = AuditDateRangeSchema.safeParse({ from: "2026-12-02", to: "2026-12-01" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: ["to"], message: "DATE_RANGE_INVERTED" });
    expect(() => assertAuditDateRange({ from: "2026-12-02", to: "2026-12-01" })).toThrow(DomainError);
    expect(AuditDateRangeSchema.safeParse({ from: "2026-13-01" }).success).toBe(false);
  });
});
