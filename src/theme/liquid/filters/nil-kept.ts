/**
 * The standard filters that give nil back for nil in Ruby's Liquid (standardfilters.rb: `escape`,
 * `h` and `url_encode` end in `unless input.nil?`, `url_decode`, `truncate` and `truncatewords`
 * start with `return if input.nil?`). liquidjs turns nil into "" first, and "" is true in an `if`:
 * minimal-mistakes' seo.html assigns `page.header.image | absolute_url | escape` and tests it with
 * `{% if %}`, so a post with only a teaser got an empty og:image instead of the teaser.
 */
import type { FilterImplOptions } from "liquidjs";

export const NIL_KEPT_FILTERS = ["escape", "h", "url_encode", "url_decode", "truncate", "truncatewords"] as const;

type Handler = Extract<FilterImplOptions, (...args: never[]) => unknown>;

export function keepNil(filter: FilterImplOptions): FilterImplOptions {
  // A filter may be registered as `{ handler, raw }`; the nil check goes on its handler.
  const handler: Handler = typeof filter === "function" ? filter : filter.handler;
  const kept: Handler = function (this: ThisParameterType<Handler>, input: unknown, ...args: unknown[]): unknown {
    return input === null || input === undefined ? input : handler.call(this, input, ...args);
  };
  return typeof filter === "function" ? kept : { ...filter, handler: kept };
}
