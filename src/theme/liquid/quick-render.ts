/**
 * liquidjs's renderTemplates without a generator per template in a synchronous render: text is
 * written as it stands, an output's value worked out in place (quick-values.ts), any other tag run
 * as liquidjs runs it. A loop's body is rendered once per item, so this is most of what a
 * related-posts list costs. The render limit is checked each time a list of templates starts (every
 * loop pass, branch and include) instead of before each template: a template that runs for ever still
 * stops, without reading the clock for every piece of text.
 */
import { type Context, type Emitter, type Liquid, LiquidError, Output, RenderError, type Template, toValue, toValueSync } from "liquidjs";
import { quickContext } from "./quick-values.ts";

// liquidjs's TokenKind.HTML: its HTML template class is not exported.
const HTML_KIND = 16;

type RenderTemplates = Liquid["renderer"]["renderTemplates"];

export function quickenRenderer(liquid: Liquid): void {
  const renderer = liquid.renderer;
  const slow: RenderTemplates = renderer.renderTemplates.bind(renderer);
  // liquidjs's callers `yield` what this returns; a plain value comes straight back.
  renderer.renderTemplates = ((templates: Template[], ctx: Context, emitter?: Emitter) => {
    if (emitter === undefined || ctx.opts.catchAllErrors || !quickContext(ctx)) return slow(templates, ctx, emitter);
    ctx.renderLimit.check(performance.now());
    for (const tpl of templates) {
      try {
        const text = (tpl as { str?: unknown; token: { kind: number } }).str;
        if (typeof text === "string" && tpl.token.kind === HTML_KIND) emitter.write(text);
        else if (tpl instanceof Output) emitter.write(toValue(toValueSync(tpl.value.value(ctx, false))));
        else {
          const html = toValueSync(tpl.render(ctx, emitter));
          if (html) emitter.write(html);
          if (ctx.breakCalled || ctx.continueCalled) break;
        }
      } catch (error) {
        throw LiquidError.is(error) ? error : new RenderError(error as Error, tpl);
      }
    }
    return (emitter as { buffer?: unknown }).buffer;
  }) as unknown as RenderTemplates;
}
