import { describe, expect, it } from "vitest";
import { DOMAIN_ERRORS, DomainError, isDomainErrorCode, requiredOr } from "./errors.ts";

describe("requiredOr", () => {
  it("says FIELD_REQUIRED for a missing, null or empty input and the field's code otherwise", () => {
    const message = requiredOr("ROLE_INVALID");
    expect([undefined, null, ""].map((input) => message({ input }))).toEqual(["FIELD_REQUIRED", "FIELD_REQUIRED", "FIELD_REQUIRED"]);
    expect([" ", 0, false, "superuser"].map((input) => message({ input }))).toEqual(["ROLE_INVALID", "ROLE_INVALID", "ROLE_INVALID", "ROLE_INVALID"]);
  });
});

describe("isDomainErrorCode", () => {
  it("knows the listed codes and nothing else: not a non-string, not a name every object inherits", () => {
    expect(isDomainErrorCode("DATE_INVALID")).toBe(true);
    for (const value of ["NO_SUCH_CODE", "toString", "constructor", 42, null, undefined, { DATE_INVALID: 1 }]) expect(isDomainErrorCode(value), JSON.stringify(value)).toBe(false);
  });
});

describe("DomainError", () => {
  it("carries its code, kind, developer message, name and details (none by default)", () => {
    const error = new DomainError("REGION_NOT_FOUND", { code: "32.98" });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: "DomainError", code: "REGION_NOT_FOUND", kind: "not_found", message: DOMAIN_ERRORS.REGION_NOT_FOUND.message, details: { code: "32.98" } });
    expect(new DomainError("FORBIDDEN").details).toEqual({});
  });
});
