/**
 * Free text never holds a victim's details, through the api: what a regional admin saves (an office,
 * a person's name, an instrument and its document reference) and what a central admin adopts a
 * period with are refused when they hold an NIK or a phone number however it is grouped or written,
 * and the refusal writes nothing. A document reference is an http(s) link.
 */
import { afterEach, describe, expect, it } from "vitest";
import { failureOf as failure, fixtureFactory } from "./test-helpers.ts";
import type { Fixture } from "./test-helpers.ts";

const factory = await fixtureFactory();
let fx: Fixture;
const fresh = () => (fx = factory.fresh());
afterEach(() => fx?.close());

const tf = (code: string) => fx.handle.sqlite.prepare("SELECT task_force_id FROM task_force_regions WHERE region_code = ?").pluck().get(code) as number;
const dump = () => ["memberships", "instruments", "ran_periods", "audit_log"].map((t) => JSON.stringify(fx.handle.sqlite.prepare(`SELECT * FROM ${t}`).raw().all())).join("|");
const membership = { position: "member", office: "Kepala Seksi", agency: "Polres", stakeholderType: "vertical", validFrom: "2020-01-01" } as const;
const instrument = { type: "perwali", number: "9/2019", issuedOn: "2019-05-01", issuer: "Wali Kota" } as const;

const GROUPED = ["NIK 3275-0101-0101-0001", "NIK 3275 010101 0001", "NIK ３２７５０１０１０１０１０００１", "NIK 3275/0101/0101/0001", "HP (0812) 3456-7890", "HP +62 (812) 3456 7890"];

describe("a regional admin's free text", () => {
  it("refuses an NIK or a phone number in an office, an agency or a person's name, grouped or in full-width digits, writing nothing", async () => {
    fresh();
    const admin = fx.callerAs("regencyAdmin");
    const before = dump();
    for (const text of GROUPED) {
      for (const field of ["office", "agency", "personName"] as const) {
        const refused = await failure(admin.profile.createMembership({ taskForceId: tf("32.75"), membership: { ...membership, [field]: `Kepala Seksi ${text}` } }));
        expect(refused, `${field}: ${text}`).toMatchObject({ code: "BAD_REQUEST", messageKey: "PERSONAL_DATA_IN_TEXT" });
      }
    }
    expect(dump()).toBe(before);
  });

  it("refuses an NIK and a phone number in an instrument's document reference, and anything that is not an http(s) link, writing nothing", async () => {
    fresh();
    const admin = fx.callerAs("regencyAdmin");
    const before = dump();
    const create = (documentRef: string) => failure(admin.profile.createInstrument({ taskForceId: tf("32.75"), instrument: { ...instrument, documentRef } }));
    expect(await create("NIK korban 3275010101010001 HP 081234567890")).toMatchObject({ code: "BAD_REQUEST", messageKey: "PERSONAL_DATA_IN_TEXT" });
    expect(await create("https://jdih.bekasikota.go.id/?hp=(0812)3456-7890")).toMatchObject({ code: "BAD_REQUEST", messageKey: "PERSONAL_DATA_IN_TEXT" });
    for (const ref of ["javascript:alert(document.cookie)", "Arsip Bagian Hukum 12/2019", "data:text/html,<script>alert(1)</script>"]) {
      expect(await create(ref), ref).toMatchObject({ code: "BAD_REQUEST", messageKey: "DOCUMENT_REF_INVALID" });
    }
    for (const text of GROUPED) {
      expect(await failure(admin.profile.createInstrument({ taskForceId: tf("32.75"), instrument: { ...instrument, issuer: `Wali Kota ${text}` } })), text).toMatchObject({ messageKey: "PERSONAL_DATA_IN_TEXT" });
    }
    expect(dump()).toBe(before);
  });

  it("saves an instrument whose document reference is an https link, and an office that names dates, budgets and instrument numbers", async () => {
    fresh();
    const admin = fx.callerAs("regencyAdmin");
    const saved = await admin.profile.createInstrument({ taskForceId: tf("32.75"), instrument: { ...instrument, documentRef: "https://jdih.bekasikota.go.id/dokumen/perwali-9-2019.pdf" } });
    expect(saved).toMatchObject({ documentRef: "https://jdih.bekasikota.go.id/dokumen/perwali-9-2019.pdf" });
    const office = "Kepala Seksi (SK 188.342/Kep.113-Huk/2019, 10-04-2017 s.d. 11-05-2018, Rp 1.500.000.000)";
    expect(await admin.profile.createMembership({ taskForceId: tf("32.75"), membership: { ...membership, office } })).toMatchObject({ office });
  });
});

describe("a period's adopting instrument", () => {
  it("is refused with an NIK or a phone number in it, however written, writing nothing", async () => {
    fresh();
    const admin = fx.callerAs("centralAdmin");
    const before = dump();
    for (const text of GROUPED) {
      expect(await failure(admin.ran.adoptPeriod({ number: 4, version: 1, instrument: `Perpres 1/2026 ${text}`, adoptedOn: "2026-11-28" })), text).toMatchObject({ code: "BAD_REQUEST", messageKey: "PERSONAL_DATA_IN_TEXT" });
    }
    expect(dump()).toBe(before);
  });
});
