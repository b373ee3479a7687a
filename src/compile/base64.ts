/**
 * Base64 (RFC 4648 §4) of a file's bytes, for media stored inside JSON values. Written into a byte
 * array and decoded once: about twenty times faster than building a binary string for `btoa`, which
 * made publishing a site with 100 MB of photos take seconds per megabyte's worth of files.
 */
const CODES = new TextEncoder().encode("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");
const PAD = 0x3d; // "="

export function base64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  const whole = bytes.length - (bytes.length % 3);
  const code = (n: number) => CODES[n & 63] ?? PAD;
  let j = 0;
  for (let i = 0; i < whole; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out[j++] = code(n >> 18);
    out[j++] = code(n >> 12);
    out[j++] = code(n >> 6);
    out[j++] = code(n);
  }
  const rest = bytes.length - whole;
  if (rest > 0) {
    const n = ((bytes[whole] ?? 0) << 16) | (rest === 2 ? (bytes[whole + 1] ?? 0) << 8 : 0);
    out[j++] = code(n >> 18);
    out[j++] = code(n >> 12);
    out[j++] = rest === 2 ? code(n >> 6) : PAD;
    out[j++] = PAD;
  }
  return new TextDecoder().decode(out);
}
