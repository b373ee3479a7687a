/**
 * A client that revalidates must never be told its old copy is current once the page has changed:
 * after an edit, and after a post is added to a list. Answers carry a strong ETag and no
 * Last-Modified, so a date alone (If-Modified-Since) never earns a 304.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/routes/router.ts";
import { contentOf, publish } from "./helpers/site.ts";

const post = (title: string, date: string, body: string) => `---\ntitle: ${title}\ndate: ${date}\n---\n${body}\n`;

describe("revalidation after a publish", () => {
  it("gives the edited page and the longer list to a client holding the old ones", async () => {
    await publish(contentOf({ "posts/2024-01-01-a.md": post("A", "2024-01-01", "First words.") }));
    const app = createApp({ cache: { shared: null } });
    const get = (path: string, headers: Record<string, string> = {}) => app.request(`https://blog.test${path}`, { headers }, env);
    const before = await get("/2024/01/a/");
    const etag = before.headers.get("ETag") ?? "";
    expect(before.headers.get("Last-Modified")).toBeNull();
    const home = await get("/");
    const homeTag = home.headers.get("ETag") ?? "";

    await publish(
      contentOf({
        "posts/2024-01-01-a.md": post("A", "2024-01-01", "Edited words."),
        "posts/2024-02-01-b.md": post("B", "2024-02-01", "A new post."),
      }),
    );
    // A fresh app: the new release is read at once instead of after the pointer's 5 s.
    const after = createApp({ cache: { shared: null } });
    const again = (path: string, headers: Record<string, string>) => after.request(`https://blog.test${path}`, { headers }, env);
    const farFuture = "Fri, 01 Jan 2100 00:00:00 GMT";

    const edited = await again("/2024/01/a/", { "If-Modified-Since": farFuture });
    expect(edited.status).toBe(200);
    expect(await edited.text()).toContain("Edited words.");
    expect((await again("/2024/01/a/", { "If-None-Match": etag })).status).toBe(200);

    const list = await again("/", { "If-Modified-Since": farFuture });
    expect(list.status).toBe(200);
    expect(await list.text()).toContain(">B</a>");
    expect((await again("/", { "If-None-Match": homeTag })).status).toBe(200);
  });
});
