/**
 * liquidjs's `for` with the work of starting a loop cut down: the collection is looked up as
 * quick-values.ts looks values up, and a loop with no `limit`, `offset` or `reversed` skips reading
 * them. A related-posts list starts a loop for each category of each post, hundreds per page. Each
 * step is liquidjs's own (its `forloop` drop, the register `offset: continue` reads, `break` and
 * `continue`); anything else (ranges, modifiers, an asynchronous render) is liquidjs's loop itself.
 */
import { type Context, Drop, type Emitter, ForTag, type Liquid, type TagToken, type TopLevelToken, toValue } from "liquidjs";
import { quickRendering, renderQuickly } from "../quick-render.ts";
import { type Quick, quickOperand, type TokenLike } from "../quick-values.ts";

type Parser = ConstructorParameters<typeof ForTag>[3];

export class QuickFor extends ForTag {
  private readonly quick: Quick | null;
  private readonly continueKey: string;
  private readonly collectionText: string;

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remain, liquid, parser);
    this.quick = Object.keys(this.hash.hash).length === 0 ? quickOperand(this.collection as unknown as TokenLike) : null;
    this.collectionText = this.collection.getText();
    this.continueKey = `continue-${this.variable}-${this.collectionText}`;
  }

  // A plain function in a synchronous render (liquidjs's renderer takes a plain value back as the
  // tag's output), liquidjs's own generator otherwise.
  override render(ctx: Context, emitter: Emitter): ReturnType<ForTag["render"]> {
    if (this.quick === null || !quickRendering(ctx)) return super.render(ctx, emitter);
    const collection = enumerable(this.quick(ctx));
    if (collection.length === 0) {
      renderQuickly(this.elseTemplates, ctx, emitter);
      return undefined as unknown as ReturnType<ForTag["render"]>;
    }
    // Where a later `offset: continue` on this loop starts: after what this one went through.
    ctx.setRegister(this.continueKey, collection.length);
    const forloop = new Forloop(collection.length, this.collectionText, this.variable);
    const scope = new LoopScope(forloop);
    ctx.push(scope);
    for (const item of collection) {
      scope[this.variable] = item;
      ctx.continueCalled = ctx.breakCalled = false;
      renderQuickly(this.templates, ctx, emitter);
      if (ctx.breakCalled) break;
      forloop.next();
    }
    ctx.continueCalled = ctx.breakCalled = false;
    ctx.pop();
    return undefined as unknown as ReturnType<ForTag["render"]>;
  }
}

/**
 * A loop's scope: `forloop` and the loop's variable, and nothing inherited, as liquidjs's
 * `Object.create(null)` scope (a name such as `constructor` is not found in it). An object made by
 * `Object.create(null)` is kept by V8 as a hash table, a few hundred bytes and a hash lookup for each
 * name read through it; this one has a fixed layout per loop. A related-posts list starts hundreds.
 */
class LoopScope {
  [name: string]: unknown;
  constructor(forloop: Forloop) {
    this.forloop = forloop;
  }
}
// Nothing inherited: not Object.prototype's names, nor the class's own `constructor`.
delete (LoopScope.prototype as { constructor?: unknown }).constructor;
Object.setPrototypeOf(LoopScope.prototype, null);

/** liquidjs's toEnumerable: a list, a string as one item, an iterable's items, an object's [key, value] pairs. */
function enumerable(value: unknown): unknown[] {
  const v = toValue(value) as unknown;
  if (Array.isArray(v)) return v;
  if (typeof v === "string" && v.length > 0) return [v];
  const object = v !== null && (typeof v === "object" || typeof v === "function");
  if (object && Symbol.iterator in (v as object)) return Array.from(v as Iterable<unknown>);
  if (object) return Object.keys(v as object).map((key) => [key, (v as Record<string, unknown>)[key]]);
  return [];
}

/** liquidjs's ForloopDrop (which it does not export): the same fields, in the same order, so `jsonify` agrees. */
class Forloop extends Drop {
  i = 0;
  length: number;
  name: string;
  constructor(length: number, collection: string, variable: string) {
    super();
    this.length = length;
    this.name = `${variable}-${collection}`;
  }
  next(): void {
    this.i++;
  }
  index0(): number {
    return this.i;
  }
  index(): number {
    return this.i + 1;
  }
  first(): boolean {
    return this.i === 0;
  }
  last(): boolean {
    return this.i === this.length - 1;
  }
  rindex(): number {
    return this.length - this.i;
  }
  rindex0(): number {
    return this.length - this.i - 1;
  }
  override valueOf(): string {
    return JSON.stringify(this);
  }
}
