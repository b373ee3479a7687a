/** Requests to the Worker's app as a reader's client sends them, redirects not followed. */
import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { createApp } from "../../../src/routes/router.ts";

export function siteRequests() {
  const app = createApp();
  const get = (path: string) => app.request(`http://blog.test${path}`, { redirect: "manual" }, env);
  /** The Location of the 301 that `path` answers (failing the test on any other status). */
  const movedTo = async (path: string) => {
    const res = await get(path);
    expect(res.status, path).toBe(301);
    return res.headers.get("Location");
  };
  return { get, movedTo };
}
