//! Page titles: front matter `title:`, else the first heading, else the HTML `<title>`,
//! else the file name.

use pulldown_cmark::{Event, HeadingLevel, MetadataBlockKind, Options, Parser, Tag, TagEnd};
use scraper::{Html, Selector};

/// A Markdown file converted to HTML, with the title its content gives, if any.
pub struct Converted {
    pub html: String,
    pub title: Option<String>,
}

/// Converts Markdown to HTML; the title is front matter's `title:`, else the first heading.
/// Front matter that is not YAML is an error: the file would otherwise go out with its
/// metadata as body text.
pub fn markdown(source: &str) -> Result<Converted, String> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut front_matter_title = None;
    let mut heading: Option<String> = None;
    let mut in_metadata = false;
    let mut in_first_heading = false;
    let mut events = Vec::new();
    for event in Parser::new_ext(source, options) {
        match &event {
            Event::Start(Tag::MetadataBlock(MetadataBlockKind::YamlStyle)) => in_metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_metadata = false,
            Event::Text(text) if in_metadata => front_matter_title = front_matter(text)?,
            Event::Start(Tag::Heading { level, .. }) if heading.is_none() => {
                in_first_heading = *level <= HeadingLevel::H6;
                heading = Some(String::new());
            }
            Event::End(TagEnd::Heading(_)) => in_first_heading = false,
            Event::Text(text) | Event::Code(text) if in_first_heading => {
                if let Some(h) = heading.as_mut() {
                    h.push_str(text);
                }
            }
            _ => {}
        }
        events.push(event);
    }
    let mut html = String::with_capacity(source.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    Ok(Converted {
        html,
        title: front_matter_title.or(heading.and_then(non_empty)),
    })
}

/// `title:` of a YAML front matter block, if it has one.
fn front_matter(yaml: &str) -> Result<Option<String>, String> {
    let value: serde_yaml::Value =
        serde_yaml::from_str(yaml).map_err(|e| format!("front matter is not YAML: {e}"))?;
    Ok(match value.get("title") {
        Some(serde_yaml::Value::String(s)) => non_empty(s.clone()),
        Some(serde_yaml::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    })
}

/// The title an HTML document gives: its first heading, else its `<title>`.
pub fn html(source: &str) -> Option<String> {
    let document = Html::parse_document(source);
    let first_text = |selector: &str| {
        let selector = Selector::parse(selector).ok()?;
        document
            .select(&selector)
            .map(|element| element.text().collect::<String>())
            .find_map(non_empty)
    };
    first_text("h1, h2, h3, h4, h5, h6").or_else(|| first_text("title"))
}

/// Collapses whitespace; `None` when nothing is left.
fn non_empty(text: String) -> Option<String> {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!collapsed.is_empty()).then_some(collapsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_title_wins_and_is_not_rendered() {
        let c = markdown("---\ntitle: Shipping rates\ntags: [a]\n---\n# Rates\n\nBody").unwrap();
        assert_eq!(c.title.as_deref(), Some("Shipping rates"));
        assert!(!c.html.contains("tags"), "{}", c.html);
        assert!(c.html.contains("<h1>Rates</h1>"), "{}", c.html);
    }

    #[test]
    fn first_heading_of_any_level_when_no_front_matter() {
        let c = markdown("Intro text\n\n## Set up `parcel` *fast*\n\n# Later").unwrap();
        assert_eq!(c.title.as_deref(), Some("Set up parcel fast"));
    }

    #[test]
    fn no_title_when_neither_is_there() {
        assert_eq!(markdown("just text").unwrap().title, None);
        assert_eq!(
            markdown("---\ndescription: x\n---\ntext").unwrap().title,
            None
        );
    }

    #[test]
    fn front_matter_that_is_not_yaml_is_an_error() {
        assert!(markdown("---\ntitle: [unclosed\n---\ntext").is_err());
    }

    #[test]
    fn html_first_heading_then_title_element() {
        let doc = "<html><head><title>Head title</title></head><body><h2> Heading\n two </h2></body></html>";
        assert_eq!(html(doc).as_deref(), Some("Heading two"));
        assert_eq!(
            html("<title>Only title</title><p>x</p>").as_deref(),
            Some("Only title")
        );
        assert_eq!(html("<p>nothing</p>"), None);
        assert_eq!(
            html("<h1>  </h1><title>Fallback</title>").as_deref(),
            Some("Fallback")
        );
    }
}
