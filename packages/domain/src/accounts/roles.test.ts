import { describe, expect, it } from "vitest";
import { ROLES, checkAccountCreation, checkFirstAdminCreation, emailConflictCodeFor, mayReactivateAccount } from "./roles.ts";
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

describe("checkFirstAdminCreation", () => {
  const bekasi = { taskForceId: 3275, place: { level: "regency", regionCode: "32.75" } } as const;
  const karawang = { taskForceId: 3215, place: { level: "regency", regionCode: "32.15" } } as const;
  const semarang = { taskForceId: 3374, place: { level: "regency", regionCode: "33.74" } } as const;

  it("lets a province admin create the first regional admin of a regency/city of its province", () => {
    expect(checkFirstAdminCreation(provinceAdmin, { ...karawang, role: "regional_admin", hasActiveAdmin: false })).toBe("ok");
  });

  it("refuses a regency/city that already has an active regional admin", () => {
    expect(checkFirstAdminCreation(provinceAdmin, { ...bekasi, role: "regional_admin", hasActiveAdmin: true })).toBe("REGENCY_HAS_ADMIN");
  });

  it("does not find another province's regency/city", () => {
    expect(checkFirstAdminCreation(provinceAdmin, { ...semarang, role: "regional_admin", hasActiveAdmin: false })).toBe("NOT_FOUND");
  });

  it("refuses a central role, at a regency or at the nation", () => {
    expect(checkFirstAdminCreation(provinceAdmin, { ...karawang, role: "central_admin", hasActiveAdmin: false })).toBe("FORBIDDEN");
    expect(checkFirstAdminCreation(provinceAdmin, { taskForceId: 1, place: { level: "national", regionCode: null }, role: "central_admin", hasActiveAdmin: false })).toBe("NOT_FOUND");
  });

  it("refuses a member role at a regency/city: only its first admin comes this way", () => {
    expect(checkFirstAdminCreation(provinceAdmin, { ...karawang, role: "regional_member", hasActiveAdmin: false })).toBe("FORBIDDEN");
  });

  it("refuses the province's own task force (the ordinary rule covers it) and anyone but a province admin", () => {
    expect(checkFirstAdminCreation(provinceAdmin, { taskForceId: 32, place: { level: "province", regionCode: "32" }, role: "regional_admin", hasActiveAdmin: false })).toBe("FORBIDDEN");
    expect(checkFirstAdminCreation(regencyAdmin, { ...bekasi, role: "regional_admin", hasActiveAdmin: false })).toBe("FORBIDDEN");
    expect(checkFirstAdminCreation(member, { ...bekasi, role: "regional_admin", hasActiveAdmin: false })).toBe("FORBIDDEN");
    expect(checkFirstAdminCreation(viewer, { ...karawang, role: "regional_admin", hasActiveAdmin: false })).toBe("FORBIDDEN");
  });
});

describe("checkAccountCreation", () => {
  const karawang = { taskForceId: 3215, place: { level: "regency", regionCode: "32.15" } } as const;

  it("allows what account management allows, whether or not an admin is there", () => {
    expect(checkAccountCreation(provinceAdmin, { taskForceId: 32, place: { level: "province", regionCode: "32" }, role: "regional_admin", hasActiveAdmin: true })).toBe("ok");
    expect(checkAccountCreation(central, { ...karawang, role: "regional_member", hasActiveAdmin: true })).toBe("ok");
  });

  it("adds a province admin's first admin of a regency/city, and names the refusal once one exists", () => {
    expect(checkAccountCreation(provinceAdmin, { ...karawang, role: "regional_admin", hasActiveAdmin: false })).toBe("ok");
    expect(checkAccountCreation(provinceAdmin, { ...karawang, role: "regional_admin", hasActiveAdmin: true })).toBe("REGENCY_HAS_ADMIN");
    expect(checkAccountCreation(provinceAdmin, { ...karawang, role: "regional_member", hasActiveAdmin: false })).toBe("FORBIDDEN");
  });

  it("still keeps a regency admin out of its siblings and a province out of another province", () => {
    expect(checkAccountCreation(regencyAdmin, { ...karawang, role: "regional_admin", hasActiveAdmin: false })).toBe("NOT_FOUND");
    expect(checkAccountCreation(provinceAdmin, { taskForceId: 3374, place: { level: "regency", regionCode: "33.74" }, role: "regional_admin", hasActiveAdmin: false })).toBe("NOT_FOUND");
  });
});
