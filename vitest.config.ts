/**
 * Two kinds of tests: `test/worker/**` run inside workerd with real KV bindings (the Workers Vitest
 * integration); `test/node/**` run in Node on real files (the publisher and its CLI).
 */
import { mkdirSync } from "node:fs";
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

// wrangler.toml names a static assets folder that publishing fills; on a fresh clone it must exist.
mkdirSync("dist/assets", { recursive: true });

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [cloudflareTest({ wrangler: { configPath: "./wrangler.toml" }, miniflare: { kvNamespaces: ["RESTORED"] } })],
        test: { name: "worker", include: ["test/worker/**/*.test.ts"] },
      },
      {
        test: { name: "node", include: ["test/node/**/*.test.ts"], environment: "node", testTimeout: 60_000, hookTimeout: 60_000 },
      },
    ],
  },
});
