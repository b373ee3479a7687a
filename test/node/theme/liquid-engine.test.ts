/** The Liquid engine's own rules beyond Jekyll's output: bounds, error places, unknown tags and filters, includes. */
import { describe, expect, it } from "vitest";
import { type LiquidSite, renderLiquid } from "../../../src/theme/liquid/index.ts";

function site(more: Partial<LiquidSite> = {}): LiquidSite {
  return {
    includes: new Map([
      ["bad.html", "line one\n{% if x %}never closed"],
      ["self.html", "{% include self.html %}"],
    ]),
    files: new Map(),
    postUrl: () => null,
    link: () => null,
    url: "",
    baseurl: "",
    timezone: "UTC",
    ...more,
  };
}

const run = (source: string, more: Partial<LiquidSite> = {}) =>
  renderLiquid(site(more), { source, file: "_posts/2020-01-01-a.md", line: 5, scope: {} });

describe("Liquid engine", () => {
  it("stops a template that would run for ever, at its file and line", () => {
    const result = run("x\n{% for i in (1..100000000) %}{% assign y = i | append: 'x' %}{% endfor %}");
    expect(result).toMatchObject({ problem: { file: "_posts/2020-01-01-a.md", line: 6, column: 1 } });
    expect("problem" in result && result.problem.reason).toMatch(/limit exceeded/);
  });

  it("places a syntax error at file:line:column, counting the front matter before the body", () => {
    expect(run("ok\n  {% for in %}{% endfor %}")).toMatchObject({ problem: { file: "_posts/2020-01-01-a.md", line: 6, column: 3 } });
  });

  it("places an error inside an include in the include's file", () => {
    expect(run("{% include bad.html %}")).toMatchObject({ problem: { file: "_includes/bad.html", line: 2, column: 1 } });
  });

  it("stops an include that includes itself", () => {
    const result = run("{% include self.html %}");
    expect("problem" in result && result.problem.reason).toMatch(/nested more than 24 deep/);
  });

  it("keeps an unknown tag as written with a warning, and gives an unknown filter's input back", () => {
    const result = run("a {% gist 123 %} {% render 'x' %}\n{{ 'v' | sassy_filter }}");
    expect(result).toMatchObject({ ok: "a {% gist 123 %} {% render 'x' %}\nv" });
    expect(result.warnings.map((w) => `${w.line}: ${w.reason.split(":")[0]}`)).toEqual([
      "5: unknown tag gist",
      "5: unknown tag render",
      "6: unknown filter sassy_filter",
    ]);
  });

  it("renders unknown variables empty, as Jekyll does", () => {
    expect(run("[{{ message }}][{{ site.nothing.here }}]")).toMatchObject({ ok: "[][]", warnings: [] });
  });

  it("asks what a missing include becomes, and keeps it as written when nothing", () => {
    const missing = (name: string) => (name === "toc" ? "<nav>toc</nav>" : null);
    const result = run("{% include toc %} {% include figure.html src=a %}", { missingInclude: missing });
    expect(result).toMatchObject({ ok: "<nav>toc</nav> {% include figure.html src=a %}" });
    expect(result.warnings.map((w) => w.reason)).toEqual([
      "_includes/figure.html is not in the site, so {% include figure.html src=a %} is shown as written (Jekyll stops on it)",
    ]);
  });

  it("draws include_cached as include, parameters and all, when the site names jekyll-include-cache", () => {
    const includes = new Map([["card.html", "<b>{{ include.title }}</b>{{ page.n }}"]]);
    const source = "{% include_cached card.html title=t %}|{% include card.html title=t %}|{% include_cached card.html title='two' %}";
    const scope = { t: "one", page: { n: 7 } };
    const result = renderLiquid(site({ includes, plugins: ["jekyll-include-cache"] }), { source, file: "index.html", scope });
    expect(result).toEqual({ ok: "<b>one</b>7|<b>one</b>7|<b>two</b>7", warnings: [] });
  });

  it("finds an include named with a leading slash under _includes/, as Jekyll's path join does", () => {
    const includes = new Map([["parts/note.html", "<i>{{ include.n }}</i>"]]);
    expect(run("{% include /parts/note.html n=1 %}", { includes })).toEqual({ ok: "<i>1</i>", warnings: [] });
  });

  it("names a missing include_cached file under _includes/, and keeps the tag unknown when the plugin is not named", () => {
    const missing = run("{% include_cached nope.html %}", { plugins: ["jekyll-include-cache"] });
    expect(missing.warnings.map((w) => w.reason)).toEqual([
      "_includes/nope.html is not in the site, so {% include_cached nope.html %} is shown as written (Jekyll stops on it)",
    ]);
    const unnamed = run("{% include_cached self.html %}");
    expect(unnamed).toMatchObject({ ok: "{% include_cached self.html %}" });
    expect(unnamed.warnings.map((w) => w.reason.split(":")[0])).toEqual(["unknown tag include_cached"]);
  });

  it("passes over parentheses in conditions as Jekyll's lax parser does (answers from jekyll build 4.3.1)", () => {
    const source = [
      '{% assign t = "x" %}{% assign f = false %}',
      'A[{% if t and (t != "y") %}yes{% else %}no{% endif %}]',
      "B[{% if (t or f) and f %}yes{% else %}no{% endif %}]",
      'C[{% unless (t == "x") %}yes{% else %}no{% endunless %}]',
      'D[{% if f %}1{% elsif (t == "x") %}2{% endif %}]',
      "E[{% for i in (1..3) %}{{ i }}{% endfor %}{% if (1..3) contains 2 %}!{% endif %}]",
      'H[{% if t == "(a)" %}yes{% else %}no{% endif %}]',
      "{% raw %}{% if (kept) %}{% endraw %}",
    ].join("\n");
    expect(run(source)).toEqual({
      ok: ["", "A[yes]", "B[yes]", "C[no]", "D[2]", "E[123!]", "H[no]", "{% if (kept) %}"].join("\n"),
      warnings: [],
    });
  });

  it("keeps the column of an error after parentheses in a condition", () => {
    expect(run("{% if (a == b) %}{% for in %}{% endfor %}{% endif %}")).toMatchObject({ problem: { line: 5, column: 18 } });
  });

  it("writes highlight in Rouge's markup, escaping what Rouge escapes", () => {
    expect(run('{% highlight no-such-lang %}\na < "b"\n{% endhighlight %}')).toMatchObject({
      ok: '<figure class="highlight"><pre><code class="language-no-such-lang" data-lang="no-such-lang">a &lt; "b"</code></pre></figure>',
    });
  });

  it("reads a.[b] as a[b], as Ruby's Liquid does, in outputs and tags but not in the page's text", () => {
    const scope = { d: { tabs: { about: "About" } }, n: "about" };
    const source = "{{ d.tabs.[n] | upcase }} {% assign t = d.tabs.[n] %}{{ t }} {% if d.tabs.[n] == 'About' %}yes{% endif %} text.[n]";
    // The expected text is Debian jekyll's Liquid 4 (Liquid::Template.parse(source).render(scope)).
    expect(renderLiquid(site(), { source, file: "_includes/sidebar.html", scope })).toMatchObject({ ok: "ABOUT About yes text.[n]" });
  });
});
