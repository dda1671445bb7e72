/**
 * Sessions as resolved, kept between requests: every signed-in request resolves its session, and a
 * kept one costs a read of two versions instead of the session, its account, its task force's place
 * and its second factor.
 *
 * A kept session stands while nothing it came from can have changed — checked on every request, in
 * one read:
 * - the accounts' version (migration 0007), which triggers raise with every write to an account, a
 *   session (but its last use moving forward) or a second factor, from any connection;
 * - the reference version, which places the account's task force;
 * - today's date (the place is the place today).
 * Any move empties the whole memo. Inside a transaction nothing is kept or taken: what it reads may
 * yet be rolled back. Only sessions that are open are kept, and a kept one that looks closed (its
 * idle time passed on the last use the memo saw) is read again before anything is decided.
 */
import { findSessionByTokenHash, readSessionVersions } from "@gugus/db";
import type { SqliteConnection } from "@gugus/db";
import type { IsoDate } from "@gugus/domain";

export type ResolvedSession = NonNullable<ReturnType<typeof findSessionByTokenHash>>;

type Memo = { reference: number; accounts: number; today: IsoDate; sessions: Map<string, ResolvedSession> };

/** At most this many sessions are kept (the oldest kept go first): about 10 MB. */
const MAX_KEPT = 10_000;

const memos = new WeakMap<SqliteConnection, Memo>();

function freeze(found: ResolvedSession): ResolvedSession {
  Object.freeze(found.session);
  Object.freeze(found.user);
  Object.freeze(found.secondFactor.factor);
  Object.freeze(found.secondFactor);
  return Object.freeze(found);
}

/**
 * The session with this token hash, as `findSessionByTokenHash` reads it: kept when `open` says it is
 * open, read again otherwise; with the reference version read to decide (null inside a transaction).
 */
export function lookUpSession(
  sqlite: SqliteConnection,
  tokenHash: string,
  today: IsoDate,
  open: (found: ResolvedSession) => boolean,
): { found: ResolvedSession | undefined; referenceVersion: number | null } {
  if (sqlite.inTransaction) return { found: findSessionByTokenHash(sqlite, tokenHash, today), referenceVersion: null };
  const { reference, accounts } = readSessionVersions(sqlite);
  let memo = memos.get(sqlite);
  if (!memo || memo.reference !== reference || memo.accounts !== accounts || memo.today !== today) {
    memo = { reference, accounts, today, sessions: new Map() };
    memos.set(sqlite, memo);
  }
  const kept = memo.sessions.get(tokenHash);
  if (kept && open(kept)) return { found: kept, referenceVersion: reference };
  memo.sessions.delete(tokenHash);
  const found = findSessionByTokenHash(sqlite, tokenHash, today);
  if (found && open(found)) {
    if (memo.sessions.size >= MAX_KEPT) memo.sessions.delete(memo.sessions.keys().next().value!);
    memo.sessions.set(tokenHash, freeze(found));
  }
  return { found, referenceVersion: reference };
}

/**
 * Forgets a kept session that was just marked as used: the next request reads it again (once a
 * minute per session), so the kept last use is never ahead of the row, even if the mark is rolled back.
 */
export function forgetKeptSession(sqlite: SqliteConnection, tokenHash: string): void {
  memos.get(sqlite)?.sessions.delete(tokenHash);
}
