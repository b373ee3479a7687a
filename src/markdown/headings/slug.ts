/**
 * Heading ids as GitHub makes them (and Jekyll's kramdown, Hugo and most tools follow it closely):
 * lower case, punctuation dropped, spaces as dashes, letters of every script kept as they are, so
 * `## 安装步骤` links as `#安装步骤` and `## Café au lait` as `#café-au-lait`.
 */

// Letters, marks and numbers of any script, `_` and `-` stay; everything else but spaces goes.
const DROP = /[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu;

export function slugify(text: string): string {
  return text.normalize("NFC").trim().toLowerCase().replace(/\s+/g, " ").replace(DROP, "").trim().replace(/ /g, "-");
}

/** A slug not yet in `taken` (`setup`, then `setup-1`, `setup-2`…, as GitHub numbers repeats), which it adds. */
export function uniqueSlug(text: string, taken: Set<string>): string {
  const base = slugify(text) || "section";
  let slug = base;
  for (let n = 1; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}
