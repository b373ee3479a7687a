/**
 * Jekyll's `sort` of a map (lib/jekyll/filters.rb: `input.sort`, Ruby's Hash#sort): its `[key, value]`
 * pairs, ordered by key. Themes list categories this way (`site.categories | sort`, then `| first` for the
 * name and `| last` for the posts); liquidjs sorts a map as a list of one. Lists go to liquidjs's own.
 */
import type { FilterImplOptions } from "liquidjs";

export function jekyllSort(original: FilterImplOptions | undefined): FilterImplOptions | undefined {
  if (typeof original !== "function") return original;
  return function (this: unknown, input: unknown, ...rest: unknown[]): unknown {
    if (rest[0] !== undefined || typeof input !== "object" || input === null || Array.isArray(input) || input instanceof Date) {
      return original.call(this as never, input, ...rest);
    }
    return Object.entries(input).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  };
}
