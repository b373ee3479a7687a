/** Pages for answers that are not content: not found, and the site being unavailable. */
import { html } from "./html.ts";
import { layout } from "./layout.ts";
import type { PageContext } from "./page-context.ts";

export function renderNotFoundPage(ctx: PageContext): string {
  const body = html`<h1>Page not found</h1>
<p>There is nothing at this address. It may have moved, or the link that brought you here may be mistyped.</p>
<p><a href="/">Go to the home page</a> to see the latest posts.</p>`;
  return layout(ctx, { title: "Page not found", description: "", index: false, body });
}
