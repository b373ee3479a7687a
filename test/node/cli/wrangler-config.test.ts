/** What the publisher and the local tools read from wrangler.toml, and the errors that name the file. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCompatibilityDate, readWranglerKvConfig } from "../../../src/cli/kv/wrangler-config.ts";
import { tempDir, WRANGLER_TOML, writeFiles } from "../helpers/real-cli.ts";

async function config(text: string): Promise<string> {
  const dir = await tempDir("edgepress-wrangler-");
  await writeFiles(dir, { "wrangler.toml": text });
  return join(dir, "wrangler.toml");
}

describe("wrangler.toml", () => {
  it("gives the compatibility date local Workers run with, and the BLOG namespace", async () => {
    const path = await config(WRANGLER_TOML.replace("2026-04-20", "2025-09-15"));
    expect(await readCompatibilityDate(path)).toBe("2025-09-15");
    expect(await readWranglerKvConfig(path)).toEqual({
      name: "blog-test",
      namespaceId: "ns-test-0001",
      accountId: null,
      assetsDir: null,
      budget: null,
    });
  });

  it("refuses a missing or unquoted compatibility date, naming the file", async () => {
    const missing = await config(WRANGLER_TOML.replace(/^compatibility_date.*$/m, ""));
    await expect(readCompatibilityDate(missing)).rejects.toThrow(
      `${missing}: compatibility_date must be set as a quoted "YYYY-MM-DD" date`,
    );
    const unquoted = await config(WRANGLER_TOML.replace('"2026-04-20"', "2026-04-20"));
    await expect(readCompatibilityDate(unquoted)).rejects.toThrow(`${unquoted}: compatibility_date must be set`);
  });

  it("names the file and line of TOML it cannot read", async () => {
    const broken = await config('name = "blog"\ncompatibility_date = \n');
    await expect(readCompatibilityDate(broken)).rejects.toThrow(new RegExp(`^${broken}:2: not valid TOML`));
    await expect(readCompatibilityDate(`${broken}.absent`)).rejects.toThrow("cannot read the wrangler configuration");
  });
});
