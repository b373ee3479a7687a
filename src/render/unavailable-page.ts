/**
 * The page shown when the site cannot be served (nothing published, KV failing). It needs no release,
 * so it cannot fail for the same reason the request did.
 */
import { builtHtml, html } from "./html.ts";
import { STYLES } from "./styles.ts";

export function renderUnavailablePage(message: string): string {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Temporarily unavailable</title>
<meta name="robots" content="noindex">
<style>${builtHtml(STYLES)}</style>
</head>
<body>
<main id="main" class="wrap">
<h1>Temporarily unavailable</h1>
<p>${message}</p>
</main>
</body>
</html>
`.toString();
}
