/**
 * Serves a folder of built files the way `jekyll serve` (WEBrick) does: `/dir/` from `dir/index.html`,
 * and an address without an extension from the `.html` file of that name, so Jekyll's own output can
 * be visited at the addresses its pages link to.
 */
import { readFile, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
};

export interface StaticSite {
  url: string;
  close(): Promise<void>;
}

export async function serveFolder(root: string, port: number): Promise<StaticSite> {
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const base = normalize(join(root, path));
    for (const file of path.endsWith("/") ? [join(base, "index.html")] : [base, `${base}.html`, join(base, "index.html")]) {
      if (!file.startsWith(root)) break;
      const found = await stat(file).catch(() => null);
      if (found?.isFile()) {
        res.writeHead(200, { "content-type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream" });
        res.end(await readFile(file));
        return;
      }
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
