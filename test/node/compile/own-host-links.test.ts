/**
 * Links to the blog's own old host (its `url:`, http or https, with or without www) are written as
 * root-relative links when the site is published, so every address the site is served at shows its
 * own files; links to other hosts, and addresses shown as text, stay as written.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../../src/cli/load-content.ts";
import { compileSite } from "../../../src/compile/compile-site.ts";
import { ownSite, rootRelativeLinks } from "../../../src/compile/own-host-links.ts";

const FIXTURE = join(import.meta.dirname, "../../fixtures/own-host");

describe("links to the site's own old host", () => {
  const own = ownSite(["https://www.blog.example"], "");

  it.each([
    ['<a href="https://www.blog.example/2015/03/log/">', '<a href="/2015/03/log/">'],
    ['<a href="http://blog.example/2015/03/log/#end">', '<a href="/2015/03/log/#end">'],
    ['<a href="HTTPS://WWW.Blog.Example/?p=12&amp;x=1">', '<a href="/?p=12&amp;x=1">'],
    ['<a href="https://www.blog.example">', '<a href="/">'],
    ["<a href='//blog.example/feed/'>", "<a href='/feed/'>"],
    ["<a href=https://blog.example/about/>", "<a href=/about/>"],
    [
      '<img src="https://www.blog.example/a.png" alt="https://www.blog.example/a.png">',
      '<img src="/a.png" alt="https://www.blog.example/a.png">',
    ],
    ['<img srcset="https://blog.example/a.png 1x, https://www.blog.example/a@2x.png 2x">', '<img srcset="/a.png 1x, /a@2x.png 2x">'],
    ['<p style="background:url(&quot;https://blog.example/bg.jpg&quot;)">', '<p style="background:url(&quot;/bg.jpg&quot;)">'],
    ['<p style="background:url(https://www.blog.example/bg.jpg)">', '<p style="background:url(/bg.jpg)">'],
    // Other hosts, other schemes and hosts that only begin like the site's stay as they are.
    ['<a href="https://blog.example.org/a/">', '<a href="https://blog.example.org/a/">'],
    ['<a href="https://cdn.blog.example/a.png">', '<a href="https://cdn.blog.example/a.png">'],
    ['<a href="ftp://blog.example/a.png">', '<a href="ftp://blog.example/a.png">'],
    ['<a href="mailto:me@blog.example">', '<a href="mailto:me@blog.example">'],
    // Text, comments and scripts are not links.
    ["<p>https://www.blog.example/a/</p>", "<p>https://www.blog.example/a/</p>"],
    ['<!-- <a href="https://blog.example/a/"> -->', '<!-- <a href="https://blog.example/a/"> -->'],
    [
      '<script>var u = "<a href=\\"https://blog.example/a/\\">";</script>',
      '<script>var u = "<a href=\\"https://blog.example/a/\\">";</script>',
    ],
  ])("%s", (html, expected) => {
    expect(rootRelativeLinks(html, own)).toBe(expected);
  });

  it("takes the site's baseurl off its links, and only a whole first segment", () => {
    const based = ownSite(["https://blog.example"], "/notes");
    expect(rootRelativeLinks('<a href="https://blog.example/notes/2015/x/">', based)).toBe('<a href="/2015/x/">');
    expect(rootRelativeLinks('<a href="https://blog.example/notes">', based)).toBe('<a href="/">');
    expect(rootRelativeLinks('<a href="https://blog.example/notes?p=1">', based)).toBe('<a href="/?p=1">');
    expect(rootRelativeLinks('<a href="https://blog.example/notebook/">', based)).toBe('<a href="/notebook/">');
  });

  it("rewrites the host's links wherever they are in a long page, and copies the rest as it stands", () => {
    const filler = '<li><a href="/x/">x</a></li>\n'.repeat(200);
    const html =
      `<link href="https://blog.example/main.css">${filler}<p>https://blog.example/a/</p>` +
      `<img src="HTTP://WWW.BLOG.EXAMPLE/b.png">${filler}<script>location = "https://blog.example/";</script>${filler}`;
    expect(rootRelativeLinks(html, own)).toBe(
      `<link href="/main.css">${filler}<p>https://blog.example/a/</p><img src="/b.png">${filler}` +
        `<script>location = "https://blog.example/";</script>${filler}`,
    );
  });

  it("reads a host spelled with the Kelvin sign as its K, as it reads any case", () => {
    const kiosk = ownSite(["https://kiosk.example"], "");
    const html = '<a href="https://kiosk.example/a/"></a><a href="https://\u212Aiosk.example/b/"></a>';
    expect(rootRelativeLinks(html, kiosk)).toBe('<a href="/a/"></a><a href="/b/"></a>');
  });

  it("knows no host when the site names none", () => {
    expect(rootRelativeLinks('<a href="https://blog.example/a/">', ownSite([], ""))).toBe('<a href="https://blog.example/a/">');
  });

  it("publishes a Jekyll site's posts with its own files linked root-relative", async () => {
    const reading = compileSite(await loadContent(FIXTURE), {}, Date.parse("2026-01-01T00:00:00Z"));
    expect(reading.problems).toEqual([]);
    const page = reading.build?.pages.get("/2015/03/04/lamp-room.html");
    if (page?.model.kind !== "post") throw new Error(`no post page: ${[...(reading.build?.pages.keys() ?? [])].join(" ")}`);
    const html = page.model.html;
    expect(html).toContain('<a href="/wp-content/uploads/2015/03/lens.png">');
    // Sized too: the file is the site's own.
    expect(html).toMatch(
      /<img width="2" height="1" src="\/wp-content\/uploads\/2015\/03\/lens\.png" srcset="\/wp-content\/uploads\/2015\/03\/lens\.png 1x, \/wp-content\/uploads\/2015\/03\/lens\.png 2x"/,
    );
    expect(html).toContain("background: url('/wp-content/uploads/2015/03/lens.png') no-repeat");
    expect(html).toContain('<a href="/2015/03/log/">the log</a>');
    expect(html).toContain('<a href="/?p=12">the first post</a>');
    expect(html).toContain('<a href="/">the home page</a>');
    expect(html).toContain('href="https://www.lighthouse.example.org/wp-content/uploads/x.png"');
    // Shown as code, it stays as the author wrote it.
    expect(html).toContain("https://www.lighthouse.example/wp-content/uploads/2015/03/lens.png");
    expect(html.match(/(?:src|href|srcset)="[^"]*lighthouse\.example\//g)).toBeNull();
  });
});
