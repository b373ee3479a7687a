import { describe, expect, it } from "vitest";
import { jsonFeedProblems } from "../../../scripts/lib/json-feed-check.ts";

const valid = {
  version: "https://jsonfeed.org/version/1.1",
  title: "Blog",
  home_page_url: "https://blog.example/",
  items: [{ id: "1", content_html: "<p>x</p>", date_published: "2009-10-15T13:58:48Z" }],
};

describe("jsonFeedProblems", () => {
  it("accepts a minimal valid feed", () => {
    expect(jsonFeedProblems(valid)).toEqual([]);
  });

  it("names each missing required field", () => {
    expect(jsonFeedProblems({ ...valid, version: "https://jsonfeed.org/version/1", title: "" })).toEqual([
      'version is "https://jsonfeed.org/version/1", not the 1.1 URL',
      "title (required) is missing or empty",
    ]);
    expect(jsonFeedProblems({ ...valid, items: [{ id: 1, content_html: "x" }, { id: "2" }] })).toEqual([
      "items[0].id (required) is not a non-empty string",
      "items[1] has neither content_html nor content_text",
    ]);
  });

  it("catches duplicate ids, relative URLs and bad dates", () => {
    const item = { id: "a", content_text: "t", url: "/relative/", date_modified: "15 Oct 2009" };
    expect(jsonFeedProblems({ ...valid, items: [item, { ...item, url: "https://x.test/" }] })).toEqual([
      "items[0].url is not an absolute URL",
      "items[0].date_modified is not an RFC 3339 date",
      "items[1].id a is not unique",
      "items[1].date_modified is not an RFC 3339 date",
    ]);
  });
});
