/**
 * Elements whose content is not text a reader saw (scripts, styles, embedded documents, form
 * controls, the head): what HTML kept as a reader's text (a comment, a title) leaves out whole.
 */
export const HIDDEN_ELEMENTS: ReadonlySet<string> = new Set([
  "script",
  "style",
  "template",
  "noscript",
  "iframe",
  "object",
  "embed",
  "svg",
  "math",
  "textarea",
  "select",
  "head",
  "title",
]);
