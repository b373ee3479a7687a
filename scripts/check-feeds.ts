/**
 * Serves a content folder (default: content/) as it deploys and checks its RSS, Atom and JSON feeds
 * with independent tools (see lib/feed-checks.ts). Exit code 0 only when every check passes.
 * The real-content check (check-content.ts) runs the same checks.
 *
 *   npm run check:feeds -- [--content DIR] [--port 8921]
 */
import { checkFeeds } from "./lib/feed-checks.ts";
import { option, serveSite } from "./lib/serve-site.ts";

const argv = process.argv.slice(2);
const site = await serveSite({ content: option(argv, "content", "content"), port: Number(option(argv, "port", "8921")) });
try {
  const failures = await checkFeeds(site.get, (line) => console.log(line));
  for (const f of failures) console.error(`FAIL ${f}`);
  console.log(failures.length === 0 ? "Feeds: all checks passed." : `Feeds: ${failures.length} failures.`);
  process.exitCode = failures.length === 0 ? 0 : 1;
} finally {
  await site.close();
}
