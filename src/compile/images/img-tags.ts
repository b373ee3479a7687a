/** Finding `<img>` tags in rendered HTML and reading their attributes, outside code, scripts and comments. */
import { decodeHTML } from "entities";

/**
 * Matches each protected region (where `<img` is text the author shows) and each `<img>` tag; callers
 * act only on matches that start with `<img`.
 */
export const IMG_TAG = /<(pre|code|script|style|textarea)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<img\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;

/** An attribute's value, entities decoded, or undefined when the tag does not have it. */
export function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'=<>\`]+))`, "i").exec(tag);
  if (!m) return undefined;
  return decodeHTML(m[1] ?? m[2] ?? m[3] ?? "");
}

/** Every `<img>` tag of a fragment, in order. */
export function imgTags(html: string): string[] {
  return [...html.matchAll(IMG_TAG)].map((m) => m[0]).filter((tag) => /^<img\b/i.test(tag));
}
