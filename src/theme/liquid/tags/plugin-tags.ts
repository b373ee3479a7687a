/**
 * Two small plugin tags themes use: jekyll-feed's `{% feed_meta %}` (a `<link>` to the site's Atom
 * feed at `feed.path`, feed.xml by default, titled with the site's title or name, as
 * lib/jekyll-feed/meta-tag.rb writes it) and jekyll-gist's `{% gist id [file] %}` (the gist's script
 * tag; Jekyll's `<noscript>` copy needs GitHub's API at build time, and is left out, as Jekyll leaves
 * it out when it cannot reach it or `gist.noscript` is false).
 */
import { type Context, Tag } from "liquidjs";
import { urlFilters } from "../filters/url-filters.ts";
import type { RenderState } from "../state.ts";

export function feedMetaTag(state: RenderState) {
  const { absolute_url } = urlFilters(state.site);
  return class FeedMeta extends Tag {
    render(ctx: Context): string {
      const site = record(ctx.getSync(["site"]));
      const feed = record(site.feed);
      const path = typeof feed.path === "string" && feed.path !== "" ? feed.path : "feed.xml";
      const title = site.title ?? site.name;
      const attributes: Array<[string, unknown]> = [
        ["type", "application/atom+xml"],
        ["rel", "alternate"],
        ["href", absolute_url(path)],
      ];
      if (title !== undefined && title !== null && title !== false) attributes.push(["title", title]);
      return `<link ${attributes.map(([k, v]) => `${k}=${xmlAttribute(String(v))}`).join(" ")} />`;
    }
  };
}

export class GistTag extends Tag {
  render(ctx: Context): string {
    // jekyll-gist: the id (`user/123` or a hash) and an optional file name; either may name a variable.
    const [, rawId = "", rawFile = ""] = /^(\S+|.*(?=\/).+)\s?(\S*)$/.exec(this.token.args.trim()) ?? [];
    if (rawId === "") throw new Error("gist: give the gist's id, as in {% gist user/1234567 file.md %}");
    const id = lookup(ctx, rawId.trim());
    const file = lookup(ctx, rawFile.trim());
    const url = `https://gist.github.com/${id}.js${file === "" ? "" : `?file=${file}`}`;
    return `<script src="${url}"> </script>`;
  }
}

/** A word that is a variable in scope stands for its value (jekyll-gist's `context.key?`). */
function lookup(ctx: Context, word: string): string {
  if (word === "") return "";
  const value = /^[\w.-]+$/.test(word) ? ctx.getSync(word.split(".")) : undefined;
  return value === undefined || value === null ? word : String(value);
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

/** Ruby's `encode(xml: :attr)`: the value in double quotes with &, <, > and " escaped. */
function xmlAttribute(value: string): string {
  return `"${value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")}"`;
}
