/**
 * The built-in theme is a Liquid theme looked up after the site's own files: the engine's search
 * results and 404 sit in a site's own `default` layout, a site that replaces one include keeps the rest
 * of the built-in theme, and a theme stored by an earlier version (not completed with the built-in
 * one) is completed by the Worker from its bundle.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { compileSite } from "../../src/compile/compile-site.ts";
import { createApp } from "../../src/routes/router.ts";
import { bundledTheme } from "../../src/routes/theme-drawing.ts";
import { bindingPort } from "../../src/store/binding-port.ts";
import { publishBuild } from "../../src/store/publish.ts";
import { contentOf, publish, themeFixture } from "./helpers/site.ts";

// A new app per request: no release kept from the publish before (the Worker reads the pointer at most every 5 s).
const get = (path: string) => createApp().request(`http://blog.test${path}`, { redirect: "manual" }, env);

const POST = "---\ntitle: A post\ndate: 2021-05-01\n---\nSome words about tides.\n";

describe("the built-in theme, looked up after the site's own theme", () => {
  it("frames search results and the 404 in the site's own default layout, allowing what it loads", async () => {
    await publish(themeFixture());
    const search = await get("/search/body/");
    const found = await search.text();
    expect(found).toContain('<body class="theme-teal">');
    expect(found).toContain('<main class="frame"><h1>Search results for \u201cbody\u201d</h1>');
    expect(search.headers.get("Content-Security-Policy")).toContain("https://fonts.example.net");
    const missing = await get("/no/such/page/");
    expect(missing.status).toBe(404);
    const page = await missing.text();
    expect(page).toContain('<body class="theme-teal">');
    expect(page).toContain("<h1>Page not found</h1>");
    expect(missing.headers.get("Content-Security-Policy")).toContain("cdn.example.org");
  });

  it("keeps every built-in part but the include a site replaces", async () => {
    const content = contentOf({ "_posts/2021-05-01-a-post.md": POST });
    content.includes = [{ path: "footer.html", text: '<footer class="mine">{{ site.title | escape }} by us</footer>' }];
    // As the CLI publishes: with the built-in theme, whose include names tell an override from an include for posts.
    const now = new Date("2026-11-25T12:00:00Z");
    const reading = compileSite(content, {}, now.getTime(), {}, undefined, bundledTheme());
    if (!reading.build) throw new Error(reading.problems.map((p) => p.reason).join("\n"));
    await publishBuild(bindingPort(env.BLOG), reading.build, { now, dryRun: false });
    const res = await get("/2021/05/01/a-post.html");
    const page = await res.text();
    expect(page).toContain('<footer class="mine">My Blog by us</footer>');
    expect(page).not.toContain('<footer class="site">');
    expect(page).toContain('<header class="site">');
    expect(page).toContain("<p>Some words about tides.</p>");
  });

  it("leaves a site whose includes replace nothing of the built-in theme without a stored theme", async () => {
    const content = contentOf({ "_posts/2021-05-01-a-post.md": POST });
    content.includes = [{ path: "note.html", text: "<aside>note</aside>" }];
    const reading = compileSite(content, {}, Date.parse("2026-11-25T12:00:00Z"), {}, undefined, bundledTheme());
    expect(reading.build?.theme).toBeUndefined();
  });

  it("serves a theme as stored by an earlier version, and as stored now, alike", async () => {
    const now = new Date("2026-11-25T12:00:00Z");
    const earlier = compileSite(themeFixture(), {}, now.getTime());
    const current = compileSite(themeFixture(), {}, now.getTime(), {}, undefined, bundledTheme());
    expect(earlier.build?.theme?.withBuiltIn).toBeUndefined();
    expect(current.build?.theme?.withBuiltIn).toBe(true);
    expect(Object.keys(current.build?.theme?.layouts ?? {})).toEqual(expect.arrayContaining(["list", "search", "404", "post"]));
    const pages: string[] = [];
    const ids: string[] = [];
    for (const build of [earlier.build, current.build]) {
      if (!build) throw new Error("no build");
      ids.push((await publishBuild(bindingPort(env.BLOG), build, { now, dryRun: false })).release.id);
      pages.push(await (await get("/tag/t1/")).text());
    }
    // The stored theme differs (completed or not), so the second publish is a release of its own.
    expect(ids[1]).not.toBe(ids[0]);
    expect(pages[0]).toContain('<main class="frame"><h1>Tag: t1</h1>');
    expect(pages[1]).toBe(pages[0]);
  });

  it("includes the site's _includes/custom-head.html in every page's head, its script and hosts allowed", async () => {
    const content = contentOf({ "_posts/2021-05-01-a-post.md": POST });
    const head = '<script>window.hello = 1;</script><link rel="stylesheet" href="https://fonts.example.net/x.css">';
    content.includes = [{ path: "custom-head.html", text: head }];
    const now = new Date("2026-11-25T12:00:00Z");
    const reading = compileSite(content, {}, now.getTime(), {}, undefined, bundledTheme());
    if (!reading.build) throw new Error(reading.problems.map((p) => p.reason).join("\n"));
    await publishBuild(bindingPort(env.BLOG), reading.build, { now, dryRun: false });
    for (const path of ["/2021/05/01/a-post.html", "/", "/no/such/page/"]) {
      const res = await get(path);
      expect(await res.text()).toContain(`${head}\n</head>`);
      const csp = res.headers.get("Content-Security-Policy") ?? "";
      expect(csp).toContain("'sha256-");
      expect(csp).toContain("https://fonts.example.net");
    }
  });

  it("links the site's assets/css/custom.css after the built-in styles", async () => {
    const content = contentOf({ "_posts/2021-05-01-a-post.md": POST }, null, { "assets/css/custom.css": "body{color:red}" });
    await publish(content);
    const page = await (await get("/2021/05/01/a-post.html")).text();
    expect(page).toContain('</style><link rel="stylesheet" href="/assets/css/custom.css">\n</head>');
    await publish(contentOf({ "_posts/2021-05-01-a-post.md": POST }));
    expect(await (await get("/2021/05/01/a-post.html")).text()).not.toContain("custom.css");
  });
});
