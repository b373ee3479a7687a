/** The Worker's reads from KV: the live release, and the page models it points to. */
import type { PageModel } from "../model/page-models.ts";
import type { Release, View } from "../model/release.ts";
import { blobKey, CURRENT_KEY } from "./keys.ts";
import { parseRelease } from "./release-codec.ts";

/** KV could not give a usable answer: the site cannot be served right now (503, never 500). */
export class StoreUnavailable extends Error {
  constructor(reason: string, options?: ErrorOptions) {
    super(reason, options);
    this.name = "StoreUnavailable";
  }
}

/** The live release, or null when nothing has been published yet. */
export async function readCurrentRelease(kv: KVNamespace): Promise<Release | null> {
  let text: string | null;
  try {
    text = await kv.get(CURRENT_KEY, "text");
  } catch (cause) {
    throw new StoreUnavailable("KV read of the release pointer failed", { cause });
  }
  if (text === null) return null;
  const release = parseRelease(text);
  if (release === null) throw new StoreUnavailable(`the release pointer ${CURRENT_KEY} is not a valid release`);
  return release;
}

const KIND_OF_VIEW: Record<View, PageModel["kind"]> = { post: "post", list: "list", rss: "feed", atom: "feed", json: "feed", file: "file" };

export async function readModel(kv: KVNamespace, view: View, hash: string): Promise<PageModel> {
  let text: string | null;
  try {
    text = await kv.get(blobKey(hash), "text");
  } catch (cause) {
    throw new StoreUnavailable(`KV read of ${blobKey(hash)} failed`, { cause });
  }
  if (text === null) throw new StoreUnavailable(`${blobKey(hash)} is missing from KV`);
  let model: unknown;
  try {
    model = JSON.parse(text);
  } catch (cause) {
    throw new StoreUnavailable(`${blobKey(hash)} is not valid JSON`, { cause });
  }
  if (typeof model !== "object" || model === null || (model as { kind?: unknown }).kind !== KIND_OF_VIEW[view]) {
    throw new StoreUnavailable(`${blobKey(hash)} is not a ${view} model`);
  }
  return model as PageModel;
}
