/** Types shared by the route handlers. */
import type { Env } from "../env.ts";
import type { Release } from "../model/release.ts";

export interface AppEnv {
  Bindings: Env;
  Variables: { release: Release; kvTimeoutMs: number };
}
