import { describe, expect, it } from "vitest";
import { relatedPosts } from "../../../src/compile/related.ts";
import type { Post } from "../../../src/content/post.ts";

function post(slug: string, date: string, tags: string[], categories: string[] = []): Post {
  return {
    source: `${slug}.md`,
    id: null,
    title: slug,
    date: `${date}T12:00:00.000Z`,
    updated: null,
    author: "",
    layout: "post",
    permalink: `/${slug}/`,
    guid: null,
    categories,
    tags,
    excerpt: null,
    redirectFrom: [],
    fields: {},
    body: "",
    keyLines: {},
  };
}

const newestFirst = (posts: Post[]) => [...posts].sort((a, b) => b.date.localeCompare(a.date));
const titles = (map: Map<Post, Array<{ title: string }>>, p: Post) => (map.get(p) ?? []).map((r) => r.title);

describe("related posts", () => {
  it("ranks by shared tags (twice a category's weight), then nearness in time; never the post itself; at most three", () => {
    const me = post("me", "2024-06-01", ["kv", "workers"], ["Guides"]);
    const posts = newestFirst([
      me,
      post("both-tags", "2019-01-01", ["KV", "workers"]),
      post("tag-and-category", "2020-01-01", ["kv"], ["guides"]),
      post("one-tag-near", "2024-05-20", ["workers"]),
      post("one-tag-far", "2015-01-01", ["kv"]),
      post("category-only", "2024-06-02", [], ["Guides"]),
      post("unrelated", "2024-06-01", ["cats"], ["Life"]),
    ]);
    const related = relatedPosts(posts);
    expect(titles(related, me)).toEqual(["both-tags", "tag-and-category", "one-tag-near"]);
    expect(related.get(me)?.[0]).toEqual({ title: "both-tags", path: "/both-tags/", date: "2019-01-01T12:00:00.000Z" });
  });

  it("gives a post that shares nothing no related posts", () => {
    const lonely = post("lonely", "2024-01-01", ["solo"]);
    const related = relatedPosts([lonely, post("other", "2023-01-01", ["else"])]);
    expect(related.has(lonely)).toBe(false);
  });

  it("stays exact on a large site where one category holds every post, and finds a tag shared years away", () => {
    const days = Array.from({ length: 3000 }, (_, i) => new Date(Date.UTC(2010, 0, 1) + i * 86_400_000).toISOString().slice(0, 10));
    const posts = newestFirst(days.map((d, i) => post(`p${i}`, d, [`t${i % 500}`], ["Uncategorized"])));
    const related = relatedPosts(posts);
    const target = posts.find((p) => p.title === "p1500");
    if (!target) throw new Error("no target");
    // Its tag t0 is shared by p0, p500, p1000, p2000, p2500, 500 to 1,500 days away, and tag + category
    // beats the category alone of its neighbours: nearest first, the newer of two as near.
    expect(titles(related, target)).toEqual(["p2000", "p1000", "p2500"]);
  });
});
