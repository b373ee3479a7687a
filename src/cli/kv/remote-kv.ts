/**
 * KvPort over Cloudflare's KV REST API, for publishing to the real namespace. Writes go through the
 * bulk endpoint in batches within KV's limits (10,000 pairs and 100 MB a request).
 */
import { MAX_BULK_BYTES, MAX_BULK_PAIRS } from "../../store/kv-limits.ts";
import type { KvEntry, KvPort } from "../../store/kv-port.ts";
import { type CloudflareApi, CloudflareApiError } from "./cloudflare-api.ts";

/** Keys per page when listing: the API's maximum. */
const LIST_LIMIT = 1000;

export function remoteKvPort(api: CloudflareApi, accountId: string, namespaceId: string): KvPort {
  const base = `/accounts/${encodeURIComponent(accountId)}/storage/kv/namespaces/${encodeURIComponent(namespaceId)}`;

  const checkBulk = (envelope: { result?: unknown }, what: string) => {
    const result = envelope.result as { unsuccessful_keys?: unknown } | null | undefined;
    const failed = Array.isArray(result?.unsuccessful_keys) ? result.unsuccessful_keys : [];
    if (failed.length > 0)
      throw new CloudflareApiError(
        `Cloudflare API could not ${what}: ${failed.length} keys were not stored, e.g. ${String(failed[0])}`,
        null,
      );
  };

  return {
    async get(key) {
      return api.text({ method: "GET", path: `${base}/values/${encodeURIComponent(key)}`, what: `read ${key}`, allow404: true });
    },
    async putMany(entries) {
      for (const batch of bulkBatches(entries)) {
        const what = `write ${batch.length} value${batch.length === 1 ? "" : "s"}`;
        checkBulk(await api.json({ method: "PUT", path: `${base}/bulk`, body: JSON.stringify(batch), what }), what);
      }
    },
    async deleteMany(keys) {
      for (let i = 0; i < keys.length; i += MAX_BULK_PAIRS) {
        const batch = keys.slice(i, i + MAX_BULK_PAIRS);
        const what = `delete ${batch.length} key${batch.length === 1 ? "" : "s"}`;
        checkBulk(await api.json({ method: "POST", path: `${base}/bulk/delete`, body: JSON.stringify(batch), what }), what);
      }
    },
    async list(prefix) {
      const keys: string[] = [];
      let cursor = "";
      do {
        const query = new URLSearchParams({ prefix, limit: String(LIST_LIMIT), ...(cursor === "" ? {} : { cursor }) });
        const envelope = await api.json({ method: "GET", path: `${base}/keys?${query}`, what: `list keys under ${prefix}` });
        const page = Array.isArray(envelope.result) ? (envelope.result as Array<{ name?: unknown }>) : [];
        for (const k of page) if (typeof k.name === "string") keys.push(k.name);
        cursor = envelope.result_info?.cursor ?? "";
      } while (cursor !== "");
      return keys;
    },
  };
}

/** Splits pairs into bulk requests of at most 10,000 pairs and 100 MB of JSON each. */
export function bulkBatches(entries: readonly KvEntry[], maxBytes = MAX_BULK_BYTES): KvEntry[][] {
  const batches: KvEntry[][] = [];
  let batch: KvEntry[] = [];
  let bytes = 2;
  for (const entry of entries) {
    // JSON escaping can grow a value (quotes, control characters): count it as serialised.
    const size = Buffer.byteLength(JSON.stringify(entry)) + 1;
    if (batch.length > 0 && (batch.length >= MAX_BULK_PAIRS || bytes + size > maxBytes)) {
      batches.push(batch);
      batch = [];
      bytes = 2;
    }
    batch.push(entry);
    bytes += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
