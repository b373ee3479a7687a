import { describe, expect, it } from "vitest";
import { JSON_FEED_VERSION, renderJsonFeed } from "../../../src/feed/json-feed.ts";
import { FEED, SITE } from "./sample.ts";

const text = renderJsonFeed({ ...FEED, self: "/feed.json" }, SITE, "https://blog.example");
const doc = JSON.parse(text);

describe("renderJsonFeed", () => {
  it("has the top-level fields JSON Feed 1.1 requires and the ones readers use", () => {
    expect(doc.version).toBe(JSON_FEED_VERSION);
    expect(doc.title).toBe("Tom & Jerry's <Blog>");
    expect(doc.home_page_url).toBe("https://blog.example/");
    expect(doc.feed_url).toBe("https://blog.example/feed.json");
    expect(doc.language).toBe("pt-PT");
    expect(doc.authors).toEqual([{ name: "Editors" }]);
    expect(doc.items).toHaveLength(2);
  });

  it("gives every item a string id and HTML content with absolute links", () => {
    const [first, second] = doc.items;
    expect(first.id).toBe("http://old.example/?p=278");
    expect(second.id).toBe("https://blog.example/2009/10/second/");
    expect(first.url).toBe("https://blog.example/2026/11/caf%C3%A9/");
    expect(first.content_html).toContain('<a href="https://blog.example/about/">');
    expect(first.title).toBe("A </script> & ]]> title");
  });

  it("dates items in RFC 3339 and names modified dates, authors and tags only when there are some", () => {
    const [first, second] = doc.items;
    expect(first.date_published).toBe("2026-11-16T08:15:00Z");
    expect(first.date_modified).toBe("2026-11-20T10:00:00Z");
    expect(first.authors).toEqual([{ name: "Ana" }]);
    expect(first.tags).toEqual(["News & Views", "tag"]);
    expect(second).not.toHaveProperty("date_modified");
    expect(second).not.toHaveProperty("authors");
    expect(second).not.toHaveProperty("tags");
    expect(second).not.toHaveProperty("summary");
  });
});
