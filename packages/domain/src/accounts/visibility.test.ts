import { describe, expect, it } from "vitest";
import { accountTaskForceScopeOf, canSeeAccount } from "./roles.ts";
import type { Actor } from "./roles.ts";

const central: Actor = { role: "central_viewer", taskForceId: 1, place: { level: "national", regionCode: null } };
const province: Actor = { role: "regional_admin", taskForceId: 20, place: { level: "province", regionCode: "32" } };
const regency: Actor = { role: "regional_admin", taskForceId: 300, place: { level: "regency", regionCode: "32.75" } };

describe("account visibility", () => {
  it("lets the national task force see every account", () => {
    expect(accountTaskForceScopeOf(central)).toBeNull();
    expect([1, 20, 300].map((taskForceId) => canSeeAccount(central, { taskForceId }))).toEqual([true, true, true]);
  });
  it("lets a province see its own task force's accounts, not its regencies'", () => {
    expect(accountTaskForceScopeOf(province)).toBe(20);
    expect([canSeeAccount(province, { taskForceId: 20 }), canSeeAccount(province, { taskForceId: 300 }), canSeeAccount(province, { taskForceId: 1 })]).toEqual([true, false, false]);
  });
  it("lets a regency see only its own task force's accounts", () => {
    expect(accountTaskForceScopeOf(regency)).toBe(300);
    expect([canSeeAccount(regency, { taskForceId: 300 }), canSeeAccount(regency, { taskForceId: 20 })]).toEqual([true, false]);
  });
});
