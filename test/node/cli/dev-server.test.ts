/**
 * `npm run dev` as a user runs it: wrangler dev (its local proxy and Miniflare) serving a published
 * store. A client that sends no Accept-Encoding (plain curl) must get the page as text, not gzip bytes.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { request } from "node:http";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withWranglerDefaults } from "../../../src/cli/wrangler-env.ts";
import { post, realDeps, tempDir, writeFiles } from "../helpers/real-cli.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
let dev: ChildProcess | null = null;
let origin = "";

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => done(typeof address === "object" && address !== null ? address.port : 0));
    });
  });
}

/** A GET with exactly these headers: node's http client adds no Accept-Encoding of its own, as curl does not. */
function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((done, fail) => {
    const req = request(`${origin}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", fail);
    req.end();
  });
}

beforeAll(async () => {
  const work = await tempDir("edgepress-dev-");
  const content = join(work, "content");
  await writeFiles(content, { "posts/2026-01-02-hello.md": post("Hello", "2026-01-02", "Text. ".repeat(200)) });
  const persist = join(work, "state");
  const published = await realDeps(ROOT, {}).run("publish", "--content", content, "--persist-to", persist);
  expect(published.err).toBe("");
  const [port, inspector] = [await freePort(), await freePort()];
  origin = `http://127.0.0.1:${port}`;
  dev = spawn(
    process.execPath,
    [
      join(ROOT, "node_modules/tsx/dist/cli.mjs"),
      "scripts/wrangler.ts",
      "dev",
      "--local",
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--inspector-port",
      String(inspector),
      "--persist-to",
      persist,
    ],
    { cwd: ROOT, env: withWranglerDefaults(process.env), stdio: "ignore", detached: true },
  );
  const until = Date.now() + 50_000;
  for (;;) {
    const up = await get("/", { "Accept-Encoding": "identity" }).catch(() => null);
    if (up?.status === 200) break;
    if (Date.now() > until) throw new Error("wrangler dev did not answer within 50 s");
    await new Promise((r) => setTimeout(r, 500));
  }
}, 90_000);

afterAll(() => {
  // wrangler dev starts workerd processes of its own: end the whole group this test started.
  if (dev?.pid !== undefined) process.kill(-dev.pid, "SIGTERM");
});

describe("npm run dev", () => {
  it("answers a client that sends no Accept-Encoding with the page as text", async () => {
    const res = await get("/2026/01/hello/");
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.body.toString("utf8")).toMatch(/^<!DOCTYPE html>[\s\S]*<h1[^>]*>Hello<\/h1>/);
  });

  it("still sends the stored gzip to a client that takes it", async () => {
    const res = await get("/2026/01/hello/", { "Accept-Encoding": "gzip" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.body.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
  });
});
