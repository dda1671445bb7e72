/** `pnpm start`: runs the product until SIGINT or SIGTERM. */
import { firstAdminBanner, firstAdminFile } from "./banner.ts";
import { DatabaseInUseError } from "./database-lock.ts";
import { EnvError, readEnv } from "./env.ts";
import { exposureBanner } from "./exposure.ts";
import { startServer } from "./start.ts";

// Whatever the server writes (database, journals, key, first admin's password, backups) is its owner's alone.
process.umask(0o077);

try {
  const env = readEnv();
  const running = await startServer(env);
  if (running.exposureWarning) console.error(exposureBanner(running.exposureWarning));
  console.log(`\n  Gugus is running:\n    ${running.url}/admin/   (admin)\n    ${running.url}/portal/  (portal)\n    ${running.url}/healthz\n`);
  if (running.firstAdmin) {
    // The password goes to a terminal, never into a captured log stream; the file keeps it either way.
    if (process.stdout.isTTY) console.log(firstAdminBanner(running.firstAdmin));
    console.log(`  First central admin: ${running.firstAdmin.account.email} — one-time password in ${firstAdminFile(env)}\n`);
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      running.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
} catch (error) {
  console.error(error instanceof EnvError || error instanceof DatabaseInUseError ? error.message : error);
  process.exit(1);
}
