/**
 * Dart Sass (the `sass` package, the reference implementation compiled to JavaScript, which Jekyll's
 * jekyll-sass-converter also runs) on the content folder: imports resolve from the stylesheet's own
 * folder and the load paths, on disk. Publish-time only; the Worker never loads it.
 */
import { isAbsolute, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { compileString, Exception, type SourceSpan } from "sass";
import type { StyleCompiler } from "../compile/stylesheets.ts";
import type { Problem } from "../content/problem.ts";

export function sassCompiler(root: string): StyleCompiler {
  return (source) => {
    const warnings: Problem[] = [];
    const at = (span: SourceSpan | undefined, reason: string): Problem => {
      if (span === undefined) return { file: source.path, line: 1, reason };
      return { file: siteFile(root, span.url, source.path), line: span.start.line + 1, column: span.start.column + 1, reason };
    };
    try {
      const result = compileString(source.text, {
        syntax: source.syntax,
        style: source.style,
        url: pathToFileURL(join(root, source.path)),
        loadPaths: source.loadPaths.map((p) => join(root, p)),
        logger: {
          // Deprecations (`@import`, `/` as division: every theme Jekyll users have) are left unsaid: the
          // Sass version is pinned, so they never break a publish, and the author has nothing to do.
          // The stylesheet's own `@warn`s are shown.
          warn: (message, { span, deprecation }) => {
            if (!deprecation) warnings.push(at(span, `Sass: ${oneLine(message)}`));
          },
          debug: () => {},
        },
      });
      return { css: result.css, warnings };
    } catch (error) {
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
