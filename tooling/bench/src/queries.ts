/** What bench.ts and its server process (servers.ts) share for section 1: the queries measured and the URLs. */

/** The tree (76 KB) and a small signed-in query. */
export const QUERIES = ["hierarchy.tree", "ran.periods"] as const;
export type Query = (typeof QUERIES)[number];

export type ServerUrls = {
  /** The product with its response cache. */
  warm: string;
  /** The product without it (responseCache: false). */
  cold: string;
  /** A minimal tRPC router on fastify returning the same objects (floor.ts). */
  floor: string;
  /** node:http sending the product's bytes: /<query>/identity, /<query>/br, /304; and the product's whole answers, headers included: /same/<query>/br, /same/<query>/304. */
  bare: string;
  cookie: string;
  queries: Record<Query, { identityBytes: number; brBytes: number; etag: string }>;
};
