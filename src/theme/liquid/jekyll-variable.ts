/**
 * Jekyll's `jekyll` variable, which every template sees beside `site` and `page`. A published site is
 * the live one, so its environment is `production`, as GitHub Pages builds it (`JEKYLL_ENV`): themes
 * put their analytics, comments and service workers behind `jekyll.environment == 'production'`.
 */
export const JEKYLL_VARIABLE = Object.freeze({ environment: "production", version: "4.3.1" });
