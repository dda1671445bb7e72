import { describe, expect, it } from "vitest";
import {
  RECOVERY_CODE_ALPHABET,
  RecoveryCodeSchema,
  TotpCodeSchema,
  isRecoveryCodeWellFormed,
  isTotpStepAccepted,
  mfaRequiredFor,
  normaliseRecoveryCode,
  recoveryCodeFrom,
  secondFactorStateOf,
  totpStepAt,
} from "./mfa.ts";

describe("mfaRequiredFor", () => {
  it("requires a second factor of a central admin", () => {
    expect(mfaRequiredFor({ role: "central_admin", level: "national" })).toBe(true);
  });
  it("requires one of a province's regional admin, who reviews its regencies' reports", () => {
    expect(mfaRequiredFor({ role: "regional_admin", level: "province" })).toBe(true);
  });
  it("leaves a regency's regional admin, a member and a central viewer free to opt in", () => {
    expect(mfaRequiredFor({ role: "regional_admin", level: "regency" })).toBe(false);
    expect(mfaRequiredFor({ role: "regional_member", level: "province" })).toBe(false);
    expect(mfaRequiredFor({ role: "central_viewer", level: "national" })).toBe(false);
  });
});

describe("isTotpStepAccepted", () => {
  const now = Date.UTC(2026, 10, 28, 3, 0, 10);
  const step = totpStepAt(now);
  it("counts 30-second steps from the epoch", () => {
    expect(totpStepAt(0)).toBe(0);
    expect(totpStepAt(29_999)).toBe(0);
    expect(totpStepAt(30_000)).toBe(1);
  });
  it("accepts the current step and one either side", () => {
    for (const s of [step - 1, step, step + 1]) expect(isTotpStepAccepted({ step: s, now, lastStep: 0 })).toBe(true);
  });
  it("refuses a step two away in either direction", () => {
    expect(isTotpStepAccepted({ step: step - 2, now, lastStep: 0 })).toBe(false);
    expect(isTotpStepAccepted({ step: step + 2, now, lastStep: 0 })).toBe(false);
  });
  it("refuses a reused code: the step already accepted", () => {
    expect(isTotpStepAccepted({ step, now, lastStep: step })).toBe(false);
  });
  it("refuses a code older than the last accepted one, even within the window", () => {
    expect(isTotpStepAccepted({ step: step - 1, now, lastStep: step })).toBe(false);
    expect(isTotpStepAccepted({ step: step + 1, now, lastStep: step })).toBe(true);
  });
});

describe("TotpCodeSchema", () => {
  it("accepts six digits, with the space or dash apps show between groups", () => {
    expect(TotpCodeSchema.parse("123456")).toBe("123456");
    expect(TotpCodeSchema.parse("123 456")).toBe("123456");
    expect(TotpCodeSchema.parse(" 123-456 ")).toBe("123456");
  });
  it("refuses five or seven digits, letters and a long text with MFA_CODE_INVALID", () => {
    for (const bad of ["12345", "1234567", "12a456", "", "1".repeat(50)]) {
      const result = TotpCodeSchema.safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("MFA_CODE_INVALID");
    }
  });
});

describe("recovery codes", () => {
  it("builds three groups of four from the unambiguous alphabet", () => {
    const code = recoveryCodeFrom(Array.from({ length: 12 }, (_, i) => i));
    expect(code).toBe("abcd-efgh-jkmn");
    expect(isRecoveryCodeWellFormed(code)).toBe(true);
  });
  it("has no letter that reads as another (0/o, 1/l/i)", () => {
    for (const c of "0o1li") expect(RECOVERY_CODE_ALPHABET).not.toContain(c);
  });
  it("refuses to build from draws outside the alphabet or of the wrong count", () => {
    expect(() => recoveryCodeFrom([1, 2, 3])).toThrow(RangeError);
    expect(() => recoveryCodeFrom(Array.from({ length: 12 }, () => RECOVERY_CODE_ALPHABET.length))).toThrow(RangeError);
  });
  it("forgives capitals, spaces and missing dashes as typed", () => {
    expect(normaliseRecoveryCode("ABCD EFGH JKMN")).toBe("abcd-efgh-jkmn");
    expect(RecoveryCodeSchema.parse("abcdefghjkmn")).toBe("abcd-efgh-jkmn");
  });
  it("refuses a code with an ambiguous letter or the wrong length with RECOVERY_CODE_INVALID", () => {
    for (const bad of ["abcd-efgh-jkm0", "abcd-efgh", "abcd-efgh-jkmn-pqrs", ""]) {
      const result = RecoveryCodeSchema.safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("RECOVERY_CODE_INVALID");
    }
  });
});

describe("secondFactorStateOf", () => {
  it("needs nothing of an account with no factor that is not required to have one", () => {
    expect(secondFactorStateOf({ required: false, confirmed: false, verified: false })).toBe("not-needed");
  });
  it("asks a required account without a confirmed factor to enrol", () => {
    expect(secondFactorStateOf({ required: true, confirmed: false, verified: false })).toBe("enrol");
  });
  it("asks for a code of any account with a confirmed factor until the session has given one", () => {
    expect(secondFactorStateOf({ required: false, confirmed: true, verified: false })).toBe("verify");
    expect(secondFactorStateOf({ required: true, confirmed: true, verified: true })).toBe("done");
  });
  it("keeps a session done once the factor was given in it, even after an opted-in factor is turned off", () => {
    expect(secondFactorStateOf({ required: false, confirmed: false, verified: true })).toBe("done");
  });
});
