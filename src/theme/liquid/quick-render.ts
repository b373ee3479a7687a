/**
 * liquidjs's renderTemplates without a generator per template in a synchronous render: text is
 * written as it stands, an output's value worked out in place (quick-values.ts), any other tag run
 * as liquidjs runs it. A loop's body is rendered once per item, so this is most of what a
 * related-posts list costs. The render limit is checked every CLOCK_EVERY lists of templates
 * (loop passes, branches, includes) instead of before each template: a template that runs for ever
 * still stops, without reading the clock for every piece of text.
 */
import { type Context, type Emitter, Liquid, LiquidError, Output, RenderError, type Template, toValue, toValueSync } from "liquidjs";
import { quickContext } from "./quick-values.ts";

/** liquidjs's class for the text between tags (not exported), found when the first engine is set up. */
type TextTemplate = abstract new (...args: never[]) => { str: string };
let textTemplate: TextTemplate | null = null;

/**
 * Lists of templates rendered between two readings of the clock. A page of etiago's theme renders
 * about 1,800 (a related-posts list runs a loop pass and a branch per category pair); the clock is
 * about a tenth of a microsecond each time, which was a tenth of the render.
 */
export const CLOCK_EVERY = 32;
let sinceClock = 0;

type RenderTemplates = Liquid["renderer"]["renderTemplates"];

/**
 * liquidjs's SimpleEmitter (not exported): the text so far, each value written as `stringify` writes
 * it. A render with no emitter of its caller's (a template's top level, a `capture`) gets one of these,
 * so the text between tags is added to it directly.
 */
class TextEmitter {
  buffer = "";
  write(html: unknown): void {
    this.buffer += stringify(html);
  }
}

export function quickenRenderer(liquid: Liquid): void {
  textTemplate ??= (new Liquid().parse("text")[0] as object).constructor as TextTemplate;
  const renderer = liquid.renderer;
  const slow: RenderTemplates = renderer.renderTemplates.bind(renderer);
  // liquidjs's callers `yield` what this returns; a plain value comes straight back.
  renderer.renderTemplates = ((templates: Template[], ctx: Context, given?: Emitter) => {
    if (!quickRendering(ctx) || (given === undefined && ctx.opts.keepOutputType)) return slow(templates, ctx, given);
    const emitter = given ?? new TextEmitter();
    renderQuickly(templates, ctx, emitter);
    return (emitter as { buffer?: unknown }).buffer;
  }) as unknown as RenderTemplates;
}

/** Whether templates may be rendered here (quick-values.ts's rule), and an error is thrown rather than collected. */
export function quickRendering(ctx: Context): boolean {
  return !ctx.opts.catchAllErrors && quickContext(ctx);
}

/**
 * Renders a list of templates into `emitter`, as liquidjs's renderTemplates does; for a caller that
 * has seen quickRendering(ctx) hold (a loop pass, a branch), so nothing is asked again.
 */
export function renderQuickly(templates: readonly Template[], ctx: Context, emitter: Emitter): void {
  if (++sinceClock >= CLOCK_EVERY) {
    sinceClock = 0;
    ctx.renderLimit.check(performance.now());
  }
  const text = emitter instanceof TextEmitter ? emitter : null;
  for (const tpl of templates) {
    try {
      if (textTemplate !== null && tpl instanceof textTemplate) {
        const html = tpl.str;
        if (text !== null) text.buffer += html;
        else emitter.write(html);
      } else if (tpl instanceof Output) emitter.write(toValue(toValueSync(tpl.value.value(ctx, false))));
      else {
        const out = toValueSync(tpl.render(ctx, emitter));
        if (out) emitter.write(out);
        if (ctx.breakCalled || ctx.continueCalled) break;
      }
    } catch (error) {
      throw LiquidError.is(error) ? error : new RenderError(error as Error, tpl);
    }
  }
}

/** liquidjs's stringify (not exported): what a value prints as. */
function stringify(value: unknown): string {
  const v = toValue(value);
  if (typeof v === "string") return v;
  if (v === null || v === undefined) return "";
  if (Object.prototype.toString.call(v) === "[object Array]") return (v as unknown[]).map(stringify).join("");
  return String(v);
}
