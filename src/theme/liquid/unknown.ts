/**
 * Tags and filters Jekyll's Liquid does not know. An unknown filter gives its input back, as Liquid
 * does with strict filters off, and warns. An unknown tag stops Jekyll's build ("Liquid syntax
 * error: Unknown tag"); a site that built had it from a plugin (`{% gist %}`, `{% youtube %}`), so
 * here it stays as written in the page, with a warning, instead of stopping the publish.
 */
import { type FilterImplOptions, type Liquid, Tag, type TagToken, type TopLevelToken } from "liquidjs";
import { type RenderState, warn } from "./state.ts";

type Registry<T> = Record<string, T>;

/** Makes lookups of names the registries lack answer with the warning stand-ins. */
export function catchUnknown(liquid: Liquid, state: RenderState): void {
  class UnknownTag extends Tag {
    constructor(token: TagToken, remain: TopLevelToken[], engine: Liquid) {
      super(token, remain, engine);
      warn(
        state,
        token.file,
        token.getPosition(),
        `unknown tag ${token.name}: ${token.getText()} is shown as written (Jekyll stops on it; is it a plugin's?)`,
      );
    }
    render(): string {
      return this.token.getText();
    }
  }
  const unknownFilter: FilterImplOptions = function (
    this: { token: { name: string; file?: string | undefined; getPosition(): number[] } },
    input: unknown,
  ) {
    warn(state, this.token.file, this.token.getPosition(), `unknown filter ${this.token.name}: the value is used as it is, as Jekyll does`);
    return input;
  };
  const tags = liquid.tags as Registry<unknown>;
  const filters = liquid.filters as Registry<FilterImplOptions>;
  // liquidjs looks both up by name at parse time; these registries are this engine's own.
  Object.assign(liquid, {
    tags: new Proxy(tags, { get: (target, name) => (typeof name === "string" && !(name in target) ? UnknownTag : target[name as string]) }),
    filters: new Proxy(filters, {
      get: (target, name) => (typeof name === "string" && !(name in target) ? unknownFilter : target[name as string]),
    }),
  });
}
