/**
 * Test fixtures: a seeded in-memory database with one account per kind of actor, each with a live
 * session, and callers acting as any of them. Real migrations, real hashing, no mocks.
 */
import { findPeriodByNumber, findTaskForceByRegion, insertActionItem, insertInstrument, insertMembership, insertSession, insertUser, updateUser } from "@gugus/db";
import { confirmMfaFactor, findUserById, markSessionSecondFactor, savePendingMfaFactor } from "@gugus/db";
import type { DatabaseHandle } from "@gugus/db";
import { createTestDatabase, restoreSnapshot, takeSnapshot } from "@gugus/db/testing";
import type { ActionItem, Role } from "@gugus/domain";
import { mfaRequiredFor, todayAt, totpStepAt } from "@gugus/domain";
import { createMemoryCookieJar, sessionCookieName } from "./auth/cookies.ts";
import { hashPassword, sha256 } from "./auth/crypto.ts";
import { deriveMfaKeys, newTotpSecret, sealSecret, totpCodeAt } from "./auth/totp.ts";
import { createContextInner } from "./context.ts";
import { createCaller } from "./root.ts";
import { TRPCError } from "@trpc/server";
import { formatError } from "./errors.ts";

export const FIXED_NOW = new Date("2026-11-28T03:00:00Z");
export const FIXTURE_PASSWORD = "kuda-lari-di-pantai-pagi";
/** The server key of every fixture context, so a test can seal a second-factor secret as the server does. */
export const FIXTURE_SECRET_KEY = Buffer.alloc(32, 7);

/**
 * Gives an account a second factor with a new secret, written as the server writes it (sealed under
 * the fixture's key), confirmed unless asked not to; returns the secret and a code maker.
 */
export function giveSecondFactor(
  handle: DatabaseHandle,
  userId: number,
  { confirmed = true, now = FIXED_NOW, secret = newTotpSecret() }: { confirmed?: boolean; now?: Date; secret?: string } = {},
) {
  savePendingMfaFactor(handle.db, { userId, secret: sealSecret(deriveMfaKeys(FIXTURE_SECRET_KEY), userId, secret), now: now.getTime() });
  // Confirmed with an early step, so a code at the fixture's time is still new.
  if (confirmed) confirmMfaFactor(handle.db, { userId, step: 1, now: now.getTime() });
  return { secret, codeAt: (at: Date | number = now) => totpCodeAt(secret, at) };
}

/** The step of an instant, for tests that check a code's step. */
export const stepAt = (at: Date) => totpStepAt(at.getTime());

/**
 * Fixture sessions of accounts that must use a second factor (central admins, province admins)
 * start with it given, as a signed-in admin's session is; tests of the factor itself sign in afresh.
 */
function verifyIfRequired(handle: DatabaseHandle, sessionId: number, role: Role, level: "national" | "province" | "regency", now: number) {
  if (mfaRequiredFor({ role, level })) markSessionSecondFactor(handle.db, sessionId, now);
}

/** The actors of the authorization matrix, with where they sit. */
export const ACTORS = {
  centralAdmin: { role: "central_admin", region: null },
  centralViewer: { role: "central_viewer", region: null },
  provinceAdmin: { role: "regional_admin", region: "32" },
  provinceMember: { role: "regional_member", region: "32" },
  regencyAdmin: { role: "regional_admin", region: "32.75" },
  regencyMember: { role: "regional_member", region: "32.75" },
  deactivated: { role: "regional_member", region: "32.75" },
  expiredSession: { role: "regional_member", region: "32.75" },
} as const satisfies Record<string, { role: Role; region: string | null }>;

export type ActorKey = keyof typeof ACTORS | "anonymous";

/** Task forces every actor is tried against: the nation, Jawa Barat and two of its regencies/cities, Jawa Tengah and one of its cities. */
export const TARGETS = {
  national: null,
  province: "32",
  regency: "32.75",
  siblingRegency: "32.16",
  otherProvince: "33",
  otherProvinceRegency: "33.74",
} as const satisfies Record<string, string | null>;

export type TargetKey = keyof typeof TARGETS;

export type Fixture = {
  handle: DatabaseHandle;
  userIds: Record<keyof typeof ACTORS, number>;
  /** One account at each target task force (central viewer at the nation, regional member elsewhere). */
  targetUserIds: Record<TargetKey, number>;
  /** One instrument and one position holder recorded at each target task force. */
  targetInstrumentIds: Record<TargetKey, number>;
  targetMembershipIds: Record<TargetKey, number>;
  /** An action item of period III (2020–2024) carried out by regencies/cities, with a target each year. */
  actionItemId: number;
  tokens: Record<keyof typeof ACTORS, string>;
  /** A caller acting as an actor (cookie set to its session), at a given time. */
  callerAs: (actor: ActorKey, options?: { now?: Date }) => ReturnType<typeof createCaller>;
  close: () => void;
};

let passwordHash: Promise<string> | undefined;

/** Builds the fixture accounts into a seeded database. */
/** The instrument type that forms each target's task force. */
export const TARGET_INSTRUMENT_TYPE = {
  national: "perpres",
  province: "pergub",
  regency: "perwali",
  siblingRegency: "perbup",
  otherProvince: "pergub",
  otherProvinceRegency: "perwali",
} as const satisfies Record<TargetKey, string>;

/** The action item every fixture holds (period III, regency level). */
export const FIXTURE_ITEM = {
  subTaskForce: "prevention",
  code: "III.1.1",
  programme: "Pencegahan di sekolah",
  activity: "Sosialisasi pencegahan TPPO di sekolah menengah",
  indicator: "Jumlah sekolah yang disosialisasi",
  unit: "count",
  baseline: 4,
  targetMode: "per_year",
  targets: [2020, 2021, 2022, 2023, 2024].map((year, i) => ({ year, value: 10 + i * 5 })),
  leadAgency: "Dinas Pendidikan",
  relatedAgencies: ["DP3A", "Kantor Kementerian Agama"],
  level: "regency",
  followsItemId: null,
} as const satisfies ActionItem;

export async function buildFixtureDatabase(): Promise<Pick<Fixture, "handle" | "userIds" | "tokens" | "targetUserIds" | "targetInstrumentIds" | "targetMembershipIds" | "actionItemId">> {
  const handle = createTestDatabase();
  const hash = await (passwordHash ??= hashPassword(FIXTURE_PASSWORD));
  const now = FIXED_NOW.getTime();
  const userIds = {} as Fixture["userIds"];
  const tokens = {} as Fixture["tokens"];
  for (const [key, actor] of Object.entries(ACTORS) as [keyof typeof ACTORS, (typeof ACTORS)[keyof typeof ACTORS]][]) {
    const taskForce = findTaskForceByRegion(handle.db, actor.region, "2026-11-28")!;
    const id = insertUser(handle.db, {
      email: `${key.toLowerCase()}@gugus.test`,
      name: `Test ${key}`,
      position: "Penguji",
      taskForceId: taskForce.id,
      role: actor.role,
      passwordHash: hash,
      mustChangePassword: false,
      passwordExpiresAt: null,
      now,
    })!;
    userIds[key] = id;
    tokens[key] = `token-${key}`;
    // The expired session started 13 hours ago (past the 12-hour lifetime).
    const started = key === "expiredSession" ? now - 13 * 60 * 60 * 1000 : now;
    const sessionId = insertSession(handle.db, { tokenHash: sha256(tokens[key]), userId: id, now: started, ip: "10.0.0.1", userAgent: "vitest" });
    verifyIfRequired(handle, sessionId, actor.role, taskForce.level, started);
    if (key === "deactivated") updateUser(handle.db, { id, version: 1, changes: { active: false }, now });
  }
  const targetUserIds = {} as Fixture["targetUserIds"];
  const targetInstrumentIds = {} as Fixture["targetInstrumentIds"];
  const targetMembershipIds = {} as Fixture["targetMembershipIds"];
  for (const [key, region] of Object.entries(TARGETS) as [TargetKey, string | null][]) {
    const taskForceId = findTaskForceByRegion(handle.db, region, "2026-11-28")!.id;
    targetInstrumentIds[key] = insertInstrument(
      handle.db,
      taskForceId,
      { type: TARGET_INSTRUMENT_TYPE[key], number: `1/${key}/2016`, issuedOn: "2016-03-01", issuer: "Kepala Daerah", documentRef: null, endsOn: null, revokedOn: null },
      now,
    )!;
    targetMembershipIds[key] = insertMembership(
      handle.db,
      taskForceId,
      { position: "secretary", subTaskForce: null, office: "Kepala Bidang PPPA", agency: "DP3A", stakeholderType: "pemda_opd", personName: null, validFrom: "2016-03-01", validTo: null },
      now,
    );
    targetUserIds[key] = insertUser(handle.db, {
      email: `target-${key.toLowerCase()}@gugus.test`,
      name: `Target ${key}`,
      position: "Anggota",
      taskForceId: findTaskForceByRegion(handle.db, region, "2026-11-28")!.id,
      role: region === null ? "central_viewer" : "regional_member",
      passwordHash: hash,
      mustChangePassword: false,
      passwordExpiresAt: null,
      now,
    })!;
  }
  const periodIII = findPeriodByNumber(handle.db, 3)!;
  const actionItemId = insertActionItem(handle.db, periodIII.id, { ...FIXTURE_ITEM, targets: [...FIXTURE_ITEM.targets], relatedAgencies: [...FIXTURE_ITEM.relatedAgencies] }, now)!;
  return { handle, userIds, tokens, targetUserIds, targetInstrumentIds, targetMembershipIds, actionItemId };
}

/** A caller presenting a session token, at a fixed instant; a new context per call, as the server makes one per request. */
function callerWithToken(handle: DatabaseHandle, token: string | null, now: Date) {
  const cookies = createMemoryCookieJar(token === null ? {} : { [sessionCookieName(false)]: token });
  return createCaller(() => createContextInner({ db: handle.db, sqlite: handle.sqlite, now: () => now, cookies, client: { ip: "10.0.0.9", userAgent: "vitest" }, secretKey: FIXTURE_SECRET_KEY }));
}

function callerFor(handle: DatabaseHandle, tokens: Fixture["tokens"]) {
  return (actor: ActorKey, { now = FIXED_NOW }: { now?: Date } = {}) => callerWithToken(handle, actor === "anonymous" ? null : tokens[actor], now);
}

/**
 * A caller for an account signing in afresh at `now` (a session opened then), e.g. long after the
 * fixture's sessions expired; an account that must use a second factor has given it.
 */
export function callerSignedInAt(handle: DatabaseHandle, userId: number, now: Date) {
  const token = `fresh-session-${userId}-${now.getTime()}`;
  const sessionId = insertSession(handle.db, { tokenHash: sha256(token), userId, now: now.getTime(), ip: "10.0.0.1", userAgent: "vitest" });
  const account = findUserById(handle.db, userId, todayAt(now, null));
  if (account) verifyIfRequired(handle, sessionId, account.role, account.taskForceLevel, now.getTime());
  return callerWithToken(handle, token, now);
}

/** A fresh fixture database with all actors signed in. */
export async function setupFixture(): Promise<Fixture> {
  const built = await buildFixtureDatabase();
  return { ...built, callerAs: callerFor(built.handle, built.tokens), close: built.handle.close };
}

/** Builds the fixture once and hands out independent copies (for tests that write). */
export async function fixtureFactory(): Promise<{ fresh: () => Fixture }> {
  const { handle, ...ids } = await buildFixtureDatabase();
  const image = takeSnapshot(handle);
  handle.close();
  return {
    fresh: () => {
      const copy = restoreSnapshot(image);
      return { handle: copy, ...ids, callerAs: callerFor(copy, ids.tokens), close: copy.close };
    },
  };
}

/** A caller with its own cookie jar (starting empty), to sign in and act like a browser. */
export function browserCaller(handle: DatabaseHandle, { now = () => FIXED_NOW, ip = "10.0.0.9" }: { now?: () => Date; ip?: string } = {}) {
  const cookies = createMemoryCookieJar();
  const caller = createCaller(() => createContextInner({ db: handle.db, sqlite: handle.sqlite, now, cookies, client: { ip, userAgent: "vitest" }, secretKey: FIXTURE_SECRET_KEY }));
  return { caller, cookies };
}

/** The error a call fails with, as a client reads it (code, message key, details, field issues). Throws if it succeeds. */
export async function failureOf(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const shape = formatError({ error, shape: { message: error.message, code: 0, data: { code: error.code, httpStatus: 0 } } });
    return { code: error.code, message: shape.message, messageKey: shape.data.messageKey, details: shape.data.details, issues: shape.data.issues };
  }
  throw new Error("expected a failure");
}
