/**
 * What technical posts need on the served page: highlighted code from every source, linkable
 * headings, a table of contents, footnotes, reading time, related posts, image sizes and the
 * preview image. Publishes fixture content of its own.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/routes/router.ts";
import { contentOf, publish } from "./helpers/site.ts";

const app = createApp();
const get = (path: string) => app.request(`http://blog.test${path}`, {}, env);

const GUIDE = `---
title: Tuning the cache
date: 2026-03-01 09:00
tags: [cache, workers]
categories: [Guides]
---
Opening words[^1].

<!--more-->

## Measure first

\`\`\`js
const hits = stats.filter((s) => s.cached).length;
\`\`\`

## Keep keys stable

<pre class="brush: bash; title: ; notranslate" title="">curl -sI https://blog.test/ | grep -i etag &gt; out.txt</pre>

## Expire on purpose

[code lang="python"]print("hello")[/code]

## Read the numbers

![The hit rate over a day](/images/hits.svg)

[^1]: Measured on a quiet machine.
`;

const post = (title: string, date: string, tags: string) => `---\ntitle: ${title}\ndate: ${date}\ntags: [${tags}]\n---\nA short one.\n`;

beforeAll(async () => {
  const content = contentOf({
    "posts/2026-03-01-tuning-the-cache.md": GUIDE,
    "posts/2026-02-01-cache-basics.md": post("Cache basics", "2026-02-01", "cache, workers"),
    "posts/2026-01-01-workers-intro.md": post("Workers intro", "2026-01-01", "workers"),
    "posts/2025-01-01-gardening.md": post("Gardening", "2025-01-01", "plants"),
  });
  content.media.push({
    path: "images/hits.svg",
    bytes: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 300"></svg>'),
  });
  await publish(content);
});

describe("a technical post as served", () => {
  it("highlights fenced code, SyntaxHighlighter blocks and code shortcodes", async () => {
    const page = await (await get("/2026/03/tuning-the-cache/")).text();
    expect(page).toContain('<pre><code class="hljs language-js"><span class="hljs-keyword">const</span> hits');
    expect(page).toContain('<pre><code class="hljs language-bash">curl -sI https://blog.test/ | grep -i etag &gt; out.txt\n</code></pre>');
    expect(page).toContain('<pre><code class="hljs language-python"><span class="hljs-built_in">print</span>');
    expect(page).toContain(".hljs-keyword,");
  });

  it("gives headings ids and links, shows the contents, and links footnotes both ways", async () => {
    const page = await (await get("/2026/03/tuning-the-cache/")).text();
    expect(page).toContain(
      '<h2 id="measure-first">Measure first<a class="anchor" href="#measure-first" aria-label="Link to section: Measure first">#</a></h2>',
    );
    expect(page).toContain('<nav id="contents" class="toc" aria-label="Contents"><details open><summary>Contents</summary><ol>');
    expect(page).toContain('<li><a href="#read-the-numbers">Read the numbers</a></li>');
    expect(page).toContain('<a id="footnote-ref-1" href="#footnote-1"');
    expect(page).toContain('<li id="footnote-1">');
    expect(page).toContain('<a href="#footnote-ref-1" data-footnote-backref aria-label="Back to reference 1">');
  });

  it("shows reading time, related posts by shared tags, and sizes the site's own images", async () => {
    const page = await (await get("/2026/03/tuning-the-cache/")).text();
    expect(page).toContain(" · 1 min read</p>");
    const related = /<nav class="related"[\s\S]*?<\/nav>/.exec(page)?.[0] ?? "";
    expect(related).toContain('<a href="/2026/02/cache-basics/">Cache basics</a> <time datetime="2026-02-01T00:00:00.000Z">');
    expect(related.indexOf("Cache basics")).toBeLessThan(related.indexOf("Workers intro"));
    expect(related).not.toContain("Gardening");
    expect(related).not.toContain("Tuning the cache");
    expect(page).toContain('<img width="800" height="300" src="/images/hits.svg" alt="The hit rate over a day"');
    expect(page).toContain('<meta property="og:image" content="http://blog.test/images/hits.svg">');
  });

  it("shows reading time in lists, and keeps heading links out of feeds and excerpts", async () => {
    const home = await (await get("/")).text();
    expect(home).toMatch(/<time datetime="2026-03-01T09:00:00.000Z">March 1, 2026<\/time> · 1 min read<\/p>/);
    // The teaser's footnote leads to the post, and carries no id that another teaser could repeat.
    expect(home).toContain('<a href="/2026/03/tuning-the-cache/#footnote-1" data-footnote-ref="">1</a>');
    const feed = await (await get("/feed/")).text();
    expect(feed).toContain('<h2 id="measure-first">Measure first</h2>');
    expect(feed).not.toContain('class="anchor"');
  });
});
