/** The local preview's front server: the live script on HTML pages only, and the events it listens to. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIVE_PATH, LIVE_SCRIPT_PATH, liveTag } from "../../../src/cli/dev/live-script.ts";
import { headDigest, type PreviewServer, startPreviewServer, withLiveScript } from "../../../src/cli/dev/preview-server.ts";

const PORT = 8816;
const CSP = "default-src 'self'; script-src 'self'; connect-src 'self'";
let upstream: Server;
let preview: PreviewServer;
const origin = `http://127.0.0.1:${PORT}`;

beforeAll(async () => {
  upstream = createServer((req, res) => {
    if (req.url === "/style.css") {
      res.writeHead(200, { "content-type": "text/css", "cache-control": "public, max-age=86400" });
      res.end("body{color:red}");
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": CSP, etag: '"abc"' });
    res.end(`<!doctype html><html><body><p>${req.headers["accept-encoding"]}</p></body></html>`);
  });
  await new Promise<void>((ready) => upstream.listen(0, "127.0.0.1", () => ready()));
  const { port } = upstream.address() as AddressInfo;
  preview = await startPreviewServer({ host: "127.0.0.1", port: PORT, upstream: `http://127.0.0.1:${port}` });
});

afterAll(async () => {
  await preview.close();
  await new Promise((done) => upstream.close(done));
});

/** Reads an event stream until `count` events have come. */
async function events(count: number, after: () => void = () => {}, query = ""): Promise<Array<{ event: string; data: unknown }>> {
  const res = await fetch(`${origin}${LIVE_PATH}${query}`);
  const reader = res.body?.getReader();
  if (!reader) throw new Error("no stream");
  const out: Array<{ event: string; data: unknown }> = [];
  let text = "";
  after();
  while (out.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
    for (const m of text.matchAll(/event: (\w+)\ndata: (.*)\n\n/g)) out.push({ event: m[1] ?? "", data: JSON.parse(m[2] ?? "null") });
    text = text.slice(text.lastIndexOf("\n\n") + 2);
  }
  await reader.cancel();
  return out;
}

describe("the local preview's front server", () => {
  it("adds the live script to HTML pages, uncompressed, with the Worker's own CSP untouched", async () => {
    const res = await fetch(`${origin}/2024/05/a-post/`);
    const body = await res.text();
    expect(body).toMatch(/<script src="\/__edgepress\/live\.js\?since=\d+&amp;head=[\w-]{16}" defer><\/script>\n<\/body>/);
    expect(body).toContain("<p>identity</p>");
    expect(res.headers.get("content-security-policy")).toBe(CSP);
    expect(res.headers.get("etag")).toBeNull();
  });

  it("passes everything else through as it is, never to be cached: a saved stylesheet is fetched again on reload", async () => {
    const res = await fetch(`${origin}/style.css`);
    expect(await res.text()).toBe("body{color:red}");
    expect(res.headers.get("content-type")).toBe("text/css");
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("serves the script from the site's own origin, which the page's script-src 'self' allows", async () => {
    const res = await fetch(`${origin}${LIVE_SCRIPT_PATH}`);
    expect(res.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(await res.text()).toContain(`new EventSource("${LIVE_PATH}" + "?since="`);
  });

  it("tells open tabs what a save changed, and a tab that opens while a file is broken sees the problems", async () => {
    const published = await events(1, () =>
      setTimeout(() => preview.send({ type: "published", paths: ["/a/"], media: ["/style.css"] }), 100),
    );
    expect(published).toEqual([{ event: "published", data: { paths: ["/a/"], media: ["/style.css"] } }]);

    preview.send({ type: "problems", lines: ["_posts/2024-05-01-a.md:3: invalid YAML in front matter"] });
    expect(await events(1)).toEqual([{ event: "problems", data: ["_posts/2024-05-01-a.md:3: invalid YAML in front matter"] }]);
    preview.send({ type: "published", paths: [], media: [] });
    const fixed = await events(1, () => setTimeout(() => preview.send({ type: "published", paths: ["/b/"], media: [] }), 100));
    expect(fixed[0]?.event).toBe("published");
  });

  it("puts the script at the end of a page without </body>", () => {
    expect(withLiveScript("<p>x</p>", 3)).toBe(`<p>x</p>${liveTag(3, headDigest("<p>x</p>"))}`);
  });

  it("names each page's head, so the script swaps in a new body only under the same stylesheets and head scripts", () => {
    const page = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
    const css = '<link rel="stylesheet" href="/a.css">';
    const tagOf = (html: string) => /head=([\w-]+)/.exec(withLiveScript(html, 1))?.[1];
    // A post edited in its body alone: the same head, so drawn in place.
    expect(tagOf(page(css, "<p>one</p>"))).toBe(tagOf(page(css, "<p>two</p>")));
    // A new stylesheet, a new title: another head, so the tab reloads.
    expect(tagOf(page(css, "<p>one</p>"))).not.toBe(tagOf(page(`${css}<link rel="stylesheet" href="/b.css">`, "<p>one</p>")));
    expect(tagOf(page(`<title>A</title>${css}`, "x"))).not.toBe(tagOf(page(`<title>B</title>${css}`, "x")));
    // A page that leaves its head implicit is named by what comes before its body.
    expect(headDigest('<link rel="stylesheet" href="/a.css"><body>x')).not.toBe(headDigest("<body>x"));
    expect(headDigest("<title>A</title><body>x")).toBe(headDigest("<title>A</title><body>y"));
  });

  it("numbers each publish, so a stream that reconnects (Last-Event-ID) is told only the publishes it missed", async () => {
    const since = Number(/live\.js\?since=(\d+)/.exec(await (await fetch(`${origin}/a-page/`)).text())?.[1]);
    preview.send({ type: "published", paths: ["/seen/"], media: [] });
    preview.send({ type: "published", paths: ["/missed/"], media: [] });
    // The page's own number would replay both; the id of the last one the tab saw replays the other alone.
    const res = await fetch(`${origin}${LIVE_PATH}?since=${since}`, { headers: { "Last-Event-ID": String(since + 1) } });
    const reader = res.body?.getReader();
    if (!reader) throw new Error("no stream");
    let text = "";
    while (!text.includes("/missed/")) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    expect(text).not.toContain("/seen/");
    expect(text).toContain(`id: ${since + 2}\nevent: published\ndata: {"paths":["/missed/"],"media":[]}\n\n`);
  });

  it("tells a tab that was still loading about a save that went live meanwhile", async () => {
    const page = await (await fetch(`${origin}/2024/05/a-post/`)).text();
    const since = /live\.js\?since=(\d+)/.exec(page)?.[1];
    expect(since).toBeDefined();
    // The save goes live after the page was fetched and before its script opened the stream.
    preview.send({ type: "published", paths: ["/2024/05/a-post/"], media: [] });
    expect(await events(1, () => {}, `?since=${since}`)).toEqual([
      { event: "published", data: { paths: ["/2024/05/a-post/"], media: [] } },
    ]);
    // A page fetched after it has nothing to catch up on.
    const later = /live\.js\?since=(\d+)/.exec(await (await fetch(`${origin}/2024/05/a-post/`)).text())?.[1];
    const caughtUp = await events(
      1,
      () => setTimeout(() => preview.send({ type: "published", paths: ["/x/"], media: [] }), 100),
      `?since=${later}`,
    );
    expect(caughtUp).toEqual([{ event: "published", data: { paths: ["/x/"], media: [] } }]);
  });
});
