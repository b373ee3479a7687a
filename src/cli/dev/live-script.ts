/**
 * The script local preview adds to every HTML page (and only there: the dev server inserts it on its
 * way out, the Worker never has it). It listens to the dev server's event stream: it reloads the tab
 * when its page (or a file it uses) changed, and shows a save's problems over the page until fixed.
 * Loaded from the same origin, so the site's own Content-Security-Policy (script-src 'self',
 * connect-src 'self') already allows it.
 */
export const LIVE_PATH = "/__edgepress/live";
export const LIVE_SCRIPT_PATH = "/__edgepress/live.js";
/**
 * The tag added to a page. `since` counts the publishes the dev server had told before it fetched
 * the page: the script asks for any told after that, so a save that goes live while the tab is still
 * loading (its event stream not open yet) reloads it too, instead of being missed.
 */
export function liveTag(since: number): string {
  return `<script src="${LIVE_SCRIPT_PATH}?since=${since}" defer></script>`;
}

export const LIVE_SCRIPT = `(() => {
  "use strict";
  const here = () => decodeURIComponent(location.pathname);
  const uses = (path) =>
    [...document.querySelectorAll("[src],[href]")].some((el) => {
      try { return decodeURIComponent(new URL(el.getAttribute("src") || el.getAttribute("href"), location.href).pathname) === path; }
      catch { return false; }
    });
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
  const since = new URL(document.currentScript ? document.currentScript.src : location.href).searchParams.get("since") || "0";
  const events = new EventSource(${JSON.stringify(LIVE_PATH)} + "?since=" + encodeURIComponent(since));
  events.addEventListener("problems", (e) => show(JSON.parse(e.data)));
  events.addEventListener("published", (e) => {
    const { paths, media } = JSON.parse(e.data);
    if (paths.includes(here()) || media.some(uses)) location.reload();
    else clear();
  });
})();
`;
