/**
 * Jekyll's slugs, as its URL placeholders make them (Jekyll::Utils.slugify): `default` turns every run
 * of characters other than letters, marks and decimal digits into one hyphen; `pretty` also keeps
 * `._~!$&'()+,;=@`. One leading and one trailing hyphen are dropped; the result is lower-cased unless
 * `cased`. Our own slugs for archives (content/permalink.ts) follow WordPress instead.
 */

const REPLACED = {
  default: /[^\p{M}\p{L}\p{Nd}]+/gu,
  pretty: /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu,
} as const;

export type SlugMode = keyof typeof REPLACED;

export function jekyllSlugify(text: string, mode: SlugMode = "default", cased = false): string {
  const slug = text.replace(REPLACED[mode], "-").replace(/^-/, "").replace(/-$/, "");
  return cased ? slug : slug.toLowerCase();
}

/** `my-first-post` → `My First Post`: the title Jekyll gives a post that has none (Utils.titleize_slug). */
export function titleizeSlug(slug: string): string {
  return slug
    .split("-")
    .map((word) => (word === "" ? "" : (word[0] ?? "").toUpperCase() + word.slice(1).toLowerCase()))
    .join(" ");
}
