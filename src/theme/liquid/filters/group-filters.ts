/**
 * Jekyll's `group_by` and `group_by_exp` give each group its `size` beside `name` and `items`
 * (lib/jekyll/filters/grouping_filters.rb); liquidjs's give only the two, so `group.size` would
 * count the keys. These wrap liquidjs's own.
 */
import type { FilterImplOptions } from "liquidjs";

type Group = { name: unknown; items: unknown[] };

export function withGroupSizes(original: FilterImplOptions | undefined): FilterImplOptions | undefined {
  if (typeof original !== "function") return original;
  return function* (this: unknown, ...args: unknown[]): Generator<unknown, unknown, unknown> {
    const result: unknown = original.apply(this as never, args as never);
    const groups = (isGenerator(result) ? yield* result : result) as Group[];
    return groups.map((g) => ({ name: g.name, items: g.items, size: g.items.length }));
  };
}

function isGenerator(value: unknown): value is Generator<unknown, unknown, unknown> {
  return typeof value === "object" && value !== null && typeof (value as { next?: unknown }).next === "function";
}
