/**
 * liquidjs's `assign` without a generator of its own in a synchronous render: the value is worked out
 * in place (quick-values.ts) and set where liquidjs sets it, the render's bottom scope. A
 * related-posts list resets its flag with one for every post of the site.
 */
import { AssignTag, type Context, toValueSync, type Value } from "liquidjs";

/** AssignTag's fields, private in liquidjs's typings and plain properties at run time. */
type Assignment = { key: string; value: Value };

import { quickContext } from "../quick-values.ts";

export class QuickAssign extends AssignTag {
  override render(ctx: Context): ReturnType<AssignTag["render"]> {
    if (!quickContext(ctx)) return super.render(ctx);
    const { key, value } = this as unknown as Assignment;
    ctx.bottom()[key] = toValueSync(value.value(ctx, this.liquid.options.lenientIf));
    // liquidjs's renderer takes a plain value back as the tag's output: nothing to write.
    return undefined as unknown as ReturnType<AssignTag["render"]>;
  }
}
