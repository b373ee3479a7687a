/**
 * Property-based: thousands of generated requests (broken percent-encoding, `..`, NUL and control
 * characters, mixed scripts, overlong paths, huge query strings, odd methods and validators) must
 * each get a proper answer (200, 301, 304, 404 or 405), never a 5xx or a stack trace, and must leave
 * what is published untouched.
 */
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { beforeAll, expect, it } from "vitest";
import { createApp } from "../../src/routes/router.ts";
import { CURRENT_KEY } from "../../src/store/keys.ts";
import { contentOf, publish } from "./helpers/site.ts";

const REAL_PATHS = [
  "/",
  "/2024/03/caf%C3%A9/",
  "/2024/03/plain/",
  "/about/",
  "/about",
  "/feed/",
  "/page/2/",
  "/page/1/",
  "/?p=7",
  "/favicon.svg",
];

const piece = fc.oneof(
  fc.constantFrom(
    "..",
    ".",
    "%",
    "%zz",
    "%00",
    "%2e%2e",
    "%2F",
    "%C0%AF",
    "%E2%82",
    "%ff%fe",
    "\u0000",
    "\u0007",
    "\u001b[31m",
    "\t",
    "\r\n",
  ),
  fc.constantFrom("café", "Ωμέγα", "漢字", "עברית", "😀", "\u202e", "\ufeff", "a\u0301", "<script>", '"', "'", "\\", "//evil.example"),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.webSegment(),
);
const path = fc.oneof(
  fc.array(piece, { maxLength: 8 }).map((parts) => `/${parts.join("/")}`),
  fc.tuple(fc.constantFrom(...REAL_PATHS), fc.array(piece, { maxLength: 3 })).map(([base, parts]) => base + parts.join("")),
  fc.nat({ max: 20_000 }).map((n) => `/${"a/".repeat(n)}`),
);
const query = fc.oneof(
  fc.constant(""),
  fc.string({ unit: "binary", maxLength: 40 }).map((q) => `?${q}`),
  fc.tuple(fc.constantFrom("p", "s", "q", "page", "replytocom"), piece).map(([k, v]) => `?${k}=${v}`),
  fc.nat({ max: 30_000 }).map((n) => `?q=${"x".repeat(n)}`),
);
const method = fc.constantFrom(
  "GET",
  "GET",
  "GET",
  "HEAD",
  "POST",
  "PUT",
  "DELETE",
  "PATCH",
  "OPTIONS",
  "PROPFIND",
  "MKCOL",
  "get",
  "patch",
);
const headers = fc.record(
  {
    "If-None-Match": fc.oneof(fc.constant("*"), fc.string({ maxLength: 30 }), fc.constant('W/"x", "y"')),
    "If-Modified-Since": fc.oneof(fc.constant("Wed, 21 Oct 2099 07:28:00 GMT"), fc.string({ maxLength: 30 })),
    Accept: fc.string({ maxLength: 30 }),
  },
  { requiredKeys: [] },
);

const app = createApp();
let published: string | null = null;

beforeAll(async () => {
  await publish(
    contentOf({
      "posts/2024-03-01-cafe.md": "---\ntitle: Café\nid: 7\ndate: 2024-03-01\npermalink: /2024/03/café/\n---\nBody.\n",
      "posts/2024-03-02-plain.md": "---\ntitle: Plain\ndate: 2024-03-02\n---\nBody.\n",
      "about.md": "---\ntitle: About\nlayout: page\npermalink: /about/\n---\nAbout.\n",
    }),
    { site: { postsPerPage: 1 } },
  );
  published = await env.BLOG.get(CURRENT_KEY, "text");
});

/** Header values a Request accepts: no NUL, CR or LF (the platform refuses those before the Worker). */
function headerSafe(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v.replace(/[\0\r\n]/g, "")]));
}

it("answers every generated request properly", { timeout: 60_000 }, async () => {
  const seen = new Set<number>();
  await fc.assert(
    fc.asyncProperty(path, query, method, headers, async (p, q, m, h) => {
      const res = await app.request(`http://blog.test${p}${q}`, { method: m, headers: headerSafe(h), redirect: "manual" }, env);
      seen.add(res.status);
      expect([200, 301, 304, 404, 405]).toContain(res.status);
      const body = await res.text();
      expect(body).not.toMatch(/\bat \S+ \(|\.ts:\d+|TypeError|RangeError|URIError|SyntaxError/);
      if (res.status === 405) expect(res.headers.get("Allow")).toBe("GET, HEAD");
      if (res.status === 301) {
        // Redirects stay on this site: a path, never `//host` or another origin.
        expect(res.headers.get("Location")).toMatch(/^\/(?!\/)/);
      }
      if (m.toUpperCase() === "HEAD") expect(body).toBe("");
      expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    }),
    { numRuns: 3_000, seed: 20261125 },
  );
  // The generators reach every kind of answer, so the property is not vacuous.
  expect([...seen].sort()).toEqual([200, 301, 304, 404, 405]);
  expect(await env.BLOG.get(CURRENT_KEY, "text")).toBe(published);
});
