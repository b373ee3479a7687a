/**
 * Video and audio: `[youtube URL]`, `[youtube=URL]` (WordPress.com), `[vimeo URL]`, `[embed]URL[/embed]`,
 * `[video src=… mp4=…]`, `[audio src=… mp3=…]`. YouTube and Vimeo become their privacy-friendly players,
 * loaded lazily; files become native players; anything else becomes a link, so the reader can still follow it.
 */
import { escapeHtml, httpUrl } from "./escape.ts";
import type { RenderContext, ShortcodeFamily } from "./family.ts";
import type { Shortcode } from "./parse.ts";

export const embedFamily: ShortcodeFamily = {
  names: { youtube: "never", vimeo: "never", embed: "required", video: "optional", audio: "optional" },
  render(sc, ctx) {
    if (sc.name === "video" || sc.name === "audio") return mediaFile(sc, ctx);
    const url = httpUrl(sc.name === "embed" ? (sc.content ?? "") : (sc.args[0] ?? sc.attrs.url ?? sc.attrs.src));
    if (!url) {
      // `[youtube ID]` with a bare video id.
      const id = sc.args[0] ?? sc.attrs.id;
      return sc.name === "youtube" && id && /^[\w-]{11}$/.test(id) ? youtubePlayer(id, ctx) : null;
    }
    return player(url, ctx) ?? link(url.href, ctx);
  },
};

function player(url: URL, ctx: RenderContext): string | null {
  const youtube = youtubeId(url);
  if (youtube) return youtubePlayer(youtube, ctx);
  const vimeo = /(?:^|\.)vimeo\.com$/.test(url.hostname) ? /\/(\d{5,})(?:\/|$)/.exec(url.pathname)?.[1] : undefined;
  if (vimeo) return frame(`https://player.vimeo.com/video/${vimeo}?dnt=1`, "Vimeo video", ctx);
  return null;
}

export function youtubeId(url: URL): string | null {
  const host = url.hostname.replace(/^(?:www|m)\./, "");
  let id: string | null | undefined = null;
  if (host === "youtu.be") id = url.pathname.split("/")[1];
  else if (host === "youtube.com" || host === "youtube-nocookie.com") {
    id = url.searchParams.get("v") ?? /^\/(?:embed|v|shorts|live)\/([^/?]+)/.exec(url.pathname)?.[1];
  }
  return id && /^[\w-]{11}$/.test(id) ? id : null;
}

function youtubePlayer(id: string, ctx: RenderContext): string {
  return frame(`https://www.youtube-nocookie.com/embed/${id}`, "YouTube video", ctx);
}

function frame(src: string, title: string, ctx: RenderContext): string {
  const iframe = `<iframe src="${escapeHtml(src)}" title="${title}" width="560" height="315" loading="lazy" allow="encrypted-media; picture-in-picture; fullscreen" allowfullscreen></iframe>`;
  return ctx.block ? `<div class="embed">${iframe}</div>\n` : iframe;
}

function link(href: string, ctx: RenderContext): string {
  const a = `<a href="${escapeHtml(href)}">${escapeHtml(href)}</a>`;
  return ctx.block ? `<p>${a}</p>\n` : a;
}

const VIDEO_SOURCES = ["src", "mp4", "m4v", "webm", "ogv", "wmv", "flv", "mov"];
const AUDIO_SOURCES = ["src", "mp3", "m4a", "ogg", "oga", "wav", "wma", "flac"];

function mediaFile(sc: Shortcode, ctx: RenderContext): string | null {
  const keys = sc.name === "video" ? VIDEO_SOURCES : AUDIO_SOURCES;
  const url = keys.map((k) => httpUrl(sc.attrs[k])).find((u) => u !== null) ?? httpUrl(sc.args[0]);
  if (!url) return null;
  if (sc.name === "video") {
    const embedded = player(url, ctx);
    if (embedded) return embedded;
  }
  const size = sc.name === "video" ? dimensions(sc) : "";
  const poster = httpUrl(sc.attrs.poster);
  const tag = sc.name;
  const el = `<${tag} controls preload="none" src="${escapeHtml(url.href)}"${size}${poster ? ` poster="${escapeHtml(poster.href)}"` : ""}><a href="${escapeHtml(url.href)}">Download the ${tag}</a></${tag}>`;
  return ctx.block ? `<div class="embed-file">${el}</div>\n` : el;
}

function dimensions(sc: Shortcode): string {
  const w = sc.attrs.width ?? "";
  const h = sc.attrs.height ?? "";
  return /^\d{1,4}$/.test(w) && /^\d{1,4}$/.test(h) ? ` width="${w}" height="${h}"` : "";
}
