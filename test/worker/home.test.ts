import { beforeAll, describe, expect, it } from "vitest";
import { siteRequests } from "./helpers/requests.ts";
import { contentOf, publish } from "./helpers/site.ts";

const { get } = siteRequests();

beforeAll(async () => {
  const files: Record<string, string> = {};
  for (let day = 1; day <= 5; day++) {
    files[`posts/2020-01-0${day}-post-${day}.md`] = `---\ntitle: Post ${day}\ndate: 2020-01-0${day}\n---\nText of post ${day}.\n`;
  }
  await publish(contentOf(files, "title: Paged\npaginate: 2\n"));
});

describe("home pagination", () => {
  it("shows the newest posts first on /", async () => {
    const page = await (await get("/")).text();
    expect(page.indexOf("Post 5")).toBeLessThan(page.indexOf("Post 4"));
    expect(page).not.toContain("Post 3");
    expect(page).toContain('<a class="next" rel="next" href="/page/2/">');
  });

  it("continues at /page/N/ with links both ways", async () => {
    const page = await (await get("/page/2/")).text();
    expect(page).toContain("Post 3");
    expect(page).toContain("Post 2");
    expect(page).toContain("<title>Page 2 of 3 – Paged</title>");
    expect(page).toContain('<a class="prev" rel="prev" href="/">');
    expect(page).toContain('<a class="next" rel="next" href="/page/3/">');
  });

  it("sends /page/1/ to / and answers 404 past the last page", async () => {
    const first = await get("/page/1/");
    expect(first.status).toBe(301);
    expect(first.headers.get("Location")).toBe("/");
    expect((await get("/page/4/")).status).toBe(404);
  });

  it("links each post to its neighbours", async () => {
    const page = await (await get("/2020/01/post-3/")).text();
    expect(page).toContain('<a class="prev" rel="prev" href="/2020/01/post-2/"><span>Previous post</span>Post 2</a>');
    expect(page).toContain('<a class="next" rel="next" href="/2020/01/post-4/"><span>Next post</span>Post 4</a>');
  });
});
