/**
 * A backup restored into an empty namespace serves byte-identical answers on every route, and a
 * damaged backup is refused before anything is written.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { backupLines, restoreBackup } from "../../src/store/backup.ts";
import { BackupError, readBackup } from "../../src/store/backup-format.ts";
import { bindingPort } from "../../src/store/binding-port.ts";
import { parseHistory } from "../../src/store/history.ts";
import { HISTORY_KEY } from "../../src/store/keys.ts";
import { readHistory } from "../../src/store/rollback.ts";
import { contentOf, publish } from "./helpers/site.ts";
import { allKeys, clearNamespace, liveRelease, pathsOf, snapshot } from "./helpers/snapshot.ts";

let lines: string[] = [];

const post = (title: string, date: string, tags: string, body: string) =>
  `---\ntitle: ${title}\ndate: ${date}\ncategories: [Notes]\ntags: [${tags}]\n---\n${body}\n`;
const SITE: Record<string, string> = {
  "_posts/2026-10-01-first.md": post(
    "First",
    "2026-10-01",
    "kv",
    "Opening words.\n\n<!--more-->\n\nThe rest, with a note[^1].\n\n[^1]: The note.",
  ),
  "_posts/2026-10-08-second.md": post("Second", "2026-10-08", "kv, code", "```js\nconst answer = 42;\n```\n\n![A dot](/images/dot.svg)"),
  "_posts/2026-11-12-third.md": post("Third", "2026-11-12T08:00:00Z", "code", "## One\n\n## Two\n\n## Three\n\n## Four"),
  "about.md": "---\ntitle: About\nlayout: page\npermalink: /about/\n---\nA page.\n",
};

beforeAll(async () => {
  await clearNamespace(env.BLOG);
  await clearNamespace(env.RESTORED);
  // Two releases, so the backup carries history and a release that is not live.
  const content = contentOf(SITE, "title: Restored\npaginate: 2\n");
  content.media.push({
    path: "images/dot.svg",
    bytes: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"/>'),
  });
  await publish({ ...content, files: content.files.slice(1) }, { now: new Date("2026-11-20T10:00:00Z") });
  await publish(content);
  lines = [];
  for await (const line of backupLines(bindingPort(env.BLOG), new Date("2026-11-25T13:00:00Z"))) lines.push(line);
});

describe("backup and restore", () => {
  it("restores into an empty namespace with byte-identical answers on every route", async () => {
    const release = await liveRelease(env.BLOG);
    const paths = await pathsOf(env.BLOG, release);
    expect(paths.length).toBeGreaterThan(8);
    const before = await snapshot(env.BLOG, paths);
    expect(Object.values(before).filter((a) => a.status === 200).length).toBeGreaterThan(5);

    const backup = await readBackup(lines, "site.backup");
    await restoreBackup(bindingPort(env.RESTORED), backup, { force: false });

    expect(await snapshot(env.RESTORED, paths)).toEqual(before);
    expect(await allKeys(env.RESTORED)).toEqual(await allKeys(env.BLOG));
    for (const key of await allKeys(env.BLOG)) expect(await env.RESTORED.get(key, "text"), key).toBe(await env.BLOG.get(key, "text"));
    // Every kept release came along: the restored history still has both.
    const history = parseHistory(backup.entries.find((e) => e.key === HISTORY_KEY)?.value ?? null);
    expect(history).toHaveLength(2);
    expect((await readHistory(bindingPort(env.RESTORED))).history.map((r) => r.id)).toEqual(history.map((r) => r.id));
  });

  it("refuses a restore over a published site unless forced", async () => {
    const backup = await readBackup(lines, "site.backup");
    await expect(restoreBackup(bindingPort(env.BLOG), backup, { force: false })).rejects.toThrow(/already holds a published site/);
  });

  it("refuses corrupt, truncated and reordered backups before writing anything", async () => {
    const middle = Math.floor(lines.length / 2);
    const flipped = [...lines];
    flipped[middle] = (flipped[middle] ?? "").replace(/"value":"(.)/, (_, c: string) => `"value":"${c === "x" ? "y" : "x"}`);
    const cases: Array<[string, string[], RegExp]> = [
      ["a changed value", flipped, new RegExp(`site.backup:${middle + 1}: value of .* does not match its sha256`)],
      ["a lost end", lines.slice(0, -1), /truncated \(no end record\)/],
      ["a cut line", [...lines.slice(0, -2), (lines.at(-2) ?? "").slice(0, 40)], /not a JSON record/],
      ["a lost entry", [...lines.slice(0, 2), ...lines.slice(3)], /end record counts/],
      ["swapped lines", [lines[0] ?? "", lines[2] ?? "", lines[1] ?? "", ...lines.slice(3)], /checksum mismatch/],
      ["an empty file", [], /empty/],
      ["another file", ['{"hello":"world"}'], /not an edgepress backup/],
    ];
    await clearNamespace(env.RESTORED);
    for (const [what, damaged, message] of cases) {
      const attempt = readBackup(damaged, "site.backup");
      await expect(attempt, what).rejects.toThrow(BackupError);
      await expect(attempt, what).rejects.toThrow(message);
    }
    expect(await allKeys(env.RESTORED)).toEqual([]);
  });
});
