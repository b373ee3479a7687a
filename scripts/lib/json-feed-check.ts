/**
 * What JSON Feed 1.1 (https://jsonfeed.org/version/1.1) requires of a feed, checked field by field.
 * Written from the spec's text, apart from our renderer, so the two cannot share a mistake silently.
 */

const isString = (v: unknown): v is string => typeof v === "string";
const isUrl = (v: unknown) => isString(v) && /^https?:\/\/\S+$/.test(v);
const isDate = (v: unknown) => isString(v) && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v);

/** Every way `doc` falls short of JSON Feed 1.1; empty when it is a valid feed. */
export function jsonFeedProblems(doc: unknown): string[] {
  const problems: string[] = [];
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return ["the feed is not a JSON object"];
  const feed = doc as Record<string, unknown>;
  if (feed.version !== "https://jsonfeed.org/version/1.1") problems.push(`version is ${JSON.stringify(feed.version)}, not the 1.1 URL`);
  if (!isString(feed.title) || feed.title === "") problems.push("title (required) is missing or empty");
  for (const key of ["home_page_url", "feed_url", "icon", "favicon"]) {
    if (feed[key] !== undefined && !isUrl(feed[key])) problems.push(`${key} is not an absolute URL`);
  }
  if (feed.authors !== undefined) problems.push(...authorProblems(feed.authors, "feed"));
  if (!Array.isArray(feed.items)) return [...problems, "items (required) is not an array"];
  const ids = new Set<string>();
  feed.items.forEach((raw: unknown, i) => {
    const where = `items[${i}]`;
    if (typeof raw !== "object" || raw === null) {
      problems.push(`${where} is not an object`);
      return;
    }
    const item = raw as Record<string, unknown>;
    if (!isString(item.id) || item.id === "") problems.push(`${where}.id (required) is not a non-empty string`);
    else if (ids.has(item.id)) problems.push(`${where}.id ${item.id} is not unique`);
    else ids.add(item.id);
    if (!isString(item.content_html) && !isString(item.content_text)) problems.push(`${where} has neither content_html nor content_text`);
    if (item.url !== undefined && !isUrl(item.url)) problems.push(`${where}.url is not an absolute URL`);
    for (const key of ["date_published", "date_modified"]) {
      if (item[key] !== undefined && !isDate(item[key])) problems.push(`${where}.${key} is not an RFC 3339 date`);
    }
    if (item.tags !== undefined && !(Array.isArray(item.tags) && item.tags.every(isString)))
      problems.push(`${where}.tags is not a list of strings`);
    if (item.authors !== undefined) problems.push(...authorProblems(item.authors, where));
  });
  return problems;
}

function authorProblems(authors: unknown, where: string): string[] {
  if (!Array.isArray(authors)) return [`${where}.authors is not an array`];
  return authors.flatMap((a, i) =>
    typeof a === "object" && a !== null && ["name", "url", "avatar"].some((k) => isString((a as Record<string, unknown>)[k]))
      ? []
      : [`${where}.authors[${i}] has none of name, url, avatar`],
  );
}
