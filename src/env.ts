/** The Worker's bindings, as declared in wrangler.toml. */
export interface Env {
  BLOG: KVNamespace;
}
