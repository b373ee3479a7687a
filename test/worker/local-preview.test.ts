/**
 * The live-reload script and its event stream belong to `npm run dev`'s front server: the Worker a
 * deploy uploads never adds them, with or without the preview variable, and its page policy already
 * lets a same-origin script connect back to its origin (which is all the script needs locally).
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/routes/router.ts";
import { contentOf, publish } from "./helpers/site.ts";

const POST = "/2024/05/plain/";
const app = createApp();

beforeAll(async () => {
  await publish(
    contentOf({ "posts/2024-05-01-plain.md": `---\ntitle: Plain\ndate: 2024-05-01T10:00:00Z\npermalink: ${POST}\n---\nWords.\n` }),
  );
});

describe("a deployed page", () => {
  it("has no live-reload script, and the Worker answers no live-reload address", async () => {
    for (const vars of [{}, { EDGEPRESS_PREVIEW: "1" }]) {
      const page = await (await app.request(`https://blog.example${POST}`, {}, { ...env, ...vars })).text();
      expect(page).toContain("Words.");
      expect(page).not.toContain("__edgepress");
      expect(page).not.toMatch(/EventSource|WebSocket/);
      for (const path of ["/__edgepress/live", "/__edgepress/live.js"]) {
        expect((await app.request(`https://blog.example${path}`, {}, { ...env, ...vars })).status).toBe(404);
      }
    }
  });

  it("keeps its policy: scripts and connections from its own origin only", async () => {
    const policy = (await app.request(`https://blog.example${POST}`, {}, env)).headers.get("content-security-policy") ?? "";
    expect(policy).toMatch(/(^|; )script-src 'self'(;|$)/);
    expect(policy).toMatch(/(^|; )connect-src 'self'(;|$)/);
  });
});
