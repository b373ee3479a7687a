/** The checkers' own install: a script that needs an absent checker is told the command that installs it. */
import { describe, expect, it } from "vitest";
import { CHECKS_INSTALL, checker, checkerFile } from "../../../scripts/lib/checks.ts";
import { MissingTool } from "../../../scripts/lib/missing-tool.ts";

describe("checkers from their own install", () => {
  it("names the install command when a checker package is absent", () => {
    expect(CHECKS_INSTALL).toBe("npm ci --prefix checks");
    expect(() => checker("edgepress-no-such-checker")).toThrow(MissingTool);
    expect(() => checker("edgepress-no-such-checker")).toThrow(
      "edgepress-no-such-checker is not installed; it comes with the checkers' own install: npm ci --prefix checks",
    );
    expect(() => checkerFile("@edgepress/no-such-checker/bin/run.js")).toThrow(
      /^@edgepress\/no-such-checker is not installed; .*npm ci --prefix checks$/,
    );
  });

  it("does not resolve checkers from the main install", () => {
    // typescript is in the main install only: a checker must come from checks/, never from there.
    expect(() => checkerFile("typescript/bin/tsc")).toThrow(MissingTool);
  });
});
