/**
 * First-load weight of a built single-page app: the entry script, the chunks it preloads and the
 * stylesheets named in index.html, each gzipped at level 9 (what the server's compression sends).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export type Weight = { js: number; css: number; total: number; files: string[] };

export function firstLoadWeight(distDir: string, base: string): Weight {
  const html = readFileSync(join(distDir, "index.html"), "utf8");
  const refs = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  let js = 0;
  let css = 0;
  for (const ref of refs) {
    const file = join(distDir, ref.startsWith(base) ? ref.slice(base.length) : ref);
    const size = gzipSync(readFileSync(file), { level: 9 }).length;
    if (ref.endsWith(".css")) css += size;
    else js += size;
  }
  return { js, css, total: js + css, files: refs };
}
