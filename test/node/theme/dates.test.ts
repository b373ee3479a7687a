/**
 * A time prints as Jekyll prints it, against Jekyll's build of test/fixtures/theme-dates/ (`_expected/`,
 * written by scripts/jekyll-theme-oracle.ts): Ruby's Time#to_s (`2020-05-06 02:08:09 -0500`, the
 * offset the site's zone has at that instant) bare, through `append`, `escape` and `jsonify`, in a
 * layout and in the post's own Liquid, for `page.date`, each `post.date` and `page.previous.date`;
 * a front-matter date other than `date:` stays as written. A collection's document without a date is
 * dated `site.time`, in its layout and in its own body. Of two posts of one date, `site.posts` has
 * the later path first, as Jekyll orders documents (by date, then path) and lists them newest first.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../../src/cli/load-content.ts";
import { JekyllTime } from "../../../src/theme/liquid/jekyll-time.ts";
import { drawThemed } from "../helpers/themed-draw.ts";

const FIXTURE = join(import.meta.dirname, "../../fixtures/theme-dates");
/** The fixture's lines that print dates: the layout's and the body's paragraph. */
const dateLines = (html: string) => html.match(/<(p|ul) class="(?:dates|posts|json)">.*<\/\1>|<p>In the body:.*<\/p>/g) ?? [];

describe("times in a themed page, as Jekyll prints them", async () => {
  const content = await loadContent(FIXTURE);
  const cases: Array<[string, string, number]> = [
    ["/2020/05/06/summer.html", "summer.html", 4],
    ["/2020/12/01/winter.html", "winter.html", 4],
    ["/notes/undated.html", "undated.html", 2],
  ];
  for (const [path, expected, lines] of cases) {
    it(`prints each time on ${path} as Ruby's Time#to_s`, () => {
      const jekyll = dateLines(readFileSync(join(FIXTURE, "_expected", expected), "utf8"));
      expect(jekyll).toHaveLength(lines);
      expect(dateLines(drawThemed(content, path, "https://dates.example"))).toEqual(jekyll);
    });
  }

  it("writes the zone's offset at the instant, and +0000 in UTC", () => {
    expect(String(new JekyllTime(Date.parse("2020-05-06T07:08:09Z"), "America/Mexico_City"))).toBe("2020-05-06 02:08:09 -0500");
    expect(JSON.stringify({ d: new JekyllTime(Date.parse("2021-01-02T03:04:05.678Z"), "UTC") })).toBe('{"d":"2021-01-02 03:04:05 +0000"}');
    expect(String(new JekyllTime(Date.parse("2021-01-02T03:04:05Z"), "Asia/Kolkata"))).toBe("2021-01-02 08:34:05 +0530");
  });
});
