/**
 * The one place highlight.js is loaded (with all its grammars: a publish-time cost only). Typed by
 * grammars.d.ts beside it: see there why this file is JavaScript.
 */
import hljs from "highlight.js";

export function hasGrammar(name) {
  return hljs.getLanguage(name) !== undefined;
}

export function highlightWith(code, language) {
  // ignoreIllegals: a snippet that is not quite valid (a fragment, a typo) is still shown whole.
  return hljs.highlight(code, { language, ignoreIllegals: true }).value;
}
