/** Liquid in a Jekyll site's posts and pages at publish time: what runs, what is left alone, and the table of contents. */
import { describe, expect, it } from "vitest";
import { readSources } from "../../../src/compile/read-sources.ts";
import type { ContentFiles } from "../../../src/content/content-files.ts";
import { renderMarkdown } from "../../../src/markdown/marked.ts";

function content(files: Record<string, string>, includes: Record<string, string> = {}): ContentFiles {
  return {
    files: Object.entries(files).map(([path, text]) => ({ path, text, inPosts: path.startsWith("_posts/") })),
    config: { path: "_config.yml", text: "title: T\n" },
    media: [],
    includes: Object.entries(includes).map(([path, text]) => ({ path, text })),
    skipped: [],
    problems: [],
  };
}

const body = (files: Record<string, string>, source: string, includes?: Record<string, string>) =>
  readSources(content(files, includes)).posts.find((p) => p.source === source)?.body;

describe("Liquid in posts and pages", () => {
  it("runs before Markdown, with the site's includes", () => {
    const files = { "_posts/2020-01-01-a.md": "---\ntitle: A\n---\n{% include note.html text='hi' %} in {{ site.title }}\n" };
    expect(body(files, "_posts/2020-01-01-a.md", { "note.html": "**{{ include.text }}**" })).toBe("**hi** in T\n");
  });

  it("leaves a post alone when its front matter says render_with_liquid: false", () => {
    const files = { "_posts/2020-01-01-a.md": "---\ntitle: A\nrender_with_liquid: false\n---\n{{ site.title }} {% nope %}\n" };
    expect(body(files, "_posts/2020-01-01-a.md")).toBe("{{ site.title }} {% nope %}\n");
  });

  it("keeps a highlighted block with blank lines one code block in Markdown", () => {
    const files = {
      "_posts/2020-01-01-a.md": "---\ntitle: A\n---\n{% highlight text %}\none\n\n    indented\n{% endhighlight %}\n\nAfter.\n",
    };
    const html = renderMarkdown(body(files, "_posts/2020-01-01-a.md") ?? "");
    expect(html).toContain(
      '<figure class="highlight"><pre><code class="language-text" data-lang="text">one&#10;\n    indented</code></pre></figure>',
    );
    expect(html).toContain("<p>After.</p>");
  });

  it("publishes a page whose only theme Liquid is {% include toc %} with the engine's table of contents", () => {
    const files = {
      "_posts/2020-01-01-a.md": "---\ntitle: A\n---\nA\n",
      "guide.md": "---\ntitle: Guide\n---\n{% include toc %}\n\n## One\n\n## Two\n",
    };
    const sources = readSources(content(files));
    const guide = sources.posts.find((p) => p.source === "guide.md");
    expect(sources.templates).toEqual([]);
    expect(guide?.body).toBe("\n\n## One\n\n## Two\n");
    expect(guide?.fields.toc).toBe(true);
  });

  it("still leaves out a page that needs the theme: a missing include, the paginator, a loop over the posts", () => {
    const files = {
      "_posts/2020-01-01-a.md": "---\ntitle: A\n---\nA\n",
      "gallery.md": "---\ntitle: G\n---\n{% include gallery %}\n",
      "list.html": "---\ntitle: L\n---\n{% for p in site.posts %}{{ p.title }}{% endfor %}\n",
    };
    expect(readSources(content(files)).templates.map((t) => t.source)).toEqual(["gallery.md", "list.html"]);
  });
});
