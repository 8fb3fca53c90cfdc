//! A page as the caller wants it to be in Fin.

/// One page of the input: what the source should hold under `external_id`.
///
/// Built by name, so the title and the HTML cannot be swapped silently:
///
/// ```
/// use intercom_sync::DesiredPage;
///
/// let page = DesiredPage::new("articles/42")
///     .title("Returns")
///     .html("<p>Send it back within 30 days.</p>")
///     .url("https://help.example.com/articles/42");
/// assert_eq!(page.title, "Returns");
/// ```
///
/// A page left without a title or HTML is not sent: the client refuses it before any
/// request, and the report marks it failed.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DesiredPage {
    /// The page's identifier in the source; unique within one sync's input.
    pub external_id: String,
    /// The title Fin shows.
    pub title: String,
    /// The body, in HTML.
    pub html: String,
    /// Where Fin links end users to. `None` keeps the URL the source has for the page, if
    /// any; Fin does not reference a page that has none.
    pub url: Option<String>,
    /// Whether AI Agent answers from the page; `None` leaves Intercom's value alone.
    pub ai_agent_availability: Option<bool>,
    /// Whether AI Copilot answers from the page; `None` leaves Intercom's value alone.
    pub ai_copilot_availability: Option<bool>,
    /// What the reader could not render and left out of the HTML (a generator's syntax it
    /// does not know: a shortcode, an API-docs block), one entry each. The report names them;
    /// with [`SyncOptions::strict`](crate::SyncOptions::strict) such a page is not sent.
    pub left_out: Vec<String>,
}

impl DesiredPage {
    /// The page with `external_id`, still without a title and HTML (set them with
    /// [`title`](Self::title) and [`html`](Self::html)), with no URL, leaving the
    /// availability flags to Intercom.
    pub fn new(external_id: impl Into<String>) -> Self {
        Self {
            external_id: external_id.into(),
            title: String::new(),
            html: String::new(),
            url: None,
            ai_agent_availability: None,
            ai_copilot_availability: None,
            left_out: Vec::new(),
        }
    }

    /// Sets the title Fin shows.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = title.into();
        self
    }

    /// Sets the body, in HTML.
    pub fn html(mut self, html: impl Into<String>) -> Self {
        self.html = html.into();
        self
    }

    /// Sets the page's URL.
    pub fn url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// Sets whether AI Agent answers from the page.
    pub fn ai_agent_availability(mut self, available: bool) -> Self {
        self.ai_agent_availability = Some(available);
        self
    }

    /// Sets whether AI Copilot answers from the page.
    pub fn ai_copilot_availability(mut self, available: bool) -> Self {
        self.ai_copilot_availability = Some(available);
        self
    }

    /// Notes something the reader could not render and left out (`{{< tabs >}}`).
    pub fn left_out(mut self, what: impl Into<String>) -> Self {
        self.left_out.push(what.into());
        self
    }
}
