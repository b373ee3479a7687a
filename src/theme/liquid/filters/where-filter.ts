/**
 * Jekyll's `where` (lib/jekyll/filters.rb, compare_property_vs_target): an item matches when its
 * property, or one element of it when it is a list, is the value as text. So `where: "pin", "true"`
 * finds `pin: true` (chirpy's pinned posts) and `where: "year", "2020"` finds `year: 2020`; liquidjs
 * compares with `===`, which finds neither. A nil value finds items without the property; `empty`,
 * `blank` and a list or map as the value go to liquidjs's own, as do inputs that are not lists.
 */
import type { FilterImplOptions } from "liquidjs";

export function jekyllWhere(original: FilterImplOptions | undefined): FilterImplOptions | undefined {
  if (typeof original !== "function") return original;
  return function (this: unknown, input: unknown, property: unknown, value: unknown): unknown {
    const list = Array.isArray(input) ? input : isRecord(input) ? Object.values(input) : null;
    const simple = value === null || value === undefined || ["string", "number", "boolean"].includes(typeof value);
    if (list === null || !simple || typeof property !== "string" || property === "")
      return original.call(this as never, input, property, value);
    const target = value === null || value === undefined ? null : rubyText(value);
    return list.filter((item) => {
      const found = propertyOf(item, property);
      if (target === null) return found === null || found === undefined;
      if (typeof found === "string") return found === target;
      return (Array.isArray(found) ? found : [found]).some((v) => v !== null && v !== undefined && rubyText(v) === target);
    });
  };
}

/** `a.b.c` reads nested maps, as Jekyll 4's item_property does. */
function propertyOf(item: unknown, property: string): unknown {
  let value: unknown = item;
  for (const key of property.split(".")) value = isRecord(value) ? value[key] : undefined;
  return value;
}

/** Ruby's to_s of a scalar, as far as JavaScript tells them apart (a YAML `1.0` is 1 here). */
function rubyText(value: unknown): string {
  return String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
