/**
 * The script local preview adds to every HTML page (and only there: the dev server inserts it on its
 * way out, the Worker never has it). It listens to the dev server's event stream and shows a save's
 * problems over the page until fixed. When its page changed it draws the new page in place: it
 * fetches it and swaps in the new body, keeping the stylesheets and scripts the head already loaded
 * (a full reload of a themed page fetches, parses and applies them all again, most of the time a
 * save takes to show). When a stylesheet it links changed, it loads that one again. Anything else
 * (the head changed, a script or image it uses changed, the fetch failed) reloads the tab.
 * Loaded from the same origin, so the site's own Content-Security-Policy (script-src 'self',
 * connect-src 'self') already allows it.
 */
export const LIVE_PATH = "/__edgepress/live";
export const LIVE_SCRIPT_PATH = "/__edgepress/live.js";
/**
 * The tag added to a page. `since` counts the publishes the dev server had told before it fetched
 * the page: the script asks for any told after that, so a save that goes live while the tab is still
 * loading (its event stream not open yet) reaches it too, instead of being missed. `head` names the
 * page's head as served (headDigest): a fetched page whose tag names the same head can be swapped in
 * under the loaded one's stylesheets and scripts.
 */
export function liveTag(since: number, head: string): string {
  return `<script src="${LIVE_SCRIPT_PATH}?since=${since}&amp;head=${head}" defer></script>`;
}

export const LIVE_SCRIPT = `(() => {
  "use strict";
  const here = () => decodeURIComponent(location.pathname);
  const pathOf = (el) => {
    try { return decodeURIComponent(new URL(el.getAttribute("src") || el.getAttribute("href"), location.href).pathname); }
    catch { return null; }
  };
  const users = (path) => [...document.querySelectorAll("[src],[href]")].filter((el) => pathOf(el) === path);
  let box = null;
  const clear = () => { if (box) { box.remove(); box = null; } };
  const show = (lines) => {
    clear();
    box = document.createElement("div");
    box.id = "edgepress-problems";
    box.setAttribute("role", "alert");
    Object.assign(box.style, { position: "fixed", inset: "0 0 auto 0", zIndex: "2147483647", maxHeight: "60vh", overflow: "auto",
      background: "#3b0a0a", color: "#fff", font: "14px/1.5 ui-monospace, monospace", padding: "1em 1.5em", whiteSpace: "pre-wrap" });
    const head = document.createElement("strong");
    head.textContent = "Not published: fix this and save again (the page shows the last good version).";
    box.append(head, document.createTextNode("\\n" + lines.join("\\n")));
    document.body.append(box);
  };
  const own = ${JSON.stringify(LIVE_SCRIPT_PATH)};
  const params = new URL(document.currentScript ? document.currentScript.src : location.href).searchParams;
  const head = params.get("head");
  const reload = () => { location.reload(); return new Promise(() => {}); };
  const runs = (s) => !s.type || /^(text|application)\\/(java|ecma)script$|^module$/i.test(s.type);
  // The body's scripts, run again in document order as the parser would (those parsed into another
  // document never run when moved into this one): an external one is waited for before the next.
  const rerun = async (body) => {
    for (const old of [...body.querySelectorAll("script")]) {
      const s = document.createElement("script");
      for (const a of old.attributes) s.setAttribute(a.name, a.value);
      s.textContent = old.textContent;
      const external = s.hasAttribute("src") && runs(s);
      if (external) s.async = false;
      const done = external ? new Promise((r) => { s.onload = s.onerror = r; }) : null;
      old.replaceWith(s);
      if (done) await done;
    }
  };
  const redraw = async () => {
    const res = await fetch(location.href, { cache: "no-store", credentials: "same-origin" });
    if (!res.ok || !(res.headers.get("content-type") || "").startsWith("text/html")) return reload();
    const doc = new DOMParser().parseFromString(await res.text(), "text/html");
    const tag = doc.querySelector('script[src^="' + own + '"]');
    const next = tag && new URL(tag.getAttribute("src"), location.href).searchParams.get("head");
    if (head === null || next !== head) return reload();
    tag.remove();
    const x = scrollX, y = scrollY;
    clear();
    document.title = doc.title;
    const body = document.adoptNode(doc.body);
    document.body.replaceWith(body);
    scrollTo(x, y);
    // Not waited for: a script on a host that never answers must not hold up the next save.
    rerun(body).catch((error) => console.error(error));
  };
  // A changed stylesheet is fetched again under a new address (its old one may be in the cache) and
  // the old one removed once the new one applies, so the page never shows unstyled.
  const restyle = (paths) => {
    const els = paths.flatMap(users);
    if (els.some((el) => !(el.localName === "link" && /(^|\\s)stylesheet(\\s|$)/i.test(el.rel)))) return reload();
    clear();
    return Promise.all(els.map((link) => new Promise((done) => {
      const fresh = link.cloneNode();
      const url = new URL(link.href);
      url.searchParams.set("edgepress-live", String(Date.now()));
      fresh.href = url.href;
      fresh.onload = fresh.onerror = () => { link.remove(); done(); };
      link.after(fresh);
    })));
  };
  // One update at a time, in the order told; one that fails reloads the tab.
  let chain = Promise.resolve();
  const queue = (work) => { chain = chain.then(work).catch(reload); };
  const events = new EventSource(${JSON.stringify(LIVE_PATH)} + "?since=" + encodeURIComponent(params.get("since") || "0"));
  events.addEventListener("problems", (e) => show(JSON.parse(e.data)));
  events.addEventListener("published", (e) => {
    const { paths, media } = JSON.parse(e.data);
    const used = media.filter((path) => users(path).length > 0);
    if (paths.includes(here())) queue(used.length === 0 ? redraw : reload);
    else if (used.length > 0) queue(() => restyle(used));
    else clear();
  });
})();
`;
