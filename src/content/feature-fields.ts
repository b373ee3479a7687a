/**
 * Readers for the front matter keys features use, in every shape the common Jekyll themes document
 * (test/fixtures/theme-shapes/README.md lists them): on/off switches, `toc`, related posts, and the post's picture
 * from `image:` or minimal-mistakes' `header:`. Each returns the value the engine uses, or null when
 * the key is absent, and a warning when a value is there that the engine cannot use (it is ignored).
 */
import type { Post } from "./post.ts";

export type Read<T> = { value: T | null; warning?: string };

type Fields = Post["fields"];

const NONE = { value: null };

/**
 * An on/off switch (`comments`, `related`, `pin`). Jekyll's YAML 1.1 reads plain `yes`/`no`/`on`/`off`
 * as booleans where ours reads text, so those words count too.
 */
export function readSwitch(value: unknown, key: string): Read<boolean> {
  if (value === undefined || value === null) return NONE;
  if (typeof value === "boolean") return { value };
  const word = typeof value === "string" ? value.trim().toLowerCase() : "";
  if (["true", "yes", "on"].includes(word)) return { value: true };
  if (["false", "no", "off"].includes(word)) return { value: false };
  return { value: null, warning: `${key} is true or false; ${JSON.stringify(value)} is ignored` };
}

/**
 * `toc`: true or false, or a map of where a theme draws it (al-folio's `{ sidebar: left }` and
 * `{ beginning: true }`), which asks for one (a map saying `enabled: false` does not), or the list
 * of sections al-folio's distill layout writes by hand, which asks for one too.
 */
export function readToc(value: unknown): Read<boolean> {
  if (Array.isArray(value)) return value.length > 0 ? { value: true } : NONE;
  if (isMap(value)) {
    const enabled = readSwitch(value.enabled, "toc.enabled");
    return { value: enabled.value ?? true };
  }
  return readSwitch(value, "toc");
}

/**
 * Whether the post lists related posts: minimal-mistakes' `related`, al-folio's `related_posts`;
 * shown unless false. hydejack's `related_posts:` is a list of the posts it picks, which asks for them.
 */
export function readRelated(fields: Fields): Read<boolean> & { key: string } {
  const key = fields.related !== undefined && fields.related !== null ? "related" : "related_posts";
  if (Array.isArray(fields[key])) return { key, value: true };
  return { key, ...readSwitch(fields[key], key) };
}

/** A picture: its address (a path on the site or a full URL) and its alternative text. */
export interface FieldImage {
  src: string;
  alt: string;
}

/** The picture keys of `header:` (minimal-mistakes), the one for link previews first. */
const HEADER_IMAGE_KEYS = ["og_image", "overlay_image", "image", "teaser"] as const;
/** Where a map names its picture: jekyll-seo-tag's and chirpy's `path`, also `src` and `url`. */
const IMAGE_PATH_KEYS = ["path", "src", "url"] as const;

/**
 * The post's picture: `image:` as a path or URL, or a map with `path` (chirpy, jekyll-seo-tag,
 * so-simple, hydejack), `src` or `url`, and `alt`; else the picture of minimal-mistakes' `header:`
 * map, whose alt text is `image_description`. A relative path is under chirpy's `media_subpath`
 * (formerly `img_path`) when the post has one, else under the site's root, as jekyll-seo-tag reads it.
 * A `header:` of another kind (TeXt's `header: false`, a map of colours) names no picture and is no
 * mistake.
 */
export function readImage(fields: Fields): Read<FieldImage> & { key: string } {
  const { image, header } = fields;
  if (image !== undefined && image !== null && image !== "") {
    const path = typeof image === "string" ? image : isMap(image) ? firstText(image, IMAGE_PATH_KEYS) : null;
    if (path === null) {
      return {
        key: "image",
        value: null,
        warning: `image is a path or URL, or a map with path and alt; ${JSON.stringify(image)} is ignored`,
      };
    }
    const alt = isMap(image) && typeof image.alt === "string" ? image.alt.trim() : "";
    return { key: "image", value: { src: sitePath(path, fields), alt } };
  }
  if (isMap(header)) {
    const path = firstText(header, HEADER_IMAGE_KEYS);
    if (path !== null) {
      const alt = typeof header.image_description === "string" ? header.image_description.trim() : "";
      return { key: "header", value: { src: sitePath(path, fields), alt } };
    }
  }
  return { key: "image", value: null };
}

function firstText(map: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = map[key];
    if (typeof value === "string" && value.trim() !== "") return value.trim();
  }
  return null;
}

/** A full URL, a root path, or (relative) a path under the post's media folder or the site's root. */
function sitePath(path: string, fields: Fields): string {
  if (/^(?:[a-z][a-z0-9+.-]*:|\/)/i.test(path)) return path;
  const base = [fields.media_subpath, fields.img_path].find((v): v is string => typeof v === "string" && v.trim() !== "");
  const folder = base === undefined ? "" : base.trim().replace(/^\/*/, "/").replace(/\/*$/, "");
  return `${folder}/${path.replace(/^\.\//, "")}`;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
