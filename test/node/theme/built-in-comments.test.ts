/** Comments under a post: the sanitized HTML a release stores, and the plain text releases before it stored. */
import { describe, expect, it } from "vitest";
import type { CommentModel, PostModel } from "../../../src/model/page-models.ts";
import { DEFAULT_SITE } from "../../../src/model/site.ts";
import { postInclude } from "../helpers/built-in.ts";

const commentsSection = (post: PostModel, site: typeof DEFAULT_SITE) =>
  postInclude({ site, origin: "https://blog.example", path: post.permalink }, post, "comments.html");

function withComments(comments: CommentModel[]): PostModel {
  return {
    kind: "post",
    layout: "post",
    id: "1",
    title: "Tides",
    permalink: "/tides/",
    date: "2021-03-14T19:30:00.000Z",
    updated: null,
    author: "",
    categories: [],
    tags: [],
    description: "",
    html: "<p>Body</p>",
    prev: null,
    next: null,
    comments,
    commentCount: comments.length,
  };
}

describe("the built-in theme's comments.html", () => {
  it("inserts the HTML the publish kept of a comment", () => {
    const out = String(
      commentsSection(
        withComments([{ id: "7", author: "Ana", url: null, date: null, html: "<p>So <em>good</em></p>", replies: [] }]),
        DEFAULT_SITE,
      ),
    );
    expect(out).toContain('<div class="comment-content"><p>So <em>good</em></p></div>');
  });

  it("still shows a comment of an older release, stored as plain text, escaped", () => {
    const old = { id: "8", author: "Bo", url: null, date: null, text: "Line <b>one</b>\nline two\n\nNext", replies: [] };
    const out = String(commentsSection(withComments([old]), DEFAULT_SITE));
    expect(out).toContain('<div class="comment-content"><p>Line &lt;b&gt;one&lt;/b&gt;<br>line two</p><p>Next</p></div>');
  });
});
