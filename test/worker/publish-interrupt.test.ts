/**
 * A publish killed at any write leaves the previous release served whole, and the next publish
 * completes and leaves no debris. Checked at every possible stopping point, through the real KV
 * binding and the real Worker app.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { compileSite } from "../../src/compile/compile-site.ts";
import type { SiteBuild } from "../../src/compile/types.ts";
import type { ContentFiles } from "../../src/content/content-files.ts";
import { encodePath } from "../../src/format/urls.ts";
import { type Release, valuesOf } from "../../src/model/release.ts";
import { bindingPort } from "../../src/store/binding-port.ts";
import { CURRENT_KEY, HISTORY_KEY, valueKey } from "../../src/store/keys.ts";
import { publishBuild } from "../../src/store/publish.ts";
import { Interrupted, interruptAfter } from "./helpers/failing-port.ts";
import { contentOf } from "./helpers/site.ts";
import { allKeys, clearNamespace, liveRelease, pathsOf, snapshot } from "./helpers/snapshot.ts";

const CONFIG = "title: Interrupted\nauthor: Ana\ntimezone: UTC\npaginate: 2\n";
const post = (title: string, date: string, body: string) => `---\ntitle: ${title}\ndate: ${date}\n---\n${body}\n`;

const A = contentOf(
  {
    "posts/2024-01-01-first.md": post("First", "2024-01-01", "One.\n\n<!--more-->\n\nMore."),
    "posts/2024-02-01-second.md": post("Second", "2024-02-01", "Two."),
    "posts/2024-03-01-third.md": post("Third", "2024-03-01", "Three."),
  },
  CONFIG,
);
const B = contentOf(
  {
    "posts/2024-01-01-first.md": post("First, revised", "2024-01-01", "One, again."),
    "posts/2024-03-01-third.md": post("Third", "2024-03-01", "Three."),
    "posts/2024-04-01-fourth.md": post("Fourth", "2024-04-01", "Four."),
  },
  CONFIG,
);

function build(content: ContentFiles): SiteBuild {
  const reading = compileSite(content);
  if (reading.build === null) throw new Error(JSON.stringify(reading.problems));
  return reading.build;
}

const port = bindingPort(env.BLOG);
const now = new Date("2026-11-25T12:00:00Z");
/** One kept release, so the clean-up after the switch deletes keys and can be interrupted too. */
const options = { now, dryRun: false, keep: 1 };

async function freshWithA(): Promise<Release> {
  await clearNamespace(env.BLOG);
  return (await publishBuild(port, build(A), options)).release;
}

/** Exactly what a clean store holding only `release` contains. */
function keysFor(release: Release): string[] {
  return [CURRENT_KEY, HISTORY_KEY, ...new Set(valuesOf(release).map(valueKey))].sort();
}

describe("a publish interrupted at every write", () => {
  it("serves the old release whole until the switch, and the next publish finishes cleanly", async () => {
    const releaseA = await freshWithA();
    const paths = [...new Set([...(await pathsOf(env.BLOG, releaseA)), ...[...build(B).pages.keys()].map(encodePath)])];
    const siteA = await snapshot(env.BLOG, paths);
    const counting = interruptAfter(port, Number.POSITIVE_INFINITY);
    const releaseB = (await publishBuild(counting, build(B), options)).release;
    const siteB = await snapshot(env.BLOG, paths);
    const total = counting.used;
    // Values, pointer, history and deletions of A's values: a stopping point before, at and after the switch.
    expect(total).toBeGreaterThanOrEqual(4);
    expect(siteB).not.toEqual(siteA);
    // The removed post stops answering once B is live; the added one starts.
    expect(siteA["/2024/02/second/"]?.status).toBe(200);
    expect(siteB["/2024/02/second/"]?.status).toBe(404);
    expect(siteA["/2024/04/fourth/"]?.status).toBe(404);
    expect(siteB["/2024/04/fourth/"]?.status).toBe(200);
    expect(await allKeys(env.BLOG)).toEqual(keysFor(releaseB));

    const outcomes = { old: 0, new: 0 };
    for (let n = 0; n < total; n++) {
      await freshWithA();
      await expect(publishBuild(interruptAfter(port, n), build(B), options)).rejects.toThrow(Interrupted);
      const live = await liveRelease(env.BLOG);
      if (live.id === releaseA.id) {
        outcomes.old++;
        expect(await snapshot(env.BLOG, paths), `stopped after ${n} writes`).toEqual(siteA);
      } else {
        outcomes.new++;
        expect(live.id).toBe(releaseB.id);
        expect(await snapshot(env.BLOG, paths), `stopped after ${n} writes`).toEqual(siteB);
      }
      await publishBuild(port, build(B), options);
      expect(await snapshot(env.BLOG, paths), `republished after a stop at ${n}`).toEqual(siteB);
      expect(await allKeys(env.BLOG), `debris after a stop at ${n}`).toEqual(keysFor(releaseB));
    }
    // Both sides of the switch were exercised: stops before it and stops in the clean-up after it.
    expect(outcomes.old).toBeGreaterThan(0);
    expect(outcomes.new).toBeGreaterThan(0);
  }, 120_000);
});
