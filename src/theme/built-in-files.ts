/**
 * The built-in theme's files, carried in the Worker's bundle (wrangler.toml bundles `.html` and `.css`
 * as text): what draws a site that brings no theme, and what a release published before themes were
 * stored falls back to. Keep this list in step with the folder (test/node/theme/built-in-files.test.ts).
 */
import includeArticle from "./built-in/_includes/article.html";
import includeComment from "./built-in/_includes/comment.html";
import includeComments from "./built-in/_includes/comments.html";
import includeCustomHead from "./built-in/_includes/custom-head.html";
import includeFooter from "./built-in/_includes/footer.html";
import includeHead from "./built-in/_includes/head.html";
import includeHeader from "./built-in/_includes/header.html";
import includeNav from "./built-in/_includes/nav.html";
import includePager from "./built-in/_includes/pager.html";
import includePostMeta from "./built-in/_includes/post-meta.html";
import includePostNav from "./built-in/_includes/post-nav.html";
import includePostSummary from "./built-in/_includes/post-summary.html";
import includeRelated from "./built-in/_includes/related.html";
import includeSearchForm from "./built-in/_includes/search-form.html";
import includeStylesCss from "./built-in/_includes/styles.css";
import includeTerms from "./built-in/_includes/terms.html";
import includeToc from "./built-in/_includes/toc.html";
import layout404 from "./built-in/_layouts/404.html";
import layoutDefault from "./built-in/_layouts/default.html";
import layoutList from "./built-in/_layouts/list.html";
import layoutPage from "./built-in/_layouts/page.html";
import layoutPost from "./built-in/_layouts/post.html";
import layoutSearch from "./built-in/_layouts/search.html";

export const BUILT_IN_FILES: Readonly<Record<string, string>> = {
  "_includes/article.html": includeArticle,
  "_includes/comment.html": includeComment,
  "_includes/comments.html": includeComments,
  "_includes/custom-head.html": includeCustomHead,
  "_includes/footer.html": includeFooter,
  "_includes/head.html": includeHead,
  "_includes/header.html": includeHeader,
  "_includes/nav.html": includeNav,
  "_includes/pager.html": includePager,
  "_includes/post-meta.html": includePostMeta,
  "_includes/post-nav.html": includePostNav,
  "_includes/post-summary.html": includePostSummary,
  "_includes/related.html": includeRelated,
  "_includes/search-form.html": includeSearchForm,
  "_includes/styles.css": includeStylesCss,
  "_includes/terms.html": includeTerms,
  "_includes/toc.html": includeToc,
  "_layouts/404.html": layout404,
  "_layouts/default.html": layoutDefault,
  "_layouts/list.html": layoutList,
  "_layouts/page.html": layoutPage,
  "_layouts/post.html": layoutPost,
  "_layouts/search.html": layoutSearch,
};
