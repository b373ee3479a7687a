/** Pages for answers that are not content: not found, and the site being unavailable. */
import { html, trustedPostHtml } from "./html.ts";
import { layout } from "./layout.ts";
import type { PageContext } from "./page-context.ts";

/** The site's own 404 text (its `404.html`, published as written) when it has one, else ours. */
export function renderNotFoundPage(ctx: PageContext): string {
  const own = ctx.site.notFoundHtml;
  const body =
    own !== undefined
      ? html`<div class="content">${trustedPostHtml(own)}</div>
<p><a href="/">Go to the home page</a> to see the latest posts.</p>`
      : html`<h1>Page not found</h1>
<p>There is nothing at this address. It may have moved, or the link that brought you here may be mistyped.</p>
<p><a href="/">Go to the home page</a> to see the latest posts.</p>`;
  return layout(ctx, { title: "Page not found", description: "", index: false, body });
}
