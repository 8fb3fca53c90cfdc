//! Generated help-center pages: deterministic (the same index always gives the same page, so
//! a warm re-sync finds nothing to change) and realistic in size (about 2 KB of HTML each).

use intercom_sync::DesiredPage;

/// The URL of the content import source the sync scenarios fill.
pub const SOURCE_URL: &str = "https://help.example.com";

/// HTML bodies are grown to at least this many bytes.
const HTML_BYTES: usize = 2_000;

const TOPICS: [&str; 12] = [
    "billing",
    "invoices",
    "single sign-on",
    "the mobile app",
    "exports",
    "webhooks",
    "team permissions",
    "notifications",
    "integrations",
    "data retention",
    "two-factor authentication",
    "the API",
];

const WORDS: [&str; 48] = [
    "account",
    "admin",
    "workspace",
    "settings",
    "select",
    "open",
    "click",
    "save",
    "changes",
    "page",
    "menu",
    "customer",
    "message",
    "inbox",
    "report",
    "team",
    "member",
    "role",
    "plan",
    "update",
    "review",
    "enable",
    "disable",
    "option",
    "field",
    "value",
    "export",
    "import",
    "file",
    "link",
    "email",
    "address",
    "access",
    "user",
    "profile",
    "billing",
    "invoice",
    "payment",
    "card",
    "period",
    "renewal",
    "trial",
    "limit",
    "usage",
    "history",
    "request",
    "support",
    "article",
];

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

/// About 2 KB of help-center HTML: a heading, paragraphs, steps and a link.
pub fn html(index: usize) -> String {
    let mut words = Words::new(index as u64);
    let mut html = String::with_capacity(HTML_BYTES + 400);
    html.push_str(&format!("<h1>{}</h1>\n", title(index)));
    let mut section = 0;
    while html.len() < HTML_BYTES {
        section += 1;
        html.push_str(&format!("<h2>Step {section}</h2>\n<p>"));
        html.push_str(&words.sentence(18));
        html.push(' ');
        html.push_str(&words.sentence(14));
        html.push_str("</p>\n<ul>\n");
        for _ in 0..3 {
            html.push_str(&format!("  <li>{}</li>\n", words.sentence(7)));
        }
        html.push_str("</ul>\n");
    }
    html.push_str(&format!(
        "<p>Still stuck? <a href=\"{SOURCE_URL}/contact\">Contact support</a>.</p>\n"
    ));
    html
}

/// A small xorshift generator picking words: fast, and the same for the same seed.
struct Words(u64);

impl Words {
    fn new(seed: u64) -> Self {
        // Never zero: xorshift would stay at zero.
        Words(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next_word(&mut self) -> &'static str {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        WORDS[(self.0 % WORDS.len() as u64) as usize]
    }

    /// `count` words, capitalised, with a full stop.
    fn sentence(&mut self, count: usize) -> String {
        let mut sentence = String::new();
        for n in 0..count {
            let word = self.next_word();
            if n == 0 {
                let mut chars = word.chars();
                if let Some(first) = chars.next() {
                    sentence.extend(first.to_uppercase());
                    sentence.push_str(chars.as_str());
                }
            } else {
                sentence.push(' ');
                sentence.push_str(word);
            }
        }
        sentence.push('.');
        sentence
    }
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
