/** `_config.yml` keys for the built-in theme are checked at publish: a value that cannot be used is a `_config.yml:LINE` warning and is left out. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileSite } from "../../../src/compile/compile-site.ts";
import { cssColour } from "../../../src/content/look/css-colour.ts";
import { lookFromConfig } from "../../../src/content/look/site-look.ts";
import { formatWarning } from "../../../src/content/problem.ts";
import { readConfigDocument } from "../../../src/content/site-config.ts";

const FIXTURE = readFileSync(new URL("../../fixtures/site-look/_config.yml", import.meta.url), "utf8");

function look(text: string) {
  const read = readConfigDocument("_config.yml", text);
  if (!("ok" in read)) throw new Error("bad YAML");
  return lookFromConfig(read.ok);
}

describe("the built-in theme's _config.yml keys", () => {
  it("accepts hex, rgb(), hsl() and named colours and nothing else", () => {
    for (const ok of ["#0b5cad", "#fff", "#0b5cad80", "rgb(11, 92, 173)", "rgb(11 92 173 / 50%)", "hsl(210deg 88% 36%)", "Teal"])
      expect(cssColour(ok), ok).not.toBeNull();
    for (const bad of ["red;}body{display:none", "#12345", "url(x)", "var(--x)", "notacolour", "rgb(1,2,3);x", "expression(alert(1))"])
      expect(cssColour(bad), bad).toBeNull();
  });

  it("warns at each unusable key's line, keeps what is usable, and goes on", () => {
    const read = look(FIXTURE);
    expect(read.warnings.map(formatWarning)).toEqual([
      "_config.yml:3: warning: logo must be an image's path on the site or an http(s) address; it is left out",
      '_config.yml:2: warning: accent "red;}body{display:none" is not a CSS colour (#0b5cad, rgb(), hsl() or a name such as teal); it is ignored',
      '_config.yml:6: warning: social.twitter: "not a handle!" is neither an http(s) address nor a twitter user name; it is left out',
      "_config.yml:7: warning: nav must be a list of links, each with a title and a url; it is ignored",
    ]);
    expect(read.look).toEqual({ social: [{ name: "GitHub", href: "https://github.com/tidewriter" }], footer: "Written by the sea" });
    expect(read.nav).toBeUndefined();
  });

  it("publishes with the warnings, and without them for a site drawn by its own theme", () => {
    const post = { path: "_posts/2021-05-01-a.md", text: "---\ntitle: A\n---\nWords.\n", inPosts: true };
    const content = { files: [post], config: { path: "_config.yml", text: FIXTURE }, media: [], skipped: [], problems: [] };
    const built = compileSite(content);
    expect(built.build).not.toBeNull();
    expect(built.warnings.filter((w) => w.file === "_config.yml")).toHaveLength(4);
    const own = compileSite({ ...content, layouts: [{ path: "default.html", text: "<main>{{ content }}</main>" }] });
    expect(own.build).not.toBeNull();
    expect(own.warnings.filter((w) => w.file === "_config.yml")).toEqual([]);
  });

  it("reads a list of social links, minima's user name keys and a mastodon handle", () => {
    const read = look(
      "social:\n  - network: Mastodon\n    username: '@tides@social.example'\n  - name: Blog ring\n    url: https://ring.example/\ngithub_username: tw\n",
    );
    expect(read.look?.social).toEqual([
      { name: "Mastodon", href: "https://social.example/@tides" },
      { name: "Blog ring", href: "https://ring.example/" },
      { name: "GitHub", href: "https://github.com/tw" },
    ]);
  });

  it("reads chirpy's social map (a name, an email, a list of addresses) without warnings", () => {
    const read = look(
      "social:\n  name: Some One\n  email: someone@example.org\n  links:\n    - https://github.com/someone\n    - https://blog.example/\n",
    );
    expect(read.warnings).toEqual([]);
    expect(read.look?.social).toEqual([
      { name: "Email", href: "mailto:someone@example.org" },
      { name: "GitHub", href: "https://github.com/someone" },
      { name: "blog.example", href: "https://blog.example/" },
    ]);
  });
});
