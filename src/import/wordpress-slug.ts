/**
 * The slug WordPress gives an item that has none: `sanitize_title()` in its `save` context
 * (wp-includes/formatting.php: remove_accents, then sanitize_title_with_dashes), written decoded, as
 * the import keeps post_names (WordPress stores non-Latin letters percent-encoded; here they stay letters).
 */

/** Letters remove_accents() spells out rather than strips (ß → ss, æ → ae, ø → o, …). */
const SPELLED: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  Æ: "AE",
  œ: "oe",
  Œ: "OE",
  ø: "o",
  Ø: "O",
  đ: "d",
  Đ: "D",
  ð: "d",
  Ð: "D",
  þ: "th",
  Þ: "TH",
  ł: "l",
  Ł: "L",
  ŀ: "l",
  Ŀ: "L",
  ĳ: "ij",
  Ĳ: "IJ",
  ŉ: "n",
  ſ: "s",
  ı: "i",
  ĸ: "k",
  ŋ: "n",
  Ŋ: "N",
  ħ: "h",
  Ħ: "H",
  ŧ: "t",
  Ŧ: "T",
};

/** Dropped entirely in the save context: soft hyphen, ¡ ¿, angle and curly quotes, bullet, © ® ° … ™, accents, invisible marks. */
const STRIPPED =
  /[\u00ad\u00a1\u00bf\u00ab\u00bb\u2039\u203a\u2018\u2019\u201c\u201d\u201a\u201b\u201e\u201f\u2022\u00a9\u00ae\u00b0\u2026\u2122\u00b4\u02ca\u200b-\u200f\u202a-\u202e\ufeff\ufffc]|\u0301|\u0341|\u0300|\u0304|\u030c/g;

/** Become a hyphen in the save context: no-break space, en and em dashes, spaces of a width, line and paragraph separators, `/`. */
const HYPHENED = /[\u00a0\u2013\u2014\u2000-\u200a\u2028\u2029\u202f/]|&(?:nbsp|#160|ndash|#8211|mdash|#8212);/g;

/** WordPress keeps slugs to 200 bytes percent-encoded (utf8_uri_encode's limit), never cutting a letter. */
const MAX_ENCODED = 200;

export function wordpressSlug(title: string): string {
  // WordPress also keeps a `%` that starts an escaped octet (`%20`); here every `%` goes, as others do.
  const text = truncateEncoded(removeAccents(title.replace(/<[^>]*>/g, "")).toLowerCase());
  return (
    text
      .replace(HYPHENED, "-")
      .replace(STRIPPED, "")
      .replace(/\u00d7/g, "x")
      .replace(/&.+?;/g, "")
      .replaceAll(".", "-")
      // What is left of ASCII is letters, digits, `_`, `-` and white space; every other letter stays, as WordPress keeps it encoded.
      .replace(/[^\u0080-\u{10ffff}a-z0-9 \t\n\v\f\r_-]/gu, "")
      .replace(/[ \t\n\v\f\r]+/g, "-")
      .replace(/-+/g, "-")
      .replace(/^-+|-+$/g, "")
  );
}

/** remove_accents(): Latin letters lose their marks (é → e, ǅ → Dž → Dz), other scripts keep theirs (й stays й). */
function removeAccents(text: string): string {
  let out = "";
  for (const ch of text) {
    if (SPELLED[ch] !== undefined) out += SPELLED[ch];
    else if (/\p{Script=Latin}/u.test(ch)) out += ch.normalize("NFD").replace(/\p{M}/gu, "");
    else out += ch;
  }
  return out;
}

function truncateEncoded(text: string): string {
  let length = 0;
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    length += code < 0x80 ? 1 : code < 0x800 ? 6 : code < 0x10000 ? 9 : 12;
    if (length > MAX_ENCODED) break;
    out += ch;
  }
  return out;
}
