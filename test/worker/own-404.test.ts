/**
 * A site's own 404 page naming one of its theme's layouts: drawn in that layout with its own title, as
 * Jekyll draws it, still answered with 404 and the not-found cache policy.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/routes/router.ts";
import { publish, themeFixture } from "./helpers/site.ts";

const app = createApp();
const get = (path: string) => app.request(`http://blog.test${path}`, { redirect: "manual" }, env);

beforeAll(async () => {
  const site = themeFixture();
  site.files.push({
    path: "404.md",
    text: "---\nlayout: default\ntitle: 404 - Page not found\n---\nSorry, nothing is at *that* address.\n",
    inPosts: false,
  });
  await publish(site);
});

describe("a site's own 404 page in its theme", () => {
  it("is drawn in the layout it names, titled by its front matter, with status 404", async () => {
    const res = await get("/no/such/page/");
    expect(res.status).toBe(404);
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=60, stale-while-revalidate=60");
    const page = await res.text();
    expect(page).toContain("<title>404 - Page not found - Themed Fixture</title>");
    expect(page).toContain('<main class="frame"><p>Sorry, nothing is at <em>that</em> address.</p>');
    expect(page).toContain('var pageTitle = "404 - Page not found";');
    // Not the engine's frame: its heading says "Page not found" on its own.
    expect(page).not.toContain("<title>Page not found");
    // The theme's scripts are allowed, as on its other pages.
    expect(res.headers.get("Content-Security-Policy")).toContain(" stats.example.com ");
  });
});
