/**
 * What a post's own page shows beyond its body, worked out at publish time from the rendered HTML:
 * the body with a link beside each heading, the table of contents, the reading time and the picture
 * for link previews. Feeds and excerpts use the body without the heading links.
 */
import { withHeadingLinks } from "../markdown/headings/heading-links.ts";
import { tocHeadings, tocTree } from "../markdown/headings/toc.ts";
import type { PostImage, TocEntry } from "../model/page-models.ts";
import type { ImageSizes } from "./images/image-sizes.ts";
import { postImage } from "./images/post-image.ts";
import type { PostOptions } from "./post-options.ts";
import { readingMinutes } from "./reading-time.ts";

/** Posts with this many sections or more get a table of contents unless their front matter says `toc: false`. */
export const TOC_MIN_SECTIONS = 4;

export interface Article {
  /** The body as the post's page shows it: headings carry their links. */
  html: string;
  /** Sections for the table of contents, or null when the page shows none. */
  toc: TocEntry[] | null;
  readingMinutes: number;
  image: PostImage | null;
}

/** `html`: the rendered body; `text`: its plain text (the excerpt step has it already). */
export function articleOf(permalink: string, html: string, text: string, options: PostOptions, sizes: ImageSizes): Article {
  const headings = tocHeadings(html);
  const wanted = options.toc ?? headings.length >= TOC_MIN_SECTIONS;
  return {
    html: withHeadingLinks(html),
    toc: wanted && headings.length > 0 ? tocTree(headings) : null,
    readingMinutes: readingMinutes(text),
    image: postImage(options.image, html, permalink, sizes),
  };
}
