import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Served by the server at /admin/; in development, API calls go to the server on :3000.
export default defineConfig({
  base: "/admin/",
  plugins: [react()],
  server: { port: 5173, proxy: { "/trpc": "http://127.0.0.1:3000" } },
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, reportCompressedSize: false },
});
