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
