/**
 * Writes a synthetic blog of any size in the project's content format, for the benchmark. Post i is
 * the same file whatever the size, and posts are numbered newest first, so a 10-post site is exactly
 * the newest 10 posts of the 10,000-post one: the same requests ask for the same pages.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

export const CATEGORIES = ["Notes", "Travel", "Software", "Photography", "Reading", "Kitchen", "Garden", "Letters"];
const TAGS = ["edge", "kv", "markdown", "workers", "cache", "latency", "feeds", "wordpress", "jekyll", "css", "html", "rss"];
const WORDS =
  "the quick reader finds a page served from the edge while the cache keeps every release apart and the author publishes again".split(" ");

/** One path that exists in every generated site (post 5 is among the newest ten). */
export function benchPostPath(): string {
  return postPermalink(5);
}

/** The category archive of post 0, present in every generated site. */
export function benchCategoryPath(): string {
  return `/category/${slug(CATEGORIES[0] ?? "notes")}/`;
}

export async function generateSite(dir: string, count: number): Promise<void> {
  await mkdir(join(dir, "posts"), { recursive: true });
  await writeFile(
    join(dir, "_config.yml"),
    "title: Bench Blog\ndescription: A generated blog for the benchmark.\nlang: en\nauthor: Bench\npermalink: /:year/:month/:slug/\npaginate: 10\n",
  );
  for (let i = 0; i < count; i += 200) {
    await Promise.all(
      Array.from({ length: Math.min(200, count - i) }, (_, k) => {
        const n = i + k;
        return writeFile(join(dir, "posts", `${postDate(n).slice(0, 10)}-${postSlug(n)}.md`), postSource(n));
      }),
    );
  }
}

function postDate(n: number): string {
  // Newest first, six hours apart: 10,000 posts span about seven years.
  return new Date(Date.UTC(2026, 10, 1, 12) - n * 6 * 3_600_000).toISOString();
}

function postSlug(n: number): string {
  return `post-${n}-${WORDS[n % WORDS.length]}`;
}

function postPermalink(n: number): string {
  const date = postDate(n);
  return `/${date.slice(0, 4)}/${date.slice(5, 7)}/${postSlug(n)}/`;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

function sentence(seed: number, length: number): string {
  const words = Array.from({ length }, (_, k) => WORDS[(seed * 7 + k * 3) % WORDS.length]);
  const text = words.join(" ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraph(seed: number): string {
  return Array.from({ length: 5 }, (_, k) => sentence(seed + k, 12 + ((seed + k) % 9))).join(" ");
}

/** About 4 KB of Markdown mixing what real exports hold: HTML, entities, lists, code, a teaser break. */
function postSource(n: number): string {
  const category = CATEGORIES[n % CATEGORIES.length];
  const tags = [TAGS[n % TAGS.length], TAGS[(n + 5) % TAGS.length]];
  return `---
title: "Post ${n}: ${sentence(n, 5).slice(0, -1)}"
date: ${postDate(n)}
author: Bench
categories: [${category}]
tags: [${tags.join(", ")}]
---
${paragraph(n)}

<!--more-->

## What happened on day ${n}

${paragraph(n + 1)} It&#8217;s *emphasised*, **strong** and has [a link](https://example.com/${n}).

<p style="text-align: center;"><img src="https://example.com/img/${n}.jpg" alt="Picture ${n}" width="600" height="400" /></p>

- ${sentence(n + 2, 8)}
- ${sentence(n + 3, 9)}
- ${sentence(n + 4, 10)}

${paragraph(n + 5)}

\`\`\`js
export function answer(n) {
  return n * ${n % 97};
}
\`\`\`

> ${paragraph(n + 6)}

${paragraph(n + 7)}

1. ${sentence(n + 8, 7)}
2. ${sentence(n + 9, 7)}

${paragraph(n + 10)}
`;
}
