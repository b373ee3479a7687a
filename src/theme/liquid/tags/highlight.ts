/**
 * Jekyll's `{% highlight lang [linenos] %}…{% endhighlight %}` (lib/jekyll/tags/highlight.rb): Liquid
 * inside is rendered, leading and trailing line breaks dropped, and the code written in Rouge's markup,
 * `<figure class="highlight"><pre><code class="language-x" data-lang="x">`. The tokens inside are
 * coloured by the caller's highlighter: Rouge's token classes (`k`, `s`, `nf`) in a page the site's own
 * theme draws, highlight.js's where the built-in theme does. `linenos` (`linenos=table`, any value) puts
 * the code in Rouge's line-number table where the caller asks for it (`numberedHighlight`).
 */
import { type Context, type Liquid, Tag, type TagToken, type Template, type TopLevelToken } from "liquidjs";
import { HIGHLIGHT_TAG_TABLE, rougeTable } from "../../../markdown/highlight/rouge-table.ts";
import type { RenderState } from "../state.ts";

const SYNTAX = /^([a-zA-Z0-9.+#_-]+)\s*((?:\w+(?:=(?:(?:\w|[0-9_-])+|"(?:[0-9]+\s)*[0-9]+"))?\s*)*)$/;

export function highlightTag(state: RenderState) {
  return class HighlightTag extends Tag {
    private readonly lang: string;
    private readonly linenos: boolean;
    private readonly templates: Template[] = [];

    constructor(
      token: TagToken,
      remain: TopLevelToken[],
      liquid: Liquid,
      parser: { parseToken(t: TopLevelToken, r: TopLevelToken[]): Template },
    ) {
      super(token, remain, liquid);
      const m = SYNTAX.exec(token.args.trim());
      if (m === null)
        throw new Error(`syntax error in highlight: "${token.args.trim()}"; write {% highlight lang %} (linenos after it is an option)`);
      this.lang = (m[1] ?? "").toLowerCase();
      // Jekyll's parse_options: `linenos`, `linenos=table` and `linenos=inline` all number the lines with Rouge.
      this.linenos = /(?:^|\s)linenos(?:=|\s|$)/.test(m[2] ?? "");
      for (let next = remain.shift(); next !== undefined; next = remain.shift()) {
        if ("name" in next && next.name === "endhighlight") return;
        this.templates.push(parser.parseToken(next, remain));
      }
      throw new Error(`${token.getText()} is not closed by {% endhighlight %}`);
    }

    *render(ctx: Context): Generator<unknown, string, unknown> {
      const inner = String(yield this.liquid.renderer.renderTemplates(this.templates, ctx));
      const code = inner.replace(/^(?:\r?\n)+|(?:\r?\n)+$/g, "");
      const highlighted = state.site.highlight?.(code, this.lang) ?? null;
      const tokens = highlighted === null ? escapeCode(code) : highlighted.replace(/\n$/, "");
      const body = this.linenos && state.site.numberedHighlight === true ? rougeTable(tokens, HIGHLIGHT_TAG_TABLE) : tokens;
      const attrs = `class="language-${escapeCode(this.lang.replace(/\+/g, "-"))}" data-lang="${escapeCode(this.lang)}"`;
      return `<figure class="highlight"><pre><code ${attrs}>${body}</code></pre></figure>`;
    }
  };
}

/** Rouge escapes only these three in code. */
function escapeCode(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
