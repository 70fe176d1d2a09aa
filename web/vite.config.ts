import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    manifest: true,
    target: "es2022",
    // cytoscape alone is ~110 KB gzipped; it loads with the graph, not with the first page.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: { "/api": "http://localhost:8787" },
  },
});
