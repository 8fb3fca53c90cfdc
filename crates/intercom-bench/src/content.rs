//! Generated help-center pages: deterministic (the same index always gives the same page) and
//! realistic in size (about 2 KB of HTML each).

use intercom_sync::DesiredPage;

/// The URL of the content import source the syncs fill.
pub const SOURCE_URL: &str = "https://help.example.com";

/// HTML bodies are grown to at least this many bytes.
const HTML_BYTES: usize = 2_000;

const TOPICS: [&str; 6] = [
    "billing",
    "single sign-on",
    "exports",
    "webhooks",
    "team permissions",
    "the API",
];

const WORDS: &str = "account admin workspace settings select open click save changes page menu \
    customer message inbox report team member role plan update review enable disable option \
    field value export import file link email address access user profile billing invoice \
    payment card period renewal trial limit usage history request support article";

/// The external id of page `index`: `articles/00042`.
pub fn external_id(index: usize) -> String {
    format!("articles/{index:05}")
}

/// The title of page `index`.
pub fn title(index: usize) -> String {
    let topic = TOPICS[index % TOPICS.len()];
    format!("How to manage {topic} (article {index})")
}

/// The public URL of page `index`.
pub fn url(index: usize) -> String {
    format!("{SOURCE_URL}/{}", external_id(index))
}

/// Page `index` as a sync's input.
pub fn desired_page(index: usize) -> DesiredPage {
    DesiredPage::new(external_id(index))
        .title(title(index))
        .html(html(index))
        .url(url(index))
}

/// About 2 KB of help-center HTML: a heading, then sections of a paragraph and a list.
pub fn html(index: usize) -> String {
    let words: Vec<&str> = WORDS.split_whitespace().collect();
    // xorshift: fast, and the same words for the same page. Never zero, or it stays zero.
    let mut state = (index as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut sentence = |count: usize| {
        let picked: Vec<&str> = (0..count)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                words[(state % words.len() as u64) as usize]
            })
            .collect();
        format!("{}.", picked.join(" "))
    };
    let mut html = format!("<h1>{}</h1>\n", title(index));
    let mut section = 0;
    while html.len() < HTML_BYTES {
        section += 1;
        html += &format!(
            "<h2>Step {section}</h2>\n<p>{} {}</p>\n<ul>\n",
            sentence(18),
            sentence(14)
        );
        for _ in 0..3 {
            html += &format!("  <li>{}</li>\n", sentence(7));
        }
        html += "</ul>\n";
    }
    html + &format!("<p>Still stuck? <a href=\"{SOURCE_URL}/contact\">Contact support</a>.</p>\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_deterministic_and_about_two_kilobytes() {
        assert_eq!(html(7), html(7));
        assert_ne!(html(7), html(8));
        for index in [0, 1, 999, 99_999] {
            let len = html(index).len();
            assert!((HTML_BYTES..HTML_BYTES + 600).contains(&len), "{len}");
        }
    }
}
