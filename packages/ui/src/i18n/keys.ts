/**
 * Types `t()` inside this package with the shared messages only, so a shared screen cannot use a
 * key that one of the apps lacks. This file is part of this package's own type check and of no
 * app's: each app declares its own keys (the shared ones plus its own) in its `src/i18n/index.ts`.
 */
import type { SharedMessages } from "./index.ts";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: SharedMessages };
  }
}
