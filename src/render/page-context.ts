/** What every template needs besides its own model. */
import type { SiteConfig } from "../model/site.ts";

export interface PageContext {
  site: SiteConfig;
  /** Origin for absolute links: the configured site URL, else the one the request came to. */
  origin: string;
  /** Canonical path of the page being rendered. */
  path: string;
}
