/** Fixed files the Worker serves itself. */
import type { Context } from "hono";
import { respond } from "../http/respond.ts";
import { FAVICON_SVG } from "../render/favicon.ts";

export function favicon(c: Context): Promise<Response> {
  return respond(c.req.raw, FAVICON_SVG, { type: "image/svg+xml", policy: "asset" });
}
