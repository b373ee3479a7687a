/** The search box every list page and the search page carry: a plain GET form, no script. */
import { type Html, html } from "./html.ts";

export function searchForm(query: string): Html {
  return html`<form class="search" role="search" method="get" action="/">
<label for="s">Search</label>
<input type="search" id="s" name="s" value="${query}">
<button type="submit">Search</button>
</form>`;
}
