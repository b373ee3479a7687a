/** Types the worker tests rely on: Vite's import.meta.glob, and the bindings `cloudflare:workers` exposes. */
/// <reference types="vite/client" />

declare namespace Cloudflare {
  interface Env {
    BLOG: KVNamespace;
  }
}
