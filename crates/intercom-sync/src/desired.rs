//! A page as the caller wants it to be in Fin.

/// One page of the input: what the source should hold under `external_id`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DesiredPage {
    /// The page's identifier in the source; unique within one sync's input.
    pub external_id: String,
    /// The title Fin shows.
    pub title: String,
    /// The body, in HTML.
    pub html: String,
    /// Where Fin links end users to; without one, Fin does not reference the page.
    pub url: Option<String>,
    /// Whether AI Agent answers from the page; `None` leaves Intercom's value alone.
    pub ai_agent_availability: Option<bool>,
    /// Whether AI Copilot answers from the page; `None` leaves Intercom's value alone.
    pub ai_copilot_availability: Option<bool>,
}

impl DesiredPage {
    /// A page with no URL that leaves the availability flags to Intercom.
    pub fn new(
        external_id: impl Into<String>,
        title: impl Into<String>,
        html: impl Into<String>,
    ) -> Self {
        Self {
            external_id: external_id.into(),
            title: title.into(),
            html: html.into(),
            url: None,
            ai_agent_availability: None,
            ai_copilot_availability: None,
        }
    }

    /// Sets the page's URL.
    pub fn with_url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }
}
