import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { renderRss } from "../../../src/feed/rss.ts";
import { rfc822 } from "../../../src/format/dates.ts";
import { renderMarkdown } from "../../../src/markdown/marked.ts";
import type { FeedModel } from "../../../src/model/page-models.ts";
import { DEFAULT_SITE } from "../../../src/model/site.ts";

const feed: FeedModel = {
  kind: "feed",
  title: "Tom & Jerry's <blog>",
  home: "/",
  self: "/feed/",
  updated: "2009-10-15T13:58:48.000Z",
  items: [
    {
      title: "Don’t <panic> & \u0001carry on",
      permalink: "/2010/04/台北/",
      date: "2009-10-15T13:58:48.000Z",
      updated: null,
      author: "tiago",
      categories: ["News", "Café"],
      guid: "http://www.example.net/?p=278",
      summary: "Summary & more",
      html: renderMarkdown('See <a href="/about/">about</a> and ![x](/images/x.png). Code: `]]>` ends CDATA.'),
    },
    {
      title: "Second",
      permalink: "/second/",
      date: "2009-10-14T08:00:00.000Z",
      updated: null,
      author: "",
      categories: [],
      guid: null,
      summary: "",
      html: "<p>Hi</p>",
    },
  ],
};

describe("RSS 2.0", () => {
  const xml = renderRss(feed, { ...DEFAULT_SITE, title: "T" }, "https://blog.example");
  const doc = new XMLParser({ ignoreAttributes: false, cdataPropName: "#cdata" }).parse(xml);
  const items = doc.rss.channel.item;

  it("is well-formed XML even with control characters and ]]> in content", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it("escapes titles and keeps the channel's own link and self link absolute", () => {
    // The parser decodes what we escaped: the text comes back exactly.
    expect(doc.rss.channel.title).toBe("Tom & Jerry's <blog>");
    expect(xml).toContain("<title>Tom &amp; Jerry&apos;s &lt;blog&gt;</title>");
    expect(xml).toContain("<title>Don’t &lt;panic&gt; &amp; carry on</title>");
    expect(doc.rss.channel.link).toBe("https://blog.example/");
    expect(doc.rss.channel["atom:link"]["@_href"]).toBe("https://blog.example/feed/");
  });

  it("links items absolutely, percent-encoded, with the export's guid kept", () => {
    expect(items[0].link).toBe("https://blog.example/2010/04/%E5%8F%B0%E5%8C%97/");
    expect(items[0].guid).toEqual({ "#text": "http://www.example.net/?p=278", "@_isPermaLink": "false" });
    expect(items[1].guid).toEqual({ "#text": "https://blog.example/second/", "@_isPermaLink": "true" });
  });

  it("carries full content with root-relative links made absolute", () => {
    const content = [items[0]["content:encoded"]["#cdata"]].flat().join("");
    expect(content).toContain('<a href="https://blog.example/about/">about</a>');
    expect(content).toContain('src="https://blog.example/images/x.png"');
    expect(content).toContain("<code>]]&gt;</code>");
  });

  it("dates items in RFC 822", () => {
    expect(items[0].pubDate).toBe("Thu, 15 Oct 2009 13:58:48 GMT");
    expect(rfc822("2009-10-14T08:00:00.000Z")).toBe("Wed, 14 Oct 2009 08:00:00 GMT");
  });
});
