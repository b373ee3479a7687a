/**
 * Environment that keeps wrangler from waiting on network look-ups (metrics, request.cf data) that
 * never answer offline. Applied to our own process and to every wrangler we start; an explicit
 * setting by the user wins.
 */
export const OFFLINE_WRANGLER_ENV: Record<string, string> = {
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_HIDE_BANNER: "true",
};

export function withWranglerDefaults(env: Record<string, string | undefined>): Record<string, string | undefined> {
  return { ...OFFLINE_WRANGLER_ENV, ...env };
}
