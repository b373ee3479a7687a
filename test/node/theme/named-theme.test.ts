/**
 * A Jekyll site that only names its theme (`theme:` for a gem, `remote_theme:` for a GitHub
 * repository) and brings none of its files: the built-in theme draws it, and the publish says so in
 * one line that names the theme and how to copy its files into the site.
 */
import { describe, expect, it } from "vitest";
import { runCli, tempFolder } from "../helpers/cli.ts";

const POST = "---\ntitle: Hello\nlayout: post\n---\nBody.\n";

async function publish(config: string, extra: Record<string, string> = {}) {
  const root = tempFolder({ "_config.yml": config, "_posts/2020-01-02-hello.md": POST, ...extra });
  const run = await runCli(["publish", "--content", root, "--dry-run"], { cwd: "/" });
  expect(run.code).toBe(0);
  return run.stderr.filter((line) => /theme/.test(line));
}

describe("a theme the site only names", () => {
  it("names a gem theme and where its files are to copy", async () => {
    const lines = await publish("title: Named\ntheme: minima\n");
    expect(lines).toEqual([
      "_config.yml:2: warning: theme: minima is a gem this engine does not bundle, so the built-in theme draws the site; " +
        "to keep minima's look, copy its _layouts/ _includes/ _sass/ assets/ into the site " +
        "(they are in the folder `bundle info --path minima` prints, or on Debian in /usr/share/rubygems-integration/all/gems/minima-*/)",
    ]);
  });

  it("names a remote theme and its repository", async () => {
    const lines = await publish("title: Named\nremote_theme: mmistakes/minimal-mistakes@4.24.0\n");
    expect(lines).toEqual([
      "_config.yml:2: warning: remote_theme: mmistakes/minimal-mistakes@4.24.0 is a GitHub repository this engine does not fetch, so the built-in theme draws the site; " +
        "to keep its look, copy _layouts/ _includes/ _sass/ assets/ from https://github.com/mmistakes/minimal-mistakes (at 4.24.0) into the site",
    ]);
  });

  it("says nothing when the site brings its own layouts", async () => {
    const lines = await publish("title: Named\ntheme: minima\n", { "_layouts/post.html": "<main>{{ content }}</main>\n" });
    expect(lines).toEqual([]);
  });
});
