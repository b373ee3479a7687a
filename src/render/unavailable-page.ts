/**
 * The page shown when the site cannot be served (nothing published, KV failing). It needs no release
 * and no theme from the store, so it cannot fail for the same reason the request did: it carries the
 * built-in theme's styles from the bundle.
 */
import styles from "../theme/built-in/_includes/styles.css";
import { escapeHtml } from "../theme/escape-html.ts";

const STYLES = styles.replace(/\r?\n/g, "");

export function renderUnavailablePage(message: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Temporarily unavailable</title>
<meta name="robots" content="noindex">
<style>${STYLES}</style>
</head>
<body>
<main id="main" class="wrap">
<h1>Temporarily unavailable</h1>
<p>${escapeHtml(message)}</p>
</main>
</body>
</html>
`;
}
