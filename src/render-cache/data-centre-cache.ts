/**
 * The data centre's cache (the Workers Cache API) as a second level behind the isolate's memory:
 * isolates are many and short-lived, the data centre's cache outlives them all.
 */
import { entryOf, KEPT_HEADERS, type KeptHeader, type ResponseEntry } from "../http/response-entry.ts";

/** What is used of the Cache API, so tests can pass their own named cache. */
export interface SharedCache {
  match(request: Request): Promise<Response | undefined>;
  put(request: Request, response: Response): Promise<void>;
}

/**
 * How long the data centre keeps an entry. Keys name the release, so this never delays a publish;
 * it bounds how long a superseded release's entries take up space, and how long pages rendered by
 * an older deploy of the Worker can outlive it where keys carry no version id (see cache-key.ts).
 */
export const SHARED_TTL_SECONDS = 86_400;

const RELEASE_HEADER = "X-Edgepress-Release";
/** The stored bytes are the entry's gzip form (kept as opaque bytes, so the Cache API leaves them alone). */
const ENCODING_HEADER = "X-Edgepress-Encoding";
const STATUS_HEADER = "X-Edgepress-Status";
const POLICY_HEADER = "X-Edgepress-Cache-Control";

export async function readShared(cache: SharedCache, key: string, release: string): Promise<ResponseEntry | null> {
  const hit = await cache.match(new Request(key));
  if (hit === undefined) return null;
  // The key names the release already; this guards against a key layout change mixing entries up.
  if (hit.headers.get(RELEASE_HEADER) !== release) return null;
  const status = Number(hit.headers.get(STATUS_HEADER));
  const headers: Array<[KeptHeader, string]> = [];
  for (const name of KEPT_HEADERS) {
    if (name === "cache-control") continue;
    const value = hit.headers.get(name);
    if (value !== null) headers.push([name, value]);
  }
  const policy = hit.headers.get(POLICY_HEADER);
  if (policy !== null) headers.push(["cache-control", policy]);
  const bytes = new Uint8Array(await hit.arrayBuffer());
  // Kept in the form the isolate keeps, so a hit costs no compressing.
  if (hit.headers.get(ENCODING_HEADER) === "gzip") return { release, status, headers, body: null, gzip: bytes };
  return entryOf(release, status, headers, bytes);
}

export function writeShared(cache: SharedCache, key: string, entry: ResponseEntry): Promise<void> {
  // Stored as a 200 whatever the real status: the Cache API keeps what it is given only on some
  // statuses, and the real one travels in a header. Its own Cache-Control is the storage lifetime;
  // the one browsers get travels beside it.
  const headers = new Headers();
  for (const [name, value] of entry.headers) headers.set(name === "cache-control" ? POLICY_HEADER : name, value);
  headers.set("Cache-Control", `public, max-age=${SHARED_TTL_SECONDS}`);
  headers.set(RELEASE_HEADER, entry.release ?? "");
  headers.set(STATUS_HEADER, String(entry.status));
  if (entry.body === null) headers.set(ENCODING_HEADER, "gzip");
  return cache.put(new Request(key), new Response(entry.body ?? entry.gzip, { status: 200, headers }));
}
