/** Worker entry point: the blog app, with an isolate-wide release cache. */
import { createApp } from "./app.ts";

export default createApp();
