/** Types for worker tests: the bindings `env` carries (wrangler.toml plus test-only ones) and Vite's import.meta.glob. */
/// <reference types="vite/client" />

declare namespace Cloudflare {
  interface Env {
    BLOG: KVNamespace;
    /** An empty second namespace (vitest.config.ts) that restore tests write into. */
    RESTORED: KVNamespace;
  }
}
