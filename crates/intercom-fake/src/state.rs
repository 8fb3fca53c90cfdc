//! The fake's data and the rules for changing it. No HTTP here: every write takes a body
//! already valid against its request schema ([`Valid`]) and returns records or an
//! [`ApiError`].
//!
//! The semantics are hand-written here: ids, timestamps, defaults, the upsert key
//! (`source_id`, `external_id`), cascading deletes, the `sync_behavior` rules. Everything else
//! a record holds comes from the body through the spec ([`crate::spec::RecordSchema::build`]):
//! each property the body sends that the record's schema declares.

use std::collections::{BTreeMap, HashMap};

use intercom_openapi::open_enums::SyncBehavior;
use intercom_openapi::operation::Operation;
use intercom_openapi::operation::OperationInfo;
use intercom_openapi::operations::{
    CreateCompanyNote, CreateContentImportSource, CreateExternalPage, CreateNote,
    UpdateContentImportSource,
};
use intercom_openapi::time::Timestamp;
use intercom_openapi::types::{
    ContentImportSource, CreateCompanyNoteRequest, CreateContentImportSourceRequest,
    CreateExternalPageRequest, CreateNoteRequest, ExternalPage, Note, NoteAdminId,
    UpdateContentImportSourceRequest, UpdateExternalPageRequest,
};
use serde::Serialize;
use serde_json::{Map, Value, json};

use crate::api_error::ApiError;
use crate::model::{StateSnapshot, note_author, note_company, note_contact};
use crate::pagination::PageRequest;
use crate::persist::PersistedState;
use crate::spec::{self, RecordSchema, Valid, object};

/// All sources, pages and notes, with their indexes and id counters.
#[derive(Debug)]
pub(crate) struct Store {
    sources: BTreeMap<i64, ContentImportSource>,
    pages: BTreeMap<u64, ExternalPage>,
    /// (source_id, external_id) → page id.
    page_keys: HashMap<(i64, String), u64>,
    notes: BTreeMap<u64, Note>,
    /// contact id → note ids, ascending.
    notes_by_contact: HashMap<String, Vec<u64>>,
    /// company id → note ids, ascending.
    notes_by_company: HashMap<String, Vec<u64>>,
    /// page id → the audiences a source update applied to it.
    page_audiences: BTreeMap<String, Vec<i64>>,
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
            notes_by_company: HashMap::new(),
            page_audiences: BTreeMap::new(),
            next_source_id: 1,
            next_page_id: 1,
            next_note_id: 1,
            generation: 0,
        }
    }
}

/// What a note is about: a contact, or (from 2.16) a company.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum About {
    Contact(String),
    Company(String),
}

/// One page of notes: the notes, how many the list has, and how many come before the page.
#[derive(Debug)]
pub(crate) struct NotesPage {
    pub(crate) notes: Vec<Note>,
    pub(crate) total: usize,
    pub(crate) offset: usize,
}

/// `audience_ids` is "a single integer or an array of integers": one integer is a list of one.
fn one_integer_is_a_list(fields: &mut Map<String, Value>) {
    if let Some(one @ Value::Number(_)) = fields.get_mut("audience_ids") {
        *one = Value::Array(vec![one.take()]);
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

/// A record as JSON, the base layer of its update.
fn fields_of<T: Serialize>(record: &T) -> Result<Map<String, Value>, ApiError> {
    match serde_json::to_value(record) {
        Ok(Value::Object(fields)) => Ok(fields),
        _ => Err(ApiError::server_error()),
    }
}

/// The schema of an external page (the answer of both page writes).
fn page_schema() -> &'static RecordSchema {
    spec::record(&CreateExternalPage::INFO)
}

/// The deprecated `fin_availability` is always served equal to `ai_agent_availability`.
fn with_fin_availability(mut page: ExternalPage) -> ExternalPage {
    page.fin_availability = Some(page.ai_agent_availability);
    page
}

impl Store {
    /// How many changes the store has seen.
    pub(crate) fn generation(&self) -> u64 {
        self.generation
    }

    /// Sources, pages and notes held.
    pub(crate) fn records(&self) -> u64 {
        (self.sources.len() + self.pages.len() + self.notes.len()) as u64
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
            page_audiences: self.page_audiences.clone(),
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

    /// Rebuilds a store from a state file's contents (or an initial state): every id at most
    /// once, page and note ids digits (the fake's own), every page of a source it holds, no
    /// two pages with the same (`source_id`, `external_id`). Each id counter ends above the
    /// highest id of its kind, so the next record created gets a fresh id.
    pub(crate) fn from_persisted(saved: PersistedState) -> Result<Self, String> {
        let mut store = Self::default();
        for source in saved.state.sources {
            let id = source.id.get();
            if id < 1 {
                return Err(format!("source id {id} is not a positive integer"));
            }
            store.next_source_id = store.next_source_id.max(id.saturating_add(1));
            if store.sources.insert(id, source).is_some() {
                return Err(format!("two sources have id {id}"));
            }
        }
        for page in saved.state.pages {
            let id = digits_id(page.id.as_str())
                .ok_or(format!("page id {:?} is not digits", page.id.as_str()))?;
            let source_id = page.source_id.get();
            if !store.sources.contains_key(&source_id) {
                return Err(format!("page {id} names unknown source {source_id}"));
            }
            store.next_page_id = store.next_page_id.max(id.saturating_add(1));
            if store.pages.contains_key(&id) {
                return Err(format!("two pages have id \"{id}\""));
            }
            let key = (source_id, page.external_id.clone());
            if let Some(other) = store.page_keys.insert(key, id) {
                return Err(format!(
                    "pages {other} and {id} both have external_id {:?} in source {source_id}",
                    page.external_id
                ));
            }
            store.pages.insert(id, page);
        }
        for note in saved.state.notes {
            let id = digits_id(note.id.as_str())
                .ok_or(format!("note id {:?} is not digits", note.id.as_str()))?;
            store.next_note_id = store.next_note_id.max(id.saturating_add(1));
            if store.notes.contains_key(&id) {
                return Err(format!("two notes have id \"{id}\""));
            }
            store.index_note(&note, id);
            store.notes.insert(id, note);
        }
        for ids in store
            .notes_by_contact
            .values_mut()
            .chain(store.notes_by_company.values_mut())
        {
            ids.sort_unstable();
        }
        store.page_audiences = saved.state.page_audiences;
        store.next_source_id = store.next_source_id.max(saved.next_source_id);
        store.next_page_id = store.next_page_id.max(saved.next_page_id);
        store.next_note_id = store.next_note_id.max(saved.next_note_id);
        Ok(store)
    }

    // ---- content import sources ----

    /// Creates a source; never idempotent. `status` defaults to `active`.
    pub(crate) fn create_source(
        &mut self,
        body: Valid<CreateContentImportSourceRequest>,
        now: i64,
    ) -> Result<ContentImportSource, ApiError> {
        let mut fields = body.fields;
        one_integer_is_a_list(&mut fields);
        let id = self.next_source_id;
        let source: ContentImportSource = spec::record(&CreateContentImportSource::INFO).build(
            object(json!({"status": "active"})),
            fields,
            object(json!({
                "id": id,
                "created_at": now,
                "updated_at": now,
                "last_synced_at": now,
            })),
        )?;
        self.next_source_id += 1;
        self.sources.insert(id, source.clone());
        self.touch();
        Ok(source)
    }

    /// One source.
    pub(crate) fn source(&self, id: i64) -> Option<ContentImportSource> {
        self.sources.get(&id).cloned()
    }

    /// One page of sources, by id, and the total.
    pub(crate) fn list_sources(&self, request: PageRequest) -> (Vec<ContentImportSource>, usize) {
        (page_of(self.sources.values(), request), self.sources.len())
    }

    /// Updates a source: `sync_behavior` cannot change to or from `api`, and `url` can only
    /// change on an `api` source.
    pub(crate) fn update_source(
        &mut self,
        id: i64,
        body: Valid<UpdateContentImportSourceRequest>,
        now: i64,
    ) -> Result<ContentImportSource, ApiError> {
        let source = self.sources.get(&id).ok_or_else(ApiError::not_found)?;
        let from = &source.sync_behavior;
        let to = &body.request.sync_behavior;
        let api = SyncBehavior::Api;
        if from != to && (*from == api || *to == api) {
            return Err(ApiError::invalid(
                "sync_behavior",
                format!("sync_behavior cannot be changed to or from api (it is {from}, not {to})"),
            ));
        }
        if body.request.url != source.url && *from != api {
            return Err(ApiError::invalid(
                "url",
                "url can only be changed on a source whose sync_behavior is api",
            ));
        }
        let mut fields = body.fields;
        one_integer_is_a_list(&mut fields);
        // The page object has no audience: what applying them to the pages did is kept
        // beside the pages (`StateSnapshot::page_audiences`).
        fields.remove("apply_audience_to_existing_content");
        let applied = match (
            body.request.apply_audience_to_existing_content,
            fields.get("audience_ids"),
        ) {
            (Some(true), Some(ids)) => Some(
                serde_json::from_value::<Vec<i64>>(ids.clone()).map_err(|_| {
                    ApiError::invalid("audience_ids", "audience_ids must be integers")
                })?,
            ),
            _ => None,
        };
        let updated: ContentImportSource = spec::record(&UpdateContentImportSource::INFO).build(
            fields_of(source)?,
            fields,
            object(json!({"id": id, "updated_at": now})),
        )?;
        if let Some(audiences) = applied {
            for page in self.pages.values().filter(|p| p.source_id.get() == id) {
                self.page_audiences
                    .insert(page.id.as_str().to_owned(), audiences.clone());
            }
        }
        self.sources.insert(id, updated.clone());
        self.touch();
        Ok(updated)
    }

    /// Deletes a source and every page of it.
    pub(crate) fn delete_source(&mut self, id: i64) -> Option<ContentImportSource> {
        let source = self.sources.remove(&id)?;
        let audiences = &mut self.page_audiences;
        self.pages.retain(|_, page| {
            let kept = page.source_id.get() != id;
            if !kept {
                audiences.remove(page.id.as_str());
            }
            kept
        });
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
        if let (Some(source), Some(now)) = (
            self.sources.get_mut(&source_id),
            Timestamp::from_unix_seconds(now),
        ) {
            source.last_synced_at = now;
        }
    }

    /// Creates a page, or updates the page with the same (source_id, external_id). On
    /// creation `ai_agent_availability` and `ai_copilot_availability` default to `true`; an
    /// update keeps every property it does not send.
    pub(crate) fn upsert_page(
        &mut self,
        body: Valid<CreateExternalPageRequest>,
        now: i64,
    ) -> Result<ExternalPage, ApiError> {
        let source_id = body.request.source_id.get();
        self.writable_source(source_id)?;
        let key = (source_id, body.request.external_id.clone());
        if let Some(&id) = self.page_keys.get(&key) {
            return self.write_page(id, key, body.fields, now);
        }
        let id = self.next_page_id;
        let page: ExternalPage = page_schema().build(
            object(json!({"ai_agent_availability": true, "ai_copilot_availability": true})),
            body.fields,
            object(json!({
                "id": id.to_string(),
                "source_id": key.0,
                "external_id": key.1,
                "created_at": now,
                "updated_at": now,
                "last_ingested_at": now,
            })),
        )?;
        let page = with_fin_availability(page);
        self.next_page_id += 1;
        self.pages.insert(id, page.clone());
        self.page_keys.insert(key, id);
        self.synced(source_id, now);
        self.touch();
        Ok(page)
    }

    /// Updates the page with id `id` (PUT): it may move to another source or external id, as
    /// long as no other page has that pair. The deprecated `fin_availability` sets
    /// `ai_agent_availability`.
    pub(crate) fn update_page(
        &mut self,
        id: &str,
        body: Valid<UpdateExternalPageRequest>,
        now: i64,
    ) -> Result<ExternalPage, ApiError> {
        let (id, current) = digits_id(id)
            .and_then(|id| Some((id, self.pages.get(&id)?)))
            .ok_or_else(ApiError::not_found)?;
        let source_id = body.request.source_id.get();
        let external_id = body
            .request
            .external_id
            .unwrap_or_else(|| current.external_id.clone());
        self.writable_source(source_id)?;
        let mut fields = body.fields;
        if let Some(fin) = fields.remove("fin_availability") {
            fields.entry("ai_agent_availability").or_insert(fin);
        }
        self.write_page(id, (source_id, external_id), fields, now)
    }

    /// Writes `fields` over page `id`, which takes the key `new_key`.
    fn write_page(
        &mut self,
        id: u64,
        new_key: (i64, String),
        fields: Map<String, Value>,
        now: i64,
    ) -> Result<ExternalPage, ApiError> {
        let current = self.pages.get(&id).ok_or_else(ApiError::not_found)?;
        let old_key = (current.source_id.get(), current.external_id.clone());
        if new_key != old_key && self.page_keys.contains_key(&new_key) {
            return Err(ApiError::invalid(
                "external_id",
                format!(
                    "external_id {:?} is already used in source {}",
                    new_key.1, new_key.0
                ),
            ));
        }
        let page: ExternalPage = page_schema().build(
            fields_of(current)?,
            fields,
            object(json!({
                "id": id.to_string(),
                "source_id": new_key.0,
                "external_id": new_key.1,
                "updated_at": now,
                "last_ingested_at": now,
            })),
        )?;
        let page = with_fin_availability(page);
        self.pages.insert(id, page.clone());
        if new_key != old_key {
            self.page_keys.remove(&old_key);
            self.page_keys.insert(new_key, id);
        }
        self.synced(page.source_id.get(), now);
        self.touch();
        Ok(page)
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
            .remove(&(page.source_id.get(), page.external_id.clone()));
        self.page_audiences.remove(id);
        self.touch();
        Some(page)
    }

    // ---- notes ----

    /// Creates a note about `contact_id`; plain-text bodies are wrapped in `<p>…</p>` as
    /// Intercom does, and an `admin_id` gives the note an author.
    pub(crate) fn create_note(
        &mut self,
        contact_id: String,
        body: Valid<CreateNoteRequest>,
        now: i64,
    ) -> Result<Note, ApiError> {
        let Valid { request, fields } = body;
        let about = About::Contact(contact_id);
        self.add_note(
            &CreateNote::INFO,
            about,
            &request.body,
            request.admin_id.as_ref(),
            fields,
            now,
        )
    }

    /// Creates a note about a company (every company exists: the fake keeps none).
    pub(crate) fn create_company_note(
        &mut self,
        company_id: String,
        body: Valid<CreateCompanyNoteRequest>,
        now: i64,
    ) -> Result<Note, ApiError> {
        let Valid { request, fields } = body;
        let about = About::Company(company_id);
        self.add_note(
            &CreateCompanyNote::INFO,
            about,
            &request.body,
            request.admin_id.as_ref(),
            fields,
            now,
        )
    }

    fn add_note(
        &mut self,
        operation: &OperationInfo,
        about: About,
        text: &str,
        admin_id: Option<&NoteAdminId>,
        fields: Map<String, Value>,
        now: i64,
    ) -> Result<Note, ApiError> {
        let html = if text.trim_start().starts_with('<') {
            text.to_owned()
        } else {
            format!("<p>{text}</p>")
        };
        let id = self.next_note_id;
        let mut decided = object(json!({
            "id": id.to_string(),
            "created_at": now,
            "body": html,
        }));
        match &about {
            About::Contact(contact) => decided.insert("contact".into(), note_contact(contact)),
            About::Company(company) => decided.insert("company".into(), note_company(company)),
        };
        if let Some(admin_id) = admin_id {
            decided.insert("author".into(), note_author(&admin_id.to_string()));
        }
        let note: Note = spec::record(operation).build(Map::new(), fields, decided)?;
        self.next_note_id += 1;
        self.index_note(&note, id);
        self.notes.insert(id, note.clone());
        self.touch();
        Ok(note)
    }

    /// Files note `id` under its contact or company.
    fn index_note(&mut self, note: &Note, id: u64) {
        let ids = match (&note.contact, &note.company) {
            (Some(contact), _) => self.notes_by_contact.entry(contact.id.as_str().to_owned()),
            (None, Some(company)) => self.notes_by_company.entry(company.id.as_str().to_owned()),
            // A note about nothing is kept, and listed nowhere.
            (None, None) => return,
        };
        ids.or_default().push(id);
    }

    /// One note.
    pub(crate) fn note(&self, id: &str) -> Option<Note> {
        self.notes.get(&digits_id(id)?).cloned()
    }

    /// One page of the notes about a contact or company, oldest first: the page `request`
    /// names, or the notes after its `starting_after` cursor (a note id).
    pub(crate) fn list_notes(&self, about: &About, request: PageRequest) -> NotesPage {
        let ids = match about {
            About::Contact(contact) => self.notes_by_contact.get(contact),
            About::Company(company) => self.notes_by_company.get(company),
        }
        .map(Vec::as_slice)
        .unwrap_or(&[]);
        let offset = match request.starting_after {
            Some(cursor) => ids.partition_point(|id| *id <= cursor),
            None => request.offset(),
        };
        let notes = ids
            .iter()
            .skip(offset)
            .take(request.limit())
            .filter_map(|id| self.notes.get(id))
            .cloned()
            .collect();
        NotesPage {
            notes,
            total: ids.len(),
            offset,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use intercom_openapi::operation::OperationInfo;
    use intercom_openapi::operations::UpdateExternalPage;
    use serde::de::DeserializeOwned;

    fn valid<T: DeserializeOwned>(operation: &OperationInfo, body: Value) -> Valid<T> {
        spec::request(operation)
            .parse(body.to_string().as_bytes())
            .unwrap()
            .finish()
            .unwrap()
    }

    fn write(source_id: i64, external_id: &str, title: &str) -> Valid<CreateExternalPageRequest> {
        valid(
            &CreateExternalPage::INFO,
            json!({"source_id": source_id, "external_id": external_id, "title": title,
                   "html": "<p>x</p>", "locale": "en"}),
        )
    }

    fn put(source_id: i64, external_id: &str) -> Valid<UpdateExternalPageRequest> {
        valid(
            &UpdateExternalPage::INFO,
            json!({"source_id": source_id, "external_id": external_id, "title": "x",
                   "html": "<p>x</p>", "url": "https://x/p", "locale": "en"}),
        )
    }

    fn source(store: &mut Store) -> i64 {
        let body = valid(
            &CreateContentImportSource::INFO,
            json!({"sync_behavior": "api", "url": "https://example.com"}),
        );
        store.create_source(body, 10).unwrap().id.get()
    }

    #[test]
    fn upsert_by_external_id_and_cascade() {
        let mut store = Store::default();
        let s = source(&mut store);
        let a = store.upsert_page(write(s, "e1", "one"), 11).unwrap();
        let b = store.upsert_page(write(s, "e1", "two"), 12).unwrap();
        assert_eq!(a.id, b.id);
        assert_eq!(
            (
                b.title.as_str(),
                b.created_at.unix_seconds(),
                b.updated_at.unix_seconds()
            ),
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
    fn an_update_keeps_what_it_does_not_send() {
        let mut store = Store::default();
        let s = source(&mut store);
        let body = valid(
            &CreateExternalPage::INFO,
            json!({"source_id": s, "external_id": "e", "title": "T", "html": "<p>x</p>",
                   "locale": "en", "url": "https://x/e", "ai_copilot_availability": false}),
        );
        let created = store.upsert_page(body, 1).unwrap();
        assert_eq!(created.url.as_deref(), Some("https://x/e"));
        assert!(created.ai_agent_availability, "defaults to true");
        assert!(!created.ai_copilot_availability);
        let again = store.upsert_page(write(s, "e", "T2"), 2).unwrap();
        assert_eq!(again.url.as_deref(), Some("https://x/e"));
        assert!(!again.ai_copilot_availability);
        assert_eq!(again.fin_availability, Some(true));
    }

    #[test]
    fn put_cannot_take_another_pages_external_id() {
        let mut store = Store::default();
        let s = source(&mut store);
        store.upsert_page(write(s, "e1", "one"), 1).unwrap();
        let b = store.upsert_page(write(s, "e2", "two"), 1).unwrap();
        let e = store
            .update_page(b.id.as_str(), put(s, "e1"), 2)
            .unwrap_err();
        assert_eq!(e.errors[0].field.as_deref(), Some("external_id"));
        assert!(store.update_page("01", put(s, "e2"), 2).is_err());
    }

    #[test]
    fn persisted_state_round_trips_with_counters() {
        let mut store = Store::default();
        let s = source(&mut store);
        let p = store.upsert_page(write(s, "e1", "one"), 1).unwrap();
        store.delete_page(p.id.as_str());
        let restored = Store::from_persisted(store.to_persisted()).unwrap();
        assert_eq!(restored.snapshot(), store.snapshot());
        let mut restored = restored;
        let q = restored.upsert_page(write(s, "e1", "again"), 2).unwrap();
        assert_ne!(q.id, p.id, "ids are never reused");
    }
}
