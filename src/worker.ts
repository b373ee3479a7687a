/** Worker entry point (wrangler.toml `main`): the blog's router, with an isolate-wide release cache. */
import type { Env } from "./env.ts";
import { withClientAcceptEncoding } from "./http/content-coding.ts";
import { createApp } from "./routes/router.ts";

const app = createApp();

export default {
  fetch(request, env, ctx) {
    // Under `npm run dev` only: answer in the coding the client asked for (content-coding.ts).
    return app.fetch(env.LOCAL_DEV ? withClientAcceptEncoding(request) : request, env, ctx);
  },
} satisfies ExportedHandler<Env>;
