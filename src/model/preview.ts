/**
 * A shared draft: what `npm run preview` stores and the Worker serves at `/_preview/<id>.<signature>`.
 * The id names the preview (what `--list` shows and `--revoke` takes); the signature, an HMAC-SHA256
 * of the id under a secret kept in the site's KV, is what makes the address a link: an id alone, seen
 * in a list or a log, opens nothing, and a guessed address is refused before its record is read.
 */
import type { PostModel } from "./page-models.ts";
import type { SiteConfig } from "./site.ts";

export const PREVIEW_PATH_PREFIX = "/_preview/";

export interface PreviewRecord {
  id: string;
  /** The draft's file, relative to the content folder. */
  source: string;
  /** The address the post will have once published. */
  permalink: string;
  /** Epoch ms. */
  created: number;
  /** Epoch ms after which the link answers 404. */
  expires: number;
  /** The site's settings as the content that was previewed has them (title, menu, time zone). */
  site: SiteConfig;
  model: PostModel;
}

const ID = /^[0-9a-f]{16}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

/** `/_preview/<id>.<signature>` split, or null for anything else. */
export function parsePreviewPath(path: string): { id: string; signature: string } | null {
  if (!path.startsWith(PREVIEW_PATH_PREFIX)) return null;
  const [id, signature, ...rest] = path.slice(PREVIEW_PATH_PREFIX.length).split(".");
  if (id === undefined || signature === undefined || rest.length > 0 || !ID.test(id) || !SIGNATURE.test(signature)) return null;
  return { id, signature };
}

export function isPreviewId(id: string): boolean {
  return ID.test(id);
}

async function hmacKey(secret: string, usage: "sign" | "verify"): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", base64urlDecode(secret), { name: "HMAC", hash: "SHA-256" }, false, [usage]);
}

const message = (id: string) => new TextEncoder().encode(`edgepress-preview:${id}`);

/** The path of a preview's link. */
export async function previewPath(secret: string, id: string): Promise<string> {
  const signature = await crypto.subtle.sign("HMAC", await hmacKey(secret, "sign"), message(id));
  return `${PREVIEW_PATH_PREFIX}${id}.${base64url(new Uint8Array(signature))}`;
}

/** Whether the signature is the secret's for this id (compared in constant time by WebCrypto). */
export async function verifyPreview(secret: string, id: string, signature: string): Promise<boolean> {
  return crypto.subtle.verify("HMAC", await hmacKey(secret, "verify"), base64urlDecode(signature), message(id));
}

/** A fresh signing secret (256 random bits) and a fresh preview id (64 random bits). */
export function newPreviewSecret(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

export function newPreviewId(): string {
  return [...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

function base64urlDecode(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
