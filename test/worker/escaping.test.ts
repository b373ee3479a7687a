/**
 * Front matter is hostile input too: titles, tags, categories, authors and permalinks full of `<`,
 * `&`, quotes and `</script>` are published, and every page, feed and document the site serves must
 * carry them only escaped for their context (HTML text, attributes, URLs, XML, JSON).
 */
import { env } from "cloudflare:workers";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { type DefaultTreeAdapterMap, parse } from "parse5";
import { beforeAll, describe, expect, it } from "vitest";
import type { Release } from "../../src/model/release.ts";
import { createApp } from "../../src/routes/router.ts";
import { contentOf, publish } from "./helpers/site.ts";
import { routesOf } from "./helpers/snapshot.ts";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

const TITLE = `</script><script>alert(1)</script> & "double" 'single' <b>bold</b>`;
const TAG = `"><img src=x onerror=alert(1)>`;
const CATEGORY = `</title><script>alert(2)</script>`;
const AUTHOR = `Eve &amp; <Mallory> "the" 'author'`;
const HOSTILE_PATH = `/2024/06/"><svg onload=alert(3)>/`;

const yamlString = (s: string) => JSON.stringify(s);
const app = createApp();
let release: Release;

beforeAll(async () => {
  const hostile = (slug: string, permalink: string) =>
    [
      "---",
      `title: ${yamlString(TITLE)}`,
      "date: 2024-06-01",
      `author: ${yamlString(AUTHOR)}`,
      `tags: [${yamlString(TAG)}, ${yamlString(`</script>`)}]`,
      `categories: [${yamlString(CATEGORY)}]`,
      `excerpt: ${yamlString(`${TITLE} ${TAG}`)}`,
      `permalink: ${yamlString(permalink)}`,
      "---",
      `Body of ${slug}.`,
      "",
    ].join("\n");
  release = await publish(
    contentOf(
      {
        "posts/2024-06-01-hostile.md": hostile("hostile", "/2024/06/hostile/"),
        "posts/2024-06-02-path.md": hostile("path", HOSTILE_PATH),
        "about.md": `---\ntitle: ${yamlString(TITLE)}\nlayout: page\npermalink: /about/\n---\nAbout.\n`,
      },
      `title: ${yamlString(`Site </script> & "co" <i>`)}\ndescription: ${yamlString(TAG)}\n`,
    ),
  );
});

async function fetchText(path: string): Promise<{ type: string; body: string }> {
  const res = await app.request(`http://blog.test${encodeURI(path)}`, {}, env);
  expect(res.status, path).toBe(200);
  return { type: res.headers.get("Content-Type") ?? "", body: await res.text() };
}

function walk(node: Node, visit: (el: Element) => void): void {
  if ("tagName" in node) visit(node);
  const children = "childNodes" in node ? node.childNodes : [];
  for (const child of children) walk(child, visit);
  if ("content" in node) walk(node.content as Node, visit);
}

function textOf(node: Node): string {
  if (node.nodeName === "#text" && "value" in node) return node.value;
  return "childNodes" in node ? node.childNodes.map(textOf).join("") : "";
}

describe("every HTML page", () => {
  it("has the hostile values as text only: no injected element, attribute or script", async () => {
    const pages = (await routesOf(env.BLOG, release)).filter(([, view]) => view === "post" || view === "list");
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const [path] of [...pages, ["/no/such/page/"] as const]) {
      const res = await app.request(`http://blog.test${encodeURI(path)}`, {}, env);
      const doc = parse(await res.text());
      walk(doc, (el) => {
        if (el.tagName === "script") {
          // The only scripts the engine may emit are data blocks (JSON-LD): they must still parse as JSON.
          expect(el.attrs.find((a) => a.name === "type")?.value, `${path}: injected script`).toBe("application/ld+json");
          expect(() => JSON.parse(textOf(el)), `${path}: JSON-LD broken out of`).not.toThrow();
        }
        expect(el.tagName, `${path}: injected element`).not.toMatch(/^(img|svg|b|i)$/);
        for (const a of el.attrs) expect(a.name, `${path}: injected attribute on <${el.tagName}>`).not.toMatch(/^on/);
      });
      if (path !== "/no/such/page/") expect(textOf(doc), path).toMatch(/alert\(1\)/);
    }
  });

  it("shows the values exactly as written", async () => {
    const doc = parse((await fetchText("/2024/06/hostile/")).body);
    const found: Record<string, string[]> = { h1: [], title: [], p: [] };
    walk(doc, (el) => {
      if (el.tagName in found) found[el.tagName]?.push(textOf(el));
      if (el.tagName === "meta" && el.attrs.some((a) => a.name === "name" && a.value === "description")) {
        found.p?.push(el.attrs.find((a) => a.name === "content")?.value ?? "");
      }
    });
    expect(found.h1).toContain(TITLE);
    expect(found.title?.[0]).toBe(`${TITLE} \u2013 Site </script> & "co" <i>`);
    const paragraphs = found.p?.join("\n") ?? "";
    expect(paragraphs).toContain("Eve & <Mallory>");
    expect(paragraphs).toContain(TAG);
    expect(paragraphs).toContain(CATEGORY);
  });

  it("links the hostile permalink by its percent-encoded path", async () => {
    const { body } = await fetchText("/");
    const hrefs: string[] = [];
    walk(parse(body), (el) => {
      for (const a of el.attrs) if (a.name === "href") hrefs.push(a.value);
    });
    expect(hrefs).toContain("/2024/06/%22%3E%3Csvg%20onload%3Dalert(3)%3E/");
    expect((await fetchText(HOSTILE_PATH)).body).toContain("<h1>&lt;/script&gt;&lt;script&gt;");
  });
});

describe("every feed and XML document", () => {
  it("is well-formed XML carrying the values as text", async () => {
    const xmlRoutes = (await routesOf(env.BLOG, release)).map(([p]) => p).filter((p) => /feed|\.xml$/.test(p));
    expect(xmlRoutes).toContain("/feed/");
    for (const path of xmlRoutes) {
      const { type, body } = await fetchText(path);
      if (type.includes("json")) {
        // A JSON feed: valid JSON, values intact.
        expect(JSON.stringify(JSON.parse(body))).toContain(JSON.stringify(TITLE).slice(1, -1));
        continue;
      }
      expect(XMLValidator.validate(body), path).toBe(true);
      expect(body, path).not.toContain("<script>alert");
      expect(body, path).not.toContain("<img src=x");
      if (path.endsWith(".xml")) {
        // A sitemap lists addresses, not titles: the hostile permalink must appear percent-encoded.
        expect(body, path).toContain("/2024/06/%22%3E%3Csvg%20onload%3Dalert(3)%3E/");
        continue;
      }
      const text = JSON.stringify(new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: true }).parse(body));
      // The comments feed is a valid feed without items (there are no comments).
      if (path === "/comments/feed/") {
        expect(body).not.toContain("<item>");
        continue;
      }
      expect(text, path).toContain(JSON.stringify(TITLE).slice(1, -1));
      expect(text, path).toContain(JSON.stringify(TAG).slice(1, -1));
      expect(body, path).not.toContain("<script>alert");
      expect(body, path).not.toContain("<img src=x");
    }
  });
});
