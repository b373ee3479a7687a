import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/routes/router.ts";
import { CURRENT_KEY, VALUE_PREFIX } from "../../src/store/keys.ts";
import { contentOf, publish } from "./helpers/site.ts";

const post = (fm: string, body: string) => `---\n${fm}\n---\n${body}\n`;
const FILES: Record<string, string> = {
  "posts/2010-04-14-ash.md": post(
    "title: The ash cloud over Europe\ndate: 2010-04-14T10:00:00Z\ntags: [Eyjafjallajökull]",
    "Flights were cancelled all over the continent while the volcano kept erupting.",
  ),
  "posts/2010-05-01-volcano.md": post(
    "title: Flights again\ndate: 2010-05-01T10:00:00Z",
    "The volcano is quiet. A long paragraph about flights, airports and the volcano once more.",
  ),
  "posts/2011-01-01-tokyo.md": post("title: 東京の旅\ndate: 2011-01-01T10:00:00Z", "東京都に住んでいます。毎日新しい発見があります。"),
  "posts/2011-02-01-cafe.md": post("title: Café culture\ndate: 2011-02-01T10:00:00Z", "Naïve notes from a café in Reykjavík."),
};
for (let i = 1; i <= 12; i++) {
  FILES[`posts/2012-01-${String(i).padStart(2, "0")}-many-${i}.md`] = post(
    `title: Many ${i}\ndate: 2012-01-${String(i).padStart(2, "0")}`,
    "Common word: zebra.",
  );
}

/** Counts the KV reads a request makes, to show a search never reads every post. */
function countingEnv() {
  const reads: string[] = [];
  const kv = new Proxy(env.BLOG, {
    get(target, prop) {
      if (prop === "get")
        return (key: string, type: "text") => {
          reads.push(key);
          return target.get(key, type);
        };
      return Reflect.get(target, prop);
    },
  });
  return { env: { ...env, BLOG: kv }, reads };
}

let app = createApp();
const get = (path: string, e: object = env) => app.request(`http://blog.test${path}`, {}, e);
const titles = (page: string) => [...page.matchAll(/<h2 class="entry-title"><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);

beforeAll(async () => {
  await publish(contentOf(FILES));
});

describe("search", () => {
  it("answers WordPress's /?s= with ranked results, title matches first", async () => {
    const res = await get("/?s=volcano");
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(titles(page)).toEqual(["Flights again", "The ash cloud over Europe"]);
    expect(page).toContain("<title>Search results for “volcano” – My Blog</title>");
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(page).toContain("2 posts found.");
  });

  it("answers /search/term/ the same way and marks the words found", async () => {
    const page = await (await get("/search/ash%20cloud/")).text();
    expect(titles(page)).toEqual(["The ash cloud over Europe"]);
    const flights = await (await get("/search/flights/")).text();
    expect(flights).toContain("<mark>Flights</mark> were cancelled");
    expect(titles(flights)).toEqual(["Flights again", "The ash cloud over Europe"]);
  });

  it("folds case and diacritics both ways, and matches word starts", async () => {
    expect(titles(await (await get("/?s=EYJAFJALLAJOKULL")).text())).toEqual(["The ash cloud over Europe"]);
    const cafe = await (await get("/?s=cafe")).text();
    expect(titles(cafe)).toEqual(["Café culture"]);
    expect(cafe).toContain("<mark>café</mark> in Reykjavík");
    expect(titles(await (await get("/?s=reykjav%C3%ADk")).text())).toEqual(["Café culture"]);
    expect(titles(await (await get("/?s=erupt")).text())).toEqual(["The ash cloud over Europe"]);
  });

  it("finds words in scripts written without spaces", async () => {
    const page = await (await get(`/?s=${encodeURIComponent("東京")}`)).text();
    expect(titles(page)).toEqual(["東京の旅"]);
    expect(page).toContain("<mark>東京</mark>");
  });

  it("escapes the query everywhere it is shown", async () => {
    const page = await (await get(`/?s=${encodeURIComponent('<script>alert("x")</script>')}`)).text();
    expect(page).not.toContain("<script>alert");
    expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(page).toContain("Nothing matched.");
  });

  it("pages through many results", async () => {
    const first = await (await get("/search/zebra/")).text();
    expect(titles(first)).toHaveLength(10);
    expect(first).toContain("12 posts found.");
    expect(first).toContain('<a class="next" rel="next" href="/search/zebra/page/2/">');
    expect(titles(await (await get("/search/zebra/page/2/")).text())).toEqual(["Many 2", "Many 1"]);
    expect((await get("/search/zebra/page/3/")).status).toBe(404);
    expect((await get("/search/zebra/page/0/")).status).toBe(404);
    expect((await get("/?s=zebra&paged=2")).status).toBe(200);
  });

  it("shows the form, not an error, for an empty search", async () => {
    const res = await get("/search/");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<input type="search" id="s" name="s" value="">');
    expect((await app.request("http://blog.test/search", { redirect: "manual" }, env)).headers.get("Location")).toBe("/search/");
  });

  it("reads the pointer and the buckets of one shard and one document chunk: never every post", async () => {
    // A fresh isolate with no rendered copies or buckets anywhere, so the search itself is what is counted.
    app = createApp({ cache: { shared: null, memoryBytes: 0, bucketBytes: 0 } });
    const counting = countingEnv();
    const res = await get("/?s=volcano", counting.env);
    expect(res.status).toBe(200);
    expect(counting.reads[0]).toBe(CURRENT_KEY);
    const values = counting.reads.slice(1);
    expect(values.length).toBeGreaterThanOrEqual(1);
    expect(values.length).toBeLessThanOrEqual(2);
    expect(new Set(values).size).toBe(values.length);
    expect(values.every((key) => key.startsWith(VALUE_PREFIX))).toBe(true);
  });
});
