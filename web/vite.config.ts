import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  build: {
    target: "es2020",
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    // Read by scripts/check-budget.mjs to find what the first screen loads.
    manifest: true,
    rollupOptions: {
      // Two pages, each with its own chunks: the dashboard (/) and the query explorer (/explorer).
      input: { index: "index.html", explorer: "explorer.html" },
    },
  },
  server: {
    // `vite` in development talks to the platform server started with `pnpm dev`.
    proxy: { "/graphql": "http://localhost:4000" },
  },
});
