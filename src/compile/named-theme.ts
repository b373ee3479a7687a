/**
 * A theme the site only names: `theme:` (a gem, which Jekyll loads from the Ruby install) or
 * `remote_theme:` (jekyll-remote-theme: a GitHub repository, `owner/name[@ref]`), with no `_layouts/`
 * of the site's own. This engine bundles no gems and fetches nothing, so the built-in theme draws the
 * site; the author is told once, with where the theme's files are to copy into the site.
 */
import type { ContentFiles } from "../content/content-files.ts";
import type { Problem } from "../content/problem.ts";

/** The folders a Jekyll theme gem or repository holds (Jekyll's theme docs, "Overriding theme defaults"). */
const THEME_FOLDERS = "_layouts/ _includes/ _sass/ assets/";

export function namedThemeNote(content: ContentFiles, config: Record<string, unknown>): Problem | null {
  if ((content.layouts ?? []).length > 0 || content.config === null) return null;
  const file = content.config.path;
  const lineOf = (key: string) => {
    const index = content.config?.text.split("\n").findIndex((l) => l.startsWith(`${key}:`)) ?? -1;
    return index < 0 ? 1 : index + 1;
  };
  const gem = config.theme;
  if (typeof gem === "string" && gem.trim() !== "") {
    const name = gem.trim();
    return {
      file,
      line: lineOf("theme"),
      reason:
        `theme: ${name} is a gem this engine does not bundle, so the built-in theme draws the site; ` +
        `to keep ${name}'s look, copy its ${THEME_FOLDERS} into the site ` +
        `(they are in the folder \`bundle info --path ${name}\` prints, or on Debian in /usr/share/rubygems-integration/all/gems/${name}-*/)`,
    };
  }
  const remote = config.remote_theme;
  if (typeof remote === "string" && remote.trim() !== "") {
    const written = remote.trim();
    // jekyll-remote-theme reads `owner/name`, `owner/name@ref`, or a full GitHub URL.
    const [repo = written, ref] = written.replace(/^https?:\/\/github\.com\//, "").split("@");
    return {
      file,
      line: lineOf("remote_theme"),
      reason:
        `remote_theme: ${written} is a GitHub repository this engine does not fetch, so the built-in theme draws the site; ` +
        `to keep its look, copy ${THEME_FOLDERS} from https://github.com/${repo}${ref === undefined ? "" : ` (at ${ref})`} into the site`,
    };
  }
  return null;
}
