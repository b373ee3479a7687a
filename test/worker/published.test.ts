import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/routes/router.ts";
import { contentOf, publish } from "./helpers/site.ts";

// Drafts in `_drafts/` never reach the build (the CLI's loader skips the folder; see test/node/cli).
const FILES: Record<string, string> = {
  "_posts/2020-01-01-visible.md": "---\ntitle: Visible\ncategories: [Notes]\n---\nShown.\n",
  "_posts/2020-01-02-hidden.md": "---\ntitle: Hidden flag\npublished: false\ncategories: [Notes]\n---\nNever.\n",
  "_posts/2020-01-03-status.md": "---\ntitle: Draft status\nstatus: draft\ncategories: [Notes]\n---\nNever.\n",
  "_posts/2020-01-04-other.md": "---\ntitle: Attachment\nlayout: attachment\ncategories: [Notes]\n---\nNever.\n",
  "about.md": "---\ntitle: About\nlayout: page\n---\nA page.\n",
};

const app = createApp();
const get = (path: string) => app.request(`http://blog.test${path}`, {}, env);

beforeAll(async () => {
  await publish(contentOf(FILES));
});

describe("what is published", () => {
  it("serves posts and pages only", async () => {
    // A Jekyll site (it has _posts/): Jekyll's default addresses, categories first.
    expect((await get("/notes/2020/01/01/visible.html")).status).toBe(200);
    expect((await get("/about.html")).status).toBe(200);
    for (const path of ["/notes/2020/01/02/hidden.html", "/notes/2020/01/03/status.html", "/notes/2020/01/04/other.html"]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it("leaves the unpublished out of lists, archives, feeds, search and the sitemap", async () => {
    for (const path of ["/", "/feed/", "/category/notes/", "/category/notes/feed/", "/2020/", "/2020/01/", "/sitemap.xml", "/?s=never"]) {
      const text = await (await get(path)).text();
      for (const hidden of [
        "Hidden flag",
        "Draft status",
        "Attachment",
        "/notes/2020/01/02/hidden.html",
        "/notes/2020/01/03/status.html",
      ]) {
        expect(text, path).not.toContain(hidden);
      }
    }
    expect(await (await get("/category/notes/")).text()).toContain("Visible");
    expect((await get("/2020/01/02/")).status).toBe(404);
  });
});
