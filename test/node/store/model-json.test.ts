/** A watching process's memory of each model's JSON: reused only for content exactly equal to last pack's, at the same place. */
import { describe, expect, it } from "vitest";
import { ModelJsonMemo } from "../../../src/store/model-json.ts";

/** One pack over `models` (key → model), returning each text and how many were serialised. */
function pack(memo: ModelJsonMemo, models: Record<string, unknown>): { texts: Record<string, string>; serialised: number } {
  memo.begin();
  const texts = Object.fromEntries(Object.entries(models).map(([key, model]) => [key, memo.text(key, 0, model, JSON.stringify)]));
  memo.end();
  return { texts, serialised: memo.serialisedLast };
}

const post = (title: string) => ({ kind: "post", title, html: "<p>Body</p>", tags: ["a", "b"], prev: { title: "Older", path: "/older/" } });

describe("each model's JSON kept between packs", () => {
  it("serialises a model built anew with the same content only once", () => {
    const memo = new ModelJsonMemo();
    expect(pack(memo, { "/p/": post("One"), "/q/": post("Two") }).serialised).toBe(2);
    const again = pack(memo, { "/p/": post("One"), "/q/": post("Two") });
    expect(again.serialised).toBe(0);
    expect(again.texts["/p/"]).toBe(JSON.stringify(post("One")));
  });

  it("serialises again a model changed anywhere inside, or the same model at another key", () => {
    const memo = new ModelJsonMemo();
    pack(memo, { "/p/": post("One"), "/q/": post("Two") });
    const prev = { ...post("One"), prev: { title: "Older, retitled", path: "/older/" } };
    const next = pack(memo, { "/p/": prev, "/r/": post("Two") });
    expect(next.serialised).toBe(2);
    expect(next.texts["/p/"]).toBe(JSON.stringify(prev));
  });

  it("serialises again when only the order of keys changed, as the JSON text does", () => {
    const memo = new ModelJsonMemo();
    pack(memo, { "/p/": { a: 1, b: 2 } });
    expect(pack(memo, { "/p/": { b: 2, a: 1 } }).texts["/p/"]).toBe('{"b":2,"a":1}');
  });

  it("is not fooled by a kept object mutated after its pack", () => {
    const memo = new ModelJsonMemo();
    const tags = ["a"];
    pack(memo, { "/p/": { title: "One", tags } });
    tags.push("b");
    const next = pack(memo, { "/p/": { title: "One", tags } });
    expect(next.serialised).toBe(1);
    expect(next.texts["/p/"]).toBe('{"title":"One","tags":["a","b"]}');
  });

  it("always serialises what JSON treats specially (a Date, a class instance)", () => {
    const memo = new ModelJsonMemo();
    const model = () => ({ when: new Date(0) });
    pack(memo, { "/p/": model() });
    expect(pack(memo, { "/p/": model() }).serialised).toBe(1);
  });
});
