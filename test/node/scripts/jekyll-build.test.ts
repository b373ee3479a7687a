/** The Jekyll build the comparisons run: a config's bare Ruby symbols are quoted so Ruby's YAML reads it. */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { quoteRubySymbols } from "../../../scripts/lib/jekyll-build.ts";

const CONFIG = [
  "permalink: :title",
  "sass:",
  "  style: :expanded # or :compressed",
  'quoted: ":kept"',
  "time: 10:30",
  "list:",
  "  - :not-a-key-value",
  "",
].join("\n");

function hasRuby(): boolean {
  try {
    execFileSync("ruby", ["-e", ""], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe("quoteRubySymbols", () => {
  it("quotes a symbol standing alone as a key's value, at any depth, and leaves the rest", () => {
    expect(quoteRubySymbols(CONFIG)).toBe(
      ['permalink: ":title"', "sass:", '  style: ":expanded"', 'quoted: ":kept"', "time: 10:30", "list:", "  - :not-a-key-value", ""].join(
        "\n",
      ),
    );
  });

  it.runIf(hasRuby())("gives text Ruby's safe YAML load accepts where the original is refused", () => {
    const load = (yaml: string) =>
      execFileSync("ruby", ["-ryaml", "-e", "YAML.safe_load(STDIN.read)"], { input: yaml, stdio: ["pipe", "ignore", "pipe"] });
    const scalars = "permalink: :title\nsass:\n  style: :expanded\n";
    expect(() => load(scalars)).toThrow(/Symbol/);
    expect(() => load(quoteRubySymbols(scalars))).not.toThrow();
  });
});
