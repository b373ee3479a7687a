/**
 * An author's own CSP allowances: a `csp:` mapping in a post's front matter or in `_config.yml`,
 * directive to sources, for embeds the HTML alone does not reveal (a script that loads a frame from
 * another host, say):
 *
 *   csp:
 *     frame-src: [https://www.youtube-nocookie.com]
 *     script-src: https://platform.twitter.com
 *
 * Only hosts and schemes are accepted: a keyword such as 'unsafe-inline' would switch the protection
 * off for every page, and anything else could inject into the header.
 */
import { splitFrontMatter } from "../../content/front-matter.ts";
import type { Problem } from "../../content/problem.ts";
import { CSP_DIRECTIVES, type CspDirective, type PageCsp } from "../../model/csp.ts";

const SOURCE = /^((https?|wss?):\/\/)?(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:(\d{1,5}|\*))?$|^(https?|wss?|data|blob):$/i;

export type Allowance = { ok: PageCsp } | { problems: Problem[] };

export const NO_ALLOWANCE: PageCsp = { scripts: [], handlers: [], sources: {} };

export function parseAllowance(value: unknown, file: string, line: number): Allowance {
  if (value === undefined || value === null) return { ok: NO_ALLOWANCE };
  const fail = (reason: string): Allowance => ({ problems: [{ file, line, reason }] });
  if (typeof value !== "object" || Array.isArray(value)) {
    return fail(`csp must map directives to sources, e.g. csp: { frame-src: [https://www.youtube.com] }`);
  }
  const sources: Partial<Record<CspDirective, string[]>> = {};
  const problems: Problem[] = [];
  for (const [key, raw] of Object.entries(value)) {
    if (!(CSP_DIRECTIVES as readonly string[]).includes(key)) {
      problems.push({ file, line, reason: `csp directive "${key}" is not one an author can widen (use ${CSP_DIRECTIVES.join(", ")})` });
      continue;
    }
    const list = typeof raw === "string" ? raw.split(/\s+/).filter(Boolean) : raw;
    if (!Array.isArray(list) || list.some((s) => typeof s !== "string")) {
      problems.push({ file, line, reason: `csp ${key} must be a source or a list of sources` });
      continue;
    }
    for (const source of list as string[]) {
      if (!SOURCE.test(source)) {
        problems.push({ file, line, reason: `csp ${key} source "${source}" is not a host or scheme such as https://www.youtube.com` });
      }
    }
    sources[key as CspDirective] = [...new Set(list as string[])].sort();
  }
  return problems.length > 0 ? { problems } : { ok: { scripts: [], handlers: [], sources } };
}

/** The site-wide allowance from `_config.yml`, if it has a `csp:` key. */
export function siteAllowance(config: { path: string; text: string } | null): Allowance {
  if (config === null) return { ok: NO_ALLOWANCE };
  const parsed = splitFrontMatter(config.path, `---\n${config.text.replace(/^---\s*\n/, "")}\n---\n`);
  // Syntax errors in the config are reported by the site config reader already.
  if (parsed === null || "problems" in parsed) return { ok: NO_ALLOWANCE };
  const line = Math.max(1, (parsed.ok.lines.csp ?? 2) - 1);
  return parseAllowance(parsed.ok.data.csp, config.path, line);
}
