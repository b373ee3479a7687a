/**
 * The fields Jekyll's rules decide for a file of a Jekyll site: its title (after its file name when it
 * has none), its date as Jekyll's YAML reads it, its categories and its address (content/jekyll/).
 */
import type { SiteConfig } from "../../model/site.ts";
import { parseDate } from "../date.ts";
import type { FrontMatter } from "../front-matter.ts";
import { type Fail, type Fields, type Reading, readTerms, readTitle } from "../post-fields.ts";
import { documentUrl } from "./collections.ts";
import { outputExtension, pageAddress, postAddress } from "./post-address.ts";
import { type JekyllRules, jekyllCategories, jekyllDate, jekyllSlug } from "./post-rules.ts";
import { titleizeSlug } from "./slugify.ts";
import { decodePercents, servedPath } from "./url-template.ts";

/**
 * A Jekyll site: posts are the dated files in `_posts/`, a collection's documents are pages at the
 * collection's permalink, every other file is a page, each where Jekyll put it.
 */
export function jekyllFields(
  { file, site, data, front, name, layout, fail, warn }: Reading,
  fromFile: (key: string) => boolean,
  document: JekyllRules["document"] = undefined,
): Fields {
  const slug = jekyllSlug(data, name.slug ?? name.base);
  const collection = document?.collection ?? null;
  // Jekyll titles a post or a document that has none after its slug; a page after its file name.
  const title = readTitle(data.title, warn, titleizeSlug(layout === "post" || collection !== null ? slug : name.base));
  const raw = data.permalink;
  if (raw !== undefined && raw !== null && typeof raw !== "string") fail("permalink", "permalink must be text");
  const own = typeof raw === "string" && raw.trim() !== "" ? raw.trim() : null;
  if (collection !== null && document !== undefined) {
    const dateMs =
      data.date === undefined || data.date === null
        ? name.date === null
          ? null
          : parseDate(name.date, site.timezone)
        : readJekyllDate(data.date, front, fromFile, site, fail);
    const categories = readTerms(jekyllCategories("", data), "categories", fail);
    const outputExt = outputExtension(file.path);
    const url = documentUrl({
      collection,
      relative: document.relative,
      permalink: own,
      slug,
      setting: site.permalink,
      outputExt,
      categories,
    });
    const jekyllUrl = decodePercents(url).normalize("NFC");
    return { title, dateMs, categories, permalink: checked(servedPath(url, outputExt), fail), jekyll: { url: jekyllUrl } };
  }
  const path = document?.relative ?? file.path;
  if (layout === "page") {
    const dateMs = data.date === undefined || data.date === null ? null : readJekyllDate(data.date, front, fromFile, site, fail);
    const address = pageAddress({ file: file.path, permalink: own, setting: site.permalink });
    const categories = readTerms(jekyllCategories(file.path, data), "categories", warn);
    return { title, dateMs, categories, permalink: checked(address.path, fail), jekyll: { url: address.url } };
  }
  const dateMs =
    data.date === undefined || data.date === null
      ? parseDate(name.date ?? "", site.timezone)
      : readJekyllDate(data.date, front, fromFile, site, fail);
  const rawCategories = jekyllCategories(path, data);
  const categories = readTerms(rawCategories, "categories", warn);
  if (dateMs === null) return { title, dateMs, categories, permalink: "", jekyll: null };
  const address = postAddress({
    file: path,
    permalink: own,
    setting: site.permalink,
    date: dateMs,
    timeZone: site.timezone,
    slug,
    categories: rawCategories,
  });
  if ("unknown" in address) {
    const where = own !== null ? `permalink "${own}"` : `the site's permalink "${site.permalink}"`;
    fail(own !== null ? "permalink" : "date", `${where} uses :${address.unknown}, which is not a permalink placeholder`);
    return { title, dateMs, categories, permalink: "", jekyll: null };
  }
  return { title, dateMs, categories, permalink: checked(address.ok.path, fail), jekyll: { url: address.ok.url, id: address.ok.id } };
}

/** A served path must not hold control characters (a browser could never ask for it). */
function checked(path: string, fail: Fail): string {
  if (/[\u0000-\u001f\u007f]/.test(path)) fail("permalink", `the address ${JSON.stringify(path)} holds a control character`);
  return path;
}

function readJekyllDate(
  value: unknown,
  front: FrontMatter,
  fromFile: (key: string) => boolean,
  site: SiteConfig,
  fail: Fail,
): number | null {
  if (typeof value !== "string" && typeof value !== "number") {
    fail("date", "date must be text such as 2009-10-15 13:58:48 +0100");
    return null;
  }
  const ms = jekyllDate(String(value), fromFile("date") && front.plain.has("date"), site.timezone);
  if (ms === null) fail("date", `unparseable date "${String(value)}" (expected YYYY-MM-DD, optionally with time and zone)`);
  return ms;
}
