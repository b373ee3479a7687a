/**
 * Lets Node import the text modules the Worker's bundle carries (the built-in theme's `.html` and
 * `.css`, bundled as text by wrangler.toml), for the bench's in-process measurements: `node --import`.
 */
import { register } from "node:module";

register("./text-module-hooks.mjs", import.meta.url);
