//! The fake's data and the rules for changing it. No HTTP here: every operation takes plain
//! inputs (already validated field by field) and returns records or an [`ApiError`].

use std::collections::{BTreeMap, HashMap};

use crate::errors::ApiError;
use crate::model::{ExternalPage, Note, Source, SourceStatus, StateSnapshot, SyncBehavior};
use crate::pagination::PageRequest;
use crate::persist::PersistedState;

/// A new content import source (its `sync_behavior` is always `api`).
#[derive(Debug)]
pub(crate) struct NewSource {
    pub(crate) url: String,
    pub(crate) status: Option<SourceStatus>,
    pub(crate) audience_ids: Option<Vec<i64>>,
}

/// The body of `PUT /ai/content_import_sources/{id}`.
#[derive(Debug)]
pub(crate) struct SourceChange {
    pub(crate) sync_behavior: SyncBehavior,
    pub(crate) url: String,
    pub(crate) status: Option<SourceStatus>,
}

/// The body of a page write (POST upsert or PUT by id). Absent optional fields keep the
/// page's current value (or take their default on creation).
#[derive(Debug)]
pub(crate) struct PageWrite {
    pub(crate) source_id: i64,
    pub(crate) external_id: Option<String>,
    pub(crate) title: String,
    pub(crate) html: String,
    pub(crate) url: Option<String>,
    pub(crate) ai_agent_availability: Option<bool>,
    pub(crate) ai_copilot_availability: Option<bool>,
}

/// A new note.
#[derive(Debug)]
pub(crate) struct NewNote {
    pub(crate) contact_id: String,
    pub(crate) body: String,
    pub(crate) admin_id: Option<String>,
}

/// All sources, pages and notes, with their indexes and id counters.
#[derive(Debug)]
pub(crate) struct Store {
    sources: BTreeMap<i64, Source>,
    pages: BTreeMap<u64, ExternalPage>,
    /// (source_id, external_id) → page id.
    page_keys: HashMap<(i64, String), u64>,
    notes: BTreeMap<u64, Note>,
    /// contact id → note ids, ascending.
    notes_by_contact: HashMap<String, Vec<u64>>,
    next_source_id: i64,
    next_page_id: u64,
    next_note_id: u64,
    /// Bumped by every change, so saves can tell newer states from older ones.
    generation: u64,
}

impl Default for Store {
    fn default() -> Self {
        Self {
            sources: BTreeMap::new(),
            pages: BTreeMap::new(),
            page_keys: HashMap::new(),
            notes: BTreeMap::new(),
            notes_by_contact: HashMap::new(),
            next_source_id: 1,
            next_page_id: 1,
            next_note_id: 1,
            generation: 0,
        }
    }
}

/// Parses an id given as a string of digits, refusing other spellings (`01`, `+1`).
fn digits_id(id: &str) -> Option<u64> {
    id.parse::<u64>().ok().filter(|n| n.to_string() == id)
}

/// The items of one page. Skips over references and clones only the page's own items, so a
/// deep page of a long list costs a walk, not a copy of everything before it.
fn page_of<'a, T: Clone + 'a>(items: impl Iterator<Item = &'a T>, request: PageRequest) -> Vec<T> {
    items
        .skip(request.offset())
        .take(request.limit())
        .cloned()
        .collect()
}

impl Store {
    /// How many changes the store has seen.
    pub(crate) fn generation(&self) -> u64 {
        self.generation
    }

    /// Records one change.
    pub(crate) fn touch(&mut self) {
        self.generation += 1;
    }

    /// The plain data.
    pub(crate) fn snapshot(&self) -> StateSnapshot {
        StateSnapshot {
            sources: self.sources.values().cloned().collect(),
            pages: self.pages.values().cloned().collect(),
            notes: self.notes.values().cloned().collect(),
        }
    }

    /// The data and the id counters, as the state file holds them.
    pub(crate) fn to_persisted(&self) -> PersistedState {
        PersistedState {
            format: PersistedState::FORMAT,
            next_source_id: self.next_source_id,
            next_page_id: self.next_page_id,
            next_note_id: self.next_note_id,
            state: self.snapshot(),
        }
    }

    /// Rebuilds a store from a state file's contents.
    pub(crate) fn from_persisted(saved: PersistedState) -> Result<Self, String> {
        if saved.format != PersistedState::FORMAT {
            return Err(format!(
                "format {} is not the supported format {}",
                saved.format,
                PersistedState::FORMAT
            ));
        }
        let mut store = Self::default();
        for source in saved.state.sources {
            store.next_source_id = store.next_source_id.max(source.id + 1);
            store.sources.insert(source.id, source);
        }
        for page in saved.state.pages {
            let id = digits_id(&page.id).ok_or(format!("page id {:?} is not digits", page.id))?;
            if !store.sources.contains_key(&page.source_id) {
                return Err(format!(
                    "page {} names unknown source {}",
                    page.id, page.source_id
                ));
            }
            store.next_page_id = store.next_page_id.max(id + 1);
            store
                .page_keys
                .insert((page.source_id, page.external_id.clone()), id);
            store.pages.insert(id, page);
        }
        for note in saved.state.notes {
            let id = digits_id(&note.id).ok_or(format!("note id {:?} is not digits", note.id))?;
            store.next_note_id = store.next_note_id.max(id + 1);
            store
                .notes_by_contact
                .entry(note.contact_id.clone())
                .or_default()
                .push(id);
            store.notes.insert(id, note);
        }
        for ids in store.notes_by_contact.values_mut() {
            ids.sort_unstable();
        }
        store.next_source_id = store.next_source_id.max(saved.next_source_id);
        store.next_page_id = store.next_page_id.max(saved.next_page_id);
        store.next_note_id = store.next_note_id.max(saved.next_note_id);
        Ok(store)
    }

    // ---- content import sources ----

    /// Creates a source; never idempotent.
    pub(crate) fn create_source(&mut self, new: NewSource, now: i64) -> Source {
        let id = self.next_source_id;
        self.next_source_id += 1;
        let source = Source {
            id,
            url: new.url,
            sync_behavior: SyncBehavior::Api,
            status: new.status.unwrap_or(SourceStatus::Active),
            audience_ids: new.audience_ids,
            created_at: now,
            updated_at: now,
            last_synced_at: now,
        };
        self.sources.insert(id, source.clone());
        self.touch();
        source
    }

    /// One source.
    pub(crate) fn source(&self, id: i64) -> Option<Source> {
        self.sources.get(&id).cloned()
    }

    /// One page of sources, by id, and the total.
    pub(crate) fn list_sources(&self, request: PageRequest) -> (Vec<Source>, usize) {
        (page_of(self.sources.values(), request), self.sources.len())
    }

    /// Updates a source: `sync_behavior` cannot change to or from `api`, and `url` can only
    /// change on an `api` source.
    pub(crate) fn update_source(
        &mut self,
        id: i64,
        change: SourceChange,
        now: i64,
    ) -> Result<Source, ApiError> {
        let source = self.sources.get_mut(&id).ok_or_else(ApiError::not_found)?;
        let from = source.sync_behavior;
        let to = change.sync_behavior;
        if from != to && (from == SyncBehavior::Api || to == SyncBehavior::Api) {
            return Err(ApiError::invalid(
                "sync_behavior",
                format!(
                    "sync_behavior cannot be changed to or from api (it is {}, not {})",
                    from.as_str(),
                    to.as_str()
                ),
            ));
        }
        if change.url != source.url && from != SyncBehavior::Api {
            return Err(ApiError::invalid(
                "url",
                "url can only be changed on a source whose sync_behavior is api",
            ));
        }
        source.sync_behavior = to;
        source.url = change.url;
        if let Some(status) = change.status {
            source.status = status;
        }
        source.updated_at = now;
        let updated = source.clone();
        self.touch();
        Ok(updated)
    }

    /// Deletes a source and every page of it.
    pub(crate) fn delete_source(&mut self, id: i64) -> Option<Source> {
        let source = self.sources.remove(&id)?;
        self.pages.retain(|_, page| page.source_id != id);
        self.page_keys.retain(|(source_id, _), _| *source_id != id);
        self.touch();
        Some(source)
    }

    // ---- external pages ----

    fn writable_source(&self, source_id: i64) -> Result<(), ApiError> {
        match self.sources.get(&source_id) {
            None => Err(ApiError::invalid(
                "source_id",
                format!("no content import source has id {source_id}"),
            )),
            Some(s) if s.sync_behavior != SyncBehavior::Api => Err(ApiError::invalid(
                "source_id",
                format!("content import source {source_id} is not synced through the api"),
            )),
            Some(_) => Ok(()),
        }
    }

    fn synced(&mut self, source_id: i64, now: i64) {
        if let Some(source) = self.sources.get_mut(&source_id) {
            source.last_synced_at = now;
        }
    }

    /// Creates a page, or updates the page with the same (source_id, external_id).
    pub(crate) fn upsert_page(
        &mut self,
        write: PageWrite,
        now: i64,
    ) -> Result<ExternalPage, ApiError> {
        self.writable_source(write.source_id)?;
        let external_id = write
            .external_id
            .clone()
            .ok_or_else(|| ApiError::missing("external_id"))?;
        let key = (write.source_id, external_id);
        if let Some(&id) = self.page_keys.get(&key) {
            return self.apply_page_write(id, write, now);
        }
        let id = self.next_page_id;
        self.next_page_id += 1;
        let page = ExternalPage {
            id: id.to_string(),
            source_id: write.source_id,
            external_id: key.1.clone(),
            title: write.title,
            html: write.html,
            url: write.url,
            ai_agent_availability: write.ai_agent_availability.unwrap_or(true),
            ai_copilot_availability: write.ai_copilot_availability.unwrap_or(true),
            locale: "en".into(),
            created_at: now,
            updated_at: now,
            last_ingested_at: now,
        };
        self.pages.insert(id, page.clone());
        self.page_keys.insert(key, id);
        self.synced(page.source_id, now);
        self.touch();
        Ok(page)
    }

    /// Updates the page with id `id` (PUT): it may move to another source or external id, as
    /// long as no other page has that pair.
    pub(crate) fn update_page(
        &mut self,
        id: &str,
        write: PageWrite,
        now: i64,
    ) -> Result<ExternalPage, ApiError> {
        let id = digits_id(id)
            .filter(|id| self.pages.contains_key(id))
            .ok_or_else(ApiError::not_found)?;
        self.writable_source(write.source_id)?;
        self.apply_page_write(id, write, now)
    }

    fn apply_page_write(
        &mut self,
        id: u64,
        write: PageWrite,
        now: i64,
    ) -> Result<ExternalPage, ApiError> {
        let current = self.pages.get(&id).ok_or_else(ApiError::not_found)?;
        let old_key = (current.source_id, current.external_id.clone());
        let new_key = (
            write.source_id,
            write.external_id.unwrap_or_else(|| old_key.1.clone()),
        );
        if new_key != old_key && self.page_keys.contains_key(&new_key) {
            return Err(ApiError::invalid(
                "external_id",
                format!(
                    "external_id {:?} is already used in source {}",
                    new_key.1, new_key.0
                ),
            ));
        }
        let page = self.pages.get_mut(&id).ok_or_else(ApiError::not_found)?;
        page.source_id = new_key.0;
        page.external_id = new_key.1.clone();
        page.title = write.title;
        page.html = write.html;
        if write.url.is_some() {
            page.url = write.url;
        }
        if let Some(v) = write.ai_agent_availability {
            page.ai_agent_availability = v;
        }
        if let Some(v) = write.ai_copilot_availability {
            page.ai_copilot_availability = v;
        }
        page.updated_at = now;
        page.last_ingested_at = now;
        let updated = page.clone();
        if new_key != old_key {
            self.page_keys.remove(&old_key);
            self.page_keys.insert(new_key, id);
        }
        self.synced(updated.source_id, now);
        self.touch();
        Ok(updated)
    }

    /// One page.
    pub(crate) fn page(&self, id: &str) -> Option<ExternalPage> {
        self.pages.get(&digits_id(id)?).cloned()
    }

    /// One page of pages, by id, and the total.
    pub(crate) fn list_pages(&self, request: PageRequest) -> (Vec<ExternalPage>, usize) {
        (page_of(self.pages.values(), request), self.pages.len())
    }

    /// Deletes a page, returning it.
    pub(crate) fn delete_page(&mut self, id: &str) -> Option<ExternalPage> {
        let page = self.pages.remove(&digits_id(id)?)?;
        self.page_keys
            .remove(&(page.source_id, page.external_id.clone()));
        self.touch();
        Some(page)
    }

    // ---- notes ----

    /// Creates a note; plain-text bodies are wrapped in `<p>…</p>` as Intercom does.
    pub(crate) fn create_note(&mut self, new: NewNote, now: i64) -> Note {
        let id = self.next_note_id;
        self.next_note_id += 1;
        let body = if new.body.trim_start().starts_with('<') {
            new.body
        } else {
            format!("<p>{}</p>", new.body)
        };
        let note = Note {
            id: id.to_string(),
            contact_id: new.contact_id,
            admin_id: new.admin_id,
            body,
            created_at: now,
        };
        self.notes_by_contact
            .entry(note.contact_id.clone())
            .or_default()
            .push(id);
        self.notes.insert(id, note.clone());
        self.touch();
        note
    }

    /// One note.
    pub(crate) fn note(&self, id: &str) -> Option<Note> {
        self.notes.get(&digits_id(id)?).cloned()
    }

    /// One page of a contact's notes, oldest first, and the total.
    pub(crate) fn list_notes(&self, contact_id: &str, request: PageRequest) -> (Vec<Note>, usize) {
        let ids = self
            .notes_by_contact
            .get(contact_id)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let notes = ids.iter().filter_map(|id| self.notes.get(id));
        (page_of(notes, request), ids.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(source_id: i64, external_id: &str, title: &str) -> PageWrite {
        PageWrite {
            source_id,
            external_id: Some(external_id.into()),
            title: title.into(),
            html: "<p>x</p>".into(),
            url: None,
            ai_agent_availability: None,
            ai_copilot_availability: None,
        }
    }

    fn source(store: &mut Store) -> i64 {
        store
            .create_source(
                NewSource {
                    url: "https://example.com".into(),
                    status: None,
                    audience_ids: None,
                },
                10,
            )
            .id
    }

    #[test]
    fn upsert_by_external_id_and_cascade() {
        let mut store = Store::default();
        let s = source(&mut store);
        let a = store.upsert_page(write(s, "e1", "one"), 11).unwrap();
        let b = store.upsert_page(write(s, "e1", "two"), 12).unwrap();
        assert_eq!(a.id, b.id);
        assert_eq!(
            (b.title.as_str(), b.created_at, b.updated_at),
            ("two", 11, 12)
        );
        store.upsert_page(write(s, "e2", "three"), 13).unwrap();
        assert_eq!(
            store.list_pages(PageRequest::from_query(None).unwrap()).1,
            2
        );
        assert!(store.delete_source(s).is_some());
        assert!(store.snapshot().pages.is_empty());
        assert!(store.upsert_page(write(s, "e1", "x"), 14).is_err());
    }

    #[test]
    fn put_cannot_take_another_pages_external_id() {
        let mut store = Store::default();
        let s = source(&mut store);
        store.upsert_page(write(s, "e1", "one"), 1).unwrap();
        let b = store.upsert_page(write(s, "e2", "two"), 1).unwrap();
        let e = store
            .update_page(&b.id, write(s, "e1", "x"), 2)
            .unwrap_err();
        assert_eq!(e.errors[0].field.as_deref(), Some("external_id"));
        assert!(store.update_page("01", write(s, "e2", "x"), 2).is_err());
    }

    #[test]
    fn persisted_state_round_trips_with_counters() {
        let mut store = Store::default();
        let s = source(&mut store);
        let p = store.upsert_page(write(s, "e1", "one"), 1).unwrap();
        store.delete_page(&p.id);
        let restored = Store::from_persisted(store.to_persisted()).unwrap();
        assert_eq!(restored.snapshot(), store.snapshot());
        let mut restored = restored;
        let q = restored.upsert_page(write(s, "e1", "again"), 2).unwrap();
        assert_ne!(q.id, p.id, "ids are never reused");
    }
}
