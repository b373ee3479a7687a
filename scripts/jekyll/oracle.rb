# Records where Jekyll put every post, page and file of a site, for edgepress's tests
# (scripts/jekyll-oracle.ts copies this into a fixture's _plugins/ before `jekyll build`).
require "json"

Jekyll::Hooks.register :site, :post_write do |site|
  dest = site.dest
  file = ->(path) { path.delete_prefix("#{dest}/") }
  plain = ->(url) { Jekyll::URL.unescape_path(url) }
  # A document's path in the site (its relative_path leaves out `collections_dir`).
  source = ->(doc) { doc.path.delete_prefix("#{site.source}/") }
  posts = site.posts.docs.map do |doc|
    { "source" => source.(doc), "url" => plain.(doc.url), "id" => plain.(doc.id), "file" => file.(doc.destination(dest)) }
  end
  pages = site.pages.map do |page|
    {
      # Pages a plugin made (jekyll-feed's feed, Sass's source map) have no file of their own.
      "source" => File.file?(site.in_source_dir(page.relative_path)) ? page.relative_path : nil,
      "url" => plain.(page.url),
      "file" => file.(page.destination(dest)),
      "pager" => page.pager&.page,
    }
  end
  # Documents of the other collections Jekyll wrote (`output: true`), by their path in the site.
  documents = site.collections.values.reject { |c| c.label == "posts" || !c.write? }.flat_map do |collection|
    collection.docs.map do |doc|
      { "source" => source.(doc), "collection" => collection.label, "url" => plain.(doc.url), "file" => file.(doc.destination(dest)) }
    end
  end
  report = {
    "posts" => posts.sort_by { |p| p["source"] },
    "pages" => pages.sort_by { |p| [p["source"].to_s, p["url"]] },
    "static" => site.static_files.map { |f| f.relative_path.delete_prefix("/") }.sort,
  }
  # Only sites that declare collections have the key, so the answers of the others read as before.
  report["documents"] = documents.sort_by { |d| d["source"] } unless documents.empty?
  File.write(File.join(site.source, "oracle.json"), JSON.pretty_generate(report) + "\n")
end
