/**
 * Sign-in timing: an unknown email must cost what a wrong password costs (a dummy hash is verified),
 * so timing tells an attacker nothing. Measured in-process through the real procedure, alternating
 * the two cases, each attempt from its own address and account so throttling stays out of the way.
 */
import { createContextInner, createCaller } from "@gugus/api";
import { insertUser, findTaskForceByRegion } from "@gugus/db";
import { createTestDatabase } from "@gugus/db/testing";
import { hash } from "@node-rs/argon2";

export async function benchSignInTiming(rounds = 30): Promise<{ unknownMs: number; wrongMs: number; ratio: number }> {
  const handle = createTestDatabase();
  const national = findTaskForceByRegion(handle.db, null, "2026-01-01")!;
  const passwordHash = await hash("the real password of the account", { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  for (let i = 0; i < rounds; i++) {
    insertUser(handle.db, { email: `user${i}@gugus.test`, name: "Bench", position: "Bench", taskForceId: national.id, role: "central_viewer", passwordHash, mustChangePassword: false, passwordExpiresAt: null, now: 0 });
  }
  const attempt = async (email: string, ip: string) => {
    const caller = createCaller(createContextInner({ db: handle.db, sqlite: handle.sqlite, client: { ip, userAgent: null } }));
    const t0 = performance.now();
    await caller.auth.signIn({ email, password: "a wrong password" }).catch(() => undefined);
    return performance.now() - t0;
  };
  const unknown: number[] = [];
  const wrong: number[] = [];
  await attempt("warm@gugus.test", "192.0.2.250");
  for (let i = 0; i < rounds; i++) {
    unknown.push(await attempt(`nobody${i}@gugus.test`, `192.0.2.${i}`));
    wrong.push(await attempt(`user${i}@gugus.test`, `198.51.100.${i}`));
  }
  handle.close();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const u = median(unknown);
  const w = median(wrong);
  return { unknownMs: u, wrongMs: w, ratio: u / w };
}
