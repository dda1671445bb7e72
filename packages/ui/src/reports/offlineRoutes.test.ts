import { describe, expect, it } from "vitest";
import { isOfflineReadableProcedure, isOfflineReadableRequest, isSessionChange, proceduresOf } from "./offlineRoutes.ts";

describe("offline routes", () => {
  it("keep the account and the report, nothing else", () => {
    expect(isOfflineReadableProcedure("auth.me")).toBe(true);
    expect(isOfflineReadableProcedure("reports.get")).toBe(true);
    expect(isOfflineReadableProcedure("reports.list")).toBe(true);
    expect(isOfflineReadableProcedure("reports.save")).toBe(false);
    expect(isOfflineReadableProcedure("accounts.list")).toBe(false);
  });

  it("keep a batch only when every procedure in it may be kept", () => {
    expect(isOfflineReadableRequest("/trpc/auth.me")).toBe(true);
    expect(isOfflineReadableRequest("/trpc/auth.me,reports.get")).toBe(true);
    expect(isOfflineReadableRequest("/trpc/auth.me%2Creports.get")).toBe(true);
    expect(isOfflineReadableRequest("/trpc/reports.get,reports.save")).toBe(false);
    expect(isOfflineReadableRequest("/trpc/")).toBe(false);
    expect(isOfflineReadableRequest("/portal/trpc/auth.me")).toBe(false);
    expect(proceduresOf("/healthz")).toBeNull();
  });

  it("see a sign-in, a sign-out or a password change in any batch", () => {
    expect(isSessionChange("/trpc/auth.signOut")).toBe(true);
    expect(isSessionChange("/trpc/auth.me,auth.signIn")).toBe(true);
    expect(isSessionChange("/trpc/auth.me")).toBe(false);
  });
});
