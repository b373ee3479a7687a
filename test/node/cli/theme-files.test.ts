/**
 * A site's own theme files (test/fixtures/jekyll/theme-files): every file Jekyll copies as it is (CSS,
 * scripts, fonts, JSON, a source map, a web manifest) is published as a static asset at its path with
 * its media type, and a Sass file with front matter is compiled to CSS with `_sass/` as its load path;
 * a Sass error stops the publish at its file, line and column, with nothing written.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Miniflare } from "miniflare";
import { describe, expect, it } from "vitest";
import { runCli, tempFolder } from "../helpers/cli.ts";

const FIXTURE = resolve(import.meta.dirname, "../../fixtures/jekyll/theme-files");

/** A copy of the fixture with one of its `_variants/` as `_config.yml` and `changes` written over it. */
function site(variant = "default", changes: Record<string, string> = {}): string {
  const root = tempFolder({});
  cpSync(FIXTURE, root, { recursive: true, filter: (src) => !/[/\\]_(variants|expected)$/.test(src) });
  writeFileSync(join(root, "_config.yml"), readFileSync(join(FIXTURE, "_variants", `${variant}.yml`)));
  for (const [path, text] of Object.entries(changes)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

async function publish(root: string) {
  const assets = join(tempFolder({}), "assets");
  const run = await runCli(["publish", "--content", root, "--assets", assets], { cwd: "/" });
  return { ...run, assets, file: (path: string) => readFileSync(join(assets, path), "utf8") };
}

describe("a site's own static files and Sass", () => {
  it("publishes every file Jekyll copies, and the compiled Sass, as static assets; none is a left-out template", async () => {
    const run = await publish(site());
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stdout.join("\n")).not.toMatch(/Left out|\.scss/);
    for (const path of [
      "static/css/plain.css",
      "static/css/raw.scss",
      "static/js/site.js",
      "static/js/site.js.map",
      "static/fonts/body.woff2",
      "static/fonts/body.ttf",
      "site.webmanifest",
      "data.json",
      "blogroll.xml",
      "notes.md",
    ]) {
      expect(readFileSync(join(run.assets, path)), path).toEqual(readFileSync(join(FIXTURE, path)));
    }
    // Excluded (`exclude:`, Jekyll's own Gemfile), in a `_` folder, a partial, the Sass source itself: not published.
    for (const path of ["excluded/left-out.js", "Gemfile", "_private/hidden.css", "_sass/theme/_colours.scss", "static/css/style.scss"]) {
      expect(existsSync(join(run.assets, path)), path).toBe(false);
    }
    // The partial from _sass/ and `{{ site.accent }}` from _config.yml, in Dart Sass's default style.
    expect(run.file("static/css/style.css")).toBe(
      'body {\n  color: #222;\n}\nbody a {\n  color: #0a7e5c;\n}\nbody::after {\n  content: "light";\n}',
    );
    expect(run.file("assets/css/indented.css")).toBe(".indented {\n  color: #111;\n}");
  });

  it("honours sass: style and sass_dir", async () => {
    const run = await publish(site("sass-settings"));
    expect(run.code).toBe(0);
    expect(run.file("static/css/style.css")).toBe('body{color:#111}body a{color:#0a7e5c}body::after{content:"light"}');
  });

  it("serves them with their media types and the headers every asset has", async () => {
    const run = await publish(site());
    const mf = new Miniflare({
      modules: true,
      script: 'export default { fetch() { return new Response("from the Worker", { status: 404 }); } };',
      compatibilityDate: "2026-04-20",
      assets: { directory: run.assets, routerConfig: { has_user_worker: true } },
    });
    try {
      for (const [path, type] of [
        ["/static/css/style.css", /^text\/css/],
        ["/static/css/plain.css", /^text\/css/],
        ["/static/js/site.js", /^text\/javascript/],
        ["/static/fonts/body.woff2", /^font\/woff2$/],
        ["/static/fonts/body.ttf", /^font\/ttf$/],
        ["/site.webmanifest", /^application\/manifest\+json$/],
        ["/data.json", /^application\/json$/],
      ] as const) {
        const res = await mf.dispatchFetch(`https://blog.example${path}`);
        await res.arrayBuffer();
        expect(res.status, path).toBe(200);
        expect(res.headers.get("Content-Type"), path).toMatch(type);
        expect(res.headers.get("X-Content-Type-Options"), path).toBe("nosniff");
        expect(res.headers.get("Cache-Control"), path).toMatch(/^public, max-age=86400/);
      }
    } finally {
      await mf.dispose();
    }
  });

  it("stops at a Sass error with its file, line and column, and writes nothing", async () => {
    const root = site("default", { "static/css/broken.scss": "---\n---\nbody {\n  color: $undefined-colour;\n}\n" });
    const run = await publish(root);
    expect(run.code).toBe(1);
    expect(run.stderr).toEqual([
      "Nothing was published: 1 problem to fix first.",
      "static/css/broken.scss:4:10: Sass: Undefined variable.",
    ]);
    expect(run.kv.writes).toEqual([]);
    expect(existsSync(run.assets)).toBe(false);
  });

  it("names the partial an error is in", async () => {
    const root = site("default", { "_sass/theme/_colours.scss": "$ink: #222;\n.x { color: $paper; }\n" });
    const run = await publish(root);
    expect(run.code).toBe(1);
    expect(run.stderr[1]).toBe("_sass/theme/_colours.scss:2:13: Sass: Undefined variable.");
  });

  it("leaves out, with a warning, a stylesheet whose gem theme is not in the site", async () => {
    const root = site("default", {
      "static/css/gem.scss": '---\n---\n@import "minima";\n',
      "_config.yml": `${readFileSync(join(FIXTURE, "_config.yml"), "utf8")}theme: minima\n`,
    });
    const run = await publish(root);
    expect(run.code).toBe(0);
    expect(run.stderr).toEqual([
      "static/css/gem.scss:3:9: warning: Sass: Can't find stylesheet to import.; the site names the theme minima, whose files are not in the site, so static/css/gem.scss is left out",
      // The site only names its theme: the publish says how to copy its files in (compile/named-theme.ts).
      expect.stringMatching(/^_config\.yml:6: warning: theme: minima is a gem this engine does not bundle/),
    ]);
    expect(run.stdout).toContain("  static/css/gem.scss (/static/css/gem.css): nothing answers there now");
  });

  it("runs a stylesheet's Liquid before Sass, with the site's variables, filters and tags, as Jekyll does", async () => {
    const root = site("default", {
      // chirpy counts its tabs this way, and themes loop over a list of colours from _config.yml.
      "static/css/looped.scss":
        "---\n---\n$n: {{ site.posts | size | plus: 1 }};\n{% for c in site.colours %}.c-{{ c }} { color: {{ c }}; }\n{% endfor %}.n { width: $n * 1px; }\n",
      "_config.yml": `${readFileSync(join(FIXTURE, "_variants", "default.yml"), "utf8")}colours: [red, blue]\n`,
    });
    const run = await publish(root);
    expect(run.stderr).toEqual([]);
    expect(run.file("static/css/looped.css")).toBe(".c-red {\n  color: red;\n}\n\n.c-blue {\n  color: blue;\n}\n\n.n {\n  width: 2px;\n}");
  });

  it("stops at a Liquid error in a stylesheet with its file, line and column", async () => {
    const run = await publish(site("default", { "static/css/broken.scss": "---\n---\na { color: red; }\n{% if site.title %}\n" }));
    expect(run.code).toBe(1);
    expect(run.stderr[1]).toMatch(/^static\/css\/broken\.scss:4:1: Liquid: tag \{% if site\.title %\} not closed/);
  });

  it("writes a script, JSON or XML file with front matter through its Liquid and layouts, at its permalink, as Jekyll does", async () => {
    const root = site("default", {
      // chirpy's service worker registration: `layout: compress` and `permalink: /app.js`.
      "_layouts/bare.html": "---\n---\n/* {{ layout.note }} */\n{{ content | strip }}\n",
      "_layouts/compress.html": "---\nlayout: bare\nnote: compressed\n---\n{{ content | strip_newlines }}",
      "static/js/app.js":
        '---\nlayout: compress\npermalink: /app.js\n---\nconst title = {{ site.title | jsonify }};\nconst env = "{{ jekyll.environment }}";\n',
      "static/data/posts.json":
        "---\n---\n[{% for post in site.posts %}{{ post.title | jsonify }}{% unless forloop.last %},{% endunless %}{% endfor %}]\n",
    });
    const run = await publish(root);
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.file("app.js")).toBe('/* compressed */\nconst title = "Theme files fixture";const env = "production";\n');
    expect(run.file("static/data/posts.json")).toBe('["Hello"]\n');
    expect(run.stdout.join("\n")).not.toMatch(/Left out/);
  });

  it("shows a stylesheet's own @warn, and not Sass's deprecation notices, which every theme's @import has", async () => {
    const run = await publish(
      site("default", { "static/css/warned.scss": '---\n---\n@import "theme/colours";\n@warn "ink is #{$ink}";\n' }),
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toEqual(["static/css/warned.scss:4:1: warning: Sass: ink is #222"]);
  });

  it("fails on a missing import when the site names no theme", async () => {
    const run = await publish(site("default", { "static/css/gem.scss": '---\n---\n@import "minima";\n' }));
    expect(run.code).toBe(1);
    expect(run.stderr[1]).toBe("static/css/gem.scss:3:9: Sass: Can't find stylesheet to import.");
  });

  it("keeps our own content folder's rules: its stylesheets and scripts are served, a Markdown file without front matter is not", async () => {
    const root = tempFolder({
      "posts/2020-01-01-hello.md": "---\ntitle: Hello\ndate: 2020-01-01\n---\nHi.\n",
      "README.md": "# Notes for me\n",
      "theme/custom.css": "a { color: red; }\n",
      "theme/custom.js": "void 0;\n",
      "theme/accent.scss": "---\n---\n$a: {{ site.accent | default: teal }};\na { color: $a; }\n",
    });
    const run = await publish(root);
    expect(run.stderr).toEqual([]);
    expect(run.file("theme/custom.css")).toBe("a { color: red; }\n");
    expect(run.file("theme/custom.js")).toBe("void 0;\n");
    expect(run.file("theme/accent.css")).toBe("a {\n  color: teal;\n}");
    expect(existsSync(join(run.assets, "README.md"))).toBe(false);
  });
});
