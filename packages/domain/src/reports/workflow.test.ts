import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Actor } from "../accounts/roles.ts";
import { REPORT_ACTIONS, REPORT_STATUSES, ReasonSchema, isEditable, mayEditReport, mayReopenReport, mayReviewReport, maySubmitReport, nextStatus, reopenError, reviewError, reviewerPlaceOf } from "./workflow.ts";
import type { ReportStatus } from "./workflow.ts";

const national = { level: "national", regionCode: null } as const;
const jabar = { level: "province", regionCode: "32" } as const;
const jateng = { level: "province", regionCode: "33" } as const;
const bekasi = { level: "regency", regionCode: "32.75" } as const;

const central = (userId: number): Actor & { userId: number } => ({ role: "central_admin", taskForceId: 1, place: national, userId });
const provinceAdmin: Actor & { userId: number } = { role: "regional_admin", taskForceId: 32, place: jabar, userId: 10 };
const otherProvinceAdmin: Actor & { userId: number } = { role: "regional_admin", taskForceId: 33, place: jateng, userId: 11 };
const regencyAdmin: Actor & { userId: number } = { role: "regional_admin", taskForceId: 3275, place: bekasi, userId: 20 };
const member: Actor & { userId: number } = { role: "regional_member", taskForceId: 3275, place: bekasi, userId: 21 };
const viewer: Actor & { userId: number } = { role: "central_viewer", taskForceId: 1, place: national, userId: 3 };

describe("nextStatus", () => {
  it("submits from draft, returned and reopened only", () => {
    expect(REPORT_STATUSES.filter((s) => nextStatus(s, "submit") === "submitted")).toEqual(["draft", "returned", "reopened"]);
    expect(nextStatus("submitted", "submit")).toBeNull();
    expect(nextStatus("approved", "submit")).toBeNull();
  });
  it("approves and returns a submitted report only", () => {
    expect(nextStatus("submitted", "approve")).toBe("approved");
    expect(nextStatus("submitted", "return")).toBe("returned");
    expect(nextStatus("draft", "approve")).toBeNull();
    expect(nextStatus("returned", "approve")).toBeNull();
    expect(nextStatus("reopened", "return")).toBeNull();
  });
  it("reopens an approved report only", () => {
    expect(REPORT_STATUSES.filter((s) => nextStatus(s, "reopen") !== null)).toEqual(["approved"]);
    expect(nextStatus("approved", "reopen")).toBe("reopened");
  });
  it("lets draft, returned and reopened reports be edited, and locks submitted and approved ones", () => {
    expect(REPORT_STATUSES.filter(isEditable)).toEqual(["draft", "returned", "reopened"]);
  });

  it("never reaches approved without a submit after the last editable state, and a refused action leaves the state as it was", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...REPORT_ACTIONS), { maxLength: 40 }), (actions) => {
        let status: ReportStatus = "draft";
        let submittedSinceEditable = false;
        for (const action of actions) {
          const next = nextStatus(status, action);
          if (next === null) {
            // the caller keeps the status it had: nothing else moves it
            expect(REPORT_STATUSES).toContain(status);
            continue;
          }
          expect(REPORT_STATUSES).toContain(next);
          if (action === "submit") submittedSinceEditable = true;
          if (isEditable(next)) submittedSinceEditable = false;
          if (next === "approved") expect(submittedSinceEditable).toBe(true);
          status = next;
        }
      }),
    );
  });

  it("refuses every action that is not in the table, whatever the status", () => {
    fc.assert(
      fc.property(fc.constantFrom(...REPORT_STATUSES), fc.constantFrom(...REPORT_ACTIONS), (status, action) => {
        const next = nextStatus(status, action);
        if (next !== null) expect(next).not.toBe(status);
        if (!isEditable(status) && action === "submit") expect(next).toBeNull();
      }),
    );
  });
});

describe("ReasonSchema", () => {
  it("asks for a reason (REASON_REQUIRED) when it is missing, blank or shorter than 5 characters", () => {
    for (const input of [undefined, null, "", "    ", "kura"]) expect(ReasonSchema.safeParse(input).error?.issues[0]?.message).toBe("REASON_REQUIRED");
  });
  it("takes 5 to 2000 characters, trimmed", () => {
    expect(ReasonSchema.parse("  Angka korban belum sesuai  ")).toBe("Angka korban belum sesuai");
    expect(ReasonSchema.safeParse("a".repeat(2001)).success).toBe(false);
  });
  it("refuses an NIK in a reason", () => {
    expect(ReasonSchema.safeParse("Korban NIK 3275010101010001").error?.issues[0]?.message).toBe("PERSONAL_DATA_IN_TEXT");
  });
});

describe("reviewerPlaceOf", () => {
  it("sends a regency/city's report to its province, a province's to the nation, the nation's to itself", () => {
    expect(reviewerPlaceOf(bekasi)).toEqual(jabar);
    expect(reviewerPlaceOf(jabar)).toEqual(national);
    expect(reviewerPlaceOf(national)).toEqual(national);
  });
});

describe("who may edit, submit, review and reopen", () => {
  it("lets a task force's own members edit, and only its admins submit", () => {
    expect(mayEditReport(member, 3275)).toBe(true);
    expect(maySubmitReport(member, 3275)).toBe(false);
    expect(maySubmitReport(regencyAdmin, 3275)).toBe(true);
  });
  it("does not let a province edit or submit its regency's report", () => {
    expect(mayEditReport(provinceAdmin, 3275)).toBe(false);
    expect(maySubmitReport(provinceAdmin, 3275)).toBe(false);
    expect(mayEditReport(viewer, 1)).toBe(false);
  });

  it("has a regency report reviewed only by its own province, not by another province nor the nation", () => {
    const report = { place: bekasi, submittedBy: 20 };
    expect(mayReviewReport(provinceAdmin, report)).toBe(true);
    expect(reviewError(otherProvinceAdmin, report)).toBe("REPORT_NOT_REVIEWER");
    expect(reviewError(central(2), report)).toBe("REPORT_NOT_REVIEWER");
    expect(reviewError(regencyAdmin, report)).toBe("REPORT_NOT_REVIEWER");
  });
  it("has a province report reviewed by a central admin, not by a viewer", () => {
    expect(mayReviewReport(central(2), { place: jabar, submittedBy: 10 })).toBe(true);
    expect(reviewError(viewer, { place: jabar, submittedBy: 10 })).toBe("FORBIDDEN");
    expect(reviewError(provinceAdmin, { place: jabar, submittedBy: 10 })).toBe("REPORT_NOT_REVIEWER");
  });
  it("does not let the national report be approved by its submitter, but by another central admin", () => {
    expect(reviewError(central(2), { place: national, submittedBy: 2 })).toBe("REPORT_SELF_APPROVAL");
    expect(mayReviewReport(central(5), { place: national, submittedBy: 2 })).toBe(true);
  });

  it("lets the reviewer or a level above reopen, never the task force itself or a sibling", () => {
    expect(mayReopenReport(provinceAdmin, { place: bekasi })).toBe(true);
    expect(mayReopenReport(central(2), { place: bekasi })).toBe(true);
    expect(reopenError(otherProvinceAdmin, { place: bekasi })).toBe("REPORT_NOT_REVIEWER");
    expect(reopenError(regencyAdmin, { place: bekasi })).toBe("REPORT_NOT_REVIEWER");
    expect(reopenError(provinceAdmin, { place: jabar })).toBe("REPORT_NOT_REVIEWER");
    expect(mayReopenReport(central(2), { place: national })).toBe(true);
    expect(reopenError(viewer, { place: bekasi })).toBe("FORBIDDEN");
  });
});
