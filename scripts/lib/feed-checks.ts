/**
 * Checks a served site's three feeds with tools written by others: RSS and Atom through feedparser,
 * Atom against RFC 4287 with jing, and JSON Feed against 1.1's required fields.
 */
import { feedparser } from "./checkers.ts";
import { jingAtom } from "./feed-checkers.ts";
import { jsonFeedProblems } from "./json-feed-check.ts";

/** Every failure found in `/feed/`, `/feed/atom/` and `/feed.json`; empty when all pass. */
export async function checkFeeds(get: (path: string) => Promise<Response>, log: (line: string) => void): Promise<string[]> {
  const failures: string[] = [];
  const fetchText = async (path: string, type: string) => {
    const res = await getWithRetry(get, path);
    if (res.status !== 200) failures.push(`${path}: status ${res.status}`);
    if (!res.headers.get("Content-Type")?.startsWith(type)) failures.push(`${path}: Content-Type ${res.headers.get("Content-Type")}`);
    return res.text();
  };
  // Fetch everything before the checkers run: they block this process for seconds, long enough for
  // the server to close an idle keep-alive connection under a request about to reuse it.
  const rss = await fetchText("/feed/", "application/rss+xml");
  const atom = await fetchText("/feed/atom/", "application/atom+xml");
  const json = await fetchText("/feed.json", "application/feed+json");

  for (const [path, text, version] of [
    ["/feed/", rss, "rss20"],
    ["/feed/atom/", atom, "atom10"],
  ] as const) {
    const verdict = feedparser(text);
    log(`feedparser ${path}: ${verdict.version}, ${verdict.entries} entries, ${verdict.bozo ? "NOT well-formed" : "no error"}`);
    if (verdict.bozo) failures.push(`${path}: feedparser: ${verdict.reason}`);
    if (verdict.version !== version) failures.push(`${path}: feedparser reads it as "${verdict.version}", not ${version}`);
    if (verdict.entries === 0) failures.push(`${path}: no entries`);
  }

  const atomErrors = jingAtom(atom);
  log(`jing (RFC 4287 grammar) /feed/atom/: ${atomErrors.length} errors`);
  failures.push(...atomErrors.map((e) => `/feed/atom/: jing: ${e}`));

  let problems: string[];
  try {
    problems = jsonFeedProblems(JSON.parse(json));
  } catch (error) {
    problems = [`not JSON: ${String(error)}`];
  }
  log(`JSON Feed 1.1 fields /feed.json: ${problems.length} problems`);
  failures.push(...problems.map((p) => `/feed.json: ${p}`));
  return failures;
}

/** One retry when the connection itself fails (a keep-alive socket closed by the server), never on an HTTP answer. */
async function getWithRetry(get: (path: string) => Promise<Response>, path: string): Promise<Response> {
  try {
    return await get(path);
  } catch {
    return get(path);
  }
}
