import { constants } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { compression, defineAlgorithm } from "vite-plugin-compression2";
import { VitePWA } from "vite-plugin-pwa";

// Scripts and styles are also written compressed once at the highest levels (br 11, gzip 9), beside
// the originals: the server sends those to a browser that accepts them instead of compressing each time.
const precompressed = compression({ algorithms: [defineAlgorithm("brotliCompress", { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }), defineAlgorithm("gzip", { level: 9 })], include: /\.(js|css|svg)$/, threshold: 1024, logLevel: "silent" });

// Served by the server at /portal/; in development, API calls go to the server on :3000.
// The service worker (src/sw.ts → dist/sw.js, scope /portal/) precaches the built shell so that an
// already-visited report opens without a link; it is registered by src/serviceWorker.ts in builds only.
export default defineConfig({
  base: "/portal/",
  plugins: [
    react(),
    VitePWA({
      strategies: "injectManifest",
      srcDir: "src",
      filename: "sw.ts",
      injectRegister: false,
      manifest: false,
      injectManifest: { globPatterns: ["**/*.{js,css,html}"], maximumFileSizeToCacheInBytes: 4 * 1024 * 1024 },
      devOptions: { enabled: false },
    }),
    precompressed,
  ],
  server: { port: 5174, proxy: { "/trpc": "http://127.0.0.1:3000" } },
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, reportCompressedSize: false },
});
