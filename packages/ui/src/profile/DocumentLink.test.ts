import { describe, expect, it } from "vitest";
import { linkHostOf } from "./DocumentLink.tsx";

describe("linkHostOf", () => {
  it("gives the host of an http or https link, in any case of the scheme", () => {
    expect(linkHostOf("https://peraturan.bpk.go.id/Details/1")).toBe("peraturan.bpk.go.id");
    expect(linkHostOf("HTTP://jdih.jabarprov.go.id/x")).toBe("jdih.jabarprov.go.id");
  });

  it("gives none for a reference that is not a link, so it shows as text", () => {
    for (const ref of ["Arsip 12/2019", "javascript:alert(1)", "data:text/html,hi", "ftp://jdih.go.id/x", "//jdih.go.id/x", "https://jdih go.id/x", "https://"]) expect(linkHostOf(ref)).toBeNull();
  });
});
