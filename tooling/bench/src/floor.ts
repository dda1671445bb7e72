/**
 * The stack's floor: a minimal tRPC router on fastify that returns a fixed object — no hooks, no
 * guard, no session, no database, no compression. Built from the server's own fastify and
 * @trpc/server (resolved from apps/server, so the versions are the product's), it is what the product
 * could at best do per request without a cache.
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const serverRequire = createRequire(new URL("../../../apps/server/package.json", import.meta.url));
const load = async <T,>(specifier: string): Promise<T> => (await import(pathToFileURL(serverRequire.resolve(specifier)).href)) as T;

type Procedure = unknown;
type Trpc = {
  initTRPC: { create: () => { router: (r: Record<string, unknown>) => unknown; procedure: { query: (f: () => unknown) => Procedure } } };
};
type Adapter = { fastifyTRPCPlugin: unknown };
type FastifyFactory = (options?: object) => {
  register: (plugin: unknown, options: object) => Promise<unknown>;
  listen: (options: { port: number; host: string }) => Promise<string>;
};

/** Starts the floor server answering `answers` (procedure path → object) under /trpc; returns its base URL. */
export async function startFloorServer(answers: Record<string, unknown>): Promise<string> {
  const { initTRPC } = await load<Trpc>("@trpc/server");
  const { fastifyTRPCPlugin } = await load<Adapter>("@trpc/server/adapters/fastify");
  const fastify = await load<{ default: FastifyFactory }>("fastify");
  const t = initTRPC.create();
  const byArea: Record<string, Record<string, Procedure>> = {};
  for (const [path, answer] of Object.entries(answers)) {
    const [area, name] = path.split(".") as [string, string];
    (byArea[area] ??= {})[name] = t.procedure.query(() => answer);
  }
  const router = t.router(Object.fromEntries(Object.entries(byArea).map(([area, procedures]) => [area, t.router(procedures)])));
  const app = fastify.default({ logger: false, routerOptions: { maxParamLength: 5000 } });
  await app.register(fastifyTRPCPlugin, { prefix: "/trpc", trpcOptions: { router } });
  return app.listen({ port: 0, host: "127.0.0.1" });
}
