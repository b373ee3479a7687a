/**
 * The local preview's front door: an HTTP server that passes every request to `wrangler dev` and
 * every answer back, adding the live script (live-script.ts) to HTML pages, and serves the event
 * stream that script listens to. The Worker and what it answers are exactly what deploys; the
 * script and its stream exist only here.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from "node:http";
import { LIVE_PATH, LIVE_SCRIPT, LIVE_SCRIPT_PATH, liveTag } from "./live-script.ts";

export type PreviewEvent = { type: "published"; paths: string[]; media: string[] } | { type: "problems"; lines: string[] };

export interface PreviewServer {
  /** Tells every open tab; the last problems are also told to tabs that open later, until a publish succeeds. */
  send(event: PreviewEvent): void;
  close(): Promise<void>;
  /** Open event streams (tabs listening). */
  listeners(): number;
}

/** Publishes remembered for tabs that connect late (see liveTag). */
const KEPT_PUBLISHES = 100;

export async function startPreviewServer(options: { host: string; port: number; upstream: string }): Promise<PreviewServer> {
  const streams = new Set<ServerResponse>();
  let problems: PreviewEvent | null = null;
  /** Publishes told so far, and the last few of them by number. */
  let told = 0;
  const recent: Array<{ n: number; event: PreviewEvent }> = [];
  /** `n`: a publish's number, sent as the event's id so a tab whose stream reconnects asks only for later ones. */
  const write = (res: ServerResponse, event: PreviewEvent, n?: number) => {
    const data = event.type === "problems" ? event.lines : { paths: event.paths, media: event.media };
    res.write(`${n === undefined ? "" : `id: ${n}\n`}event: ${event.type}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://local");
    const path = url.pathname;
    if (path === LIVE_PATH) {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
      res.write("retry: 500\n\n");
      // A tab that stays open through many saves (each drawn in place) reconnects with the last it saw.
      const since = Number(req.headers["last-event-id"] ?? url.searchParams.get("since") ?? told);
      for (const { n, event } of recent) if (n > since) write(res, event, n);
      if (problems !== null) write(res, problems);
      streams.add(res);
      req.on("close", () => streams.delete(res));
      return;
    }
    if (path === LIVE_SCRIPT_PATH) {
      res.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store" });
      res.end(LIVE_SCRIPT);
      return;
    }
    // The count is read before the page is: the page is at least that new.
    forward(req, res, options.upstream, told);
  });
  await new Promise<void>((ready, fail) => {
    server.once("error", fail);
    server.listen(options.port, options.host, () => ready());
  });
  return {
    send(event) {
      problems = event.type === "problems" ? event : null;
      if (event.type === "published") {
        told++;
        recent.push({ n: told, event });
        if (recent.length > KEPT_PUBLISHES) recent.shift();
      }
      for (const res of streams) write(res, event, event.type === "published" ? told : undefined);
    },
    listeners: () => streams.size,
    close: () =>
      new Promise((done) => {
        for (const res of streams) res.end();
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** Passes a request on unchanged except that it asks for an uncompressed, unconditional answer (the page may be edited on its way back). */
function forward(req: IncomingMessage, res: ServerResponse, upstream: string, since: number): void {
  const headers = { ...req.headers, "accept-encoding": "identity" };
  delete headers["if-none-match"];
  delete headers["if-modified-since"];
  const out = request(new URL(req.url ?? "/", upstream), { method: req.method, headers }, (answer) => {
    const type = String(answer.headers["content-type"] ?? "");
    if (!type.startsWith("text/html") || req.method === "HEAD") {
      // A saved stylesheet or script must be fetched again on the reload, not taken from the browser's cache.
      res.writeHead(answer.statusCode ?? 502, { ...answer.headers, "cache-control": "no-store" });
      answer.pipe(res);
      return;
    }
    const chunks: Buffer[] = [];
    answer.on("data", (c: Buffer) => chunks.push(c));
    answer.on("end", () => {
      const body = withLiveScript(Buffer.concat(chunks).toString("utf8"), since);
      // The body changed: its validator and framing are the server's to set again.
      const { etag: _etag, "content-length": _length, "transfer-encoding": _chunked, connection: _connection, ...rest } = answer.headers;
      res.writeHead(answer.statusCode ?? 502, { ...rest, "content-length": Buffer.byteLength(body), "cache-control": "no-store" });
      res.end(body);
    });
  });
  out.on("error", (error) => {
    if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain; charset=utf-8" });
    res.end(`The local Worker is not answering yet (${error.message}); reload in a moment.\n`);
  });
  req.pipe(out);
}

/** The page with the live script just before `</body>` (or at its end). */
export function withLiveScript(html: string, since: number): string {
  const tag = liveTag(since, headDigest(html));
  const at = html.lastIndexOf("</body>");
  return at === -1 ? `${html}${tag}` : `${html.slice(0, at)}${tag}\n${html.slice(at)}`;
}

/**
 * Names a page's head as served (everything before `</head>`, or before `<body` when the page leaves
 * its head implicit): two pages with the same digest load the same stylesheets and head scripts, so
 * the live script may swap one's body in under the other's head.
 */
export function headDigest(html: string): string {
  const close = html.indexOf("</head>");
  const end = close !== -1 ? close : Math.max(html.search(/<body[\s>]/i), 0);
  return createHash("sha256").update(html.slice(0, end)).digest("base64url").slice(0, 16);
}
