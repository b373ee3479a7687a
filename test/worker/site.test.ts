import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/routes/router.ts";
import { fixtureSite, publish } from "./helpers/site.ts";

const LOG = "/2009/10/the-lighthouse-keepers-log/";
const app = createApp();
const get = (path: string, init: RequestInit = {}) => app.request(`http://blog.test${path}`, init, env);

beforeAll(async () => {
  await publish(fixtureSite());
});

describe("post pages", () => {
  it("serves a WordPress export's post at its front-matter permalink", async () => {
    const res = await get(LOG);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    const page = await res.text();
    // The title's entity is the character it stands for, escaped once.
    expect(page).toContain("<h1>The lighthouse keeper’s log (most of it)</h1>");
    // WordPress's HTML block survives intact, entities as the author wrote them.
    expect(page).toContain('<p style="text-align: justify;">\n  <a href="https://old.example/wp-content/uploads/2009/10/lamp.jpg">');
    expect(page).toContain("we don&#8217;t give up");
    expect(page).toContain("<blockquote>");
  });

  it("redirects the path without its trailing slash", async () => {
    const res = await get(LOG.slice(0, -1), { redirect: "manual" });
    expect(res.status).toBe(301);
    expect(res.headers.get("Location")).toBe(LOG);
  });

  it("derives a permalink from the date and file name when there is none", async () => {
    const res = await get("/2026/11/tides-and-tables/");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("<title>Tides &amp; tables – Harbour Notes</title>");
  });

  it("serves pages and links them from the navigation", async () => {
    const page = await (await get("/about/")).text();
    expect(page).toContain("<h1>About</h1>");
    expect(page).toContain('<a href="/about/" aria-current="page">About</a>');
  });

  it("answers HEAD like GET, without a body", async () => {
    const res = await get(LOG, { method: "HEAD" });
    expect(res.status).toBe(200);
    expect(res.headers.get("ETag")).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(await res.text()).toBe("");
  });
});

describe("home page", () => {
  it("lists posts newest first with title, date, author and excerpt", async () => {
    const page = await (await get("/")).text();
    const order = ["Charts on the wall", "Fog signals", "Tides &amp; tables", "The lighthouse keeper’s log"].map((t) => page.indexOf(t));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(page).toContain('<time datetime="2009-10-15T13:58:48.000Z">October 15, 2009</time> · ana');
    // The log's teaser ends at <!--more-->, so it links on to the rest.
    expect(page).toContain(`<a class="more" href="${LOG}#more">`);
  });
});

describe("not found", () => {
  it("is a real 404 page", async () => {
    const res = await get("/no/such/page/");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("<h1>Page not found</h1>");
  });

  it("is what the Worker answers for a media path: media files are static assets, served before the Worker runs", async () => {
    expect((await get("/images/chart.svg")).status).toBe(404);
  });
});
