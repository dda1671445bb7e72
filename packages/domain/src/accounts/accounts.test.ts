import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { placeOf } from "../hierarchy/levels.ts";
import { AccountCreateSchema, EmailSchema } from "./accounts.ts";
import { CONTEXT_WORDS, PASSWORD_MAX_LENGTH, checkPassword, isTrivialSequence, minPasswordLength, newPasswordSchema, passwordLength } from "./passwords.ts";
import { CAPABILITIES, ROLES, RoleSchema, checkAccountManagement, checkProfileManagement, hasCapability, isCentralRole, mayActOnAccountWithRole, roleFitsLevel } from "./roles.ts";
import type { Actor, Role } from "./roles.ts";
import { SESSION_ABSOLUTE_LIFETIME_MS, SESSION_IDLE_TIMEOUT_MS, isSessionActive, sessionExpiresAt } from "./sessions.ts";
import { THROTTLE, throttleDelayMs, throttleWaitMs } from "./throttle.ts";

const common = new Set(["password", "12345678", "bismillah", "sayangku", "qwertyuiop"]);

describe("checkPassword", () => {
  it("needs 8 characters for regional and viewer roles, 15 for central admins", () => {
    expect(checkPassword("tujuh77", { role: "regional_member" })).toBe("PASSWORD_TOO_SHORT");
    expect(checkPassword("delapan8", { role: "regional_member" })).toBeNull();
    expect(checkPassword("empat-belas-14", { role: "central_admin" })).toBe("PASSWORD_TOO_SHORT");
    expect(checkPassword("lima-belas-ok15", { role: "central_admin" })).toBeNull();
    expect(ROLES.map(minPasswordLength)).toEqual([15, 8, 8, 8]);
  });

  it("accepts 64 and up to 256 characters, refuses 257 (and never truncates)", () => {
    expect(checkPassword("k".repeat(63) + "Z", { role: "regional_member" })).toBeNull();
    expect(checkPassword("kopi tubruk di warung ".repeat(12).slice(0, 256), { role: "regional_member" })).toBeNull();
    expect(checkPassword("x".repeat(PASSWORD_MAX_LENGTH + 1), { role: "regional_member" })).toBe("PASSWORD_TOO_LONG");
  });

  it("has no composition rules: only lower-case letters and spaces pass", () => {
    expect(checkPassword("kopi tubruk di warung", { role: "central_admin" })).toBeNull();
  });

  it("counts characters as people do: an emoji or an accented letter is one", () => {
    expect(passwordLength("😀😀😀😀😀😀😀😀")).toBe(8);
    expect(passwordLength("e\u0301".repeat(8))).toBe(8);
    expect(checkPassword("😀😀😀😀😀😀😀", { role: "regional_member" })).toBe("PASSWORD_TOO_SHORT");
  });

  it("refuses common and breached passwords, in any case and with digits or symbols around", () => {
    expect(checkPassword("Password", { role: "regional_member", commonPasswords: common })).toBe("PASSWORD_COMMON");
    expect(checkPassword("bismillah2024!", { role: "regional_member", commonPasswords: common })).toBe("PASSWORD_COMMON");
    expect(checkPassword("12345678", { role: "regional_member", commonPasswords: common })).toBe("PASSWORD_COMMON");
  });

  it("refuses passwords made of this service's words or the person's name or email", () => {
    expect(checkPassword("GugusTugas2024", { role: "regional_member" })).toBe("PASSWORD_CONTEXT");
    expect(checkPassword("satgas-tppo-1", { role: "regional_member" })).toBe("PASSWORD_CONTEXT");
    expect(checkPassword("sitiaminah99", { role: "regional_member", personal: ["siti.aminah@bekasikota.go.id", "Siti Aminah"] })).toBe("PASSWORD_CONTEXT");
    expect(CONTEXT_WORDS).toContain("tppo");
  });

  it("lets a long passphrase contain a context word", () => {
    expect(checkPassword("rapat gugus tugas setiap kamis pagi", { role: "central_admin" })).toBeNull();
  });

  it("property: any password of 15 to 256 random printable characters passes for every role, unless listed", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 15, maxLength: 256, unit: fc.constantFrom(..."qwzxv7 39#kj") }), fc.constantFrom(...ROLES), (pw, role) =>
        checkPassword(pw, { role }) === null || checkPassword(pw, { role }) === "PASSWORD_CONTEXT",
      ),
    );
  });

  it("the form schema checks length by role with the same codes", () => {
    expect(newPasswordSchema("central_admin").safeParse("short-one").error?.issues[0]?.message).toBe("PASSWORD_TOO_SHORT");
    expect(newPasswordSchema("regional_member").safeParse("long enough").success).toBe(true);
  });
});

describe("roles and capabilities", () => {
  it("puts central roles on the national task force and regional roles below it", () => {
    expect(roleFitsLevel("central_admin", "national")).toBe(true);
    expect(roleFitsLevel("central_viewer", "province")).toBe(false);
    expect(roleFitsLevel("regional_admin", "regency")).toBe(true);
    expect(roleFitsLevel("regional_member", "national")).toBe(false);
    expect(ROLES.filter(isCentralRole)).toEqual(["central_admin", "central_viewer"]);
  });

  it("gives every role read, and only central admins sessions and the audit log", () => {
    for (const r of ROLES) expect(hasCapability(r, "read")).toBe(true);
    expect(ROLES.filter((r) => hasCapability(r, "audit.read"))).toEqual(["central_admin"]);
    expect(ROLES.filter((r) => hasCapability(r, "accounts.manage"))).toEqual(["central_admin", "regional_admin"]);
    expect(Object.keys(CAPABILITIES)).toContain("sessions.manage");
  });
});

describe("checkAccountManagement", () => {
  const actor = (role: Role, region: string | null, taskForceId: number): Actor => ({ role, place: placeOf(region), taskForceId });
  const target = (region: string | null, taskForceId: number, role: Role) => ({ place: placeOf(region), taskForceId, role });
  const centralAdmin = actor("central_admin", null, 1);
  const bekasiAdmin = actor("regional_admin", "32.75", 300);
  const jabarAdmin = actor("regional_admin", "32", 13);

  it("lets a central admin manage any account, central or regional", () => {
    expect(checkAccountManagement(centralAdmin, target(null, 1, "central_admin"))).toBe("ok");
    expect(checkAccountManagement(centralAdmin, target("33.74", 400, "regional_member"))).toBe("ok");
  });

  it("lets a regional admin manage regional accounts of its own task force only", () => {
    expect(checkAccountManagement(bekasiAdmin, target("32.75", 300, "regional_member"))).toBe("ok");
    expect(checkAccountManagement(bekasiAdmin, target("32.75", 300, "regional_admin"))).toBe("ok");
    expect(checkAccountManagement(bekasiAdmin, target("32.16", 290, "regional_member"))).toBe("NOT_FOUND");
  });

  it("does not let a province admin manage its regencies' accounts (only its own task force's)", () => {
    expect(checkAccountManagement(jabarAdmin, target("32.75", 300, "regional_member"))).toBe("FORBIDDEN");
  });

  it("refuses a regional admin creating a central account, and a role that does not fit the level", () => {
    expect(checkAccountManagement(bekasiAdmin, target(null, 1, "central_admin"))).toBe("NOT_FOUND");
    expect(checkAccountManagement(bekasiAdmin, target("32.75", 300, "central_viewer"))).toBe("ROLE_LEVEL_MISMATCH");
    expect(checkAccountManagement(centralAdmin, target("32.75", 300, "central_admin"))).toBe("ROLE_LEVEL_MISMATCH");
  });

  it("refuses members and viewers outright", () => {
    expect(checkAccountManagement(actor("regional_member", "32.75", 300), target("32.75", 300, "regional_member"))).toBe("FORBIDDEN");
    expect(checkAccountManagement(actor("central_viewer", null, 1), target("32.75", 300, "regional_member"))).toBe("FORBIDDEN");
  });
});

describe("checkProfileManagement", () => {
  const actor = (role: Role, region: string | null, taskForceId: number): Actor => ({ role, place: placeOf(region), taskForceId });
  const target = (region: string | null, taskForceId: number) => ({ place: placeOf(region), taskForceId });

  it("lets a central admin change any task force's profile", () => {
    expect(checkProfileManagement(actor("central_admin", null, 1), target("33.74", 400))).toBe("ok");
    expect(checkProfileManagement(actor("central_admin", null, 1), target(null, 1))).toBe("ok");
  });

  it("lets a regional admin change its own task force's profile only: a province reads its regencies' but may not edit them", () => {
    expect(checkProfileManagement(actor("regional_admin", "32.75", 300), target("32.75", 300))).toBe("ok");
    expect(checkProfileManagement(actor("regional_admin", "32", 13), target("32", 13))).toBe("ok");
    expect(checkProfileManagement(actor("regional_admin", "32", 13), target("32.75", 300))).toBe("FORBIDDEN");
  });

  it("answers NOT_FOUND for a task force outside the admin's subtree", () => {
    expect(checkProfileManagement(actor("regional_admin", "32.75", 300), target("32.16", 290))).toBe("NOT_FOUND");
    expect(checkProfileManagement(actor("regional_admin", "32", 13), target("33", 14))).toBe("NOT_FOUND");
  });

  it("refuses members and viewers, even on their own task force", () => {
    expect(checkProfileManagement(actor("regional_member", "32.75", 300), target("32.75", 300))).toBe("FORBIDDEN");
    expect(checkProfileManagement(actor("central_viewer", null, 1), target(null, 1))).toBe("FORBIDDEN");
  });
});

describe("an empty choice is required, not unknown", () => {
  it("RoleSchema: '' and a missing role say FIELD_REQUIRED; an unknown role ROLE_INVALID", () => {
    const key = (v: unknown) => RoleSchema.safeParse(v).error?.issues[0]?.message;
    expect([key(""), key(undefined), key(null), key("superuser")]).toEqual(["FIELD_REQUIRED", "FIELD_REQUIRED", "FIELD_REQUIRED", "ROLE_INVALID"]);
  });
});

describe("mayActOnAccountWithRole", () => {
  it("a central admin may reset or re-role any account, a fellow central admin included", () => {
    for (const role of ROLES) expect(mayActOnAccountWithRole({ role: "central_admin" }, role)).toBe(true);
  });
  it("a regional admin may act on a member only: never on a fellow regional admin (no demote-then-reset)", () => {
    expect(mayActOnAccountWithRole({ role: "regional_admin" }, "regional_member")).toBe(true);
    expect(mayActOnAccountWithRole({ role: "regional_admin" }, "regional_admin")).toBe(false);
    expect(mayActOnAccountWithRole({ role: "regional_admin" }, "central_admin")).toBe(false);
  });
  it("readers never may", () => {
    for (const role of ROLES) {
      expect(mayActOnAccountWithRole({ role: "central_viewer" }, role)).toBe(false);
      expect(mayActOnAccountWithRole({ role: "regional_member" }, role)).toBe(false);
    }
  });
});

describe("account schemas", () => {
  it("lower-cases and trims the email, and refuses a malformed or oversized one with EMAIL_INVALID", () => {
    expect(EmailSchema.parse("  Siti.Aminah@BekasiKota.go.id ")).toBe("siti.aminah@bekasikota.go.id");
    for (const bad of ["siti", "siti@", "@x.id", `${"a".repeat(250)}@x.id`, 42]) {
      expect(EmailSchema.safeParse(bad).error?.issues[0]?.message, String(bad)).toBe("EMAIL_INVALID");
    }
  });

  it("refuses an unknown role, unknown keys and a missing position", () => {
    const good = { email: "a@b.id", name: "Ani", position: "Staf", taskForceId: 3, role: "regional_member" };
    expect(AccountCreateSchema.safeParse(good).success).toBe(true);
    expect(AccountCreateSchema.safeParse({ ...good, role: "superuser" }).error?.issues[0]?.message).toBe("ROLE_INVALID");
    expect(AccountCreateSchema.safeParse({ ...good, active: true }).success).toBe(false);
    expect(AccountCreateSchema.safeParse({ ...good, position: " " }).error?.issues[0]?.message).toBe("FIELD_REQUIRED"); // blank is empty
    expect(AccountCreateSchema.safeParse({ ...good, position: "K" }).error?.issues[0]?.message).toBe("POSITION_INVALID");
  });
});

describe("sessions", () => {
  const start = 1_000_000_000_000;

  it("end after 30 minutes idle", () => {
    const s = { createdAt: start, lastSeenAt: start };
    expect(isSessionActive(s, start + SESSION_IDLE_TIMEOUT_MS - 1)).toBe(true);
    expect(isSessionActive(s, start + SESSION_IDLE_TIMEOUT_MS)).toBe(false);
  });

  it("end 12 hours after sign-in even when used all along", () => {
    const s = { createdAt: start, lastSeenAt: start + SESSION_ABSOLUTE_LIFETIME_MS - 1000 };
    expect(isSessionActive(s, start + SESSION_ABSOLUTE_LIFETIME_MS - 1)).toBe(true);
    expect(isSessionActive(s, start + SESSION_ABSOLUTE_LIFETIME_MS)).toBe(false);
    expect(sessionExpiresAt(s)).toBe(start + SESSION_ABSOLUTE_LIFETIME_MS);
  });
});

describe("throttling", () => {
  const rule = THROTTLE.account;

  it("allows the first five failures freely, then waits 1 s, 2 s, 4 s …", () => {
    expect([0, 4, 5, 6, 7].map((n) => throttleDelayMs(n, rule))).toEqual([0, 0, 1000, 2000, 4000]);
  });

  it("caps the wait at 15 minutes and never locks out for good", () => {
    expect(throttleDelayMs(1000, rule)).toBe(15 * 60 * 1000);
    expect(throttleWaitMs({ failures: 1000, lastFailureAt: 0, now: 15 * 60 * 1000, rule })).toBe(0);
  });

  it("makes no one wait who has not failed yet, whatever the clock says", () => {
    expect(throttleWaitMs({ failures: 6, lastFailureAt: null, now: 0, rule })).toBe(0);
  });

  it("counts the wait from the last failure", () => {
    expect(throttleWaitMs({ failures: 6, lastFailureAt: 10_000, now: 10_500, rule })).toBe(1500);
    expect(throttleWaitMs({ failures: 6, lastFailureAt: null, now: 10_500, rule })).toBe(0);
  });

  it("allows an address more failures than an account (offices share one address)", () => {
    expect(THROTTLE.address.freeFailures).toBeGreaterThan(THROTTLE.account.freeFailures);
  });

  it("property: the wait never decreases with more failures and never exceeds the cap", () => {
    fc.assert(
      fc.property(fc.nat(200), (n) => throttleDelayMs(n + 1, rule) >= throttleDelayMs(n, rule) && throttleDelayMs(n, rule) <= rule.maxDelayMs),
    );
  });
});

describe("checkPassword against context words and trivial runs", () => {
  it("refuses a context word padded with digits: tppo12345678, satgastppo12345, satgas2025satgas", () => {
    expect(checkPassword("tppo12345678", { role: "regional_member", commonPasswords: common })).toBe("PASSWORD_CONTEXT");
    expect(checkPassword("satgastppo12345", { role: "central_admin" })).toBe("PASSWORD_CONTEXT");
    expect(checkPassword("satgas2025satgas", { role: "central_admin" })).toBe("PASSWORD_CONTEXT");
  });

  it("refuses straight and repeated runs even when long enough", () => {
    expect(checkPassword("123456789012345", { role: "central_admin" })).toBe("PASSWORD_COMMON");
    expect(checkPassword("abcabcabcabcabc", { role: "central_admin" })).toBe("PASSWORD_COMMON");
    expect(checkPassword("zyxwvutsrqponml", { role: "central_admin" })).toBe("PASSWORD_COMMON");
    expect(checkPassword("aaaaaaaa", { role: "regional_member" })).toBe("PASSWORD_COMMON");
  });

  it("still accepts a passphrase whose other words are long enough on their own", () => {
    expect(checkPassword("rapat gugus tugas setiap kamis pagi", { role: "central_admin" })).toBeNull();
  });
});

describe("isTrivialSequence", () => {
  it("calls a single character or nothing trivial, and two unrelated characters not", () => {
    expect(isTrivialSequence("")).toBe(true);
    expect(isTrivialSequence("a")).toBe(true);
    expect(isTrivialSequence("ac")).toBe(false);
  });

  it("finds a pattern of up to four characters repeated, but not four different characters alone", () => {
    expect(isTrivialSequence("abcdabcdabcd")).toBe(true);
    expect(isTrivialSequence("qz7x")).toBe(false);
    expect(isTrivialSequence("qz7xqz7")).toBe(true);
    expect(isTrivialSequence("abcdeabcde")).toBe(false);
  });

  it("finds straight runs of digits up or down, wrapping past 9 and 0", () => {
    expect(isTrivialSequence("7890123")).toBe(true);
    expect(isTrivialSequence("3210987")).toBe(true);
    expect(isTrivialSequence("98765")).toBe(true);
  });

  it("does not call a run that turns back, or skips, trivial", () => {
    expect(isTrivialSequence("9876789")).toBe(false);
    expect(isTrivialSequence("13579")).toBe(false);
    expect(isTrivialSequence("aceg")).toBe(false);
  });
});

describe("checkPassword at its edges", () => {
  const member = { role: "regional_member" as const };

  it("refuses a name part of exactly four letters, but no shorter one", () => {
    expect(checkPassword("budi12345678", { ...member, personal: ["Budi Santoso"] })).toBe("PASSWORD_CONTEXT");
    expect(checkPassword("alalalal1234", { ...member, personal: ["Al"] })).toBeNull();
  });

  it("counts no personal words when none are given", () => {
    expect(checkPassword("herehereherex1", member)).toBeNull();
  });

  it("strips every digit and symbol around a common word, but not one inside it", () => {
    const listed = new Set(["password"]);
    expect(checkPassword("12password", { ...member, commonPasswords: listed })).toBe("PASSWORD_COMMON");
    expect(checkPassword("pass1word", { ...member, commonPasswords: listed })).toBeNull();
  });

  it("matches a common word of four letters or more inside digits, not a shorter one", () => {
    expect(checkPassword("abcd12345678", { ...member, commonPasswords: new Set(["abcd"]) })).toBe("PASSWORD_COMMON");
    expect(checkPassword("abc12345678", { ...member, commonPasswords: new Set(["abc"]) })).toBeNull();
  });

  it("looks for runs in the letters and digits together, not in the letters alone", () => {
    expect(checkPassword("a1a2a3a4a5", member)).toBeNull();
  });

  it("lets a context word stand in a password whose rest is exactly long enough", () => {
    expect(checkPassword("tppokopihita", member)).toBeNull();
    expect(checkPassword("tppokopihit", member)).toBe("PASSWORD_CONTEXT");
  });
});

describe("newPasswordSchema at its edges", () => {
  const messages = (role: Role, v: unknown) => newPasswordSchema(role).safeParse(v).error?.issues.map((i) => i.message);

  it("takes exactly the minimum (8, or 15 for a central admin) and exactly 256 characters", () => {
    expect(messages("regional_member", "delapan8")).toBeUndefined();
    expect(messages("central_admin", "lima-belas-ok15")).toBeUndefined();
    expect(messages("regional_member", "k".repeat(PASSWORD_MAX_LENGTH))).toBeUndefined();
  });

  it("refuses one character less with PASSWORD_TOO_SHORT, one more with PASSWORD_TOO_LONG, and a non-string as too short", () => {
    expect(messages("regional_member", "tujuh77")).toEqual(["PASSWORD_TOO_SHORT"]);
    expect(messages("central_admin", "empat-belas-14")).toEqual(["PASSWORD_TOO_SHORT"]);
    expect(messages("regional_member", "k".repeat(PASSWORD_MAX_LENGTH + 1))).toEqual(["PASSWORD_TOO_LONG"]);
    expect(messages("regional_member", 12345678)).toEqual(["PASSWORD_TOO_SHORT"]);
  });
});
