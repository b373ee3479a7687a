import { describe, expect, it } from "vitest";
import { renderAtom } from "../../../src/feed/atom.ts";
import { rfc3339 } from "../../../src/format/dates.ts";
import { FEED, SITE } from "./sample.ts";

const xml = renderAtom(FEED, SITE, "https://blog.example");

describe("renderAtom", () => {
  it("describes the feed with the elements RFC 4287 requires", () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="pt-PT">')).toBe(
      true,
    );
    expect(xml).toContain('<title type="text">Tom &amp; Jerry&apos;s &lt;Blog&gt;</title>');
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://blog.example/feed/atom/"/>');
    expect(xml).toContain('<link rel="alternate" type="text/html" href="https://blog.example/"/>');
    expect(xml).toContain("<id>https://blog.example/</id>");
    expect(xml).toContain("<updated>2026-11-16T08:15:00Z</updated>");
    expect(xml).toContain("<author><name>Editors</name></author>");
  });

  it("keeps a WordPress guid as the entry id and falls back to the permalink otherwise", () => {
    expect(xml).toContain("<id>http://old.example/?p=278</id>");
    expect(xml).toContain("<id>https://blog.example/2009/10/second/</id>");
    expect(xml).not.toContain("not-an-iri");
  });

  it("escapes titles and content, drops characters XML cannot carry, and makes links absolute", () => {
    expect(xml).toContain('<title type="text">A &lt;/script&gt; &amp; ]]&gt; title</title>');
    expect(xml).toContain('<content type="html">&lt;p&gt;Body with &lt;a href=&quot;https://blog.example/about/&quot;&gt;');
    expect(xml).not.toContain("\u0007");
    expect(xml).toContain('href="https://blog.example/2026/11/caf%C3%A9/"');
  });

  it("gives published and updated dates, and categories as terms", () => {
    expect(xml).toContain("<published>2026-11-16T08:15:00Z</published>\n<updated>2026-11-20T10:00:00Z</updated>");
    expect(xml).toContain("<published>2009-10-15T13:58:48Z</published>\n<updated>2009-10-15T13:58:48Z</updated>");
    expect(xml).toContain('<category term="News &amp; Views"/>');
  });

  it("leaves out an empty summary and a missing author instead of writing empty elements", () => {
    const second = xml.slice(xml.lastIndexOf("<entry>"));
    expect(second).not.toContain("<summary");
    expect(second).not.toContain("<author>");
  });

  it("falls back to the site title as the feed author", () => {
    expect(renderAtom(FEED, { ...SITE, author: "" }, "https://blog.example")).toContain(
      "<author><name>Tom &amp; Jerry&apos;s &lt;Blog&gt;</name></author>",
    );
  });

  it("writes RFC 3339 times in UTC", () => {
    expect(rfc3339("2009-10-15T14:58:48+01:00")).toBe("2009-10-15T13:58:48Z");
  });
});
