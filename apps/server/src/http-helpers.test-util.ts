import { totpCodeAt } from "@gugus/api";

/** Signing in over real HTTP, as a browser does: JSON POST with the client header, cookie kept. */
export const API_HEADERS = { "content-type": "application/json", "x-gugus-client": "web" } as const;

export async function trpcPost(base: string, path: string, input: unknown, cookie?: string): Promise<Response> {
  return fetch(`${base}/trpc/${path}`, {
    method: "POST",
    headers: { ...API_HEADERS, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(input ?? {}),
  });
}

/** Signs in and returns the `name=value` of the session cookie. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const res = await trpcPost(base, "auth.signIn", { email, password });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  await res.arrayBuffer(); // read the body so the connection is free again
  const setCookie = res.headers.get("set-cookie") ?? "";
  return setCookie.split(";")[0]!;
}

/**
 * Enrols the signed-in account's second factor (central admins and province admins must have one):
 * starts an enrolment and confirms it with the code of the server's time `at`. Returns the secret.
 */
export async function enrolSecondFactor(base: string, cookie: string, at: number = Date.now()): Promise<string> {
  // A procedure without input, sent as the apps send it: a batch of one with nothing for it.
  const begun = await fetch(`${base}/trpc/mfa.beginEnrolment?batch=1`, { method: "POST", headers: { ...API_HEADERS, cookie }, body: "{}" });
  if (begun.status !== 200) throw new Error(`enrolment failed: ${begun.status} ${await begun.text()}`);
  const [{ result }] = (await begun.json()) as [{ result: { data: { secret: string } } }];
  const { secret } = result.data;
  const confirmed = await trpcPost(base, "mfa.confirmEnrolment", { code: totpCodeAt(secret, at) }, cookie);
  if (confirmed.status !== 200) throw new Error(`enrolment failed: ${confirmed.status} ${await confirmed.text()}`);
  await confirmed.arrayBuffer();
  return secret;
}
