/** The converter's smaller parts: block comments, links to uploads, dates with their zone, comments. */
import { describe, expect, it } from "vitest";
import { hasBlocks, stripBlockComments } from "../../../src/import/blocks.ts";
import { commentEntries } from "../../../src/import/comments.ts";
import { oldHosts, rewriteUploadLinks, uploadPath } from "../../../src/import/upload-links.ts";
import { fixedZone, frontMatterDate } from "../../../src/import/wxr-dates.ts";
import { emptyComment } from "../../../src/import/wxr-types.ts";

describe("block content", () => {
  it("drops the block comments and keeps the HTML; names blocks drawn by PHP", () => {
    const content =
      '<!-- wp:paragraph {"align":"center"} -->\n<p class="has-text-align-center">Hi</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:latest-posts {"postsToShow":3} /-->\n\n<!-- wp:core/separator -->\n<hr class="wp-block-separator"/>\n<!-- /wp:core/separator -->';
    expect(hasBlocks(content)).toBe(true);
    const stripped = stripBlockComments(content);
    expect(stripped.html).toBe('<p class="has-text-align-center">Hi</p>\n\n<hr class="wp-block-separator"/>');
    expect(stripped.dynamic).toEqual(["latest-posts"]);
  });

  it("leaves other comments alone", () => {
    expect(stripBlockComments("<p>a</p><!--more--><p>b</p>").html).toBe("<p>a</p><!--more--><p>b</p>");
  });
});

describe("links to uploads", () => {
  const hosts = oldHosts(["https://old.example/blog", "https://name.wordpress.com"]);

  it("finds the uploads path of the old site's links, and of WordPress.com's file host", () => {
    expect(uploadPath("https://old.example/blog/wp-content/uploads/2020/01/a%20b.jpg", hosts)).toBe("2020/01/a b.jpg");
    expect(uploadPath("https://name.files.wordpress.com/2008/06/c.jpg?w=300", hosts)).toBe("2008/06/c.jpg");
    expect(uploadPath("/wp-content/uploads/x.png", hosts)).toBe("x.png");
    expect(uploadPath("https://elsewhere.example/wp-content/uploads/x.png", hosts)).toBeNull();
    expect(uploadPath("https://old.example/wp-content/uploads/../../etc/passwd", hosts)).toBeNull();
  });

  it("rewrites only the links whose file is there, and lists the others", () => {
    const html =
      '<a href="https://old.example/wp-content/uploads/2020/01/here.jpg"><img src="//old.example/wp-content/uploads/2020/01/here.jpg?w=300"></a> <p style="background:url(&quot;https://old.example/wp-content/uploads/bg.jpg&quot;)">x</p> <img src="https://old.example/wp-content/uploads/gone.jpg">';
    const out = rewriteUploadLinks(html, hosts, (rel) => rel !== "gone.jpg");
    expect(out.html).toBe(
      '<a href="/wp-content/uploads/2020/01/here.jpg"><img src="/wp-content/uploads/2020/01/here.jpg"></a> <p style="background:url(&quot;/wp-content/uploads/bg.jpg&quot;)">x</p> <img src="https://old.example/wp-content/uploads/gone.jpg">',
    );
    expect(out.used.sort()).toEqual(["2020/01/here.jpg", "bg.jpg"]);
    expect(out.missing).toEqual(["https://old.example/wp-content/uploads/gone.jpg"]);
  });
});

describe("dates", () => {
  it("writes the site's wall clock with the offset the GMT date gives", () => {
    expect(frontMatterDate("2010-09-10 07:24:14", "2010-09-10 14:24:14")).toBe("2010-09-10T07:24:14-07:00");
    expect(frontMatterDate("2021-06-01 10:00:00", "2021-06-01 04:30:00")).toBe("2021-06-01T10:00:00+05:30");
    expect(frontMatterDate("2021-04-01 12:00:00", "0000-00-00 00:00:00")).toBe("2021-04-01 12:00:00");
    expect(frontMatterDate("not a date", "")).toBeNull();
    expect(fixedZone(-7 * 60)).toBe("Etc/GMT+7");
    expect(fixedZone(330)).toBeNull();
  });
});

describe("comments", () => {
  it("keeps approved comments without the commenter's e-mail or IP address, and counts the rest", () => {
    const c = (over: Partial<ReturnType<typeof emptyComment>>) => ({ ...emptyComment(), ...over });
    const { entries, tally } = commentEntries([
      c({
        id: "1",
        author: "Ana",
        authorUrl: "https://ana.example/",
        approved: "1",
        content: "Hi",
        date: "2020-01-01 10:00:00",
        dateGmt: "2020-01-01 09:00:00",
      }),
      c({ id: "2", author: "Bo", authorUrl: "javascript:alert(1)", approved: "1", parent: "1", content: "Reply" }),
      c({ id: "3", approved: "0" }),
      c({ id: "4", approved: "spam" }),
      c({ id: "5", approved: "trash" }),
      c({ id: "6", approved: "1", type: "trackback", author: "Other blog" }),
    ]);
    expect(entries).toEqual([
      { id: 1, author: "Ana", url: "https://ana.example/", date: "2020-01-01T10:00:00+01:00", content: "Hi" },
      { id: 2, parent: 1, author: "Bo", content: "Reply" },
      { id: 6, author: "Other blog", type: "trackback", content: "" },
    ]);
    expect(tally).toEqual({ shown: 2, pings: 1, pending: 1, spam: 1, trash: 1 });
  });
});
