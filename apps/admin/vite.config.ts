import { constants } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { compression, defineAlgorithm } from "vite-plugin-compression2";

// Scripts and styles are also written compressed once at the highest levels (br 11, gzip 9), beside
// the originals: the server sends those to a browser that accepts them instead of compressing each time.
const precompressed = compression({ algorithms: [defineAlgorithm("brotliCompress", { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }), defineAlgorithm("gzip", { level: 9 })], include: /\.(js|css|svg)$/, threshold: 1024, logLevel: "silent" });

// Served by the server at /admin/; in development, API calls go to the server on :3000.
export default defineConfig({
  base: "/admin/",
  plugins: [react(), precompressed],
  server: { port: 5173, proxy: { "/trpc": "http://127.0.0.1:3000" } },
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, reportCompressedSize: false },
});
