/**
 * Serves a content folder (default: content/) as it deploys and checks its RSS, Atom and JSON feeds
 * with independent tools (see lib/feed-checks.ts). Exit code 0 only when every check passes.
 * The real-content check (check-content.ts) runs the same checks.
 *
 *   npm run check:feeds -- [--content DIR] [--port 8921]
 */
import { parseArgs } from "node:util";
import { checkFeeds } from "./lib/feed-checks.ts";
import { runMain } from "./lib/run-main.ts";
import { serveSite, siteOptions } from "./lib/serve-site.ts";

async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: siteOptions(8921),
  });
  const site = await serveSite({ content: values.content, port: Number(values.port) });
  try {
    const failures = await checkFeeds(site.fetch, (line) => console.log(line));
    for (const f of failures) console.error(`FAIL ${f}`);
    console.log(failures.length === 0 ? "Feeds: all checks passed." : `Feeds: ${failures.length} failures.`);
    return failures.length === 0 ? 0 : 1;
  } finally {
    await site.close();
  }
}

runMain(() => main(process.argv.slice(2)));
