import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/routes/router.ts";
import { projectContent, publish } from "./helpers/site.ts";

const SEED = "/2009/10/sidekick-data-recovered-most-of-it-maybe-all/";
const app = createApp();
const get = (path: string, init: RequestInit = {}) => app.request(`http://blog.test${path}`, init, env);

beforeAll(async () => {
  await publish(projectContent());
});

describe("post pages", () => {
  it("serves the seed post at its front-matter permalink", async () => {
    const res = await get(SEED);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    const page = await res.text();
    expect(page).toContain("<h1>Sidekick data recovered (most of it, maybe all)</h1>");
    // WordPress's HTML block survives intact, entities as the author wrote them.
    expect(page).toContain(
      '<p style="text-align: justify;">\n  <a href="https://www.tiagoespinha.net/wp-content/uploads/2009/10/Batman-Robin-Photograph-C12150175.jpg"',
    );
    expect(page).toContain("don&#8217;t you T-Mobile?");
    expect(page).toContain("<blockquote>");
  });

  it("redirects the path without its trailing slash", async () => {
    const res = await get(SEED.slice(0, -1), { redirect: "manual" });
    expect(res.status).toBe(301);
    expect(res.headers.get("Location")).toBe(SEED);
  });

  it("derives a permalink from the date and file name when there is none", async () => {
    const res = await get("/2026/11/code-blocks/");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("<title>Code blocks &amp; syntax – Edge Notes</title>");
  });

  it("serves pages and links them from the navigation", async () => {
    const page = await (await get("/about/")).text();
    expect(page).toContain("<h1>About</h1>");
    expect(page).toContain('<a href="/about/" aria-current="page">About</a>');
  });

  it("answers HEAD like GET, without a body", async () => {
    const res = await get(SEED, { method: "HEAD" });
    expect(res.status).toBe(200);
    expect(res.headers.get("ETag")).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(await res.text()).toBe("");
  });
});

describe("home page", () => {
  it("lists posts newest first with title, date, author and excerpt", async () => {
    const page = await (await get("/")).text();
    const order = ["Pictures next to posts", "Code blocks &amp; syntax", "Writing posts in Markdown", "Sidekick data recovered"].map((t) =>
      page.indexOf(t),
    );
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(page).toContain('<time datetime="2009-10-15T13:58:48.000Z">October 15, 2009</time> · tiago');
    // The seed's teaser ends at <!--more-->, so it links on to the rest.
    expect(page).toContain(`<a class="more" href="${SEED}#more">`);
  });
});

describe("not found", () => {
  it("is a real 404 page", async () => {
    const res = await get("/no/such/page/");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("<h1>Page not found</h1>");
  });
});

describe("media", () => {
  it("serves images from the content folder with their type", async () => {
    const res = await get("/images/publish-flow.svg");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("image/svg+xml");
    expect(await res.text()).toContain("<svg");
  });
});
