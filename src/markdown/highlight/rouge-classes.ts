/**
 * highlight.js scopes as Rouge's token classes, the short Pygments names a Jekyll theme's syntax
 * stylesheet colours (`.highlight .k`, `.highlight .s2`). The names are Rouge's (lib/rouge/token.rb,
 * which keeps Pygments' token tree and short names): Keyword `k`, Keyword.Declaration `kd`,
 * Keyword.Constant `kc`, Keyword.Type `kt`, Name.Builtin `nb`, Name.Builtin.Pseudo `bp`, Name.Function
 * `nf`, Name.Class `nc`, Name.Tag `nt`, Name.Attribute `na`, Name.Variable `nv`, Name.Namespace `nn`,
 * Name.Label `nl`, Name.Decorator `nd`, Literal.String `s` (`s1` single-quoted, `s2` double-quoted,
 * `sb` backticks, `sr` regex, `ss` symbol, `se` escape, `si` interpolation, `sd` doc), Literal.Number
 * `m` (`mi` integer, `mf` float, `mh` hex), Comment `c` (`c1` single-line, `cm` multi-line, `cp`
 * preprocessor, `cd` doc), Operator `o`, Punctuation `p`, Generic.Heading `gh`, Generic.Subheading
 * `gu`, Generic.Inserted `gi`, Generic.Deleted `gd`, Generic.Emph `ge`, Generic.Strong `gs`,
 * Generic.Prompt `gp`, Generic.Output `go`.
 */

/** A highlight.js scope (`title.function`, `keyword`) → Rouge's class; a function decides by the token's text. */
export const ROUGE_CLASS: Readonly<Record<string, string | ((text: string) => string)>> = {
  keyword: "k",
  built_in: "nb",
  type: "kt",
  literal: "kc",
  number: numberClass,
  operator: "o",
  punctuation: "p",
  regexp: "sr",
  string: stringClass,
  "char.escape": "se",
  subst: "si",
  symbol: "ss",
  variable: "nv",
  "variable.language": "bp",
  "variable.constant": "no",
  title: "nf",
  "title.function": "nf",
  "title.function.invoke": "nf",
  "title.class": "nc",
  "title.class.inherited": "nc",
  params: "",
  property: "py",
  attr: "na",
  attribute: "na",
  name: "nt",
  tag: "",
  "selector-tag": "nt",
  "selector-id": "nn",
  "selector-class": "nc",
  "selector-attr": "na",
  "selector-pseudo": "nd",
  "template-tag": "cp",
  "template-variable": "nv",
  comment: commentClass,
  doctag: "cd",
  meta: "cp",
  "meta.keyword": "cp",
  "meta.string": "s",
  "meta.prompt": "gp",
  section: "gh",
  bullet: "m",
  code: "sb",
  emphasis: "ge",
  strong: "gs",
  formula: "s",
  link: "nl",
  quote: "c",
  addition: "gi",
  deletion: "gd",
  label: "nl",
};

/** Rouge splits declarations from other keywords in the C-family lexers (JavaScript's `const`, `let`, `var`, `function`, `class`). */
export const DECLARATIONS: ReadonlySet<string> = new Set(["const", "let", "var", "function", "class"]);
/** Languages whose Rouge lexer writes declaration keywords as `kd`. */
export const WITH_DECLARATIONS: ReadonlySet<string> = new Set([
  "javascript",
  "js",
  "typescript",
  "ts",
  "jsx",
  "tsx",
  "java",
  "csharp",
  "kotlin",
  "swift",
  "scala",
  "go",
]);

/** Languages whose Rouge lexer names tokens its own way (below), by the names fences use for them. */
export const FAMILY: Readonly<Record<string, "javascript" | "python">> = {
  javascript: "javascript",
  js: "javascript",
  jsx: "javascript",
  typescript: "javascript",
  ts: "javascript",
  tsx: "javascript",
  python: "python",
  py: "python",
};

/** The class these lexers give a plain name (one highlight.js leaves unmarked): JavaScript's Name.Other `nx`, Python's Name `n`. */
export const NAME_CLASS: Readonly<Record<"javascript" | "python", string>> = { javascript: "nx", python: "n" };

/**
 * Where a lexer names a token otherwise than the table above (by scope, or by the class the table
 * gave): Rouge's JavaScript lexer writes every name, a function's and a property's too, as
 * Name.Other `nx`, a template literal as String.Double `s2`, and the `${…}` in it as Punctuation `p`
 * around its names (taken here as one Punctuation token); Rouge 3.30's Python lexer writes every
 * string, whatever its quotes, as String `s`.
 */
export const FAMILY_CLASSES: Readonly<Record<"javascript" | "python", Readonly<Record<string, string>>>> = {
  javascript: { "title.function": "nx", "title.function.invoke": "nx", property: "nx", subst: "p", sb: "s2" },
  python: { s1: "s", s2: "s" },
};

/**
 * Keywords a lexer names by the word (highlight.js calls them all keywords or built-ins): Python's
 * `import` and `from` are Keyword.Namespace `kn`, its word operators Operator.Word `ow`, and `print`
 * a plain keyword to Rouge 3.30's Python lexer, which highlight.js calls a built-in.
 */
export const FAMILY_WORDS: Readonly<Record<"javascript" | "python", Readonly<Record<string, string>>>> = {
  javascript: {},
  python: { import: "kn", from: "kn", in: "ow", and: "ow", or: "ow", not: "ow", is: "ow", print: "k" },
};

function numberClass(text: string): string {
  if (/^0x[\da-f_]+$/i.test(text)) return "mh";
  if (/^[+-]?\d[\d_]*$/.test(text)) return "mi";
  if (/^[+-]?[\d_]*\.?\d[\d_]*(?:e[+-]?\d+)?$/i.test(text)) return "mf";
  return "m";
}

/** What the string's first character says: Rouge's `s2` for "…", `s1` for '…', `sb` for `…`. */
function stringClass(text: string): string {
  // Triple-quoted strings (Python's, docstrings among them) are plain String in Rouge.
  if (/^(?:&quot;|"){3}|^(?:&#x27;|'){3}/.test(text)) return "s";
  if (text.startsWith("&quot;") || text.startsWith('"')) return "s2";
  if (text.startsWith("&#x27;") || text.startsWith("'")) return "s1";
  if (text.startsWith("`")) return "sb";
  return "s";
}

/** `#` and `//` comments run to the line's end (`c1`); `/*` and `<!--` ones may span lines (`cm`). */
function commentClass(text: string): string {
  if (/^(?:#|\/\/|--|;|%)/.test(text)) return "c1";
  if (/^(?:\/\*|&lt;!--|\(\*|\{-)/.test(text)) return "cm";
  return "c";
}
