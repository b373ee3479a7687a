/**
 * A local stand-in for Cloudflare's v4 API: the KV endpoints the publisher uses, backed by a Map, the
 * account list and namespace creation a first deploy uses, recording every request. Other paths (wrangler's deploy calls) answer a generic success and are
 * recorded too. Faults can be queued to test retries and errors.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: string;
}

export interface Fault {
  status: number;
  retryAfter?: string;
  errors?: Array<{ code: number; message: string }>;
}

export class FakeCloudflare {
  readonly kv = new Map<string, Map<string, string>>();
  readonly requests: RecordedRequest[] = [];
  readonly faults: Fault[] = [];
  /** Faults for requests by their number (0-based, counted over the server's life). */
  readonly faultsAt = new Map<number, Fault>();
  /** What `GET /accounts` answers: the accounts the token reaches. */
  accounts: Array<{ id: string; name: string }> = [{ id: "acct-7", name: "Ana's account" }];
  /** KV namespaces by title, as created through the API: title → id. */
  readonly namespaces = new Map<string, string>();
  #server: Server | null = null;

  constructor(readonly port: number) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/client/v4`;
  }

  namespace(id: string): Map<string, string> {
    let ns = this.kv.get(id);
    if (!ns) {
      ns = new Map();
      this.kv.set(id, ns);
    }
    return ns;
  }

  /** Requests to one kind of KV endpoint. */
  kvRequests(kind: "bulk" | "bulk/delete" | "values" | "keys"): RecordedRequest[] {
    const pattern = { bulk: /\/bulk$/, "bulk/delete": /\/bulk\/delete$/, values: /\/values\//, keys: /\/keys$/ }[kind];
    return this.requests.filter((r) => r.path.includes("/storage/kv/") && pattern.test(r.path.replace(/\?.*$/, "")));
  }

  async start(): Promise<void> {
    this.#server = createServer((req, res) => {
      void this.#handle(req).then(({ status, body, headers }) => {
        res.writeHead(status, { "Content-Type": "application/json", ...headers });
        res.end(body);
      });
    });
    await new Promise<void>((done) => this.#server?.listen(this.port, "127.0.0.1", done));
  }

  async stop(): Promise<void> {
    await new Promise<void>((done) => this.#server?.close(() => done()));
  }

  /** Static asset files wrangler uploaded (their manifest hashes), and the manifest of the last upload session. */
  readonly assets = { manifest: {} as Record<string, { hash: string; size: number }>, uploaded: [] as string[] };

  /** Just enough of the Workers API for `wrangler deploy` of a new Worker, with static assets, to succeed. */
  #workers(method: string, path: string, body: string, ok: (result: unknown) => { status: number; body: string }) {
    if (method === "POST" && /\/workers\/scripts\/[^/]+\/assets-upload-session$/.test(path)) {
      // Every file is new here: ask for all of them, in one bucket.
      this.assets.manifest = (JSON.parse(body) as { manifest: Record<string, { hash: string; size: number }> }).manifest;
      const hashes = Object.values(this.assets.manifest).map((f) => f.hash);
      return ok({ jwt: "assets-upload-jwt", buckets: hashes.length > 0 ? [hashes] : [] });
    }
    if (method === "POST" && path.endsWith("/workers/assets/upload")) {
      for (const hash of Object.values(this.assets.manifest).map((f) => f.hash))
        if (body.includes(`name="${hash}"`)) this.assets.uploaded.push(hash);
      return ok({ jwt: "assets-completion-jwt" });
    }
    if (method === "GET" && /\/workers\/services\/[^/]+$/.test(path)) {
      return {
        status: 404,
        body: JSON.stringify({ success: false, errors: [{ code: 10007, message: "workers.api.error.script_not_found" }] }),
      };
    }
    if (method === "GET" && path.endsWith("/deployments")) return ok({ deployments: [] });
    if (path.endsWith("/workers/subdomain")) return ok({ subdomain: "fake" });
    if (/\/scripts\/[^/]+\/subdomain$/.test(path)) return ok({ enabled: true, previews_enabled: true });
    if (method === "PUT" && /\/workers\/scripts\/[^/]+$/.test(path)) return ok({ id: "script", etag: "e1", startup_time_ms: 1 });
    return ok({});
  }

  /** Listing namespaces (one page) and creating one; a title already taken is refused as Cloudflare does (10014). */
  #namespaces(method: string, body: string, ok: (result: unknown, extra?: object) => { status: number; body: string }) {
    const all = [...this.namespaces].map(([title, id]) => ({ id, title }));
    if (method === "GET") return ok(all, { result_info: { page: 1, per_page: 100, count: all.length, total_count: all.length } });
    const { title } = JSON.parse(body) as { title: string };
    if (this.namespaces.has(title)) {
      return {
        status: 400,
        body: JSON.stringify({
          success: false,
          errors: [{ code: 10014, message: "a namespace with this account ID and title already exists" }],
        }),
      };
    }
    const id = `ns-created-${String(this.namespaces.size + 1).padStart(4, "0")}`;
    this.namespaces.set(title, id);
    return ok({ id, title, supports_url_encoding: true });
  }

  async #handle(req: IncomingMessage): Promise<{ status: number; body: string; headers?: Record<string, string> }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://x");
    this.requests.push({ method: req.method ?? "", path: url.pathname + url.search, authorization: req.headers.authorization, body });
    const fault = this.faultsAt.get(this.requests.length - 1) ?? this.faults.shift();
    if (fault) {
      return {
        status: fault.status,
        body: JSON.stringify({
          success: false,
          errors: fault.errors ?? [{ code: 10000 + fault.status, message: `fault ${fault.status}` }],
        }),
        ...(fault.retryAfter === undefined ? {} : { headers: { "Retry-After": fault.retryAfter } }),
      };
    }
    const ok = (result: unknown, extra: object = {}) => ({
      status: 200,
      body: JSON.stringify({ success: true, errors: [], messages: [], result, ...extra }),
    });
    if (req.method === "GET" && url.pathname === "/client/v4/accounts") return ok(this.accounts);
    if (/^\/client\/v4\/accounts\/[^/]+\/storage\/kv\/namespaces$/.test(url.pathname)) return this.#namespaces(req.method ?? "", body, ok);
    const m = /^\/client\/v4\/accounts\/([^/]+)\/storage\/kv\/namespaces\/([^/]+)\/(.*)$/.exec(url.pathname);
    if (!m) return this.#workers(req.method ?? "", url.pathname, body, ok);
    const ns = this.namespace(decodeURIComponent(m[2] ?? ""));
    const rest = m[3] ?? "";
    if (req.method === "PUT" && rest === "bulk") {
      const pairs = JSON.parse(body) as Array<{ key: string; value: string }>;
      for (const p of pairs) ns.set(p.key, p.value);
      return ok({ successful_key_count: pairs.length, unsuccessful_keys: [] });
    }
    if (req.method === "POST" && rest === "bulk/delete") {
      const keys = JSON.parse(body) as string[];
      for (const k of keys) ns.delete(k);
      return ok({ successful_key_count: keys.length, unsuccessful_keys: [] });
    }
    if (req.method === "GET" && rest.startsWith("values/")) {
      const value = ns.get(decodeURIComponent(rest.slice("values/".length)));
      return value === undefined
        ? { status: 404, body: JSON.stringify({ success: false, errors: [{ code: 10009, message: "key not found" }] }) }
        : { status: 200, body: value };
    }
    if (req.method === "GET" && rest === "keys") {
      const prefix = url.searchParams.get("prefix") ?? "";
      const limit = Number(url.searchParams.get("limit") ?? "1000");
      const start = Number(url.searchParams.get("cursor") || "0");
      const names = [...ns.keys()].filter((k) => k.startsWith(prefix)).sort();
      const page = names.slice(start, start + limit);
      const next = start + limit < names.length ? String(start + limit) : "";
      return ok(
        page.map((name) => ({ name })),
        { result_info: { count: page.length, cursor: next } },
      );
    }
    return { status: 404, body: JSON.stringify({ success: false, errors: [{ code: 7003, message: "no route" }] }) };
  }
}
