/**
 * Serves a content folder (default: content/) as it deploys and checks its feeds with independent
 * tools: RSS and Atom through feedparser, Atom against RFC 4287 with jing, JSON Feed against 1.1's
 * required fields. Exit code 0 only when every check passes.
 *
 *   npm run check:feeds -- [--content DIR] [--port 8921]
 */
import { feedparser, jingAtom } from "./lib/feed-checkers.ts";
import { jsonFeedProblems } from "./lib/json-feed-check.ts";
import { option, serveSite } from "./lib/serve-site.ts";

export async function checkFeeds(get: (path: string) => Promise<Response>, log: (line: string) => void): Promise<string[]> {
  const failures: string[] = [];
  const fetchText = async (path: string, type: string) => {
    const res = await get(path);
    if (res.status !== 200) failures.push(`${path}: status ${res.status}`);
    if (!res.headers.get("Content-Type")?.startsWith(type)) failures.push(`${path}: Content-Type ${res.headers.get("Content-Type")}`);
    return res.text();
  };

  for (const [path, type, version] of [
    ["/feed/", "application/rss+xml", "rss20"],
    ["/feed/atom/", "application/atom+xml", "atom10"],
  ] as const) {
    const verdict = feedparser(await fetchText(path, type));
    log(`feedparser ${path}: version ${verdict.version}, ${verdict.entries} entries, bozo ${verdict.bozo}`);
    if (verdict.bozo) failures.push(`${path}: feedparser: ${verdict.reason}`);
    if (verdict.version !== version) failures.push(`${path}: feedparser reads it as ${verdict.version}, not ${version}`);
    if (verdict.entries === 0) failures.push(`${path}: no entries`);
  }

  const atomErrors = jingAtom(await fetchText("/feed/atom/", "application/atom+xml"));
  log(`jing /feed/atom/: ${atomErrors.length} errors`);
  failures.push(...atomErrors.map((e) => `/feed/atom/: jing: ${e}`));

  const json = await fetchText("/feed.json", "application/feed+json");
  let problems: string[];
  try {
    problems = jsonFeedProblems(JSON.parse(json));
  } catch (error) {
    problems = [`not JSON: ${String(error)}`];
  }
  log(`JSON Feed 1.1 /feed.json: ${problems.length} problems`);
  failures.push(...problems.map((p) => `/feed.json: ${p}`));
  return failures;
}

async function main(argv: readonly string[]): Promise<number> {
  const site = await serveSite({ content: option(argv, "content", "content"), port: Number(option(argv, "port", "8921")) });
  try {
    const failures = await checkFeeds(site.get, (line) => console.log(line));
    for (const f of failures) console.error(`FAIL ${f}`);
    console.log(failures.length === 0 ? "Feeds: all checks passed." : `Feeds: ${failures.length} failures.`);
    return failures.length === 0 ? 0 : 1;
  } finally {
    await site.close();
  }
}

if (import.meta.main ?? process.argv[1]?.endsWith("check-feeds.ts")) process.exitCode = await main(process.argv.slice(2));
