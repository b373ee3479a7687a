/**
 * WordPress menus (nav_menu_item items) as `_data/navigation.yml`, in minimal-mistakes' shape:
 * `main: [{title, url, children?}]` for the site's navigation, and every menu under its own slug.
 * Items point at posts, pages and terms by id; an item whose target is not served is left out, as
 * WordPress leaves out menu items of unpublished or deleted things.
 */
import { hierarchicalPath } from "../content/site-data/term-paths.ts";
import { type IndexedMenuItem, permalinkOf, type SiteIndex, stripTags } from "./site-index.ts";
import type { OldHosts } from "./upload-links.ts";

export interface NavEntry {
  title: string;
  url: string;
  children?: NavEntry[];
}

/** Names that themes give the header menu's location, and that authors give its menu. */
const MAIN = /^(?:primary|main|header|top|menu-1|main-menu|primary-menu|header-menu|top-menu)$/;

export function menus(index: SiteIndex, hosts: OldHosts, wanted: string | null): { data: Record<string, NavEntry[]>; main: string | null } {
  const bySlug = new Map<string, IndexedMenuItem[]>();
  for (const item of index.menuItems) {
    const slug = item.menu || "menu";
    const list = bySlug.get(slug) ?? [];
    list.push(item);
    bySlug.set(slug, list);
  }
  const data: Record<string, NavEntry[]> = {};
  for (const [slug, items] of bySlug) data[slug] = tree(items, index, hosts);
  const slugs = Object.keys(data);
  const main =
    (wanted !== null && wanted in data ? wanted : null) ??
    slugs.find((s) => MAIN.test(s)) ??
    [...slugs].sort((a, b) => (bySlug.get(b)?.length ?? 0) - (bySlug.get(a)?.length ?? 0))[0] ??
    null;
  return { data: main === null ? data : { main: data[main] ?? [], ...data }, main };
}

function tree(items: readonly IndexedMenuItem[], index: SiteIndex, hosts: OldHosts): NavEntry[] {
  const sorted = [...items].sort((a, b) => a.order - b.order || Number(a.id) - Number(b.id));
  const entries = new Map<string, NavEntry>();
  for (const item of sorted) {
    const target = targetOf(item, index, hosts);
    if (target !== null) entries.set(item.id, target);
  }
  const roots: NavEntry[] = [];
  const ids = new Set(sorted.map((i) => i.id));
  for (const item of sorted) {
    const entry = entries.get(item.id);
    if (!entry) continue;
    if (item.parent === "0" || !ids.has(item.parent)) {
      roots.push(entry);
      continue;
    }
    // A child of an item that was left out goes with it.
    const parent = entries.get(item.parent);
    if (!parent) continue;
    parent.children ??= [];
    parent.children.push(entry);
  }
  return roots;
}

function targetOf(item: IndexedMenuItem, index: SiteIndex, hosts: OldHosts): NavEntry | null {
  if (item.kind === "post_type") {
    const target = index.items.get(item.objectId);
    if (target?.status !== "publish" || target.password) return null;
    const url = permalinkOf(index, item.objectId);
    return url === null ? null : { title: item.title || stripTags(target.title), url };
  }
  if (item.kind === "taxonomy") {
    const term = index.channel.terms.find((t) => t.id === item.objectId && t.taxonomy === item.object);
    if (!term || (term.taxonomy !== "category" && term.taxonomy !== "post_tag")) return null;
    const parentOf = (slug: string) => index.channel.terms.find((t) => t.taxonomy === "category" && t.slug === slug)?.parent ?? "";
    return {
      title: item.title || term.name,
      url: hierarchicalPath(term.taxonomy === "category" ? "category" : "tag", term.slug, parentOf),
    };
  }
  if (item.url === "" || item.title === "") return null;
  return { title: item.title, url: ownPath(item.url, hosts) };
}

/** A custom link to the old site becomes a path on the new one; other links stay as they are. */
function ownPath(url: string, hosts: OldHosts): string {
  try {
    const u = new URL(url);
    if (!hosts.has(u.host.toLowerCase())) return url;
    return `${u.pathname}${u.search}${u.hash}`;
  } catch {
    return url;
  }
}
