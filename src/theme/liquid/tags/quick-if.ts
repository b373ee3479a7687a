/**
 * liquidjs's `if` without a generator of its own in a synchronous render: the branch is chosen as
 * liquidjs chooses it (each condition's value, Liquid's truthiness) and its templates rendered in
 * place. A related-posts list runs an `if` for every category pair of every post.
 */
import { type Context, type Emitter, IfTag, isTruthy, toValue, toValueSync } from "liquidjs";
import { quickRendering, renderQuickly } from "../quick-render.ts";

export class QuickIf extends IfTag {
  override render(ctx: Context, emitter: Emitter): ReturnType<IfTag["render"]> {
    if (!quickRendering(ctx)) return super.render(ctx, emitter);
    let chosen = this.elseTemplates;
    for (const { value, templates } of this.branches) {
      if (isTruthy(toValue(toValueSync(value.value(ctx, ctx.opts.lenientIf))), ctx)) {
        chosen = templates;
        break;
      }
    }
    // A branch with nothing in it (the usual `else` of a related-posts test) has nothing to render.
    if (chosen !== undefined && chosen.length > 0) renderQuickly(chosen, ctx, emitter);
    // liquidjs's renderer takes a plain value back as the tag's output; the branch wrote to the emitter.
    return undefined as unknown as ReturnType<IfTag["render"]>;
  }
}
