/** The Worker's bundle carries the built-in theme through src/theme/built-in-files.ts: every file of the folder, no other. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { BUILT_IN_FILES } from "../helpers/built-in.ts";

it("lists every file of src/theme/built-in/ in the bundle's module", () => {
  const module = readFileSync(join(import.meta.dirname, "../../../src/theme/built-in-files.ts"), "utf8");
  const listed = [...module.matchAll(/^ {2}"([^"]+)": \w+,$/gm)].map((m) => m[1]).sort();
  const imported = [...module.matchAll(/from "\.\/built-in\/([^"]+)";$/gm)].map((m) => m[1]).sort();
  expect(listed).toEqual(Object.keys(BUILT_IN_FILES).sort());
  expect(imported).toEqual(listed);
});
