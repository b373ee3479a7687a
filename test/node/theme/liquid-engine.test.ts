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
