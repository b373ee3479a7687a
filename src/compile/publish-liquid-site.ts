/**
 * What Liquid run at publish time outside posts (stylesheets, scripts, JSON and XML files) can reach:
 * the site's includes and files, posts and files by name, and no markdown or highlighter. `site.url`
 * and `site.baseurl` are empty, so what it writes stays on whichever address serves the site.
 */
import type { ContentFiles } from "../content/content-files.ts";
import type { LiquidSite } from "../theme/liquid/index.ts";
import { sitePlugins } from "../theme/liquid/plugins.ts";
import type { Drop } from "./liquid-scope.ts";

export interface PublishLiquidInput {
  content: ContentFiles;
  timezone: string;
  site: Drop;
  /** Served paths of posts by `_posts/` name, and of files by path (`{% post_url %}`, `{% link %}`). */
  postPaths: ReadonlyMap<string, string>;
  filePaths: ReadonlyMap<string, string>;
}

export function publishLiquidSite(input: PublishLiquidInput): LiquidSite {
  return {
    includes: new Map((input.content.includes ?? []).map((f) => [f.path, f.text])),
    files: new Map(input.content.files.map((f) => [f.path, f.text])),
    postUrl: (name) => input.postPaths.get(name) ?? null,
    link: (path) => input.filePaths.get(path) ?? null,
    url: "",
    baseurl: "",
    timezone: input.timezone,
    plugins: sitePlugins(input.site),
  };
}
