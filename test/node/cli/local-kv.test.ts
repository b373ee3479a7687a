/** The local store (Miniflare on wrangler's state folder): a save's values and pointer written in one round trip still all land. */
import { rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenedKv } from "../../../src/cli/deps.ts";
import { openLocalKv } from "../../../src/cli/kv/local-kv.ts";
import { tempDir } from "../helpers/real-cli.ts";

let work = "";
let kv: OpenedKv;

beforeAll(async () => {
  work = await tempDir("edgepress-local-kv-");
  kv = await openLocalKv(resolve("wrangler.toml"), join(work, "state"));
}, 60_000);

afterAll(async () => {
  await kv.close();
  await rm(work, { recursive: true, force: true });
});

describe("putThen on the local store", () => {
  it("stores the first entries and then the last, in one request", async () => {
    if (kv.port.putThen === undefined) throw new Error("the local store writes in one round trip");
    await kv.port.putThen(
      [
        { key: "v:a", value: "A" },
        { key: "v:b", value: "B" },
      ],
      [{ key: "pointer", value: "P" }],
    );
    expect(await Promise.all(["v:a", "v:b", "pointer"].map((key) => kv.port.get(key)))).toEqual(["A", "B", "P"]);
  });

  it("stores groups larger than one request, the first before the last", async () => {
    const first = Array.from({ length: 520 }, (_, i) => ({ key: `v:${i}`, value: `value ${i}` }));
    await kv.port.putThen?.(first, [{ key: "pointer", value: "Q" }]);
    expect(await kv.port.get("v:519")).toBe("value 519");
    expect(await kv.port.get("pointer")).toBe("Q");
  });
});
