import { describe, expect, it } from "vitest";
import { ROLES, emailConflictCodeFor, mayReactivateAccount } from "./roles.ts";
import type { Actor } from "./roles.ts";

const central: Actor = { role: "central_admin", taskForceId: 1, place: { level: "national", regionCode: null } };
const viewer: Actor = { role: "central_viewer", taskForceId: 1, place: { level: "national", regionCode: null } };
const provinceAdmin: Actor = { role: "regional_admin", taskForceId: 32, place: { level: "province", regionCode: "32" } };
const regencyAdmin: Actor = { role: "regional_admin", taskForceId: 3275, place: { level: "regency", regionCode: "32.75" } };
const member: Actor = { role: "regional_member", taskForceId: 3275, place: { level: "regency", regionCode: "32.75" } };

describe("mayReactivateAccount", () => {
  it("lets a central admin undo any deactivation, including an unknown author's", () => {
    for (const by of [...ROLES, null]) expect(mayReactivateAccount(central, by)).toBe(true);
  });

  it("lets a regional admin undo a deactivation by a regional admin", () => {
    expect(mayReactivateAccount(regencyAdmin, "regional_admin")).toBe(true);
  });

  it("keeps a regional admin from undoing a central admin's deactivation", () => {
    expect(mayReactivateAccount(regencyAdmin, "central_admin")).toBe(false);
    expect(mayReactivateAccount(provinceAdmin, "central_admin")).toBe(false);
  });

  it("keeps a regional admin from undoing a deactivation whose author is unknown (command line, older records)", () => {
    expect(mayReactivateAccount(regencyAdmin, null)).toBe(false);
  });

  it("lets no viewer or member reactivate anything", () => {
    for (const by of [...ROLES, null]) {
      expect(mayReactivateAccount(viewer, by)).toBe(false);
      expect(mayReactivateAccount(member, by)).toBe(false);
    }
  });
});

describe("emailConflictCodeFor", () => {
  it("tells a central admin the email is taken wherever the account sits", () => {
    expect(emailConflictCodeFor(central, { taskForceId: 1 })).toBe("EMAIL_TAKEN");
    expect(emailConflictCodeFor(central, { taskForceId: 3374 })).toBe("EMAIL_TAKEN");
  });

  it("tells a regional admin the email is taken when the account is in its own task force", () => {
    expect(emailConflictCodeFor(regencyAdmin, { taskForceId: 3275 })).toBe("EMAIL_TAKEN");
  });

  it("gives a regional admin the neutral code for an account at the national task force, another province, or its own regencies", () => {
    expect(emailConflictCodeFor(regencyAdmin, { taskForceId: 1 })).toBe("EMAIL_UNAVAILABLE");
    expect(emailConflictCodeFor(regencyAdmin, { taskForceId: 33 })).toBe("EMAIL_UNAVAILABLE");
    // A province does not see its regencies' accounts, so it is not told about them either.
    expect(emailConflictCodeFor(provinceAdmin, { taskForceId: 3275 })).toBe("EMAIL_UNAVAILABLE");
  });
});
