/**
 * Workers KV's published limits (developers.cloudflare.com/kv/platform/limits), checked before any
 * write so an oversized value is a clear error up front, never a failure halfway through a publish.
 */
export const MAX_KEY_BYTES = 512;
export const MAX_VALUE_BYTES = 25 * 1024 * 1024;
/** Pairs in one bulk write through the REST API. */
export const MAX_BULK_PAIRS = 10_000;
/** Request body of one bulk write through the REST API. */
export const MAX_BULK_BYTES = 100 * 1000 * 1000;

const encoder = new TextEncoder();

/** Characters outside ASCII, each one UTF-8 byte or more beyond its UTF-16 unit. */
const NON_ASCII = /[^\x00-\x7f]/g;

/**
 * UTF-8 size of a string, as TextEncoder would encode it, without encoding it: its length plus what
 * each character outside ASCII adds, found by a regular expression (four times as fast as a loop
 * over every character on a page of HTML, which is mostly ASCII).
 */
export function utf8Bytes(text: string): number {
  let bytes = text.length;
  NON_ASCII.lastIndex = 0;
  for (let m = NON_ASCII.exec(text); m !== null; m = NON_ASCII.exec(text)) {
    const c = text.charCodeAt(m.index);
    const next = text.charCodeAt(m.index + 1);
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      // A surrogate pair: four bytes for its two units.
      bytes += 2;
      NON_ASCII.lastIndex = m.index + 2;
    } else bytes += 2; // three bytes (a lone surrogate is written as U+FFFD, three bytes too)
  }
  return bytes;
}

/** Why a pair cannot be stored in KV, or null when it can. */
export function limitProblem(key: string, value: string): string | null {
  const keyBytes = encoder.encode(key).byteLength;
  if (keyBytes > MAX_KEY_BYTES) return `key is ${keyBytes} bytes; KV allows ${MAX_KEY_BYTES}`;
  // A string of n UTF-16 units is at most 3n UTF-8 bytes: most values need no count at all.
  if (value.length * 3 <= MAX_VALUE_BYTES) return null;
  const valueBytes = utf8Bytes(value);
  if (valueBytes > MAX_VALUE_BYTES) return `value is ${(valueBytes / 1048576).toFixed(1)} MiB; KV allows 25 MiB`;
  return null;
}

/** Values that cannot be stored, each named by the path it serves; nothing has been written. */
export class KvLimitError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`${problems.length} value${problems.length === 1 ? "" : "s"} exceed KV's limits:\n${problems.join("\n")}`);
    this.name = "KvLimitError";
    this.problems = problems;
  }
}
