import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/routes/router.ts";
import { contentOf, publish } from "./helpers/site.ts";

const app = createApp();
const get = (path: string) => app.request(`http://blog.test${path}`, {}, env);

const POST = `---
title: Leftovers
date: 2012-03-04 10:00:00
permalink: /2012/03/leftovers/
---
[caption id="attachment_7" align="alignleft" width="200"]<img src="/wp-content/uploads/cat.jpg" alt="A cat" width="200" height="150" /> The cat, asleep[/caption]

[youtube https://www.youtube.com/watch?v=dQw4w9WgXcQ]

[contact-form-7 id="1"]

\`[gallery]\` in code stays as written.
`;

beforeAll(async () => {
  await publish(contentOf({ "posts/2012-03-04-leftovers.md": POST }));
});

describe("WordPress shortcodes on a served post", () => {
  it("renders captions and videos, and leaves unknown shortcodes and code alone", async () => {
    const page = await (await get("/2012/03/leftovers/")).text();
    expect(page).toContain('<figure class="wp-caption alignleft" style="width:200px"><img src="/wp-content/uploads/cat.jpg"');
    expect(page).toContain("<figcaption>The cat, asleep</figcaption></figure>");
    expect(page).toContain('<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="YouTube video"');
    expect(page).toContain("<p>[contact-form-7 id=&quot;1&quot;]</p>");
    expect(page).toContain("<code>[gallery]</code> in code stays as written.");
  });

  it("puts the same rendering in the feeds, with absolute image addresses", async () => {
    const feed = (await (await get("/feed.json")).json()) as { items: Array<{ content_html: string }> };
    expect(feed.items[0]?.content_html).toContain(
      '<figure class="wp-caption alignleft" style="width:200px"><img src="http://blog.test/wp-content/uploads/cat.jpg"',
    );
  });
});
