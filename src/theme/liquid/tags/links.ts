/**
 * `{% post_url 2010-07-21-name %}` (that post's URL, without the baseurl, as Jekyll 4.3 writes it) and
 * `{% link path/to/file.md %}` (that file's URL with the baseurl; the path may hold `{{ … }}`). Jekyll
 * stops the build when the post or file is missing; here the tag stays as written, with a warning.
 */
import { type Context, Tag } from "liquidjs";
import { encodePath } from "../../../format/urls.ts";
import { type RenderState, warn } from "../state.ts";

export function linkTags(state: RenderState) {
  class PostUrl extends Tag {
    render(): string {
      const name = this.token.args.trim();
      const url = state.site.postUrl(name.replace(/^\/+/, ""));
      if (url !== null) return encodePath(url);
      warn(
        state,
        this.token.file,
        this.token.getPosition(),
        `no post is named ${name}, so ${this.token.getText()} is shown as written (Jekyll stops on it)`,
      );
      return this.token.getText();
    }
  }

  class Link extends Tag {
    *render(ctx: Context): Generator<unknown, string, unknown> {
      const written = this.token.args.trim();
      const path = written.includes("{{")
        ? String(yield this.liquid.renderer.renderTemplates(this.liquid.parse(written), ctx)).trim()
        : written;
      const url = state.site.link(path.replace(/^\/+/, ""));
      if (url !== null) return state.site.baseurl.replace(/\/$/, "") + encodePath(url);
      warn(
        state,
        this.token.file,
        this.token.getPosition(),
        `the site has no file ${path}, so ${this.token.getText()} is shown as written (Jekyll stops on it)`,
      );
      return this.token.getText();
    }
  }

  return { post_url: PostUrl, link: Link };
}
