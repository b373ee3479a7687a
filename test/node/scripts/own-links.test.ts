import { describe, expect, it } from "vitest";
import { checkOwnLinks } from "../../../scripts/lib/own-links.ts";

/** A stand-in site: a few addresses answer, one moves, the rest are 404. */
const ANSWERS: Record<string, [number, string?]> = {
  "/2019/08/12/ie-cache.html": [200],
  "/2019/08/12/ie-cache": [301, "/2019/08/12/ie-cache.html"],
  "/images/dot.png": [200],
  "/images/%ED%95%9C.png": [200],
  "/?p=5": [301, "/2019/08/12/ie-cache.html"],
};
const fetched: string[] = [];
const fetch = async (path: string) => {
  fetched.push(path);
  const [status, location] = ANSWERS[path] ?? [404];
  return new Response(status === 301 ? null : "x", { status, headers: location ? { Location: location } : {} });
};

const HTML = `<p><a href="ie-cache">relative, moved once</a>
<a href="/2019/08/12/ie-cache.html#top">root-relative with a fragment</a>
<a href="https://www.old.example/images/dot.png">absolute to the old host, with www</a>
<img src="http://old.example/images/한.png">
<a href="https://elsewhere.example/x">another site</a><a href="mailto:a@b.c">mail</a><a href="#top">fragment</a>
<a href="/?p=5">WordPress query</a><a href="/?attachment_id=9">an attachment the export never had</a>
<img src="/wp-content/uploads/big.jpg"><a href="/2019/08/12/gone.html">a post that was in the source</a></p>`;

describe("own links", () => {
  it("follows every link to this site, and tells links the engine broke from links to what the export never had", async () => {
    const report = await checkOwnLinks([{ path: "/2019/08/12/post.html", source: "_posts/2019-08-12-post.md", html: HTML }], {
      fetch,
      hosts: new Set(["old.example", "www.old.example"]),
      known: new Set(["/2019/08/12/gone.html", "/images/dot.png"]),
    });
    expect(report.links).toBe(8);
    expect(fetched).not.toContain("/x");
    expect(report.engine.map((b) => [b.target, b.status, b.kind])).toEqual([["/2019/08/12/gone.html", 404, "page"]]);
    expect(report.missing.map((b) => [b.target, b.kind]).sort()).toEqual([
      ["/?attachment_id=9", "page"],
      ["/wp-content/uploads/big.jpg", "media"],
    ]);
  });
});
