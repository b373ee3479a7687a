import { describe, expect, it } from "vitest";
import { derivePermalink, normalizePermalink, slugify } from "../../../src/content/permalink.ts";
import { encodePath, requestPathKey } from "../../../src/format/urls.ts";

describe("normalizePermalink", () => {
  it.each([
    ["/2009/10/sidekick/", "/2009/10/sidekick/"],
    ["2009/10/sidekick", "/2009/10/sidekick/"],
    ["/about", "/about/"],
    ["/old/page.html", "/old/page.html"],
    ["//double//slashes/", "/double/slashes/"],
    ["/2010/04/%e5%8f%b0%e5%8c%97/", "/2010/04/台北/"],
    ["/caf%C3%A9/", "/café/"],
    // NFD input (as some file systems and editors write) becomes NFC.
    ["/cafe\u0301/", "/café/"],
    ["https://www.example.net/2009/10/x/", "/2009/10/x/"],
  ])("%s -> %s", (raw, expected) => {
    expect(normalizePermalink(raw)).toEqual({ ok: expected });
  });

  it.each(["", "/a/../b/", "/a?b", "/a#b", "/bad%zz/", "/ctl\u0001/"])("rejects %j", (raw) => {
    expect(normalizePermalink(raw)).toHaveProperty("error");
  });
});

describe("request paths", () => {
  it("decodes whatever encoding the browser chose to the stored form", () => {
    expect(requestPathKey("/2010/04/%E5%8F%B0%E5%8C%97/")).toBe("/2010/04/台北/");
    expect(requestPathKey("/2010/04/%e5%8f%b0%e5%8c%97/")).toBe("/2010/04/台北/");
    expect(requestPathKey("/cafe%CC%81/")).toBe("/café/");
    expect(requestPathKey("/%zz/")).toBeNull();
  });

  it("encodes stored paths for links, segment by segment", () => {
    expect(encodePath("/2010/04/台北/")).toBe("/2010/04/%E5%8F%B0%E5%8C%97/");
    expect(encodePath("/a b/c?d/")).toBe("/a%20b/c%3Fd/");
  });
});

describe("derivePermalink", () => {
  const date = new Date("2009-10-05T13:58:48Z");
  it.each([
    ["/:year/:month/:slug/", "/2009/10/sidekick/"],
    ["/:year/:month/:day/:title/", "/2009/10/05/sidekick/"],
    ["/:categories/:year/:i_month/:i_day/:title.html", "/tech-news/2009/10/5/sidekick.html"],
    ["/:category/:slug/", "/tech-news/sidekick/"],
  ])("%s", (pattern, expected) => {
    expect(derivePermalink(pattern, { date, slug: "sidekick", categories: ["Tech News"] })).toEqual({ ok: expected });
  });
});

describe("slugify", () => {
  it.each([
    ["Hello, World!", "hello-world"],
    ["Don’t stop", "dont-stop"],
    ["Eyjafjallajökull", "eyjafjallajökull"],
    ["Ελληνικά κείμενα", "ελληνικά-κείμενα"],
    ["日本語のタグ", "日本語のタグ"],
    ["2009", "2009"],
    ["  --C# & .NET--  ", "c-net"],
  ])("%s -> %s", (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });
});
