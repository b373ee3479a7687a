/** A feed model with the awkward parts real exports have: markup in titles, stray control characters, odd guids. */
import type { FeedModel } from "../../../src/model/page-models.ts";
import { DEFAULT_SITE, type SiteConfig } from "../../../src/model/site.ts";

export const SITE: SiteConfig = { ...DEFAULT_SITE, title: "Tom & Jerry's <Blog>", description: "Notes", author: "Editors", lang: "pt-PT" };

export const FEED: FeedModel = {
  kind: "feed",
  title: "Tom & Jerry's <Blog>",
  home: "/",
  self: "/feed/atom/",
  updated: "2026-11-16T08:15:00.000Z",
  items: [
    {
      title: "A </script> & ]]> title\u0007",
      permalink: "/2026/11/café/",
      date: "2026-11-16T08:15:00.000Z",
      updated: "2026-11-20T10:00:00.000Z",
      author: "Ana",
      categories: ["News & Views", "tag"],
      guid: "http://old.example/?p=278",
      summary: "A summary <b>as text</b>",
      html: '<p>Body with <a href="/about/">a link</a> and ]]> inside.</p>',
    },
    {
      title: "Second",
      permalink: "/2009/10/second/",
      date: "2009-10-15T13:58:48.000Z",
      updated: null,
      author: "",
      categories: [],
      guid: "not-an-iri",
      summary: "",
      html: "<p>Plain</p>",
    },
  ],
};
