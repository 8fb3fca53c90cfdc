//! The title an HTML file gives: its first heading, else its `<title>`. (A Markdown file's
//! comes from its front matter or first heading as it is rendered: `folder::markdown_plain`.)

use scraper::{Html, Selector};

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

    /// A Markdown file as the folder reader converts it (how its title is found is tested
    /// here, beside the HTML one's).
    struct Converted {
        html: String,
        title: Option<String>,
    }

    fn markdown(source: &str) -> Result<Converted, String> {
        let (html, title) = crate::folder::markdown_plain(source)?;
        Ok(Converted { html, title })
    }

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
    fn admonitions_of_both_kinds_become_titled_blocks() {
        let c =
            markdown(":::tip Pro tip\n\nUse it.\n\n:::\n\n!!! note \"Heads up\"\n    Read it.\n")
                .unwrap();
        for expected in ["admonition-tip", "Pro tip", "admonition-note", "Heads up"] {
            assert!(c.html.contains(expected), "{expected} in {}", c.html);
        }
        assert!(
            !c.html.contains(":::") && !c.html.contains("!!!"),
            "{}",
            c.html
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
