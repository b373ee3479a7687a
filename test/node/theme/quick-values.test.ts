/**
 * Conditions, assignments, outputs, `if` and `for` worked out without liquidjs's generators
 * (quick-values.ts, tags/quick-if.ts, tags/quick-for.ts): the same text as liquidjs gives for every
 * kind of value, operator and loop, and the generators are really left out (a related-posts loop
 * over site.posts runs thousands of them per page).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Drop, ForTag, IfTag, Liquid, Value } from "liquidjs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { liquidRenderer } from "../../../src/theme/liquid/index.ts";
import { JEKYLL_OPERATORS } from "../../../src/theme/liquid/operators.ts";
import { CLOCK_EVERY } from "../../../src/theme/liquid/quick-render.ts";
import { quickenTemplates } from "../../../src/theme/liquid/quick-values.ts";

const FIXTURE = join(import.meta.dirname, "../../fixtures/liquid-values");
const source = readFileSync(join(FIXTURE, "conditions.liquid"), "utf8");
const scope = () => JSON.parse(readFileSync(join(FIXTURE, "conditions.json"), "utf8")) as Record<string, unknown>;
const engine = () => new Liquid({ jsTruthy: false, ownPropertyOnly: true, jekyllWhere: true, greedy: true, operators: JEKYLL_OPERATORS });

afterEach(() => vi.restoreAllMocks());

describe("quick values", () => {
  it("render every operator, literal and lookup as liquidjs does", () => {
    const liquid = engine();
    const slow = liquid.renderSync(liquid.parse(source), scope());
    const quick = liquid.renderSync(quickenTemplates(liquid.parse(source)), scope());
    expect(slow).toContain("[Two:b]");
    expect(slow).toContain("sizes plain or");
    expect(slow).toContain("ab||3|false||");
    expect(quick).toBe(slow);
  });

  it("leave liquidjs's generators out of a synchronous render", () => {
    const liquid = engine();
    const templates = quickenTemplates(liquid.parse(source));
    const generator = vi.spyOn(Value.prototype, "value");
    liquid.renderSync(templates, scope());
    // Only what quick values leave to liquidjs: the range in the last line.
    expect(generator).toHaveBeenCalledTimes(1);
  });

  it("stop at the side that decides `and` and `or`, as Ruby's Liquid does, with the same answer", () => {
    const liquid = engine();
    let reads = 0;
    class Counted extends Drop {
      seen(): boolean {
        reads++;
        return true;
      }
    }
    const text =
      "{% if page.missing and drop.seen %}a{% endif %}{% if page.title or drop.seen %}b{% endif %}{% if page.title and drop.seen %}c{% endif %}";
    const values = { ...scope(), drop: new Counted() };
    expect(liquid.renderSync(liquid.parse(text), values)).toBe("bc");
    const slowReads = reads;
    reads = 0;
    expect(liquid.renderSync(quickenTemplates(liquid.parse(text)), values)).toBe("bc");
    expect([slowReads, reads]).toEqual([3, 1]);
  });

  it("run the theme engine's if and for as liquidjs runs them, without their generators", () => {
    const liquid = engine();
    const slow = liquid.renderSync(liquid.parse(source), scope());
    const renderer = liquidRenderer({
      includes: new Map(),
      files: new Map(),
      postUrl: () => null,
      link: () => null,
      url: "",
      baseurl: "",
      timezone: "UTC",
    });
    const ifs = vi.spyOn(IfTag.prototype, "render");
    const fors = vi.spyOn(ForTag.prototype, "render");
    expect(renderer.render({ source, file: "page.html", scope: scope() })).toEqual({ ok: slow, warnings: [] });
    expect(ifs).not.toHaveBeenCalled();
    // Only the loops liquidjs runs itself: a range, and those with limit, offset or reversed.
    expect(fors).toHaveBeenCalledTimes(5);
  });

  it("read the clock once every CLOCK_EVERY lists of templates, not before every piece of text", () => {
    const renderer = liquidRenderer({
      includes: new Map(),
      files: new Map(),
      postUrl: () => null,
      link: () => null,
      url: "",
      baseurl: "",
      timezone: "UTC",
    });
    const items = Array.from({ length: 100 }, (_, i) => i);
    const clock = vi.spyOn(performance, "now");
    const result = renderer.render({
      source: "{% for i in items %}<b>{{ i }}</b> {% if i %}.{% endif %}{% endfor %}",
      file: "page.html",
      scope: { items },
    });
    expect(result).toMatchObject({ ok: expect.stringMatching(/^<b>0<\/b> \.<b>1<\/b> \./) });
    // liquidjs reads it before each of the five templates of each pass, and at each start: over 600 times.
    // Here 100 passes and 100 branches are 200 lists of templates, besides the page and the loop's own.
    expect(clock.mock.calls.length).toBeGreaterThanOrEqual(Math.floor(200 / CLOCK_EVERY));
    expect(clock.mock.calls.length).toBeLessThanOrEqual(Math.ceil(203 / CLOCK_EVERY));
  });

  it("go through liquidjs when the render is asynchronous", async () => {
    const liquid = engine();
    const templates = quickenTemplates(liquid.parse(source));
    const generator = vi.spyOn(Value.prototype, "value");
    const text = await liquid.render(templates, scope());
    expect(text).toBe(liquid.renderSync(liquid.parse(source), scope()));
    expect(generator.mock.calls.length).toBeGreaterThan(50);
  });
});
