/**
 * The Jekyll plugins a site names: `plugins:` (Jekyll 3.5 on) and `gems:` (the key Jekyll 3 and
 * GitHub Pages read before it). Only a named plugin's tags exist, as in Jekyll, where a tag of a
 * plugin the site does not load stops the build.
 */

export function sitePlugins(site: unknown): string[] {
  if (typeof site !== "object" || site === null) return [];
  const config = site as Record<string, unknown>;
  const names = [config.plugins, config.gems].flatMap((list) => (Array.isArray(list) ? list : []));
  return [...new Set(names.filter((n): n is string => typeof n === "string"))];
}
