/**
 * A small client for Cloudflare's v4 REST API: bearer token, JSON envelopes, and retries on the
 * answers worth retrying (429 and 5xx, honouring Retry-After, and network failures). Errors name the
 * request that failed and what Cloudflare said about it, never the token.
 */

export const DEFAULT_API_BASE_URL = "https://api.cloudflare.com/client/v4";

export interface ApiOptions {
  /** `CLOUDFLARE_API_BASE_URL`, the same override wrangler honours; tests point it at a local server. */
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  /** Attempts per request, the first included. */
  attempts?: number;
  /** First retry delay; doubled on each further attempt. */
  retryDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** A request to the Cloudflare API that failed for good. */
export class CloudflareApiError extends Error {
  override name = "CloudflareApiError";
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

interface Envelope {
  success?: boolean;
  errors?: Array<{ code?: number; message?: string }>;
  result?: unknown;
  result_info?: { cursor?: string };
}

export interface ApiRequest {
  method: "GET" | "PUT" | "POST" | "DELETE";
  path: string;
  body?: string;
  /** What the request is for, in error messages: "write 1000 values". */
  what: string;
  /** 404 is an answer (a missing key), not a failure. */
  allow404?: boolean;
}

export class CloudflareApi {
  readonly #options: Required<ApiOptions>;

  constructor(options: ApiOptions) {
    this.#options = {
      fetch: globalThis.fetch,
      attempts: 5,
      retryDelayMs: 500,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      ...options,
      baseUrl: options.baseUrl.replace(/\/+$/, ""),
    };
  }

  /** The raw response body, or null for an allowed 404. */
  async text(request: ApiRequest): Promise<string | null> {
    const { attempts, retryDelayMs, sleep } = this.#options;
    const label = `${request.method} ${request.path}`;
    let lastProblem = "";
    for (let attempt = 1; attempt <= attempts; attempt++) {
      let response: Response;
      try {
        response = await this.#options.fetch(`${this.#options.baseUrl}${request.path}`, {
          method: request.method,
          headers: {
            Authorization: `Bearer ${this.#options.token}`,
            ...(request.body === undefined ? {} : { "Content-Type": "application/json" }),
          },
          ...(request.body === undefined ? {} : { body: request.body }),
        });
      } catch (error) {
        lastProblem = `network error: ${error instanceof Error ? error.message : String(error)}`;
        if (attempt < attempts) await sleep(retryDelayMs * 2 ** (attempt - 1));
        continue;
      }
      const body = await response.text();
      if (response.ok) return body;
      if (response.status === 404 && request.allow404) return null;
      lastProblem = `${response.status} ${describeErrors(body) || response.statusText}`;
      const retryable = response.status === 429 || response.status >= 500;
      if (!retryable) throw new CloudflareApiError(`Cloudflare API could not ${request.what} (${label}): ${lastProblem}`, response.status);
      if (attempt < attempts) await sleep(retryAfterMs(response) ?? retryDelayMs * 2 ** (attempt - 1));
    }
    throw new CloudflareApiError(`Cloudflare API could not ${request.what} (${label}) after ${attempts} attempts: ${lastProblem}`, null);
  }

  /** A JSON API call: checks the `success` envelope and returns it. */
  async json(request: ApiRequest): Promise<Envelope> {
    const text = await this.text(request);
    let envelope: Envelope;
    try {
      envelope = JSON.parse(text ?? "null") as Envelope;
    } catch {
      throw new CloudflareApiError(
        `Cloudflare API could not ${request.what} (${request.method} ${request.path}): the answer is not JSON`,
        null,
      );
    }
    if (envelope === null || typeof envelope !== "object" || envelope.success !== true) {
      throw new CloudflareApiError(
        `Cloudflare API could not ${request.what} (${request.method} ${request.path}): ${describeErrors(text ?? "") || "no success in the answer"}`,
        null,
      );
    }
    return envelope;
  }
}

function describeErrors(body: string): string {
  try {
    const parsed = JSON.parse(body) as Envelope;
    return (parsed.errors ?? []).map((e) => `${e.message ?? "error"}${e.code === undefined ? "" : ` (code ${e.code})`}`).join("; ");
  } catch {
    return body.slice(0, 200);
  }
}

function retryAfterMs(response: Response): number | null {
  const value = response.headers.get("Retry-After");
  if (value === null) return null;
  const seconds = Number(value);
  // Capped: a far-off Retry-After should fail the publish with a clear error, not hang it.
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, 60) * 1000 : null;
}
