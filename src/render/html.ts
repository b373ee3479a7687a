/**
 * Templates escape every interpolated value (Hono's `html` tag). Post bodies are the one thing
 * that is not escaped, and they pass through `trustedPostHtml` here, so that stays one decision.
 */
import { html as honoHtml, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

export type Html = HtmlEscapedString;

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  const out = honoHtml(strings, ...values);
  // Our templates never interpolate promises; a promise here is a bug, not something to await.
  if (out instanceof Promise) throw new TypeError("template received an async value");
  return out;
}

/** HTML the author published (their post bodies and excerpts), inserted as written. */
export function trustedPostHtml(markup: string): Html {
  return raw(markup);
}

/** HTML this code built itself (e.g. JSON-LD already escaped for its context). */
export function builtHtml(markup: string): Html {
  return raw(markup);
}
