/** Worker entry point (wrangler.toml `main`): the blog's router, with an isolate-wide release cache. */
import { createApp } from "./routes/router.ts";

export default createApp();
