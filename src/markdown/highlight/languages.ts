/**
 * Which grammar a language name asks for. Names come from fences (```js), shortcodes
 * (`[code lang="jscript"]`), SyntaxHighlighter brushes (`brush: shell`), `<pre lang>` and org-mode
 * (`src-emacs-lisp`). highlight.js knows most of them as aliases; these are the names real exports
 * use that it does not know, or knows as something else.
 */

/** Name as written (lower case) → highlight.js language. */
const ALIASES: Readonly<Record<string, string>> = {
  // SyntaxHighlighter's brush aliases (its "Bundled brushes" list): shell is the Bash brush there,
  // as it is for GitHub's fences; highlight.js reads "shell" as a terminal session with prompts.
  shell: "bash",
  zsh: "bash",
  jscript: "javascript",
  javafx: "java",
  jfx: "java",
  as3: "actionscript",
  actionscript3: "actionscript",
  "c-sharp": "csharp",
  "vb.net": "vbnet",
  posh: "powershell",
  pwsh: "powershell",
  rails: "ruby",
  ror: "ruby",
  sass: "scss",
  xhtml: "xml",
  xslt: "xml",
  // Plain text is a language: the block is code, shown as it is, with nothing to colour.
  plain: "plaintext",
  txt: "plaintext",
  none: "plaintext",
  // org-mode's names for Emacs Lisp; highlight.js's Lisp grammar reads it well.
  "emacs-lisp": "lisp",
  elisp: "lisp",
  // Terminal sessions (`$ command` then output) under the names GitHub and others use.
  "shell-session": "console",
  shellsession: "console",
  terminal: "console",
  mysql: "sql",
  tsql: "sql",
  plsql: "sql",
  golang: "go",
};

/** A language name safe to put in a class attribute: what fences and shortcodes may carry. */
const NAME = /^[\w+#.-]{1,30}$/;

/** The name as it may appear in `class="language-…"`, lower case, or null when it cannot be a language name. */
export function languageName(written: string | undefined): string | null {
  const name = (written ?? "").trim().toLowerCase();
  return NAME.test(name) ? name : null;
}

/** The highlight.js language for a name (its own alias table is asked after ours). */
export function grammarFor(name: string): string {
  return ALIASES[name] ?? name;
}
