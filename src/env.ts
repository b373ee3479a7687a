/** The Worker's bindings, as declared in wrangler.toml. */
export interface Env {
  BLOG: KVNamespace;
  /**
   * The deployed version of this Worker (wrangler.toml's `version_metadata`): cached renders are
   * keyed by it, so a deploy that changes templates never serves pages the old code rendered.
   * Absent where the runtime has no such binding.
   */
  CF_VERSION_METADATA?: WorkerVersionMetadata;
  /**
   * Set only by `npm run dev` (`wrangler dev --var`), never in wrangler.toml: the release pointer is
   * read on every request, so a page saved a moment ago is served on the next one.
   */
  EDGEPRESS_PREVIEW?: string;
  /**
   * Set by `npm run dev` only (scripts/wrangler.ts passes `--var LOCAL_DEV:wrangler`), never deployed:
   * the Worker runs behind wrangler's local proxy, whose Accept-Encoding is not the client's (see
   * withClientAcceptEncoding).
   */
  LOCAL_DEV?: string;
}
