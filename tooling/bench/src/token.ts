import { createHash } from "node:crypto";

/** The session token's stored form (SHA-256, hex), as the api keeps it. */
export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
