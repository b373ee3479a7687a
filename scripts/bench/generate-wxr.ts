/**
 * A synthetic WordPress export of N items for the import benchmark: posts (classic and block content,
 * categories, tags, custom fields, comments), pages under parents, attachments and menu items, written
 * as a stream so the generator itself stays small.
 */

import { once } from "node:events";
import { createWriteStream } from "node:fs";

export async function generateWxr(file: string, items: number): Promise<void> {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Bench export</title><link>https://bench.example</link><description>Generated</description><language>en</language>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://bench.example</wp:base_site_url><wp:base_blog_url>https://bench.example</wp:base_blog_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[bench]]></wp:author_login><wp:author_display_name><![CDATA[Bench Writer]]></wp:author_display_name></wp:author>
`);
  for (let c = 0; c < 20; c++) {
    await write(
      `<wp:category><wp:term_id>${c + 1}</wp:term_id><wp:category_nicename>c${c}</wp:category_nicename><wp:category_parent>${c >= 10 ? `c${c - 10}` : ""}</wp:category_parent><wp:cat_name><![CDATA[Category ${c}]]></wp:cat_name></wp:category>\n`,
    );
  }
  for (let i = 1; i <= items; i++) await write(item(i));
  await write("</channel>\n</rss>\n");
  out.end();
  await once(out, "finish");
}

function item(i: number): string {
  const date = new Date(Date.UTC(2005, 0, 1) + i * 3_600_000 * 7);
  const local = date.toISOString().slice(0, 19).replace("T", " ");
  const ymd = local.slice(0, 10).replaceAll("-", "/");
  const kind = i % 10 === 0 ? "attachment" : i % 25 === 1 ? "page" : i % 50 === 7 ? "nav_menu_item" : "post";
  const para = `Item ${i} is about tides, boats and <em>harbours</em>, with a <a href="https://bench.example/wp-content/uploads/2005/01/p${i}.jpg">photo</a>.`;
  const content =
    i % 3 === 0
      ? `<!-- wp:paragraph -->\n<p>${para}</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:list -->\n<ul><li>one</li><li>two</li></ul>\n<!-- /wp:list -->`
      : `${para}\nA second line.\n\n<!--more-->\n\n${para.repeat(6)}\n\n<pre>code ${i}\n\n  indented</pre>`;
  const link = kind === "page" ? `https://bench.example/page-${i}/` : `https://bench.example/${ymd}/item-${i}/`;
  const comments = [1, 2, 3]
    .map(
      (n) =>
        `<wp:comment><wp:comment_id>${i * 10 + n}</wp:comment_id><wp:comment_author><![CDATA[Reader ${n}]]></wp:comment_author><wp:comment_author_email>r${n}@example.org</wp:comment_author_email><wp:comment_author_url>https://reader${n}.example/</wp:comment_author_url><wp:comment_author_IP>192.0.2.${n}</wp:comment_author_IP><wp:comment_date>${local}</wp:comment_date><wp:comment_date_gmt>${local}</wp:comment_date_gmt><wp:comment_content><![CDATA[Comment ${n} on item ${i}.\n\nSecond paragraph.]]></wp:comment_content><wp:comment_approved>${n === 3 ? "spam" : "1"}</wp:comment_approved><wp:comment_type></wp:comment_type><wp:comment_parent>${n === 2 ? i * 10 + 1 : 0}</wp:comment_parent></wp:comment>`,
    )
    .join("");
  const meta =
    kind === "nav_menu_item"
      ? `<wp:postmeta><wp:meta_key>_menu_item_type</wp:meta_key><wp:meta_value>post_type</wp:meta_value></wp:postmeta><wp:postmeta><wp:meta_key>_menu_item_object_id</wp:meta_key><wp:meta_value>1</wp:meta_value></wp:postmeta><wp:postmeta><wp:meta_key>_menu_item_menu_item_parent</wp:meta_key><wp:meta_value>0</wp:meta_value></wp:postmeta><category domain="nav_menu" nicename="primary">Primary</category>`
      : `<wp:postmeta><wp:meta_key>mood</wp:meta_key><wp:meta_value><![CDATA[calm ${i % 7}]]></wp:meta_value></wp:postmeta>`;
  return `<item><title><![CDATA[Item ${i}: ${kind}]]></title><link>${link}</link><dc:creator><![CDATA[bench]]></dc:creator><guid isPermaLink="false">https://bench.example/?p=${i}</guid><description></description>
<content:encoded><![CDATA[${kind === "attachment" || kind === "nav_menu_item" ? "" : content}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>${i}</wp:post_id><wp:post_date>${local}</wp:post_date><wp:post_date_gmt>${local}</wp:post_date_gmt><wp:post_name>item-${i}</wp:post_name><wp:status>${kind === "attachment" ? "inherit" : i % 97 === 0 ? "draft" : "publish"}</wp:status>
<wp:post_parent>${kind === "attachment" ? i - 1 : 0}</wp:post_parent><wp:menu_order>0</wp:menu_order><wp:post_type>${kind}</wp:post_type><wp:post_password></wp:post_password><wp:is_sticky>${i % 500 === 3 ? 1 : 0}</wp:is_sticky>
${kind === "attachment" ? `<wp:attachment_url>https://bench.example/wp-content/uploads/2005/01/p${i}.jpg</wp:attachment_url>` : ""}<category domain="category" nicename="c${i % 20}"><![CDATA[Category ${i % 20}]]></category><category domain="post_tag" nicename="t${i % 50}"><![CDATA[t${i % 50}]]></category>
${meta}${kind === "post" ? comments : ""}</item>
`;
}
