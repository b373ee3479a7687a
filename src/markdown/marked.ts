/**
 * The one configured Marked instance, shared by the Worker (which renders post bodies) and the
 * publisher (which renders excerpts and search text). Same input, same HTML, wherever it runs.
 */
import { Marked, type Token, type Tokens } from "marked";
import { footnotes } from "./footnotes.ts";
import { headingIds } from "./headings/heading-ids.ts";
import { highlighting } from "./highlight/index.ts";
import { highlightRawPre } from "./highlight/raw-pre.ts";
import { htmlContainers } from "./html-container.ts";
import { fixUnknownTags, normalizeHeadings } from "./html-hygiene.ts";
import { lazyImages } from "./lazy-images.ts";
import { markMore } from "./more.ts";
import { quotedPre } from "./quoted-pre.ts";
import { NO_RENDER_DATA, type RenderData, renderDataOf, withRenderData } from "./render-data.ts";
import { shortcodes } from "./shortcodes/index.ts";
import { modernizeGalleries } from "./wp-gallery.ts";

const marked = new Marked({
  gfm: true,
  // WordPress bodies break lines inside HTML blocks for layout only; a newline is not a <br>.
  breaks: false,
  async: false,
  hooks: {
    processAllTokens(tokens) {
      if (renderDataOf(this.options).keepHeadingLevels !== true) normalizeHeadings(tokens as Token[]);
      return tokens;
    },
  },
  walkTokens(token) {
    if (token.type === "html") {
      const html = token as Tokens.HTML;
      // Unknown tags first: a `<ssid>` inside a SyntaxHighlighter block is then text the code shows.
      html.text = highlightRawPre(fixUnknownTags(html.text));
    }
  },
});
marked.use(quotedPre(), htmlContainers(), shortcodes(), highlighting(), footnotes(), {
  hooks: { postprocess: (html) => headingIds(lazyImages(html)) },
});

/**
 * Markdown (with raw HTML, which passes through untouched: WordPress's `<p style>` blocks, `<a><img></a>`,
 * entities as the author wrote them) to HTML. WordPress shortcodes become what WordPress showed (see
 * shortcodes/), and images after the first load lazily. `data` is what the post's galleries may show.
 */
export function renderMarkdown(source: string, data: RenderData = NO_RENDER_DATA): string {
  return marked.parse(modernizeGalleries(markMore(source)), withRenderData({ async: false }, data)) as string;
}
