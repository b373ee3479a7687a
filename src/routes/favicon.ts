/** The site icon, the one file the Worker serves from its own code. */
import type { Reply } from "../http/reply.ts";
import { FAVICON_SVG } from "../render/favicon.ts";

export const FAVICON_PATHS = ["/favicon.svg", "/favicon.ico"] as const;

export const faviconReply: Reply = { status: 200, type: "image/svg+xml", body: FAVICON_SVG, policy: "asset" };
