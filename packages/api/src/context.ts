/**
 * The context every procedure receives. `createContextInner` takes no request objects, so tests
 * build the same context the server does; the server adds the request's facts (client address,
 * cookies, whether it came over HTTPS).
 */
import { createHmac, randomBytes } from "node:crypto";
import { createReadCache } from "@gugus/db";
import type { Db, InstrumentRow, MembershipRow, ReadCache, ReportRow, SqliteConnection, TaskForceRow, UserRow } from "@gugus/db";
import type { Actor, SecondFactorState } from "@gugus/domain";
import { createMemoryCookieJar } from "./auth/cookies.ts";
import type { CookieJar } from "./auth/cookies.ts";
import { deriveMfaKeys } from "./auth/totp.ts";

export type RequestInfo = {
  /** The client's address as the server sees it (a proxy's only when configured to trust it). */
  ip: string;
  userAgent: string | null;
};

export type ContextOptions = {
  db: Db;
  sqlite: SqliteConnection;
  /** The clock: every "now" in the api comes from here, so tests can set it. */
  now?: () => Date;
  client?: RequestInfo;
  /** Shared across requests by the server; a fresh one is made when absent. */
  cache?: ReadCache;
  cookies?: CookieJar;
  /** Did the request arrive over HTTPS? Decides the cookie's name and Secure flag. */
  secure?: boolean;
  /**
   * The server's secret (32 bytes kept beside the database): keys the hash under which sign-in
   * attempts keep the email (HMAC-SHA256), so the table does not give emails back to a dictionary,
   * and the keys (HKDF) that seal second-factor secrets and hash recovery codes.
   * Absent (tests), a key made for this process.
   */
  secretKey?: Buffer;
};

const PROCESS_SECRET_KEY = randomBytes(32);
/** What a server key gives, made once per key (every request builds a context): the keyed email hash and the second factor's keys (HKDF). */
type KeyUses = { hashEmail: (email: string) => string; mfaKeys: ReturnType<typeof deriveMfaKeys> };
const keyUsesOf = new WeakMap<Buffer, KeyUses>();
function keyUsesFor(secretKey: Buffer): KeyUses {
  let uses = keyUsesOf.get(secretKey);
  if (!uses) {
    uses = { hashEmail: (email) => createHmac("sha256", secretKey).update(email).digest("hex"), mfaKeys: deriveMfaKeys(secretKey) };
    keyUsesOf.set(secretKey, uses);
  }
  return uses;
}

/** The signed-in account, as read from the database for this request. */
export type SignedInUser = UserRow & { sessionId: number; actor: Actor; secondFactor: SecondFactorState };

/** What the policy's scope resolved for a call (see scope.ts), already checked to be in the caller's scope. */
export type ResolvedTarget = { taskForce?: TaskForceRow; instrument?: InstrumentRow; membership?: MembershipRow; report?: ReportRow; account?: UserRow };

export function createContextInner({ db, sqlite, now = () => new Date(), client, cache, cookies, secure = false, secretKey = PROCESS_SECRET_KEY }: ContextOptions) {
  const keyUses = keyUsesFor(secretKey);
  return {
    db,
    sqlite,
    now,
    client: client ?? { ip: "local", userAgent: null },
    cache: cache ?? createReadCache(sqlite),
    cookies: cookies ?? createMemoryCookieJar(),
    secure,
    /** The keyed hash of an email, as sign-in attempts are kept. */
    hashEmail: keyUses.hashEmail,
    /** The keys that seal second-factor secrets and hash recovery codes. */
    mfaKeys: keyUses.mfaKeys,
    /** Set by the access guard for signed-in procedures. */
    user: null as SignedInUser | null,
    /** Set for each call by the scope guard, from the policy line's target. */
    target: {} as ResolvedTarget,
    /**
     * The session read for this request (a batch shares it), filled on first need, with the
     * reference version read beside it (null when it was read inside a transaction).
     */
    sessionMemo: { resolved: false, user: null, referenceVersion: null } as { resolved: boolean; user: SignedInUser | null; referenceVersion: number | null },
    /** Counters for the whole request (a batch shares them). */
    requestState: { signIns: 0 },
  };
}

export type Context = ReturnType<typeof createContextInner>;
