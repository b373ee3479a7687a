/**
 * Page models as JSON for one pack, each model turned into text once; with a ModelJsonMemo (a
 * watching process, `npm run dev`), a model whose content is exactly that of the model at the same
 * key and place last pack gets last pack's text back instead of being serialised again. A compile
 * builds every model anew, so "the same" is decided by content, never by object identity: each
 * model is kept as the flat list of its keys and values (strings are shared, not copied), which is
 * cheap to compare and cannot change behind the memo's back when an object is mutated later.
 */

const ARRAY = Symbol("array");
const OBJECT = Symbol("object");

/** What the last pack serialised, by key and answer index; the pack in progress fills the next one. */
export class ModelJsonMemo {
  #held = new Map<string, Array<Held | undefined>>();
  #next = new Map<string, Array<Held | undefined>>();
  /** Models serialised by the last pack (the rest came from memory). */
  serialisedLast = 0;

  begin(): void {
    this.#next = new Map();
    this.serialisedLast = 0;
  }

  end(): void {
    this.#held = this.#next;
  }

  /** The JSON of `model`, answer `at` of `key`: last pack's text when the content is the same, else `stringify`'s. */
  text(key: string, at: number, model: unknown, stringify: (model: unknown) => string): string {
    const held = this.#held.get(key)?.[at];
    // Compared where it lies first: an unchanged model (most of them) allocates nothing.
    let kept = held !== undefined && matches(model, held.flat, 0) === held.flat.length ? held : undefined;
    if (kept === undefined) {
      const flat: unknown[] = [];
      const json = stringify(model);
      this.serialisedLast++;
      if (!flatten(model, flat)) return json;
      kept = { flat, json };
    }
    const list = this.#next.get(key) ?? [];
    list[at] = kept;
    this.#next.set(key, list);
    return kept.json;
  }
}

interface Held {
  flat: unknown[];
  json: string;
}

/**
 * Appends a JSON-like value's structure and leaves to `out`; false when it holds anything JSON.stringify
 * treats specially (a class instance, a Map, a Date with toJSON): such a model is always serialised anew.
 */
function flatten(value: unknown, out: unknown[]): boolean {
  if (value === null || typeof value !== "object") {
    out.push(value);
    return true;
  }
  if (Array.isArray(value)) {
    out.push(ARRAY, value.length);
    for (const item of value) if (!flatten(item, out)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  const keys = Object.keys(value);
  out.push(OBJECT, keys.length);
  for (const key of keys) {
    out.push(key);
    if (!flatten((value as Record<string, unknown>)[key], out)) return false;
  }
  return true;
}

/**
 * Where `value`'s flat form (see flatten) ends in `flat` if it starts at `at` and is the same there:
 * same structure, same keys in the same order (JSON keeps the order), same leaves (NaN never equals:
 * serialised anew); -1 at the first difference.
 */
function matches(value: unknown, flat: readonly unknown[], at: number): number {
  if (value === null || typeof value !== "object") return flat[at] === value ? at + 1 : -1;
  if (Array.isArray(value)) {
    if (flat[at] !== ARRAY || flat[at + 1] !== value.length) return -1;
    let i = at + 2;
    for (const item of value) {
      i = matches(item, flat, i);
      if (i < 0) return -1;
    }
    return i;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return -1;
  const keys = Object.keys(value);
  if (flat[at] !== OBJECT || flat[at + 1] !== keys.length) return -1;
  let i = at + 2;
  for (const key of keys) {
    if (flat[i] !== key) return -1;
    i = matches((value as Record<string, unknown>)[key], flat, i + 1);
    if (i < 0) return -1;
  }
  return i;
}
