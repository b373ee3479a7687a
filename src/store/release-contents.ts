/**
 * Everything a release answers, read back from its buckets: each key with its answers over time.
 * For maintenance and checks (listing every address of a published site), never on a request.
 */
import type { Answer, Release } from "../model/release.ts";
import { decodeBucket } from "./bucket-format.ts";

/** `read`: a stored value's text by hash, or null when it is gone (its keys are then left out). */
export async function releaseContents(read: (hash: string) => Promise<string | null>, release: Release): Promise<Map<string, Answer[]>> {
  const contents = new Map<string, Answer[]>();
  for (const hash of [...release.buckets, ...Object.values(release.solo)]) {
    const text = await read(hash);
    if (text === null) continue;
    for (const [key, answers] of Object.entries(decodeBucket(new TextEncoder().encode(text)).header.k)) contents.set(key, answers);
  }
  return contents;
}
