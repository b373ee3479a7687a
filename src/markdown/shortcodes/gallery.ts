/**
 * `[gallery ids="1,2,3"]` names attachments by their WordPress ids; exports carry no images for it.
 * A note says a gallery was there, rather than the shortcode vanishing or showing as raw text.
 */
import type { ShortcodeFamily } from "./family.ts";

export const galleryFamily: ShortcodeFamily = {
  names: { gallery: "never" },
  render(sc, ctx) {
    const count = (sc.attrs.ids ?? sc.attrs.include ?? "").split(",").filter((id) => /^\s*\d+\s*$/.test(id)).length;
    const what = count > 0 ? `A gallery of ${count} image${count === 1 ? "" : "s"}` : "An image gallery";
    const note = `${what} from the original post is not available here.`;
    return ctx.block ? `<p class="wp-gallery-missing">${note}</p>\n` : `<span class="wp-gallery-missing">${note}</span>`;
  },
};
