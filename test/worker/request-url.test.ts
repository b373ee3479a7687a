import { describe, expect, it } from "vitest";
import { requestUrl } from "../../src/http/request-url.ts";

describe("cutting a request URL", () => {
  it.each([
    "https://blog.example/",
    "https://blog.example/2024/05/post/",
    "http://127.0.0.1:8787/?s=caf%C3%A9&x=1",
    "https://blog.example/tag/%E2%9C%93/page/2/?a=b?c",
    "https://user:pw@blog.example:8443/a/b",
    "https://blog.example/a#frag",
    "https://blog.example/a?q=1#frag",
  ])("agrees with URL on %s", (href) => {
    const url = new URL(href);
    expect(requestUrl(url.href)).toEqual({ origin: url.origin, pathname: url.pathname, search: url.search });
  });
});
