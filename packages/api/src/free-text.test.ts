/**
 * Free text through the api: every field goes through the domain's text rule, so control characters
 * are never stored and never searched for, and an instrument number is one instrument however it is
 * cased, by manual entry as by the import.
 */
import { afterEach, describe, expect, it } from "vitest";
import { failureOf as failure, fixtureFactory } from "./test-helpers.ts";
import type { Fixture } from "./test-helpers.ts";

const factory = await fixtureFactory();
let fx: Fixture;
const fresh = () => (fx = factory.fresh());
afterEach(() => fx?.close());

const tf = (code: string) => fx.handle.sqlite.prepare("SELECT task_force_id FROM task_force_regions WHERE region_code = ?").pluck().get(code) as number;
const count = (sql: string, ...params: unknown[]) => fx.handle.sqlite.prepare(sql).pluck().get(...params) as number;
const membership = { position: "member", office: "Kepala Seksi", agency: "Polres", stakeholderType: "vertical", validFrom: "2020-01-01" } as const;
const instrument = (number: string, issuedOn = "2019-05-01") => ({ type: "perwali", number, issuedOn, issuer: "Wali Kota" }) as const;

describe("control characters in free text", () => {
  it("a NUL inside an office name is stored as a space, never as a NUL", async () => {
    fresh();
    const saved = await fx.callerAs("regencyAdmin").profile.createMembership({ taskForceId: tf("32.75"), membership: { ...membership, office: "Kepala\u0000Bidang", personName: "Dewi\u0000Lestari" } });
    expect([saved.office, saved.personName]).toEqual(["Kepala Bidang", "Dewi Lestari"]);
    expect(count("SELECT count(*) FROM memberships WHERE instr(office, char(0)) > 0 OR instr(person_name, char(0)) > 0")).toBe(0);
  });

  it("an office of control characters alone is refused as required, writing nothing", async () => {
    fresh();
    const before = count("SELECT count(*) FROM memberships");
    expect(await failure(fx.callerAs("regencyAdmin").profile.createMembership({ taskForceId: tf("32.75"), membership: { ...membership, office: "\u0000\u0000" } }))).toMatchObject({ code: "BAD_REQUEST", messageKey: "FIELD_REQUIRED" });
    expect(count("SELECT count(*) FROM memberships")).toBe(before);
  });

  it("an account's name and position are stored without control characters", async () => {
    fresh();
    const created = await fx.callerAs("centralAdmin").accounts.create({ email: "dewi@bekasikota.go.id", name: "Dewi\tLestari", position: "Kasi\u0000PPPA", taskForceId: tf("32.75"), role: "regional_member" });
    expect([created.account.name, created.account.position]).toEqual(["Dewi Lestari", "Kasi PPPA"]);
  });

  it("an instrument's document reference goes through the text rule too: a phone number is refused", async () => {
    fresh();
    const before = count("SELECT count(*) FROM instruments");
    expect(await failure(fx.callerAs("regencyAdmin").profile.createInstrument({ taskForceId: tf("32.75"), instrument: { ...instrument("9/2019"), documentRef: "hubungi 0812-3456-7890" } }))).toMatchObject({
      code: "BAD_REQUEST",
      messageKey: "PERSONAL_DATA_IN_TEXT",
    });
    expect(count("SELECT count(*) FROM instruments")).toBe(before);
  });

  it("a file name with a NUL reaches the audit log as a space", async () => {
    fresh();
    await fx.callerAs("centralAdmin").formationImport.commit({ fileName: "gt\u0000.csv", rows: [{ row: 2, regionCode: "32.75", type: "perwali", number: "9/2018", issuedOn: "2018-01-05" }] });
    expect(fx.handle.sqlite.prepare("SELECT target_id FROM audit_log WHERE action = 'formation.import'").pluck().get()).toBe("gt .csv");
  });
});

describe("searching", () => {
  it("a search for a NUL is refused as empty instead of matching every task force", async () => {
    fresh();
    expect(await failure(fx.callerAs("centralViewer").hierarchy.search({ query: "\u0000" }))).toMatchObject({ code: "BAD_REQUEST", messageKey: "FIELD_REQUIRED" });
  });

  it("a search with a NUL between words finds what the words find", async () => {
    fresh();
    const viewer = fx.callerAs("centralViewer");
    expect((await viewer.hierarchy.search({ query: "Kota\u0000Bekasi" })).map((t) => t.regionCode)).toEqual((await viewer.hierarchy.search({ query: "Kota Bekasi" })).map((t) => t.regionCode));
  });

  it("an account filter of a NUL alone filters nothing rather than matching on it", async () => {
    fresh();
    const admin = fx.callerAs("centralAdmin");
    expect((await admin.accounts.list({ query: "\u0000", pageSize: 100 })).total).toBe((await admin.accounts.list({ pageSize: 100 })).total);
  });
});

describe("instrument numbers differing only in case are one instrument", () => {
  it("manual entry refuses sk-abc/2019 after SK-ABC/2019, writing nothing", async () => {
    fresh();
    const admin = fx.callerAs("regencyAdmin");
    await admin.profile.createInstrument({ taskForceId: tf("32.75"), instrument: instrument("SK-ABC/2019") });
    const before = count("SELECT count(*) FROM instruments");
    expect(await failure(admin.profile.createInstrument({ taskForceId: tf("32.75"), instrument: instrument("sk-abc/2019", "2019-06-01") }))).toMatchObject({ code: "CONFLICT", messageKey: "INSTRUMENT_DUPLICATE" });
    expect(count("SELECT count(*) FROM instruments")).toBe(before);
  });

  it("manual entry refuses renaming an instrument into another's number in another case", async () => {
    fresh();
    const admin = fx.callerAs("regencyAdmin");
    await admin.profile.createInstrument({ taskForceId: tf("32.75"), instrument: instrument("SK-ABC/2019") });
    const other = await admin.profile.createInstrument({ taskForceId: tf("32.75"), instrument: instrument("SK-XYZ/2019") });
    expect(await failure(admin.profile.updateInstrument({ id: other.id, version: other.version, instrument: instrument("sk-abc/2019") }))).toMatchObject({ code: "CONFLICT", messageKey: "INSTRUMENT_DUPLICATE" });
    const renamed = await admin.profile.updateInstrument({ id: other.id, version: other.version, instrument: instrument("sk-xyz/2019") });
    expect(renamed.number).toBe("sk-xyz/2019");
  });

  it("the import reads a number entered by hand in another case as the same instrument: already present on its date, a duplicate on another", async () => {
    fresh();
    const admin = fx.callerAs("centralAdmin");
    await admin.profile.createInstrument({ taskForceId: tf("32.75"), instrument: instrument("SK-ABC/2019") });
    const [same, other] = await admin.formationImport.check({
      rows: [
        { row: 2, regionCode: "32.75", type: "perwali", number: "sk-abc/2019", issuedOn: "2019-05-01" },
        { row: 3, regionCode: "32.75", type: "perwali", number: "Sk-Abc/2019", issuedOn: "2019-05-02" },
      ],
    });
    expect(same).toMatchObject({ alreadyPresent: true, issues: [] });
    expect(other!.issues).toEqual(expect.arrayContaining([{ field: "number", messageKey: "INSTRUMENT_DUPLICATE" }]));
  });
});
