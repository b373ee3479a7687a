/**
 * Jekyll's `{% include file.html key=value %}` and `{% include_relative part.md %}` (Jekyll 4.3,
 * lib/jekyll/tags/include.rb): the file name may hold `{{ … }}`; parameters are quoted strings or
 * variables, seen by the file as `include.key`; `include_relative` reads a file beside the page (not
 * beside an include), as Jekyll resolves it. Files come from the caller's in-memory maps.
 * jekyll-include-cache's `{% include_cached %}` is `include` under another name (its Tag subclasses
 * Jekyll's IncludeTag and only memoises the output per file and parameters, which a well-formed
 * include, one that reads nothing page-specific it is not passed, cannot tell from drawing it again).
 */
import { type Context, type Emitter, type Liquid, Tag, type TagToken, type Template, type TopLevelToken, Value } from "liquidjs";
import { INCLUDE_DEPTH } from "../limits.ts";
import { type RenderState, warn } from "../state.ts";

const PARAM = /([\w-]+)\s*=\s*(?:"([^"\\]*(?:\\.[^"\\]*)*)"|'([^'\\]*(?:\\.[^'\\]*)*)'|([\w.-]+))/;
const VARIABLE = /^(?<variable>[^{]*(\{\{\s*[\w\-.]+\s*(\|.*)?\}\}[^\s{}]*)+)(?<params>.*)$/s;
const FULL_PARAMS = new RegExp(`^\\s*(?:${PARAM.source}(?=\\s|$)\\s*)*$`);
const FILE_CHARS = /^[\w/.\-()+~#@]+$/;
const BAD_SEQUENCE = /[./]{2,}/;

export function includeTags(state: RenderState) {
  const parsed = new Map<string, Template[]>();

  abstract class IncludeBase extends Tag {
    private readonly file: string;
    private readonly params: string | null;

    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
      const markup = token.args.trim();
      const variable = VARIABLE.exec(markup);
      const [file, params] = variable?.groups
        ? [variable.groups.variable?.trim() ?? "", variable.groups.params?.trim() ?? ""]
        : [markup.split(/\s+/, 1)[0] ?? "", markup.slice((markup.split(/\s+/, 1)[0] ?? "").length).trim()];
      if (params !== "" && !FULL_PARAMS.test(params)) {
        throw new Error(`invalid syntax for ${token.name}: parameters are key="value", key='value' or key=variable`);
      }
      this.file = file;
      this.params = params === "" ? null : params;
    }

    /** The file's text, or undefined when the site has none by that name. */
    protected abstract read(name: string, ctx: Context): { path: string; text: string } | undefined;
    /** Whether the name is under `_includes/` (include, include_cached) rather than beside the page. */
    protected abstract readonly fromIncludes: boolean;

    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const name = this.file.includes("{{")
        ? String(yield this.liquid.renderer.renderTemplates(this.liquid.parse(this.file), ctx))
        : this.file;
      if (!FILE_CHARS.test(name) || BAD_SEQUENCE.test(name)) {
        throw new Error(`${this.name} file "${name}" has characters or sequences (.., //) Jekyll refuses`);
      }
      const found = this.read(name, ctx);
      if (found === undefined) {
        const instead = this.fromIncludes ? (state.site.missingInclude?.(name) ?? null) : null;
        if (instead !== null) return void emitter.write(instead);
        const where = this.fromIncludes ? `_includes/${name}` : name;
        warn(
          state,
          this.token.file,
          this.token.getPosition(),
          `${where} is not in the site, so ${this.token.getText()} is shown as written (Jekyll stops on it)`,
        );
        return void emitter.write(this.token.getText());
      }
      if (state.includeDepth >= INCLUDE_DEPTH)
        throw new Error(`includes nested more than ${INCLUDE_DEPTH} deep (does ${found.path} include itself?)`);
      let templates = parsed.get(found.path);
      if (templates === undefined) {
        templates = this.liquid.parse(found.text, found.path);
        parsed.set(found.path, templates);
      }
      const scope: Record<string, unknown> = {};
      if (this.params !== null) scope.include = yield* this.readParams(ctx);
      ctx.push(scope);
      state.includeDepth++;
      try {
        yield this.liquid.renderer.renderTemplates(templates, ctx, emitter);
      } finally {
        state.includeDepth--;
        ctx.pop();
      }
    }

    private *readParams(ctx: Context): Generator<unknown, Record<string, unknown>, unknown> {
      const params: Record<string, unknown> = {};
      let rest = this.params ?? "";
      for (let m = PARAM.exec(rest); m !== null; m = PARAM.exec(rest)) {
        rest = rest.slice(m.index + m[0].length);
        const [, key = "", double, single, variable] = m;
        if (double !== undefined) params[key] = double.replace(/\\"/g, '"');
        else if (single !== undefined) params[key] = single.replace(/\\'/g, "'");
        else params[key] = yield new Value(variable ?? "", this.liquid).value(ctx);
      }
      return params;
    }
  }

  class Include extends IncludeBase {
    protected readonly fromIncludes = true;
    protected read(written: string) {
      // Jekyll joins the name to `_includes/`, so `/comments-providers/scripts.html` (minimal-mistakes) is found too.
      const name = written.replace(/^\/+/, "");
      const text = state.site.includes.get(name);
      return text === undefined ? undefined : { path: `_includes/${name}`, text };
    }
  }

  class IncludeRelative extends IncludeBase {
    protected readonly fromIncludes = false;
    protected read(name: string, ctx: Context) {
      // Jekyll reads it beside the page being drawn (`page.path`), from a layout too; else beside the file.
      const page = ctx.getSync(["page", "path"]);
      const from = typeof page === "string" && page !== "" ? page : state.file;
      const dir = from.includes("/") ? from.slice(0, from.lastIndexOf("/") + 1) : "";
      const path = `${dir}${name}`;
      const text = state.site.files.get(path);
      return text === undefined ? undefined : { path, text };
    }
  }

  return { include: Include, include_relative: IncludeRelative, include_cached: Include };
}
