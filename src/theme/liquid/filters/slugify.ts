/**
 * Jekyll's `slugify` filter in all its modes (Jekyll::Utils.slugify): `raw` turns runs of spaces into
 * a hyphen, `default` every run of characters other than letters, marks and digits, `pretty` keeps
 * `._~!$&'()+,;=@` too, `ascii` keeps only ASCII letters and digits, `latin` transliterates to ASCII
 * first (as I18n.transliterate does) and then works as `default`. One leading and one trailing hyphen
 * go, and the result is lower-cased. An unknown mode, or `none`, only lower-cases.
 */

const REPLACED: Readonly<Record<string, RegExp>> = {
  raw: /\s+/g,
  default: /[^\p{M}\p{L}\p{Nd}]+/gu,
  pretty: /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu,
  ascii: /[^A-Za-z0-9]+/g,
  latin: /[^\p{M}\p{L}\p{Nd}]+/gu,
};

/** Letters that do not decompose into a base letter and a mark (I18n's default approximations). */
const LETTERS: Readonly<Record<string, string>> = {
  Æ: "AE",
  æ: "ae",
  Ø: "O",
  ø: "o",
  Œ: "OE",
  œ: "oe",
  ß: "ss",
  Þ: "Th",
  þ: "th",
  Ð: "D",
  ð: "d",
  Đ: "D",
  đ: "d",
  Ł: "L",
  ł: "l",
};

export function slugify(input: unknown, mode: unknown = "default"): string {
  if (input === null || input === undefined) return "";
  let text = String(input);
  const name = mode === null || mode === undefined ? "default" : String(mode);
  const replaced = REPLACED[name];
  if (replaced === undefined) return text.toLowerCase();
  if (name === "latin") text = transliterate(text);
  return text.replace(replaced, "-").replace(/^-/, "").replace(/-$/, "").toLowerCase();
}

function transliterate(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[ÆæØøŒœßÞþÐðĐđŁł]/g, (c) => LETTERS[c] ?? c)
    .replace(/[^\x00-\x7f]/g, "?");
}
