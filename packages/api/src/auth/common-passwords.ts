/**
 * The offline list of common and breached passwords (about 49,000, from @zxcvbn-ts/language-common),
 * loaded once on first use.
 */
import { dictionary } from "@zxcvbn-ts/language-common";

let set: ReadonlySet<string> | undefined;

export function commonPasswords(): ReadonlySet<string> {
  set ??= new Set((dictionary["passwords-common"] as readonly string[]).map((p) => p.toLowerCase()));
  return set;
}
