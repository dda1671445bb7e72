/** `pnpm start`: runs the product until SIGINT or SIGTERM. */
import { firstAdminBanner } from "./banner.ts";
import { EnvError, readEnv } from "./env.ts";
import { startServer } from "./start.ts";

try {
  const env = readEnv();
  const running = await startServer(env);
  console.log(`\n  Gugus is running:\n    ${running.url}/admin/   (admin)\n    ${running.url}/portal/  (portal)\n    ${running.url}/healthz\n`);
  if (running.firstAdmin) console.log(firstAdminBanner(running.firstAdmin));
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
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
}
