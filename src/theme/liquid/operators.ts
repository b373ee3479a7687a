/**
 * Liquid's operators as Jekyll's documents meet them. A post's `page` and its entry in `site.posts`
 * are one object in Jekyll (Document#to_liquid keeps the drop it made), so `post == page` holds for
 * the page's own entry and `post != page` leaves it out of a related-posts list; here `page` is a
 * copy with more fields, which names the entry it stands for under SAME_DOCUMENT. Only `==` and `!=`
 * see it: `site.posts contains page` is false in Jekyll (the list holds documents, not their drops).
 * Two times are equal when they are the same instant, as Ruby's Time#== has it (`post.date == page.date`).
 */
import { type Context, defaultOperators, type Operators } from "liquidjs";

type Binary = (l: unknown, r: unknown, ctx: Context) => unknown;

/** On a page's variables: the object in `site.posts` that is the same document. */
export const SAME_DOCUMENT = Symbol("same document");

/** Whether two values are one document, as Jekyll compares documents: by identity. */
export function sameDocument(l: unknown, r: unknown): boolean {
  const left = documentOf(l);
  const right = documentOf(r);
  return (left !== undefined || right !== undefined) && (left ?? l) === (right ?? r);
}

/** Whether both sides are times, which are equal as instants (Ruby's Time#==), not as objects. */
export function sameInstant(l: unknown, r: unknown): boolean | null {
  return l instanceof Date && r instanceof Date ? l.getTime() === r.getTime() : null;
}

function documentOf(value: unknown): unknown {
  return typeof value === "object" && value !== null ? (value as { [SAME_DOCUMENT]?: unknown })[SAME_DOCUMENT] : undefined;
}

const equals = defaultOperators["=="] as Binary;
const differs = defaultOperators["!="] as Binary;

export const JEKYLL_OPERATORS: Operators = {
  ...defaultOperators,
  "==": function* (l, r, ctx) {
    if (sameDocument(l, r)) return true;
    return sameInstant(l, r) ?? (yield equals(l, r, ctx));
  },
  "!=": function* (l, r, ctx) {
    if (sameDocument(l, r)) return false;
    const same = sameInstant(l, r);
    return same === null ? yield differs(l, r, ctx) : !same;
  },
};
