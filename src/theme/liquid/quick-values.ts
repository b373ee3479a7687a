/**
 * The values templates test, assign and print (`{% if post != page and tag == thisTag %}`), worked
 * out by plain calls instead of liquidjs's chain of generators, which costs microseconds per
 * condition: a related-posts loop over `site.posts` × categories runs thousands of them per page.
 * Every step is liquidjs's own (scope lookup, property reads, its operators' rules), so a template
 * renders exactly as before (`and` and `or` stop at the deciding side, as Ruby's Liquid does, with the
 * same answer); what this does not know (ranges, grouped expressions, variables named
 * by a value, strict variables, an async render, other operators) goes through liquidjs unchanged.
 */
import { type Context, isFalsy, isTruthy, type Template, toValue, toValueSync, Value } from "liquidjs";
import { JEKYLL_OPERATORS, sameDocument, sameInstant } from "./operators.ts";

export type Quick = (ctx: Context) => unknown;

export interface TokenLike {
  kind?: number;
  content?: unknown;
  operator?: string;
  variable?: unknown;
  props?: TokenLike[];
}

// liquidjs's TokenKind values (its enum is a `const enum` in the typings, so not readable at run time).
const PROPERTY_ACCESS = 128;
const OPERATOR = 2048;

/** Gives each Value in the parsed templates (outputs, conditions, assignments) a quick way to its value. */
export function quickenTemplates(templates: Template[]): Template[] {
  for (const template of templates) quickenNode(template as unknown as Record<string, unknown>, 0);
  return templates;
}

function quickenNode(node: Record<string, unknown>, depth: number): void {
  // Tags nest as deep as the parser allowed; this walk stops well before the stack would.
  if (depth > 200) return;
  if (node.value instanceof Value) quickenValue(node.value);
  if (Array.isArray(node.branches)) {
    for (const branch of node.branches as Array<Record<string, unknown>>) {
      if (branch.value instanceof Value) quickenValue(branch.value);
      if (Array.isArray(branch.templates)) for (const t of branch.templates) quickenNode(t, depth + 1);
    }
  }
  for (const key of ["templates", "elseTemplates"]) {
    const list = node[key];
    if (Array.isArray(list)) for (const t of list) quickenNode(t, depth + 1);
  }
}

function quickenValue(value: Value): void {
  const initial = quickExpression(value.initial as unknown as { postfix?: TokenLike[] });
  if (initial === null) return;
  const filters = value.filters;
  const slow = Value.prototype.value;
  // A value, not a generator: liquidjs's callers `yield` it, which hands a plain value straight back.
  (value as { value: unknown }).value = function quick(this: Value, ctx: Context, lenient?: boolean) {
    if (!quickContext(ctx)) return slow.call(this, ctx, lenient ?? false);
    let result = initial(ctx);
    for (const filter of filters) result = toValueSync(filter.render(result, ctx));
    return result;
  };
}

/** Whether values may be worked out here: a synchronous render, unknown variables empty, Jekyll's operators (operators.ts). */
export function quickContext(ctx: Context): boolean {
  return ctx.sync && !ctx.strictVariables && ctx.opts.operators === JEKYLL_OPERATORS;
}

/** An Expression's postfix tokens as one function, or null when one of them is not understood here. */
function quickExpression(expression: { postfix?: TokenLike[] }): Quick | null {
  if (!Array.isArray(expression.postfix)) return null;
  const stack: Quick[] = [];
  for (const token of expression.postfix) {
    if (token.kind === OPERATOR) {
      const op = token.operator ?? "";
      if (op === "not") {
        const v = stack.pop();
        if (v === undefined) return null;
        stack.push((ctx) => isFalsy(toValue(v(ctx)), ctx));
        continue;
      }
      const r = stack.pop();
      const l = stack.pop();
      if (r === undefined || l === undefined) return null;
      // Ruby's Liquid stops at the first side that decides `and` and `or`; liquidjs works out both,
      // which gives the same value: a side is a literal or a variable read, and reading has no effect.
      // A related-posts condition (`seen == false and found.size < 6 and post != page and …`) mostly
      // stops at its first or second test.
      if (op === "and") {
        stack.push((ctx) => isTruthy(toValue(l(ctx)), ctx) && isTruthy(toValue(r(ctx)), ctx));
        continue;
      }
      if (op === "or") {
        stack.push((ctx) => isTruthy(toValue(l(ctx)), ctx) || isTruthy(toValue(r(ctx)), ctx));
        continue;
      }
      const binary = BINARY[op];
      if (binary === undefined) return null;
      stack.push((ctx) => binary(l(ctx), r(ctx), ctx));
      continue;
    }
    const operand = quickOperand(token);
    if (operand === null) return null;
    stack.push(operand);
  }
  // liquidjs gives the first operand left; a well-formed expression leaves exactly one.
  const only = stack[0];
  return stack.length === 1 && only !== undefined ? only : null;
}

/** liquidjs's evalToken for a literal or a variable path (`page.title`, `post[0]`, `site.data[name]`), or null for others. */
export function quickOperand(token: TokenLike): Quick | null {
  if ("content" in token) {
    const content = token.content;
    return () => content;
  }
  if (token.kind !== PROPERTY_ACCESS || token.variable !== undefined || !Array.isArray(token.props) || token.props.length === 0)
    return null;
  // `post.categories`, `site.data.nav`: every name written out, so read with no call per name.
  if (token.props.every((prop) => "content" in prop)) return literalPath(token.props.map((prop) => toValue(prop.content)));
  const props: Quick[] = [];
  for (const prop of token.props) {
    const quick = quickOperand(prop);
    if (quick === null) return null;
    props.push((ctx) => toValue(quick(ctx)));
  }
  const [first, ...rest] = props;
  if (first === undefined) return null;
  return (ctx) => {
    const head = first(ctx);
    // The scope `_get` starts from (private in liquidjs's typings, public at run time).
    const from = (ctx as unknown as { findScope(key: unknown): object }).findScope(head);
    let scope: unknown = readProperty(ctx, from, head);
    for (const prop of rest) scope = readProperty(ctx, scope, prop(ctx));
    return scope;
  };
}

/** A variable path of literal names and indexes, read as quickOperand's general path reads it. */
function literalPath(keys: unknown[]): Quick {
  const head = keys[0];
  const rest = keys.slice(1);
  return (ctx) => {
    const from = (ctx as unknown as { findScope(key: unknown): object }).findScope(head);
    let scope = readProperty(ctx, from, head);
    for (let i = 0; i < rest.length; i++) scope = readProperty(ctx, scope, rest[i]);
    return scope;
  };
}

/**
 * liquidjs's `ctx.readProperty` then toValueSync, with a plain object's own data property (what JSON
 * gives: `post.categories`, `page.title`) read directly; anything else (arrays by index, `size`,
 * `first`, `last`, Drops, functions, `toLiquid`, prototype properties) goes through liquidjs.
 */
function readProperty(ctx: Context, obj: unknown, key: unknown): unknown {
  // `found.size`, `post.categories.size`: liquidjs finds no own `size` on a string or a list (nor a
  // `toLiquid` to call first), and answers its length.
  if (key === "size" && (typeof obj === "string" || Array.isArray(obj))) {
    const list = obj as { size?: unknown; toLiquid?: unknown; length: number };
    if (list.size === undefined && list.toLiquid === undefined && !Object.hasOwn(list, "size")) return list.length;
  }
  if (typeof key === "string" && typeof obj === "object" && obj !== null && key !== "size" && key !== "first" && key !== "last") {
    const proto = Object.getPrototypeOf(obj);
    const record = obj as Record<string, unknown>;
    if ((proto === Object.prototype || proto === null) && typeof record.toLiquid !== "function") {
      if (!Object.hasOwn(record, key)) {
        if (ctx.ownPropertyOnly) return undefined;
      } else {
        const value = record[key];
        if (
          typeof value !== "function" &&
          (typeof value !== "object" || value === null || typeof (value as { next?: unknown }).next !== "function")
        )
          return value;
      }
    }
  }
  return toValueSync(ctx.readProperty(obj as object, key as string));
}

/** JEKYLL_OPERATORS, each step as liquidjs takes it (Comparable drops such as `empty` compare themselves). */
const BINARY: Record<string, (l: unknown, r: unknown, ctx: Context) => unknown> = {
  // Two plain values (text, numbers, true, false, nothing) are no document, no Drop and no list: `===` is all that is left.
  "==": (l, r) => (plain(l) && plain(r) ? l === r : sameDocument(l, r) || equals(l, r)),
  "!=": (l, r) => (plain(l) && plain(r) ? l !== r : !sameDocument(l, r) && !equals(l, r)),
  ">": (l, r) =>
    comparable(l) ? toValueSync(l.gt(r)) : comparable(r) ? toValueSync(r.lt(l)) : (toValue(l) as number) > (toValue(r) as number),
  "<": (l, r) =>
    comparable(l) ? toValueSync(l.lt(r)) : comparable(r) ? toValueSync(r.gt(l)) : (toValue(l) as number) < (toValue(r) as number),
  ">=": (l, r) =>
    comparable(l) ? toValueSync(l.geq(r)) : comparable(r) ? toValueSync(r.leq(l)) : (toValue(l) as number) >= (toValue(r) as number),
  "<=": (l, r) =>
    comparable(l) ? toValueSync(l.leq(r)) : comparable(r) ? toValueSync(r.geq(l)) : (toValue(l) as number) <= (toValue(r) as number),
  contains: (l, r) => {
    const list = toValue(l) as unknown;
    if (Array.isArray(list)) return list.some((item) => equals(item, r));
    const indexOf = (list as { indexOf?: unknown } | null | undefined)?.indexOf;
    if (typeof indexOf === "function") return (indexOf as (x: unknown) => number).call(list, toValue(r)) > -1;
    return false;
  },
};

interface Comparable {
  equals(x: unknown): unknown;
  gt(x: unknown): unknown;
  geq(x: unknown): unknown;
  lt(x: unknown): unknown;
  leq(x: unknown): unknown;
}

/** A value that is not an object: liquidjs's `toValue` gives it back as it is, and it has no `equals` of its own. */
function plain(x: unknown): boolean {
  return x === null || (typeof x !== "object" && typeof x !== "function");
}

function comparable(x: unknown): x is Comparable {
  // A Comparable is an object; a string's or number's methods are their prototype's, which have no `equals`.
  if (typeof x !== "object" || x === null) return false;
  const c = x as Partial<Comparable>;
  return (
    !!c &&
    typeof c.equals === "function" &&
    typeof c.gt === "function" &&
    typeof c.geq === "function" &&
    typeof c.lt === "function" &&
    typeof c.leq === "function"
  );
}

function equals(l: unknown, r: unknown): unknown {
  if (comparable(l)) return toValueSync(l.equals(r));
  if (comparable(r)) return toValueSync(r.equals(l));
  const a = toValue(l);
  const b = toValue(r);
  const instants = sameInstant(a, b);
  if (instants !== null) return instants;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => equals(x, b[i]));
  return a === b;
}
