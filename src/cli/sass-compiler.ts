/**
 * Dart Sass (the `sass` package, the reference implementation compiled to JavaScript, which Jekyll's
 * jekyll-sass-converter also runs) on the content folder: imports resolve from the stylesheet's own
 * folder and the load paths, on disk. Publish-time only; the Worker never loads it.
 */
import { createRequire } from "node:module";
import { dirname, isAbsolute, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { SourceSpan } from "sass";
import type { StyleCompiler } from "../compile/stylesheets.ts";
import type { Problem } from "../content/problem.ts";
import type { SassMemo } from "./sass-memo.ts";

/**
 * Loaded on the first stylesheet, not with the CLI: Dart Sass takes over a second and about 50 MiB to
 * load, which a site without Sass (our own content, a WordPress export) need not pay.
 */
let sass: typeof import("sass") | null = null;
const loadSass = () => (sass ??= createRequire(import.meta.url)("sass") as typeof import("sass"));

/** `kept`: a watching process's compiles (sass-memo.ts), reused while nothing they read has changed. */
export function sassCompiler(root: string, kept?: SassMemo): StyleCompiler {
  return (source) => {
    const entry = join(root, source.path);
    const loadPaths = source.loadPaths.map((p) => join(root, p));
    const key = JSON.stringify([source.text, source.syntax, source.style, loadPaths]);
    const held = kept?.get(source.path, key);
    if (held != null) return held;
    const startedMs = Date.now();
    const { compileString, Exception } = loadSass();
    const warnings: Problem[] = [];
    const at = (span: SourceSpan | undefined, reason: string): Problem => {
      if (span === undefined) return { file: source.path, line: 1, reason };
      return { file: siteFile(root, span.url, source.path), line: span.start.line + 1, column: span.start.column + 1, reason };
    };
    try {
      const result = compileString(source.text, {
        syntax: source.syntax,
        style: source.style,
        url: pathToFileURL(entry),
        loadPaths,
        logger: {
          // Deprecations (`@import`, `/` as division: every theme Jekyll users have) are left unsaid: the
          // Sass version is pinned, so they never break a publish, and the author has nothing to do.
          // The stylesheet's own `@warn`s are shown.
          warn: (message, { span, deprecation, stack }) => {
            if (!deprecation) warnings.push(span === undefined ? atStack(stack) : at(span, `Sass: ${oneLine(message)}`));
            function atStack(trace: string | undefined): Problem {
              // An `@warn` has no span, only a trace whose first line is `URL LINE:COLUMN  member`.
              const top = /^(\S+)\s+(\d+):(\d+)/.exec(trace ?? "");
              const reason = `Sass: ${oneLine(message)}`;
              if (top === null) return at(undefined, reason);
              const url = URL.canParse(top[1] ?? "") ? new URL(top[1] ?? "") : undefined;
              return { file: siteFile(root, url, source.path), line: Number(top[2]), column: Number(top[3]), reason };
            }
          },
          debug: () => {},
        },
      });
      const compiled = { css: result.css, warnings };
      // The stylesheet's own text is in the key; what else Sass read is checked on disk next time.
      const read = result.loadedUrls.filter((url) => url.protocol === "file:").map((url) => fileURLToPath(url));
      const partials = read.filter((file) => file !== entry);
      kept?.set(source.path, key, compiled, partials, [dirname(entry), ...loadPaths], startedMs);
      return compiled;
    } catch (error) {
      kept?.forget(source.path);
      if (!(error instanceof Exception)) throw error;
      const missingImport = /^Can't find stylesheet to import/.test(error.sassMessage);
      return { problem: at(error.span, `Sass: ${oneLine(error.sassMessage)}`), missingImport };
    }
  };
}

/** A span's file as a path in the content folder (the stylesheet itself when Sass gives no URL). */
function siteFile(root: string, url: URL | undefined, fallback: string): string {
  if (url === undefined || url.protocol !== "file:") return fallback;
  const path = relative(root, fileURLToPath(url));
  return path.startsWith("..") || isAbsolute(path) ? fileURLToPath(url) : path.split(sep).join("/");
}

function oneLine(message: string): string {
  return message.split("\n")[0]?.trim() ?? message;
}
