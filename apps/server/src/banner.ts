import type { CreatedAdmin } from "@gugus/api";

/** The one-time message that hands a new central admin's password to the operator. Printed, never logged. */
export function firstAdminBanner(admin: CreatedAdmin): string {
  const expires = new Date(admin.expiresAt).toISOString().replace("T", " ").slice(0, 16);
  return [
    "  ┌──────────────────────────────────────────────────────────────────┐",
    "  │ Central admin account created (shown once) / Akun admin pusat dibuat",
    `  │   email:    ${admin.account.email}`,
    `  │   password: ${admin.oneTimePassword}`,
    `  │ One-time password: change it at first sign-in; expires ${expires} UTC.`,
    "  │ Sandi sekali pakai: ganti saat pertama masuk.",
    "  └──────────────────────────────────────────────────────────────────┘",
    "",
  ].join("\n");
}
