/**
 * The variables Liquid in a Jekyll site's posts and pages sees, as Jekyll 4.3 exposes them
 * (drops/site_drop.rb, document_drop.rb): `site` (every `_config.yml` key, then title, url,
 * baseurl, time, each collection's documents, posts newest first, pages, categories, tags,
 * collections, data) and `page` (the front matter with
 * url, date, id, path, categories, tags, excerpt, content, and for posts next and previous).
 */
import { parse as parseYaml } from "yaml";
import { type Post, templateUrl, UNDATED } from "../content/post.ts";
import { renderMarkdown } from "../markdown/marked.ts";
import { JekyllTime } from "../theme/liquid/jekyll-time.ts";
import { newestFirst } from "./post-order.ts";
import { collectionDocuments, collectionLabel, siteCollections } from "./site-collections.ts";

export type Drop = Record<string, unknown>;

export interface SiteScopeInput {
  config: Record<string, unknown>;
  title: string;
  description: string;
  /** What `site.url` and `site.baseurl` give: empty, so links stay on whichever address serves the site. */
  url: string;
  baseurl: string;
  /** `site.time`, epoch milliseconds. */
  time: number;
  /** The site's clock, which times are shown on (Ruby's Time#to_s when printed bare). */
  timezone: string;
  posts: readonly Post[];
  data: ReadonlyArray<{ path: string; text: string }>;
}

export interface LiquidScope {
  site: Drop;
  /** The `page` of one post or page. */
  page(post: Post): Drop;
}

export function liquidScope(input: SiteScopeInput): LiquidScope {
  const drops = new Map<Post, Drop>();
  const time = new JekyllTime(input.time, input.timezone);
  const made = (post: Post, ownContent?: string) =>
    documentDrop(post, { time, timezone: input.timezone, config: input.config }, ownContent);
  const dropOf = (post: Post): Drop => {
    let drop = drops.get(post);
    if (drop === undefined) {
      drop = made(post);
      drops.set(post, drop);
    }
    return drop;
  };
  // Jekyll's site.posts is newest first; undated pages are not posts.
  const posts = input.posts.filter((p) => p.layout === "post").sort(newestFirst);
  const pages = input.posts.filter((p) => p.layout === "page");
  const collections = collectionDocuments(input.config, input.posts, (p) => p);
  const docsOf = (label: string): Drop[] => (label === "posts" ? [...posts].reverse() : (collections.get(label) ?? [])).map(dropOf);
  const site: Drop = {
    ...input.config,
    // Jekyll's SiteDrop gives a collection's documents for its label before any config key of that name.
    ...Object.fromEntries([...collections.keys()].map((label) => [label, docsOf(label)])),
    title: input.title,
    description: input.description,
    url: input.url,
    baseurl: input.baseurl,
    time,
    posts: posts.map(dropOf),
    pages: pages.map(dropOf),
    html_pages: pages.map(dropOf),
    categories: byTerm(posts, (p) => p.categories, dropOf),
    tags: byTerm(posts, (p) => p.tags, dropOf),
    collections: siteCollections(input.config, docsOf),
    data: liquidDataOf(input.data),
  };
  return {
    site,
    page(post) {
      const index = posts.indexOf(post);
      // next is the newer post, previous the older (Jekyll's document.rb); only the page's own, so jsonify ends.
      const page = made(post, post.body);
      if (index >= 0) {
        const [newer, older] = [posts[index - 1], posts[index + 1]];
        page.next = newer === undefined ? null : dropOf(newer);
        page.previous = older === undefined ? null : dropOf(older);
      }
      return page;
    },
  };
}

interface DropSite {
  time: JekyllTime;
  timezone: string;
  config: Record<string, unknown>;
}

/** A post or page; `ownContent` is the text of the page being rendered (its `page.content`, before Markdown). */
function documentDrop(post: Post, site: DropSite, ownContent?: string): Drop {
  const drop: Drop = {
    ...post.fields,
    title: post.title,
    url: templateUrl(post),
    path: post.source,
    categories: post.categories,
    tags: post.tags,
    layout: post.themeLayout ?? null,
  };
  const collection = post.layout === "page" ? collectionLabel(post.source, site.config) : null;
  // A collection's document without a date of its own is dated site.time (Jekyll's document.rb); a page has none.
  if (post.date !== UNDATED) drop.date = new JekyllTime(Date.parse(post.date), site.timezone);
  else if (collection !== null) drop.date = site.time;
  if (post.jekyll?.id !== undefined) {
    drop.id = post.jekyll.id;
    drop.collection = "posts";
  }
  if (collection !== null) drop.collection = collection;
  const slug = /(?:\d{4}-\d\d-\d\d-)?([^/]+?)(?:\.[^./]+)?$/.exec(post.source)?.[1];
  if (slug !== undefined) drop.slug = slug;
  // Rendered only when a template reads them: most pages never do.
  let content = ownContent;
  const renderedContent = () => {
    content ??= renderMarkdown(post.body);
    return content;
  };
  Object.defineProperty(drop, "content", { enumerable: true, configurable: true, get: renderedContent });
  Object.defineProperty(drop, "excerpt", {
    enumerable: true,
    configurable: true,
    get: () => (post.excerpt !== null ? post.excerpt : renderMarkdown(post.body.split(/\r?\n\r?\n/)[0] ?? "")),
  });
  return drop;
}

/**
 * `site.tags` and `site.categories`: each name with its posts, newest first, the names in the order
 * Jekyll's hash gets them, walking the posts oldest first (Site#post_attr_hash). `posts` is newest first.
 */
function byTerm(posts: readonly Post[], terms: (p: Post) => readonly string[], dropOf: (p: Post) => Drop): Record<string, Drop[]> {
  const out: Record<string, Drop[]> = {};
  for (const post of [...posts].reverse()) {
    for (const term of terms(post)) {
      const list = out[term] ?? [];
      list.unshift(dropOf(post));
      out[term] = list;
    }
  }
  return out;
}

/** `_data/a/b.yml` as `site.data.a.b`. A file that does not parse was reported where the data is read. */
export function liquidDataOf(files: ReadonlyArray<{ path: string; text: string }>): Drop {
  const data: Drop = {};
  for (const file of files) {
    const parts = file.path
      .replace(/^_data\//, "")
      .replace(/\.[^./]+$/, "")
      .split("/");
    const name = parts.pop() ?? "";
    let folder = data;
    for (const part of parts) {
      const inner = (folder[part] ?? {}) as Drop;
      folder[part] = inner;
      folder = inner;
    }
    try {
      // Jekyll reads data with Psych, which takes YAML 1.1 merge keys (`<<: *DEFAULT_EN` in minimal-mistakes' ui-text.yml).
      folder[name] = parseYaml(file.text, { merge: true });
    } catch {
      folder[name] = null;
    }
  }
  return data;
}
