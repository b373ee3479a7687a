import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { base64 } from "../../../src/compile/base64.ts";

describe("base64", () => {
  it("is RFC 4648 base64 for every length and byte (checked against Node's encoder)", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => base64(bytes) === Buffer.from(bytes).toString("base64")));
    expect(base64(new TextEncoder().encode("foobar"))).toBe("Zm9vYmFy");
    expect(base64(new TextEncoder().encode("fo"))).toBe("Zm8=");
    expect(base64(new Uint8Array())).toBe("");
  });
});
