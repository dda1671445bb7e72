import type { Db } from "../client.ts";

/**
 * A statement built once per database handle and reused: drizzle builds a query's SQL on every call
 * otherwise, which costs more than running it for a read made on every request.
 */
export function preparedPerHandle<T>(build: (db: Db) => T): (db: Db) => T {
  const statements = new WeakMap<Db, T>();
  return (db) => {
    let statement = statements.get(db);
    if (statement === undefined) {
      statement = build(db);
      statements.set(db, statement);
    }
    return statement;
  };
}
