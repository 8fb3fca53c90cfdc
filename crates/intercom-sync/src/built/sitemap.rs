//! `sitemap.xml`: the site's own list of its published pages, and sitemap indexes that list
//! further sitemaps.

/// What a sitemap file holds.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Sitemap {
    /// `<urlset>`: the pages' URLs (`<loc>`), in order.
    Pages(Vec<String>),
    /// `<sitemapindex>`: the URLs of further sitemaps.
    Index(Vec<String>),
}

/// Parses a sitemap or a sitemap index; an error says why it is not one.
pub(crate) fn parse(xml: &str) -> Result<Sitemap, String> {
    let document =
        roxmltree::Document::parse(xml).map_err(|e| format!("is not well-formed XML: {e}"))?;
    let root = document.root_element();
    let (entry, wrap): (&str, fn(Vec<String>) -> Sitemap) = match root.tag_name().name() {
        "urlset" => ("url", Sitemap::Pages),
        "sitemapindex" => ("sitemap", Sitemap::Index),
        other => {
            return Err(format!(
                "is not a sitemap (its root element is <{other}>, not <urlset> or <sitemapindex>)"
            ));
        }
    };
    let mut locs = Vec::new();
    for node in root.children().filter(|n| n.tag_name().name() == entry) {
        let loc = node
            .children()
            .find(|n| n.tag_name().name() == "loc")
            .and_then(|n| n.text())
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or_else(|| format!("has a <{entry}> without a <loc>"))?;
        locs.push(loc.to_owned());
    }
    Ok(wrap(locs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_and_indexes() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
  <url><loc>https://x.example/a/</loc><lastmod>2024-01-01</lastmod></url>
  <url><loc>
    https://x.example/b.html
  </loc></url>
</urlset>"#;
        assert_eq!(
            parse(xml).unwrap(),
            Sitemap::Pages(vec![
                "https://x.example/a/".into(),
                "https://x.example/b.html".into()
            ])
        );
        let index = r#"<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://x.example/en/sitemap.xml</loc></sitemap></sitemapindex>"#;
        assert_eq!(
            parse(index).unwrap(),
            Sitemap::Index(vec!["https://x.example/en/sitemap.xml".into()])
        );
        assert!(parse("<html></html>").unwrap_err().contains("<html>"));
        assert!(
            parse("<urlset><url></url></urlset>")
                .unwrap_err()
                .contains("without a <loc>")
        );
        assert!(parse("<urlset>").unwrap_err().contains("not well-formed"));
    }
}
