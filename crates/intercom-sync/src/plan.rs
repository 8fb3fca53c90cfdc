//! The plan: which desired pages to create, update or leave alone, and which pages of the
//! source to delete. Pure, and streaming: the existing pages are held as fingerprints (not
//! their HTML), and desired pages are classified one at a time as they arrive.
//!
//! A page of the source is absent (deletable) only if the input neither had it nor had an
//! item that failed to read and [`Covers`] it; a page listed twice (same id) is one page.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

use crate::desired::DesiredPage;
use crate::input::Covers;

/// A page the source already holds, reduced to what the plan compares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExistingPage {
    /// Intercom's id of the page.
    pub id: String,
    /// The source's identifier of the page.
    pub external_id: String,
    /// The page's content, as [`fingerprint`] reduces it.
    pub fingerprint: u64,
    /// The page's URL: kept when the input gives none (the API's update requires one).
    pub url: Option<String>,
    /// Whether AI Agent answers from it.
    pub ai_agent_availability: bool,
    /// Whether AI Copilot answers from it.
    pub ai_copilot_availability: bool,
}

/// A digest of what a sync can change in a page's content: title, HTML and URL. Two
/// pages with equal fingerprints need no update (a collision is a 2⁻⁶⁴ chance).
pub fn fingerprint(title: &str, html: &str, url: Option<&str>) -> u64 {
    let mut hasher = DefaultHasher::new();
    (title, html, url).hash(&mut hasher);
    hasher.finish()
}

/// What to do with one desired page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// The source has no page with this external id.
    Create,
    /// The source's page (Intercom id) differs in title, HTML, URL or availability.
    Update(String),
    /// The source's page (Intercom id) already matches: no request.
    Unchanged(String),
    /// The input already had a page with this external id; this one is not sent.
    DuplicateInInput,
}

/// Classifies desired pages against the source's existing ones.
#[derive(Debug, Default)]
pub struct Planner {
    existing: HashMap<String, ExistingPage>,
    /// Existing pages whose external id another existing page already has.
    extra: Vec<ExistingPage>,
    /// The Intercom id of every existing page taken in: a page listed twice is one page.
    ids: HashSet<String>,
    seen: HashSet<String>,
    /// The source's external ids the input has, or stands for with an item that failed.
    accounted: HashSet<String>,
    /// What the input could not read: the pages these cover are never absent.
    unknown: Vec<Covers>,
    /// The inputs that could stand for any page ([`Covers::All`]).
    unknown_inputs: Vec<String>,
}

/// The pages of the source the input does not have, once every input item is in.
#[derive(Debug, PartialEq, Eq)]
pub struct Absent {
    /// Pages no input item stands for, and extra copies of one external id, sorted by
    /// external id (so a plan prints the same way every time).
    pub pages: Vec<ExistingPage>,
    /// Inputs that could not be read and could stand for any page: while there are any, no
    /// page is known to be gone.
    pub unknown_inputs: Vec<String>,
}

impl Planner {
    /// A planner over the pages the source holds now.
    pub fn new(existing: impl IntoIterator<Item = ExistingPage>) -> Self {
        let mut planner = Planner::default();
        for page in existing {
            if !planner.ids.insert(page.id.clone()) {
                continue;
            }
            if planner.existing.contains_key(&page.external_id) {
                planner.extra.push(page);
            } else {
                planner.existing.insert(page.external_id.clone(), page);
            }
        }
        planner
    }

    /// How many distinct pages the source holds.
    pub fn existing_len(&self) -> usize {
        self.ids.len()
    }

    /// How many distinct external ids the source holds.
    pub fn existing_ids(&self) -> usize {
        self.existing.len()
    }

    /// How many of the source's pages the input so far has, or stands for with an item
    /// that could not be read (the pages it covers).
    pub fn matched(&self) -> usize {
        self.accounted.len()
    }

    /// Notes an input item (`name`) that could not be read: the pages it covers are kept.
    pub fn unknown(&mut self, covers: Covers, name: &str) {
        match covers {
            Covers::All => self.unknown_inputs.push(name.to_owned()),
            Covers::Nothing => {}
            covers => {
                let covered = self.existing.keys().filter(|id| covers.covers(id));
                self.accounted.extend(covered.cloned());
                self.unknown.push(covers);
            }
        }
    }

    /// What to do with `page`. A page without a URL keeps the one the source has (it is
    /// filled in here), so dropping a URL prefix does not make every page differ forever.
    pub fn classify(&mut self, page: &mut DesiredPage) -> Action {
        if !self.seen.insert(page.external_id.clone()) {
            return Action::DuplicateInInput;
        }
        let Some(existing) = self.existing.get(&page.external_id) else {
            return Action::Create;
        };
        self.accounted.insert(page.external_id.clone());
        if page.url.is_none() {
            page.url.clone_from(&existing.url);
        }
        let same_content =
            existing.fingerprint == fingerprint(&page.title, &page.html, page.url.as_deref());
        let same_flags = page
            .ai_agent_availability
            .is_none_or(|v| v == existing.ai_agent_availability)
            && page
                .ai_copilot_availability
                .is_none_or(|v| v == existing.ai_copilot_availability);
        if same_content && same_flags {
            Action::Unchanged(existing.id.clone())
        } else {
            Action::Update(existing.id.clone())
        }
    }

    /// The pages to delete once every desired page has been classified: those of the source
    /// that the input did not have, and extra copies of one external id; and the inputs
    /// that make it unknown whether they are gone.
    pub fn absent(self) -> Absent {
        let seen = self.seen;
        let unknown = self.unknown;
        let known_gone = |page: &ExistingPage| {
            !seen.contains(&page.external_id)
                && !unknown
                    .iter()
                    .any(|covers| covers.covers(&page.external_id))
        };
        let mut absent: Vec<_> = self
            .existing
            .into_values()
            .filter(known_gone)
            .chain(self.extra)
            .collect();
        absent.sort_by(|a, b| (&a.external_id, &a.id).cmp(&(&b.external_id, &b.id)));
        Absent {
            pages: absent,
            unknown_inputs: self.unknown_inputs,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn existing(id: &str, external_id: &str, title: &str, html: &str) -> ExistingPage {
        ExistingPage {
            id: id.into(),
            external_id: external_id.into(),
            fingerprint: fingerprint(title, html, None),
            url: None,
            ai_agent_availability: true,
            ai_copilot_availability: false,
        }
    }

    #[test]
    fn classifies_every_kind_of_page() {
        let mut planner = Planner::new([
            existing("1", "same.md", "Same", "<p>same</p>"),
            existing("2", "changed.md", "Old", "<p>x</p>"),
            existing("3", "gone.md", "Gone", "<p>x</p>"),
            existing("4", "flags.md", "Flags", "<p>x</p>"),
            existing("5", "same.md", "Same", "<p>same</p>"),
        ]);
        let mut flags = DesiredPage::new("flags.md").title("Flags").html("<p>x</p>");
        flags.ai_copilot_availability = Some(true);
        let mut unchanged_flags = DesiredPage::new("same.md")
            .title("Same")
            .html("<p>same</p>");
        unchanged_flags.ai_agent_availability = Some(true);

        assert_eq!(
            planner.classify(&mut unchanged_flags),
            Action::Unchanged("1".into())
        );
        assert_eq!(
            planner.classify(&mut DesiredPage::new("changed.md").title("New").html("<p>x</p>")),
            Action::Update("2".into())
        );
        assert_eq!(planner.classify(&mut flags), Action::Update("4".into()));
        assert_eq!(
            planner.classify(&mut DesiredPage::new("new.md").title("N").html("<p>n</p>")),
            Action::Create
        );
        assert_eq!(
            planner.classify(&mut DesiredPage::new("new.md").title("N").html("<p>n</p>")),
            Action::DuplicateInInput
        );
        assert_eq!(planner.matched(), 3);
        let absent: Vec<_> = planner.absent().pages.into_iter().map(|p| p.id).collect();
        assert_eq!(absent, ["3", "5"]);
    }

    #[test]
    fn a_url_change_is_an_update() {
        let mut planner = Planner::new([existing("1", "a.md", "A", "<p>a</p>")]);
        let mut page = DesiredPage::new("a.md")
            .title("A")
            .html("<p>a</p>")
            .url("https://x.example/a");
        assert_eq!(planner.classify(&mut page), Action::Update("1".into()));
    }

    #[test]
    fn a_page_without_a_url_keeps_the_sources_url_and_settles() {
        let mut with_url = existing("1", "a.md", "A", "<p>a</p>");
        with_url.url = Some("https://x.example/a".into());
        with_url.fingerprint = fingerprint("A", "<p>a</p>", Some("https://x.example/a"));
        let mut planner = Planner::new([with_url]);
        let mut page = DesiredPage::new("a.md").title("A").html("<p>a</p>");
        assert_eq!(planner.classify(&mut page), Action::Unchanged("1".into()));
        assert_eq!(page.url.as_deref(), Some("https://x.example/a"));
    }

    #[test]
    fn a_page_listed_twice_is_one_page_and_not_deleted() {
        let mut planner = Planner::new([
            existing("1", "a.md", "A", "<p>a</p>"),
            existing("1", "a.md", "A", "<p>a</p>"),
        ]);
        assert_eq!(planner.existing_len(), 1);
        planner.classify(&mut DesiredPage::new("a.md").title("A").html("<p>a</p>"));
        assert_eq!(planner.absent().pages, Vec::new());
    }

    #[test]
    fn pages_covered_by_unreadable_input_are_never_absent() {
        let mut planner = Planner::new([
            existing("1", "broken.md", "B", "<p>b</p>"),
            existing("2", "locked/x.md", "X", "<p>x</p>"),
            existing("3", "gone.md", "G", "<p>g</p>"),
        ]);
        planner.unknown(Covers::Page("broken.md".into()), "broken.md");
        planner.unknown(Covers::Folder("locked/".into()), "locked");
        planner.unknown(Covers::Nothing, "draft.md");
        assert_eq!(
            planner.matched(),
            2,
            "the pages unreadable items cover are accounted for"
        );
        let absent = planner.absent();
        let ids: Vec<_> = absent.pages.into_iter().map(|p| p.id).collect();
        assert_eq!(ids, ["3"]);
        assert!(absent.unknown_inputs.is_empty());

        // An input that could be any page: the planner names it; the engine refuses the prune.
        let mut planner = Planner::new([existing("1", "a.md", "A", "<p>a</p>")]);
        planner.unknown(Covers::All, "x.md");
        let absent = planner.absent();
        assert_eq!(absent.pages.len(), 1);
        assert_eq!(absent.unknown_inputs, ["x.md"]);
    }
}
