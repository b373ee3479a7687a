/**
 * The site-wide files an export makes, beside the posts: `_config.yml` from the channel, and Jekyll-style
 * `_data/` files the engine reads: navigation (the menus), categories with their parents and
 * descriptions, tags, authors and attachments. Slugs are WordPress's own, so old archive addresses
 * keep working.
 */
import { stringify } from "yaml";
import { hierarchicalPath } from "../content/site-data/term-paths.ts";
import type { ImportedFile } from "./convert-item.ts";
import { menus } from "./menus.ts";
import type { SiteIndex } from "./site-index.ts";
import { type OldHosts, sitePathOf, uploadPath } from "./upload-links.ts";
import { fixedZone } from "./wxr-dates.ts";

export interface SiteFileOptions {
  hosts: OldHosts;
  uploadExists: (rel: string) => boolean;
  /** The menu to make the site's navigation, by slug; null picks one. */
  menu: string | null;
  /** The usual UTC offset of the site's dates, for `timezone:`. */
  offset: number | null;
}

export interface SiteFiles {
  files: ImportedFile[];
  /** Uploads-folder paths of attachments whose file came along. */
  used: string[];
  /** The menu that became the navigation, if any. */
  mainMenu: string | null;
}

export function siteFiles(index: SiteIndex, options: SiteFileOptions): SiteFiles {
  const { channel } = index;
  const config: Record<string, unknown> = { title: channel.title || "My Blog" };
  if (channel.description !== "") config.description = channel.description;
  const url = origin(channel.baseBlogUrl || channel.link);
  if (url !== null) config.url = url;
  if (channel.language !== "") config.lang = channel.language;
  const zone = options.offset === null ? null : fixedZone(options.offset);
  if (zone !== null) config.timezone = zone;
  const files: ImportedFile[] = [yamlFile("_config.yml", config, "Site settings, from the WordPress export's channel.")];

  const categories = channel.terms.filter((t) => t.taxonomy === "category");
  const parentOf = new Map(categories.map((t) => [t.slug, t.parent]));
  files.push(
    yamlFile(
      "_data/categories.yml",
      categories.map((t) => ({
        id: numeric(t.id),
        name: t.name,
        slug: t.slug,
        ...(t.parent !== "" ? { parent: t.parent } : {}),
        ...(t.description !== "" ? { description: t.description } : {}),
        path: hierarchicalPath("category", t.slug, (slug) => parentOf.get(slug) ?? ""),
      })),
      "Categories: WordPress's slugs, parents (by slug) and descriptions.",
    ),
  );
  const tags = channel.terms.filter((t) => t.taxonomy === "post_tag");
  files.push(
    yamlFile(
      "_data/tags.yml",
      tags.map((t) => ({ id: numeric(t.id), name: t.name, slug: t.slug, ...(t.description !== "" ? { description: t.description } : {}) })),
      "Tags with WordPress's slugs.",
    ),
  );
  const authors: Record<string, unknown> = {};
  for (const a of channel.authors) {
    authors[a.login] = { name: a.displayName || a.login, slug: userNicename(a.login), ...(a.id !== "" ? { id: numeric(a.id) } : {}) };
  }
  files.push(yamlFile("_data/authors.yml", authors, "Authors by login: display name and the slug of their /author/ archive."));

  const used: string[] = [];
  const attachments: Record<string, unknown> = {};
  for (const a of index.attachments.values()) {
    const rel = a.file ?? uploadPath(a.url, options.hosts);
    const local = rel !== null && options.uploadExists(rel);
    if (local && rel !== null) used.push(rel);
    attachments[a.id] = {
      file: local && rel !== null ? sitePathOf(rel) : a.url,
      ...(a.title !== "" ? { title: a.title } : {}),
      ...(a.caption !== "" ? { caption: a.caption } : {}),
      ...(a.alt !== "" ? { alt: a.alt } : {}),
      ...(a.description !== "" ? { description: a.description } : {}),
      ...(a.parent !== "0" && a.parent !== "" ? { parent: numeric(a.parent) } : {}),
      ...(a.order !== 0 ? { order: a.order } : {}),
      ...(a.linkPath !== null ? { page: a.linkPath } : {}),
    };
  }
  files.push(yamlFile("_data/attachments.yml", attachments, "Uploaded files by WordPress id: galleries and featured images name them."));

  const nav = menus(index, options.hosts, options.menu);
  files.push(yamlFile("_data/navigation.yml", nav.data, "Menus: `main` is the site's navigation; the others are kept by their slug."));
  return { files, used, mainMenu: nav.main };
}

function yamlFile(path: string, data: unknown, comment: string): ImportedFile {
  return { path, text: `# ${comment}\n${stringify(data, { lineWidth: 0, aliasDuplicateObjects: false })}` };
}

function origin(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.origin : null;
  } catch {
    return null;
  }
}

/** The slug WordPress gives a user's archive: sanitize_title() of the login (`John.Smith` → `john-smith`). */
export function userNicename(login: string): string {
  return login
    .toLowerCase()
    .replace(/\./g, "-")
    .replace(/[^a-z0-9_\s-]/g, "")
    .trim()
    .replace(/\s+/g, "-")
    .replace(/-+/g, "-")
    .slice(0, 50);
}

function numeric(id: string): string | number {
  return /^\d{1,15}$/.test(id) ? Number(id) : id;
}
