/**
 * Security headers on every response, and each page's Content-Security-Policy allowing exactly the
 * inline scripts, handlers and embeds its author published (hashes computed at publish time).
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { compileSite } from "../../src/compile/compile-site.ts";
import { formatProblem } from "../../src/content/problem.ts";
import { createApp } from "../../src/routes/router.ts";
import { contentOf, publish } from "./helpers/site.ts";

const SCRIPT = "document.write(new Date().getFullYear() - 1987)";
const HANDLER = "this.style.opacity = 1";
const POSTS = {
  "about.md": `---\ntitle: About\nlayout: page\npermalink: /about/\n---\n<p>I am <script>${SCRIPT}</script> years old.</p>\n`,
  "posts/2024-01-01-embeds.md": [
    "---",
    "title: Embeds",
    "date: 2024-01-01",
    "csp:",
    "  frame-src: [https://player.vimeo.com]",
    "---",
    '<iframe src="https://www.youtube-nocookie.com/embed/x" width="560" height="315"></iframe>',
    "",
    `<img src="https://images.example/a.jpg" onload="${HANDLER}">`,
    "",
    '<script type="application/ld+json">{"@type":"Thing"}</script>',
    "",
    '<script src="https://gist.github.com/u/1.js"></script>',
    "",
    "<!--more-->",
    "",
    "The rest.",
    "",
  ].join("\n"),
  "posts/2024-01-02-plain.md": "---\ntitle: Plain\ndate: 2024-01-02\n---\nNo scripts here.\n",
};

const app = createApp();
const get = (url: string, init: RequestInit = {}) => app.request(url, init, env);

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`;
}

function directive(policy: string | null, name: string): string[] {
  const found = (policy ?? "").split(";").find((d) => d.trim().startsWith(`${name} `));
  return found ? found.trim().split(/\s+/).slice(1) : [];
}

beforeAll(async () => {
  await publish(contentOf(POSTS, "title: Secure\ncsp:\n  connect-src: https://api.example\n"));
});

describe("headers on every response", () => {
  it.each([
    ["a post", "/2024/01/plain/", {}, 200],
    ["the home page", "/", {}, 200],
    ["the feed", "/feed/", {}, 200],
    ["a 404", "/nothing/here/", {}, 404],
    ["a redirect", "/about", {}, 301],
    ["a 405", "/", { method: "POST" }, 405],
    ["the favicon", "/favicon.svg", {}, 200],
  ] as const)("%s carries them", async (_name, path, init, status) => {
    const res = await get(`http://blog.test${path}`, { ...init, redirect: "manual" });
    expect(res.status).toBe(status);
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("Permissions-Policy")).toContain("geolocation=()");
    expect(res.headers.get("Content-Security-Policy")).toMatch(/^default-src '(self|none)'/);
    expect(res.headers.get("Strict-Transport-Security")).toBeNull();
    // Left out on purpose: it sends every arriving reader to a fresh renderer (see security-headers.ts).
    expect(res.headers.get("Cross-Origin-Opener-Policy")).toBeNull();
  });

  it("adds HSTS and upgrade-insecure-requests over HTTPS only", async () => {
    const res = await get("https://blog.test/2024/01/plain/");
    expect(res.headers.get("Strict-Transport-Security")).toBe("max-age=63072000; includeSubDomains");
    expect(res.headers.get("Content-Security-Policy")).toMatch(/; upgrade-insecure-requests$/);
  });

  it("gives answers from cache the same headers as fresh ones, per scheme and coding", async () => {
    const fresh = createApp();
    const expected = await sha256(SCRIPT);
    for (let round = 0; round < 3; round++) {
      for (const https of [false, true]) {
        for (const coding of [{}, { "Accept-Encoding": "gzip" }]) {
          const res = await fresh.request(`${https ? "https" : "http"}://blog.test/about/`, { headers: coding }, env);
          const label = `round ${round}, ${https ? "https" : "http"}, ${JSON.stringify(coding)}`;
          expect([label, res.status, res.headers.get("X-Content-Type-Options")]).toEqual([label, 200, "nosniff"]);
          expect([label, res.headers.get("Strict-Transport-Security") !== null]).toEqual([label, https]);
          const policy = res.headers.get("Content-Security-Policy");
          expect([label, directive(policy, "script-src")]).toEqual([label, ["'self'", expected]]);
          expect([label, (policy ?? "").endsWith("upgrade-insecure-requests")]).toEqual([label, https]);
          expect([label, (policy?.match(/script-src/g) ?? []).length]).toEqual([label, 1]);
        }
      }
    }
  });

  it("locks down everything that is not an HTML page", async () => {
    const res = await get("http://blog.test/feed/");
    expect(res.headers.get("Content-Security-Policy")).toBe("default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox");
  });
});

describe("each page's Content-Security-Policy", () => {
  it("allows the page's inline script by its hash, and no other inline script", async () => {
    const policy = (await get("http://blog.test/about/")).headers.get("Content-Security-Policy");
    expect(directive(policy, "script-src")).toEqual(["'self'", await sha256(SCRIPT)]);
    expect(directive(policy, "script-src")).not.toContain("'unsafe-inline'");
  });

  it("allows inline handlers by hash with 'unsafe-hashes', and embeds by origin", async () => {
    const policy = (await get("http://blog.test/2024/01/embeds/")).headers.get("Content-Security-Policy");
    expect(directive(policy, "script-src")).toEqual(["'self'", "'unsafe-hashes'", await sha256(HANDLER), "https://gist.github.com"]);
    expect(directive(policy, "frame-src")).toEqual(["'self'", "https://player.vimeo.com", "https://www.youtube-nocookie.com"]);
    expect(directive(policy, "connect-src")).toEqual(["'self'", "https://api.example"]);
    expect(directive(policy, "object-src")).toEqual(["'none'"]);
  });

  it("gives a post without scripts nothing beyond the baseline and the site's allowance", async () => {
    const policy = (await get("http://blog.test/2024/01/plain/")).headers.get("Content-Security-Policy");
    expect(directive(policy, "script-src")).toEqual(["'self'"]);
    expect(directive(policy, "frame-src")).toEqual(["'self'"]);
    expect(directive(policy, "connect-src")).toEqual(["'self'", "https://api.example"]);
  });

  it("covers the scripts and embeds in a list page's excerpts", async () => {
    const policy = (await get("http://blog.test/")).headers.get("Content-Security-Policy");
    expect(directive(policy, "frame-src")).toContain("https://www.youtube-nocookie.com");
    expect(directive(policy, "script-src")).toContain(await sha256(HANDLER));
  });
});

describe("an author's csp allowance", () => {
  it.each([
    [
      "a keyword that would switch protection off",
      "  script-src: \"'unsafe-inline'\"",
      `csp script-src source "'unsafe-inline'" is not a host`,
    ],
    ["a header injection", '  frame-src: "https://a.example; script-src *"', 'csp frame-src source "https://a.example;"'],
    ["an unknown directive", "  sandbox: [allow-scripts]", 'csp directive "sandbox" is not one an author can widen'],
    ["a list instead of a mapping", "  - https://a.example", "csp must map directives to sources"],
  ])("rejects %s with the file and line", (_name, yaml, reason) => {
    const reading = compileSite(contentOf({ "posts/2024-01-03-bad.md": `---\ntitle: Bad\ndate: 2024-01-03\ncsp:\n${yaml}\n---\nx\n` }));
    expect(reading.build).toBeNull();
    expect(reading.problems.map(formatProblem).join("\n")).toContain(`posts/2024-01-03-bad.md:4: ${reason}`);
  });
});
