/**
 * Reads a WordPress export as a stream: a strict XML 1.0 parser with namespaces (saxes) turns the
 * text into channel facts and one WxrItem at a time, so a 10,000-item export never sits in memory
 * whole. Refuses, with the line and column, what is not well-formed XML, not a WXR export, or of a
 * WXR version WordPress never wrote.
 */
import { SaxesParser, type SaxesTagNS } from "saxes";
import {
  emptyComment,
  emptyItem,
  KNOWN_WXR_VERSIONS,
  type WxrAuthor,
  type WxrChannel,
  type WxrComment,
  type WxrItem,
  type WxrTerm,
} from "../../import/wxr-types.ts";

export class WxrError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${line}:${column}: ${reason}`);
  }
}

export interface WxrHandlers {
  /** Called once, before the first item (or at the end of an export without items). */
  channel(channel: WxrChannel): void | Promise<void>;
  item(item: WxrItem): void | Promise<void>;
}

const NAMESPACES: Array<[RegExp, string]> = [
  [/^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/$/, "wp"],
  [/^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/excerpt\/$/, "excerpt"],
  [/^http:\/\/purl\.org\/rss\/1\.0\/modules\/content\/$/, "content"],
  [/^http:\/\/purl\.org\/dc\/elements\/1\.1\/$/, "dc"],
];

/** `wp:post_id`, `content:encoded`, `title`: an element's name with WordPress's usual prefix, whatever prefix the file used. */
function nameOf(tag: SaxesTagNS): string {
  if (tag.uri === "") return tag.local;
  const prefix = NAMESPACES.find(([re]) => re.test(tag.uri))?.[1];
  return prefix === undefined ? `{${tag.uri}}${tag.local}` : `${prefix}:${tag.local}`;
}

/** Feeds text chunks through the parser; resolves once the whole export has been read. */
export async function readWxr(chunks: AsyncIterable<string>, handlers: WxrHandlers): Promise<WxrChannel> {
  const reader = new WxrAssembler();
  const parser = new SaxesParser({ xmlns: true, position: true });
  parser.on("doctype", () => reader.fail(parser, "a WordPress export has no DOCTYPE (refused, as WordPress's importer does)"));
  parser.on("opentag", (tag) => reader.open(nameOf(tag), tag, parser));
  parser.on("closetag", (tag) => reader.close(nameOf(tag), parser));
  parser.on("text", (text) => reader.text(text));
  parser.on("cdata", (text) => reader.text(text));
  const drain = async () => {
    for (const event of reader.take()) {
      if (event.kind === "channel") await handlers.channel(event.channel);
      else await handlers.item(event.item);
    }
  };
  let first = true;
  try {
    for await (const chunk of chunks) {
      if (first) {
        first = false;
        notXml(chunk);
      }
      parser.write(chunk);
      await drain();
    }
    parser.close();
  } catch (error) {
    throw asWxrError(error, parser);
  }
  reader.end(parser);
  await drain();
  return reader.channel;
}

/** A file whose first character is not `<` (a JSON file, a Markdown export) is refused at once, not at its end. */
function notXml(start: string): void {
  const at = /^\uFEFF?\s*/.exec(start)?.[0] ?? "";
  if (at.length === start.length || start[at.length] === "<") return;
  const lines = at.split("\n");
  const column = (lines.at(-1)?.replace(/^\uFEFF/, "").length ?? 0) + 1;
  throw new WxrError(lines.length, column, "not XML: a WordPress export starts with <?xml or <rss");
}

function asWxrError(error: unknown, parser: SaxesParser): WxrError {
  if (error instanceof WxrError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const m = /^(\d+):(\d+): ([\s\S]*)$/.exec(message);
  if (m) return new WxrError(Number(m[1]), Number(m[2]) + 1, `not well-formed XML: ${m[3]}`);
  return new WxrError(parser.line, parser.column + 1, message);
}

type Event = { kind: "channel"; channel: WxrChannel } | { kind: "item"; item: WxrItem };

/** Turns the parser's open/close/text events into channel facts and items. */
class WxrAssembler {
  readonly channel: WxrChannel = {
    title: "",
    link: "",
    description: "",
    language: "",
    wxrVersion: "",
    baseSiteUrl: "",
    baseBlogUrl: "",
    authors: [],
    terms: [],
  };
  private stack: string[] = [];
  private buffer = "";
  private events: Event[] = [];
  private channelSent = false;
  private item: WxrItem | null = null;
  private comment: WxrComment | null = null;
  private meta: { key: string; value: string } | null = null;
  private author: WxrAuthor | null = null;
  private term: WxrTerm | null = null;
  private itemTerm: { domain: string; slug: string } | null = null;

  take(): Event[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  fail(parser: SaxesParser, reason: string): never {
    throw new WxrError(parser.line, parser.column + 1, reason);
  }

  open(name: string, tag: SaxesTagNS, parser: SaxesParser): void {
    const depth = this.stack.length;
    this.stack.push(name);
    this.buffer = "";
    if (depth === 0 && name !== "rss") this.fail(parser, `not a WordPress export: the document is <${tag.name}>, not an RSS <rss> export`);
    if (depth === 1 && name !== "channel") this.fail(parser, `not a WordPress export: <rss> holds <${tag.name}> where <channel> belongs`);
    const parent = this.stack[depth - 1];
    if (parent === "channel") {
      if (name === "item") {
        this.sendChannel(parser);
        this.item = emptyItem(parser.line);
      } else if (name === "wp:author") this.author = { id: "", login: "", displayName: "" };
      else if (name === "wp:category") this.term = term("category");
      else if (name === "wp:tag") this.term = term("post_tag");
      else if (name === "wp:term") this.term = term("");
    } else if (parent === "item") {
      if (name === "wp:postmeta") this.meta = { key: "", value: "" };
      else if (name === "wp:comment") this.comment = emptyComment();
      else if (name === "category") {
        const attr = (local: string) => Object.values(tag.attributes).find((a) => a.local === local && a.uri === "")?.value ?? "";
        this.itemTerm = { domain: attr("domain") || "category", slug: attr("nicename") };
      }
    }
  }

  text(text: string): void {
    if (this.stack.length >= 3) this.buffer += text;
  }

  close(name: string, parser: SaxesParser): void {
    this.stack.pop();
    const parent = this.stack.at(-1);
    const value = this.buffer;
    this.buffer = "";
    if (parent === "channel") this.channelField(name, value, parser);
    else if (parent === "item" && this.item) this.itemField(this.item, name, value);
    else if (parent === "wp:postmeta" && this.meta) {
      if (name === "wp:meta_key") this.meta.key = value.trim();
      else if (name === "wp:meta_value") this.meta.value = value;
    } else if (parent === "wp:comment" && this.comment) commentField(this.comment, name, value);
    else if (parent === "wp:author" && this.author) {
      if (name === "wp:author_id") this.author.id = value.trim();
      else if (name === "wp:author_login") this.author.login = value.trim();
      else if (name === "wp:author_display_name") this.author.displayName = value.trim();
    } else if (this.term && (parent === "wp:category" || parent === "wp:tag" || parent === "wp:term")) termField(this.term, name, value);
  }

  end(parser: SaxesParser): void {
    this.sendChannel(parser);
  }

  private sendChannel(parser: SaxesParser): void {
    if (this.channelSent) return;
    this.channelSent = true;
    if (this.channel.wxrVersion === "") {
      this.fail(parser, "not a WordPress export: no <wp:wxr_version> in the channel (WordPress writes it before the first item)");
    }
    this.events.push({ kind: "channel", channel: this.channel });
  }

  private channelField(name: string, value: string, parser: SaxesParser): void {
    const c = this.channel;
    if (name === "item" && this.item) {
      this.events.push({ kind: "item", item: this.item });
      this.item = null;
    } else if (name === "wp:author" && this.author) {
      if (this.author.login !== "") c.authors.push(this.author);
      this.author = null;
    } else if ((name === "wp:category" || name === "wp:tag" || name === "wp:term") && this.term) {
      if (this.term.slug !== "" || this.term.name !== "") c.terms.push(this.term);
      this.term = null;
    } else if (name === "title") c.title = value.trim();
    else if (name === "link") c.link = value.trim();
    else if (name === "description") c.description = value.trim();
    else if (name === "language") c.language = value.trim();
    else if (name === "wp:base_site_url") c.baseSiteUrl = value.trim();
    else if (name === "wp:base_blog_url") c.baseBlogUrl = value.trim();
    else if (name === "wp:wxr_version") {
      c.wxrVersion = value.trim();
      if (!(KNOWN_WXR_VERSIONS as readonly string[]).includes(c.wxrVersion)) {
        this.fail(parser, `WXR version "${c.wxrVersion}" is not one WordPress has written (known: ${KNOWN_WXR_VERSIONS.join(", ")})`);
      }
    }
  }

  private itemField(item: WxrItem, name: string, value: string): void {
    switch (name) {
      case "title":
        item.title = value.trim();
        break;
      case "link":
        item.link = value.trim();
        break;
      case "dc:creator":
        item.creator = value.trim();
        break;
      case "guid":
        item.guid = value.trim();
        break;
      case "content:encoded":
        item.content = value;
        break;
      case "excerpt:encoded":
        item.excerpt = value;
        break;
      case "wp:post_id":
        item.id = value.trim();
        break;
      case "wp:post_date":
        item.date = value.trim();
        break;
      case "wp:post_date_gmt":
        item.dateGmt = value.trim();
        break;
      case "wp:post_modified":
        item.modified = value.trim();
        break;
      case "wp:post_modified_gmt":
        item.modifiedGmt = value.trim();
        break;
      case "wp:post_name":
        item.name = value.trim();
        break;
      case "wp:status":
        item.status = value.trim();
        break;
      case "wp:post_parent":
        item.parent = value.trim() || "0";
        break;
      case "wp:menu_order":
        item.menuOrder = Number.parseInt(value.trim(), 10) || 0;
        break;
      case "wp:post_type":
        item.type = value.trim();
        break;
      case "wp:post_password":
        item.password = value;
        break;
      case "wp:is_sticky":
        item.sticky = value.trim() === "1";
        break;
      case "wp:attachment_url":
        item.attachmentUrl = value.trim();
        break;
      case "category":
        if (this.itemTerm) item.terms.push({ ...this.itemTerm, name: value.trim() });
        this.itemTerm = null;
        break;
      case "wp:postmeta":
        if (this.meta && this.meta.key !== "") item.meta.push(this.meta);
        this.meta = null;
        break;
      case "wp:comment":
        if (this.comment) item.comments.push(this.comment);
        this.comment = null;
        break;
    }
  }
}

function term(taxonomy: string): WxrTerm {
  return { id: "", taxonomy, slug: "", name: "", parent: "", description: "" };
}

function termField(t: WxrTerm, name: string, value: string): void {
  const v = value.trim();
  if (name === "wp:term_id") t.id = v;
  else if (name === "wp:category_nicename" || name === "wp:tag_slug" || name === "wp:term_slug") t.slug = v;
  else if (name === "wp:cat_name" || name === "wp:tag_name" || name === "wp:term_name") t.name = v;
  else if (name === "wp:category_parent" || name === "wp:term_parent") t.parent = v;
  else if (name === "wp:category_description" || name === "wp:tag_description" || name === "wp:term_description") t.description = v;
  else if (name === "wp:term_taxonomy") t.taxonomy = v;
}

function commentField(c: WxrComment, name: string, value: string): void {
  const v = value.trim();
  if (name === "wp:comment_id") c.id = v;
  else if (name === "wp:comment_author") c.author = v;
  else if (name === "wp:comment_author_url") c.authorUrl = v;
  else if (name === "wp:comment_date") c.date = v;
  else if (name === "wp:comment_date_gmt") c.dateGmt = v;
  else if (name === "wp:comment_content") c.content = value;
  else if (name === "wp:comment_approved") c.approved = v;
  else if (name === "wp:comment_type") c.type = v;
  else if (name === "wp:comment_parent") c.parent = v || "0";
}
