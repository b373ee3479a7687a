import { describe, expect, it } from "vitest";
import { cappedPolicy } from "../../../src/http/cache-policy.ts";
import type { Release } from "../../../src/model/release.ts";
import { nextBoundary, routeAt, searchBlobAt } from "../../../src/model/release-lookup.ts";

const release = {
  routes: { "/": ["list", "home0"] },
  search: { vo: "shard0" },
  later: {
    "/": [
      [100, "list", "home1"],
      [200, "list", "home2"],
    ],
    "/new/": [[200, "post", "post2"]],
    "search:vo": [[100, "search", "shard1"]],
  },
  boundaries: [100, 200],
} as unknown as Release;

describe("a release at a moment", () => {
  it("answers with the latest variant whose time has come", () => {
    expect(routeAt(release, "/", 99)).toEqual(["list", "home0"]);
    expect(routeAt(release, "/", 100)).toEqual(["list", "home1"]);
    expect(routeAt(release, "/", 250)).toEqual(["list", "home2"]);
    expect(routeAt(release, "/new/", 199)).toBeUndefined();
    expect(routeAt(release, "/new/", 200)).toEqual(["post", "post2"]);
    expect(searchBlobAt(release, "vo", 0)).toBe("shard0");
    expect(searchBlobAt(release, "vo", 150)).toBe("shard1");
  });

  it("knows the next moment anything changes", () => {
    expect(nextBoundary(release, 0)).toBe(100);
    expect(nextBoundary(release, 100)).toBe(200);
    expect(nextBoundary(release, 200)).toBeNull();
  });

  it("caps every cache lifetime at that moment", () => {
    expect(cappedPolicy("page", 42.7)).toBe("public, max-age=42, stale-if-error=604800");
    expect(cappedPolicy("page", 1e9)).not.toContain("stale-while-revalidate");
  });
});
