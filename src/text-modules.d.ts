/** Files the Worker's bundle carries as text (wrangler.toml's rules): the built-in theme's templates and styles. */
declare module "*.html" {
  const text: string;
  export default text;
}
declare module "*.css" {
  const text: string;
  export default text;
}
