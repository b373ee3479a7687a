/** A theme's inline scripts are hashed once per isolate (theme/theme-csp.ts): the same snippet on every page costs its hash once. */
import { describe, expect, it, vi } from "vitest";

const hashed = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../../src/compile/csp/sha256.ts", async (original) => {
  const real = await original<typeof import("../../../src/compile/csp/sha256.ts")>();
  return {
    ...real,
    cspHash: (text: string) => {
      hashed.count++;
      return real.cspHash(text);
    },
  };
});

const { themeCsp } = await import("../../../src/theme/theme-csp.ts");

describe("theme CSP", () => {
  it("hashes each inline script once, and gives the same policy every time", () => {
    const page = (title: string) => `<script>ga('send');</script><p>${title}</p><script>var t = "${title}";</script>`;
    const first = themeCsp(page("One"), undefined);
    expect(hashed.count).toBe(2);
    expect(themeCsp(page("One"), undefined)).toEqual(first);
    const other = themeCsp(page("Two"), undefined);
    expect(hashed.count).toBe(3);
    expect(other.scripts[0]).toBe(first.scripts[0]);
    expect(other.scripts[1]).not.toBe(first.scripts[1]);
  });
});
