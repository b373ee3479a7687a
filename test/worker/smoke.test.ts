import { env } from "cloudflare:workers";
import { expect, it } from "vitest";
import { createApp } from "../../src/routes/router.ts";

it("answers 503 before anything is published", async () => {
  const res = await createApp().request("/", {}, env);
  expect(res.status).toBe(503);
  expect(res.headers.get("Retry-After")).toBe("60");
});
