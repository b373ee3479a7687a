/// <reference types="vite/client" />
// The bindings tests see through `import { env } from "cloudflare:workers"`, as in wrangler.toml.
declare namespace Cloudflare {
  interface Env {
    BLOG: KVNamespace;
  }
}
