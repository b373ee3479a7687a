/** Escaping for HTML that shortcode renderers build from attribute values and URLs. */
import { decodeHTML } from "entities";

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * An http(s) URL from shortcode text, entities decoded (`&amp;` in exported attributes), or null.
 * Other schemes (javascript:, data:) never reach an href or src.
 */
export function httpUrl(text: string | undefined): URL | null {
  if (!text) return null;
  const decoded = decodeHTML(text.trim()).replace(/^<|>$/g, "");
  const withScheme = decoded.startsWith("//") ? `https:${decoded}` : decoded;
  if (!/^https?:\/\//i.test(withScheme)) return null;
  try {
    return new URL(withScheme);
  } catch {
    return null;
  }
}
