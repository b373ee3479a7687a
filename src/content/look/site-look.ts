/**
 * The `_config.yml` keys minima users set to change the built-in theme's look without copying it:
 * `logo` (or `avatar`), `accent`, `social` (and minima's `github_username`…), `footer`, and the
 * header's links, `nav` and minima's `header_pages`. A value that cannot be used is a warning and is
 * left out; the publish goes on. Only the built-in templates read the result (`page.edgepress.look`,
 * the header's navigation): a site's own theme keeps its own meaning for these keys. Pure.
 */
import type { NavLink, SiteLook, SocialLink } from "../../model/site.ts";
import type { Problem } from "../problem.ts";
import type { ConfigDocument } from "../site-config.ts";
import { cssColour } from "./css-colour.ts";

/** A network's name as shown, and the address a user name is appended to. */
const NETWORKS: Record<string, readonly [string, string]> = {
  github: ["GitHub", "https://github.com/"],
  gitlab: ["GitLab", "https://gitlab.com/"],
  twitter: ["Twitter", "https://twitter.com/"],
  x: ["X", "https://x.com/"],
  bluesky: ["Bluesky", "https://bsky.app/profile/"],
  linkedin: ["LinkedIn", "https://www.linkedin.com/in/"],
  instagram: ["Instagram", "https://www.instagram.com/"],
  facebook: ["Facebook", "https://www.facebook.com/"],
  youtube: ["YouTube", "https://www.youtube.com/"],
  flickr: ["Flickr", "https://www.flickr.com/photos/"],
  dribbble: ["Dribbble", "https://dribbble.com/"],
  keybase: ["Keybase", "https://keybase.io/"],
  telegram: ["Telegram", "https://t.me/"],
  // minima writes stackoverflow_username as `123/name`, after /users/.
  stackoverflow: ["Stack Overflow", "https://stackoverflow.com/users/"],
  mastodon: ["Mastodon", ""],
  email: ["Email", "mailto:"],
};

const ADDRESS = /^(?:https?:\/\/[^\s"<>]+|mailto:[^\s"<>]+)$/i;
const USER_NAME = /^@?[\w.+-]+(?:\/[\w.+-]+)*$/;

export interface LookConfig {
  look?: SiteLook;
  /** `nav:` as written, when usable: replaces the engine's navigation. */
  nav?: NavLink[];
  headerPages?: string[];
  warnings: Problem[];
}

export function lookFromConfig(config: ConfigDocument): LookConfig {
  const { data, lines, file } = config;
  const warnings: Problem[] = [];
  const warn = (key: string, reason: string) => warnings.push({ file, line: lines[key] ?? lines[key.split(".")[0] ?? key] ?? 1, reason });
  const look: SiteLook = {};

  const logoKey = data.logo !== undefined && data.logo !== null ? "logo" : "avatar";
  const logo = data[logoKey];
  if (logo !== undefined && logo !== null) {
    const src = typeof logo === "string" ? imageSource(logo.trim()) : null;
    if (src !== null) look.logo = src;
    else warn(logoKey, `${logoKey} must be an image's path on the site or an http(s) address; it is left out`);
  }

  if (data.accent !== undefined && data.accent !== null) {
    const colour = typeof data.accent === "string" ? cssColour(data.accent) : null;
    if (colour !== null) look.accent = colour;
    else
      warn(
        "accent",
        `accent ${JSON.stringify(data.accent)} is not a CSS colour (#0b5cad, rgb(), hsl() or a name such as teal); it is ignored`,
      );
  }

  const social = socialLinks(data, warn);
  if (social.length > 0) look.social = social;

  if (typeof data.footer === "string" || typeof data.footer === "number") look.footer = String(data.footer).trim();
  else if (data.footer !== undefined && data.footer !== null) warn("footer", "footer must be text; it is ignored");

  const out: LookConfig = { warnings };
  if (Object.keys(look).length > 0) out.look = look;
  const nav = navLinks(data.nav, warn);
  if (nav !== null) out.nav = nav;
  if (data.header_pages !== undefined && data.header_pages !== null) {
    const pages = Array.isArray(data.header_pages) ? data.header_pages.filter((p): p is string => typeof p === "string") : [];
    if (pages.length > 0) out.headerPages = pages.map((p) => p.trim().replace(/^\.?\//, ""));
    else warn("header_pages", "header_pages must be a list of page files (about.md); it is ignored");
  }
  return out;
}

/** A path on the site (made absolute, as minima's `relative_url` does) or an http(s) address. */
function imageSource(value: string): string | null {
  if (/^https?:\/\/[^\s"<>]+$/i.test(value)) return value;
  if (/^\/?[\w.~%@+-]+(?:\/[\w.~%@+-]+)*$/.test(value) && !value.startsWith("//")) return value.startsWith("/") ? value : `/${value}`;
  return null;
}

type Warn = (key: string, reason: string) => void;

/** `social:` as a map (network → address or user name) or a list, then minima's NETWORK_username keys and `minima.social_links`. */
function socialLinks(data: Record<string, unknown>, warn: Warn): SocialLink[] {
  const links: SocialLink[] = [];
  const add = (key: string, network: string, value: unknown) => {
    // chirpy's `social.links`: a list of profile addresses, each named by its host.
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === "string" && ADDRESS.test(item.trim())) links.push(addressLink(item.trim()));
      return;
    }
    const link = typeof value === "string" || typeof value === "number" ? socialLink(network, String(value).trim()) : null;
    if (link !== null) links.push(link);
    // A key that names no network (chirpy's `social.name`) may be another theme's data: only a known network's value is checked.
    else if (NETWORKS[network.toLowerCase()] !== undefined)
      warn(key, `${key}: ${JSON.stringify(value)} is neither an http(s) address nor a ${network} user name; it is left out`);
  };
  const list = (key: string, value: unknown) => {
    if (Array.isArray(value)) {
      for (const item of value) {
        const entry = (item ?? {}) as Record<string, unknown>;
        const network = entry.network ?? entry.platform ?? entry.name ?? entry.title;
        const target = entry.url ?? entry.user_url ?? entry.username ?? entry.user;
        if (typeof network === "string") add(key, network, target);
        else warn(key, `${key}: each entry needs a network (or name) and a url (or username); one is left out`);
      }
    } else if (value !== null && typeof value === "object") {
      for (const [network, target] of Object.entries(value)) add(`${key}.${network}`, network, target);
    } else if (value !== undefined && value !== null) warn(key, `${key} must be a map (github: name) or a list of links; it is ignored`);
  };
  list("social", data.social);
  const minima = data.minima as Record<string, unknown> | undefined;
  if (minima !== null && typeof minima === "object") list("minima.social_links", minima.social_links);
  for (const [key, value] of Object.entries(data)) {
    const network = /^(\w+)_username$/.exec(key)?.[1];
    if (network !== undefined && NETWORKS[network] !== undefined && value !== null && value !== "") add(key, network, value);
  }
  return links;
}

function socialLink(network: string, value: string): SocialLink | null {
  const known = NETWORKS[network.toLowerCase()];
  const name = known?.[0] ?? network;
  if (ADDRESS.test(value)) return { name, href: value };
  if (network.toLowerCase() === "email" && /^[^\s@<>"]+@[^\s@<>"]+$/.test(value)) return { name, href: `mailto:${value}` };
  if (known === undefined || !USER_NAME.test(value)) {
    // A fediverse handle, @user@host, is the profile https://host/@user.
    const handle = /^@?([\w.-]+)@([\w-]+(?:\.[\w-]+)+)$/.exec(value);
    return handle && network.toLowerCase() === "mastodon" ? { name, href: `https://${handle[2]}/@${handle[1]}` } : null;
  }
  if (known[1] === "") return null;
  return { name, href: `${known[1]}${known[1] === "mailto:" ? value : value.replace(/^@/, "")}` };
}

/** A profile address alone, named by its network when the host is one's (`https://github.com/you` → GitHub), else by its host. */
function addressLink(href: string): SocialLink {
  const host = /^[a-z]+:\/\/(?:www\.)?([^/:?#]+)/i.exec(href)?.[1]?.toLowerCase() ?? href;
  const known = Object.values(NETWORKS).find(([, base]) => base !== "" && host === /\/\/(?:www\.)?([^/]+)/.exec(base)?.[1]);
  return { name: known?.[0] ?? host, href };
}

/** `nav:` as a list of `{title, url}`; null when absent or unusable. */
function navLinks(value: unknown, warn: Warn): NavLink[] | null {
  if (value === undefined || value === null) return null;
  const links = Array.isArray(value)
    ? value.flatMap((item) => {
        const entry = (item ?? {}) as Record<string, unknown>;
        const url = entry.url ?? entry.href ?? entry.path;
        return typeof entry.title === "string" && typeof url === "string" ? [{ title: entry.title, path: url.trim() }] : [];
      })
    : [];
  if (links.length === 0 || links.length !== (value as unknown[]).length) {
    warn("nav", "nav must be a list of links, each with a title and a url; it is ignored");
    return null;
  }
  return links;
}
