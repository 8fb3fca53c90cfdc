//! Malformed responses (issue 6): what `intercom-client` makes of bodies and situations a
//! real server, proxy or bug can produce, for every kind of operation it has.
//!
//! One table, one line per situation: a name, what the server answers (status, headers, body,
//! delay) and the outcome it must give. Most lines apply to every operation (get, list through
//! the item stream, create, upsert, update and delete of sources and pages, and create, list and
//! get of notes: 13 in all), some only to the operations they make sense for (object edits to the
//! object each one returns; `pages.next` tricks to the three lists). Each becomes one case per
//! operation, served by its own `httpmock` server:
//!
//! - a tolerant parse (the value is asserted), or a typed error: the variant, the status, and
//!   the request id where the server sent one (`x-request-id`, or `request_id` in an error body);
//! - on the wire, the number of requests (retried ones: as often as the policy allows; a create
//!   never) and no request at all to a second server that links and redirects point at;
//! - never a panic (a panic is caught and reported with the case's name)
//!   and never a hang (each call is under a 30 s guard).
//!
//! Adding a situation is one line in [`table`]. The tests at the end pin three situations that
//! were bugs once: a request id sent only in an unreadable error body, a list without `data`,
//! and `ensure` after a garbled list.

use std::panic::AssertUnwindSafe;
use std::time::Duration;

use futures::TryStreamExt;
use httpmock::{Method, MockServer};
use intercom_client::retry::RetryPolicy;
use intercom_client::{
    AdminType, Client, ContactId, ContentImportSource, ContentImportSourceId,
    ContentImportSourceStatus, ContentImportSourceUpdate, Error, ExternalPage, ExternalPageId,
    ExternalPageUpdate, Locale, NewContentImportSource, NewExternalPage, NewNote, Note, NoteId,
    SyncBehavior,
};
use serde_json::{Value, json};

const TOKEN: &str = "malformed-token";
/// The `x-request-id` every reply carries unless a line says otherwise.
const HEADER_ID: &str = "hdr-req-7f3a";
/// Attempts the client makes at an idempotent call (1–5 ms apart).
const ATTEMPTS: usize = 3;
const GUARD: Duration = Duration::from_secs(30);
/// How many cases run at once (httpmock pools 25 servers; each case takes two).
const PARALLEL: usize = 8;

// ---------------------------------------------------------------------------------------------
// Operations

/// Every kind of operation the client has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    SourceGet,
    SourceList,
    SourceCreate,
    SourceUpdate,
    SourceDelete,
    PageGet,
    PageList,
    PageUpsert,
    PageUpdate,
    PageDelete,
    NoteCreate,
    NoteList,
    NoteGet,
}

/// What an operation returns, and so which object its body holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Source,
    Page,
    Note,
}

const SOURCE_ID: i64 = 1234;
const PAGE_ID: &str = "21";
const NOTE_ID: &str = "17495962";
const CONTACT_ID: &str = "214656d0c743eafcfde7f248";

impl Op {
    const ALL: [Op; 13] = [
        Op::SourceGet,
        Op::SourceList,
        Op::SourceCreate,
        Op::SourceUpdate,
        Op::SourceDelete,
        Op::PageGet,
        Op::PageList,
        Op::PageUpsert,
        Op::PageUpdate,
        Op::PageDelete,
        Op::NoteCreate,
        Op::NoteList,
        Op::NoteGet,
    ];
    const LISTS: [Op; 3] = [Op::SourceList, Op::PageList, Op::NoteList];

    fn kind(self) -> Kind {
        use Op::*;
        match self {
            SourceGet | SourceList | SourceCreate | SourceUpdate | SourceDelete => Kind::Source,
            PageGet | PageList | PageUpsert | PageUpdate | PageDelete => Kind::Page,
            NoteCreate | NoteList | NoteGet => Kind::Note,
        }
    }

    fn is_list(self) -> bool {
        Op::LISTS.contains(&self)
    }

    /// Creating a source or a note is never retried: a failure does not say whether it landed.
    fn idempotent(self) -> bool {
        !matches!(self, Op::SourceCreate | Op::NoteCreate)
    }

    /// Deleting a source documents no response body: whatever a success carries is ignored.
    fn ignores_body(self) -> bool {
        self == Op::SourceDelete
    }

    fn method(self) -> Method {
        use Op::*;
        match self {
            SourceGet | SourceList | PageGet | PageList | NoteList | NoteGet => Method::GET,
            SourceCreate | PageUpsert | NoteCreate => Method::POST,
            SourceUpdate | PageUpdate => Method::PUT,
            SourceDelete | PageDelete => Method::DELETE,
        }
    }

    fn path(self) -> String {
        use Op::*;
        match self {
            SourceList | SourceCreate => "/ai/content_import_sources".into(),
            SourceGet | SourceUpdate | SourceDelete => {
                format!("/ai/content_import_sources/{SOURCE_ID}")
            }
            PageList | PageUpsert => "/ai/external_pages".into(),
            PageGet | PageUpdate | PageDelete => format!("/ai/external_pages/{PAGE_ID}"),
            NoteCreate | NoteList => format!("/contacts/{CONTACT_ID}/notes"),
            NoteGet => format!("/notes/{NOTE_ID}"),
        }
    }

    async fn run(self, client: &Client) -> Result<Got, Error> {
        let sources = client.content_import_sources();
        let pages = client.external_pages();
        let notes = client.notes();
        let source = ContentImportSourceId::new(SOURCE_ID);
        let page = ExternalPageId::new(PAGE_ID);
        let contact = ContactId::new(CONTACT_ID);
        let url = "https://help.example.com/";
        Ok(match self {
            Op::SourceGet => Got::Source(sources.get(source).await?),
            Op::SourceList => Got::Sources(sources.list().items().try_collect().await?),
            Op::SourceCreate => {
                Got::Source(sources.create(NewContentImportSource::new(url)).await?)
            }
            Op::SourceUpdate => Got::Source(
                sources
                    .update(source, ContentImportSourceUpdate::new(url))
                    .await?,
            ),
            Op::SourceDelete => {
                sources.delete(source).await?;
                Got::Nothing
            }
            Op::PageGet => Got::Page(pages.get(&page).await?),
            Op::PageList => Got::Pages(pages.list().items().try_collect().await?),
            Op::PageUpsert => Got::Page(
                pages
                    .upsert(
                        NewExternalPage::new(source, "abc1234")
                            .title("Test")
                            .html("<p>Test</p>"),
                    )
                    .await?,
            ),
            Op::PageUpdate => Got::Page(
                pages
                    .update(
                        &page,
                        ExternalPageUpdate::new(source)
                            .title("Test")
                            .html("<p>Test</p>")
                            .url("https://help.example.com/test"),
                    )
                    .await?,
            ),
            Op::PageDelete => Got::Page(pages.delete(&page).await?),
            Op::NoteCreate => Got::Note(notes.create(&contact, NewNote::new("Text")).await?),
            Op::NoteList => Got::Notes(notes.list(&contact).items().try_collect().await?),
            Op::NoteGet => Got::Note(notes.get(&NoteId::new(NOTE_ID)).await?),
        })
    }
}

/// What an operation gave back.
#[derive(Debug, PartialEq)]
#[allow(clippy::large_enum_variant)] // one per case, compared and dropped
enum Got {
    Source(ContentImportSource),
    Sources(Vec<ContentImportSource>),
    Page(ExternalPage),
    Pages(Vec<ExternalPage>),
    Note(Note),
    Notes(Vec<Note>),
    Nothing,
}

/// One object of what came back.
#[derive(Clone, Copy, Debug)]
enum Item<'a> {
    Source(&'a ContentImportSource),
    Page(&'a ExternalPage),
    Note(&'a Note),
}

impl Got {
    fn items(&self) -> Vec<Item<'_>> {
        match self {
            Got::Source(s) => vec![Item::Source(s)],
            Got::Sources(v) => v.iter().map(Item::Source).collect(),
            Got::Page(p) => vec![Item::Page(p)],
            Got::Pages(v) => v.iter().map(Item::Page).collect(),
            Got::Note(n) => vec![Item::Note(n)],
            Got::Notes(v) => v.iter().map(Item::Note).collect(),
            Got::Nothing => Vec::new(),
        }
    }

    /// What `op` gives for `item` (one object, or a list of it), decoded by the models' own
    /// `Deserialize`: the reference a tolerant parse must match.
    fn of(op: Op, item: Value, copies: usize) -> Got {
        fn one<T: serde::de::DeserializeOwned>(item: Value) -> T {
            serde_json::from_value(item).expect("the example decodes")
        }
        fn many<T: serde::de::DeserializeOwned>(item: Value, copies: usize) -> Vec<T> {
            (0..copies).map(|_| one(item.clone())).collect()
        }
        match (op.kind(), op.is_list()) {
            _ if op.ignores_body() => Got::Nothing,
            (Kind::Source, false) => Got::Source(one(item)),
            (Kind::Source, true) => Got::Sources(many(item, copies)),
            (Kind::Page, false) => Got::Page(one(item)),
            (Kind::Page, true) => Got::Pages(many(item, copies)),
            (Kind::Note, false) => Got::Note(one(item)),
            (Kind::Note, true) => Got::Notes(many(item, copies)),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Bodies

/// The documented example of each object (openapi/intercom.yaml; the source's `audience_ids`
/// is documented under version Preview).
fn example(kind: Kind) -> Value {
    match kind {
        Kind::Source => json!({
            "type": "content_import_source", "id": SOURCE_ID, "last_synced_at": 1672928610,
            "sync_behavior": "api", "status": "active", "url": "https://help.example.com/",
            "created_at": 1672928359, "updated_at": 1672928610, "audience_ids": [5678]
        }),
        Kind::Page => json!({
            "type": "external_page", "id": PAGE_ID, "title": "Test", "html": "<p>Test</p>",
            "url": "https://help.example.com/test", "ai_agent_availability": true,
            "ai_copilot_availability": true, "fin_availability": true, "locale": "en",
            "source_id": 44, "external_id": "abc1234", "created_at": 1672928359,
            "updated_at": 1672928610, "last_ingested_at": 1672928610
        }),
        Kind::Note => json!({
            "type": "note", "id": NOTE_ID, "created_at": 1674589321,
            "contact": {"type": "contact", "id": CONTACT_ID},
            "author": {"type": "admin", "id": "1295", "name": "Joe Example",
                       "email": "joe@example.com", "away_mode_enabled": false},
            "body": "<p>Text for the note.</p>"
        }),
    }
}

/// A one-page list holding `item`.
fn list_of(item: Value) -> Value {
    json!({
        "type": "list", "data": [item], "total_count": 1,
        "pages": {"type": "pages", "page": 1, "per_page": 50, "total_pages": 1}
    })
}

/// The body `op` normally gets, with `edit` applied to its object (the list's item for a list).
fn edited(op: Op, edit: fn(Kind, &mut Value)) -> Value {
    let mut item = example(op.kind());
    edit(op.kind(), &mut item);
    if op.is_list() { list_of(item) } else { item }
}

/// Stands for JSON text that `serde_json::Value` cannot hold (a number too big for it, a
/// duplicated key): it is spliced into the serialized body by [`to_text`].
fn raw(text: &str) -> Value {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut hex = String::with_capacity(7 + 2 * text.len());
    hex.push_str("__RAW__");
    for b in text.bytes() {
        hex.push(char::from(DIGITS[usize::from(b >> 4)]));
        hex.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    Value::String(hex)
}

fn to_text(value: &Value) -> String {
    let mut text = value.to_string();
    while let Some(start) = text.find("\"__RAW__") {
        let end = start + 1 + text[start + 1..].find('"').expect("closing quote");
        let hex = &text[start + 8..end];
        let bytes: Vec<u8> = (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex"))
            .collect();
        let raw = String::from_utf8(bytes).expect("utf-8");
        text.replace_range(start..=end, &raw);
    }
    text
}

/// Stands for bytes that are not UTF-8 in a JSON string (see [`Reply::json`]).
const INVALID_UTF8: &str = "__INVALID_UTF8__";

/// The required field of each object that the edits below null or remove.
fn required_field(kind: Kind) -> &'static str {
    match kind {
        Kind::Source => "url",
        Kind::Page => "title",
        // From 2.16 a note requires only its `type` and `id` (and a numeric id is tolerated).
        Kind::Note => "type",
    }
}

// ---------------------------------------------------------------------------------------------
// Replies

/// What the server answers.
#[derive(Clone, Debug)]
struct Reply {
    status: u16,
    headers: Vec<(&'static str, String)>,
    /// May hold `{BASE}`, `{OTHER}`, `{PORT}` and `{PATH}`: this server's and the second
    /// server's base URLs, this server's port, and the operation's path.
    body: Vec<u8>,
    /// Answer this late (past the request timeout the runner then uses).
    delay: Option<Duration>,
}

impl Reply {
    fn new(status: u16, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status,
            headers: vec![("x-request-id", HEADER_ID.to_owned())],
            body: body.into(),
            delay: None,
        }
    }

    /// `value` as JSON text, with every [`INVALID_UTF8`] made two bytes that are not UTF-8.
    fn json(status: u16, value: &Value) -> Reply {
        let text = to_text(value);
        let mut body = Vec::with_capacity(text.len());
        let mut rest = text.as_str();
        while let Some(at) = rest.find(INVALID_UTF8) {
            body.extend_from_slice(&rest.as_bytes()[..at]);
            body.extend_from_slice(b"\xff\xfe");
            rest = &rest[at + INVALID_UTF8.len()..];
        }
        body.extend_from_slice(rest.as_bytes());
        Reply::new(status, body).header("content-type", "application/json")
    }

    fn header(mut self, name: &'static str, value: &str) -> Reply {
        self.headers.retain(|(n, _)| *n != name);
        self.headers.push((name, value.to_owned()));
        self
    }

    fn without_request_id(mut self) -> Reply {
        self.headers.retain(|(n, _)| *n != "x-request-id");
        self
    }

    fn delayed(mut self, delay: Duration) -> Reply {
        self.delay = Some(delay);
        self
    }

    /// The request id the server sent: an error body's `request_id`, else the header.
    fn request_id(&self) -> Option<String> {
        serde_json::from_slice::<Value>(&self.body)
            .ok()
            .and_then(|body| body.get("request_id")?.as_str().map(str::to_owned))
            .or_else(|| {
                self.headers
                    .iter()
                    .find(|(n, _)| *n == "x-request-id")
                    .map(|(_, v)| v.clone())
            })
    }
}

fn ok(body: &str) -> Reply {
    Reply::new(200, body)
}

fn error_list(status: u16, codes: &[&str]) -> Reply {
    let errors: Vec<Value> = codes
        .iter()
        .map(|code| json!({"code": code, "message": format!("{code} happened")}))
        .collect();
    Reply::json(
        status,
        &json!({"type": "error.list", "request_id": "body-req-51", "errors": errors}),
    )
}

const PROXY_HTML: &str = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n\
    <center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

// ---------------------------------------------------------------------------------------------
// Expected outcomes

#[derive(Clone, Copy, Debug)]
enum Expect {
    /// The operation's example, decoded as is: the oddity was tolerated and changed nothing.
    Example,
    /// A value, at least one object, each of which passes this check.
    Each(fn(Item<'_>) -> bool),
    /// A list of this many objects, each the example.
    Examples(usize),
    /// `Error::Decode` with this status and the header's request id.
    Decode(u16),
    /// `Error::Api` with this status, these codes and the server's request id.
    Api(u16, &'static [&'static str]),
    /// `Error::RateLimited` with this `Retry-After` (seconds) and the server's request id.
    RateLimited(Option<u64>),
    /// `Error::Timeout`.
    Timeout,
    /// Some error with this status and the server's request id (body or header).
    AnyError(u16),
    /// `Error::ForeignNextPage`, with no request to the other server.
    ForeignNextPage,
    /// `Error::IncompleteList` after this many pages, with the last page's request id: a
    /// list that loops is never taken for a complete one.
    Incomplete(u64),
}

/// One operation against one reply.
#[derive(Clone, Debug)]
struct Case {
    name: String,
    op: Op,
    reply: Reply,
    expect: Expect,
    /// Requests the server must see; by default one, or [`ATTEMPTS`] when the client retries.
    hits: Option<usize>,
}

impl Case {
    fn hits(&self) -> usize {
        self.hits.unwrap_or_else(|| {
            let retried = matches!(self.reply.status, 408 | 429 | 500 | 502 | 503 | 504)
                || self.reply.delay.is_some();
            if retried && self.op.idempotent() {
                ATTEMPTS
            } else {
                1
            }
        })
    }
}

/// The table, built one line per situation.
#[derive(Default)]
struct Table(Vec<Case>);

impl Table {
    fn push(&mut self, name: &str, op: Op, reply: Reply, expect: Expect, hits: Option<usize>) {
        let expect = match expect {
            // A source's DELETE reads no body: any success is a success.
            _ if op.ignores_body()
                && (200..300).contains(&reply.status)
                && reply.delay.is_none() =>
            {
                Expect::Example
            }
            other => other,
        };
        self.0.push(Case {
            name: format!("{name} [{op:?}]"),
            op,
            reply,
            expect,
            hits,
        });
    }

    /// The same reply to every operation.
    fn all(&mut self, name: &str, reply: Reply, expect: Expect) {
        for op in Op::ALL {
            self.push(name, op, reply.clone(), expect, None);
        }
    }

    /// The same reply to every operation, expecting `hits` requests for each.
    fn all_hits(&mut self, name: &str, reply: Reply, expect: Expect, hits: usize) {
        for op in Op::ALL {
            self.push(name, op, reply.clone(), expect, Some(hits));
        }
    }

    /// The same reply to every operation but the lists.
    fn non_lists(&mut self, name: &str, reply: Reply, expect: Expect) {
        for op in Op::ALL.into_iter().filter(|op| !op.is_list()) {
            self.push(name, op, reply.clone(), expect, None);
        }
    }

    /// To every operation, its own object with `edit` applied, with a 200.
    fn objects(&mut self, name: &str, edit: fn(Kind, &mut Value), expect: Expect) {
        for op in Op::ALL {
            let reply = Reply::json(200, &edited(op, edit));
            self.push(name, op, reply, expect, None);
        }
    }

    /// To the three lists, `body` (given each list's item), expecting `hits` requests.
    fn lists(&mut self, name: &str, body: fn(Value) -> Value, expect: Expect, hits: usize) {
        for op in Op::LISTS {
            let reply = Reply::json(200, &body(example(op.kind())));
            self.push(name, op, reply, expect, Some(hits));
        }
    }

    /// To one operation.
    fn one(&mut self, name: &str, op: Op, reply: Reply, expect: Expect) {
        self.push(name, op, reply, expect, None);
    }
}

/// A list page holding `item` whose `pages` are `pages`.
fn paged(item: Value, pages: Value) -> Value {
    json!({"type": "list", "data": [item], "total_count": 2, "pages": pages})
}

fn is_unknown_enum(item: Item<'_>) -> bool {
    match item {
        Item::Source(s) => {
            s.status == ContentImportSourceStatus::Unknown("paused".into())
                && s.sync_behavior == SyncBehavior::Unknown("webhook".into())
        }
        Item::Page(p) => p.locale == Locale::Unknown("fr".into()),
        Item::Note(n) => n
            .author
            .as_ref()
            .is_some_and(|a| a.type_ == Some(AdminType::Unknown("bot".into()))),
    }
}

fn lacks_optional_fields(item: Item<'_>) -> bool {
    match item {
        Item::Source(s) => s.audience_ids.is_none() && s.id.get() == SOURCE_ID,
        Item::Page(p) => p.url.is_none() && p.fin_availability.is_none() && p.title == "Test",
        Item::Note(n) => {
            n.author.is_none()
                && n.contact.as_ref().is_some_and(|c| c.type_.is_none())
                && n.id.as_str() == NOTE_ID
        }
    }
}

/// The [`required_field`] of each object is 4 MiB of `x`.
fn has_a_4_mb_string(item: Item<'_>) -> bool {
    let big = |text: &str| text.len() == 4 << 20 && text.bytes().all(|b| b == b'x');
    match item {
        Item::Source(s) => big(&s.url),
        Item::Page(p) => big(&p.title),
        Item::Note(n) => big(n.type_.as_str()),
    }
}

fn created_in_1969(item: Item<'_>) -> bool {
    let created = match item {
        Item::Source(s) => s.created_at,
        Item::Page(p) => p.created_at,
        Item::Note(n) => match n.created_at {
            Some(created) => created,
            None => return false,
        },
    };
    created.timestamp() == -1
}

// Edits of an object, for [`Table::objects`].

/// A note about a company (2.16): `contact` null, a `company`.
fn is_company_note(item: Item<'_>) -> bool {
    matches!(item, Item::Note(n) if n.contact.is_none()
        && n.company.as_ref().is_some_and(|c| c.id.as_str() == "6762f0dd1bb69f9f2193bb83"))
}

/// A note with nothing but its `type` and `id` (no property but those is required).
fn is_bare_note(item: Item<'_>) -> bool {
    matches!(item, Item::Note(n) if n.id.as_str() == NOTE_ID
        && n.body.is_none() && n.created_at.is_none() && n.author.is_none() && n.contact.is_none())
}

/// An author without `type` (2.16 requires none of the admin's properties but its id).
fn has_untyped_author(item: Item<'_>) -> bool {
    matches!(item, Item::Note(n) if n.author.as_ref().is_some_and(|a| a.type_.is_none()))
}

/// A source whose `audience_ids` is `null` (2.15, 2.16).
fn has_no_audiences(item: Item<'_>) -> bool {
    matches!(item, Item::Source(s) if s.audience_ids.is_none() && s.id.get() == SOURCE_ID)
}

fn add_unknown_fields(_: Kind, o: &mut Value) {
    o["x_added_later"] = json!({"deep": [1, {"a": null}]});
}

fn set_unknown_object_type(_: Kind, o: &mut Value) {
    o["type"] = json!("something_new");
}

/// The object's `type` is an open enum too: a new one is kept, not dropped.
fn has_unknown_object_type(item: Item<'_>) -> bool {
    let new = |text: &str| text == "something_new";
    match item {
        Item::Source(s) => new(s.type_.as_str()),
        Item::Page(p) => new(p.type_.as_str()),
        Item::Note(n) => new(n.type_.as_str()),
    }
}

fn swap_id_json_type(kind: Kind, o: &mut Value) {
    o["id"] = match kind {
        Kind::Source => json!(SOURCE_ID.to_string()),
        Kind::Page => json!(21),
        Kind::Note => json!(17495962),
    };
}

fn set_unknown_enums(kind: Kind, o: &mut Value) {
    match kind {
        Kind::Source => {
            o["status"] = json!("paused");
            o["sync_behavior"] = json!("webhook");
        }
        Kind::Page => o["locale"] = json!("fr"),
        Kind::Note => o["author"]["type"] = json!("bot"),
    }
}

fn remove(o: &mut Value, key: &str) {
    if let Some(map) = o.as_object_mut() {
        map.remove(key);
    }
}

fn remove_optional_fields(kind: Kind, o: &mut Value) {
    match kind {
        Kind::Source => remove(o, "audience_ids"),
        Kind::Page => {
            remove(o, "url");
            remove(o, "fin_availability");
        }
        Kind::Note => {
            remove(o, "author");
            remove(&mut o["contact"], "type");
        }
    }
}

fn deep(levels: usize) -> String {
    format!("{}{}", "[".repeat(levels), "]".repeat(levels))
}

/// Every situation, one line each (see [`Table`] for what each helper applies it to).
#[rustfmt::skip]
fn table() -> Vec<Case> {
    use Expect::*;
    let mut t = Table::default();

    // Success statuses with a body no operation can read.
    t.all("empty body", ok(""), Decode(200));
    t.all("whitespace body", ok(" \r\n "), Decode(200));
    t.all("html from a proxy, 200", ok(PROXY_HTML).header("content-type", "text/html"), Decode(200));
    t.all("truncated json", ok(r#"{"type":"content_import_source","id":12"#), Decode(200));
    t.all("json null", ok("null"), Decode(200));
    t.all("json string", ok(r#""ok""#), Decode(200));
    t.all("json number", ok("42"), Decode(200));
    t.all("array of numbers instead of an object", ok("[1,2,3]"), Decode(200));
    t.all("trailing garbage after the object", ok(r#"{"id":1} <!-- cached -->"#), Decode(200));
    t.all("byte order mark", ok("\u{feff}{}"), Decode(200));
    t.all("json nested 100,000 deep", ok(&deep(100_000)), Decode(200));
    t.non_lists("invalid utf-8", Reply::new(200, b"{\"id\":\"\xff\xfe\"}".to_vec()), Decode(200));
    t.all("204 no content", Reply::new(204, ""), Decode(204));
    t.non_lists("an error.list with a 200", error_list(200, &["server_error"]), Decode(200));
    t.non_lists("an empty object", ok("{}"), Decode(200));

    // Error statuses, with and without a readable error.list.
    t.all("404 error.list", error_list(404, &["not_found"]), Api(404, &["not_found"]));
    t.all("422 error.list of two", error_list(422, &["parameter_invalid", "parameter_not_found"]), Api(422, &["parameter_invalid", "parameter_not_found"]));
    t.all("500 error.list", error_list(500, &["server_error"]), Api(500, &["server_error"]));
    t.all("418 unknown status", error_list(418, &["teapot"]), Api(418, &["teapot"]));
    t.all("503 empty body", Reply::new(503, ""), Api(503, &[]));
    t.all("502 html from a proxy", Reply::new(502, PROXY_HTML).without_request_id(), Decode(502));
    t.all("401 plain-text body", Reply::new(401, "Unauthorized").header("content-type", "text/plain"), Decode(401));
    t.all("400 truncated error.list", Reply::new(400, r#"{"type":"error.list","errors":[{"code":"#), Decode(400));
    t.all("404 error.list entry without a code", Reply::json(404, &json!({"type": "error.list", "errors": [{"message": "gone"}]})), Decode(404));
    t.all("404 error.list without errors", Reply::json(404, &json!({"type": "error.list"})), Decode(404));
    t.all("500 invalid utf-8", Reply::new(500, b"\xff\xfe\xfd".to_vec()), Decode(500));
    t.all("302 redirect to another server", Reply::new(302, "").header("location", "{OTHER}/elsewhere"), Api(302, &[]));
    t.all("307 redirect to another server", Reply::new(307, "").header("location", "{OTHER}{PATH}"), Api(307, &[]));
    t.all("429 garbage Retry-After", error_list(429, &["rate_limit_exceeded"]).header("retry-after", "soon, maybe"), RateLimited(None));
    t.all("429 html body", Reply::new(429, PROXY_HTML).header("retry-after", "0"), RateLimited(Some(0)));
    t.all("429 X-RateLimit-Reset past u64", Reply::new(429, "").header("x-ratelimit-reset", "99999999999999999999"), RateLimited(None));
    // Waits past the 10 s deadline: one attempt, then the error (a reset is capped at 60 s).
    t.all_hits("429 Retry-After of a day", error_list(429, &["rate_limit_exceeded"]).header("retry-after", "86400"), RateLimited(Some(86400)), 1);
    t.all_hits("429 X-RateLimit-Reset in 2100", Reply::new(429, "").header("x-ratelimit-reset", "4102444800"), RateLimited(None), 1);

    // Success bodies right but for one thing, in the object each operation returns.
    t.objects("unknown extra fields", add_unknown_fields, Example);
    t.objects("an unknown object type", set_unknown_object_type, Each(has_unknown_object_type));
    t.objects("ids in the other json type", swap_id_json_type, Example);
    t.objects("unknown enum values", set_unknown_enums, Each(is_unknown_enum));
    t.objects("missing optional fields", remove_optional_fields, Each(lacks_optional_fields));
    t.objects("a 4 MiB string", |k, o| o[required_field(k)] = json!("x".repeat(4 << 20)), Each(has_a_4_mb_string));
    t.objects("a 3 MiB unknown field", |_, o| o["blob"] = json!("y".repeat(3 << 20)), Example);
    t.objects("an unknown field nested 100,000 deep", |_, o| o["nested"] = raw(&deep(100_000)), Example);
    t.objects("invalid utf-8 in a required string", |k, o| o[required_field(k)] = json!(format!("a {INVALID_UTF8} b")), Decode(200));
    t.objects("invalid utf-8 in an unknown field", |_, o| o["extra"] = json!(INVALID_UTF8), Example);
    t.objects("id is an object", |_, o| o["id"] = json!({"value": 1}), Decode(200));
    t.objects("id is 2^70", |_, o| o["id"] = raw("1180591620717411303424"), Decode(200));
    t.objects("id is 1e400", |_, o| o["id"] = raw("1e400"), Decode(200));
    t.objects("id is a duplicated key", |_, o| o["id"] = raw(&format!("{}, \"id\": {}", o["id"], o["id"])), Decode(200));
    t.objects("created_at is a string", |_, o| o["created_at"] = json!("2023-01-05T14:23:30Z"), Decode(200));
    t.objects("created_at is past chrono's range", |_, o| o["created_at"] = json!(i64::MAX), Decode(200));
    t.objects("created_at is 1.5", |_, o| o["created_at"] = json!(1.5), Decode(200));
    t.objects("created_at is -1", |_, o| o["created_at"] = json!(-1), Each(created_in_1969));
    t.objects("a required field is null", |k, o| o[required_field(k)] = Value::Null, Decode(200));
    t.objects("a required field is missing", |k, o| remove(o, required_field(k)), Decode(200));
    t.objects("a required field is a number", |k, o| o[required_field(k)] = json!(7), Decode(200));
    t.one("source_id as a numeric string", Op::PageGet, Reply::json(200, &edited(Op::PageGet, |_, o| o["source_id"] = json!("44"))), Example);
    t.one("source_id as a word", Op::PageGet, Reply::json(200, &edited(Op::PageGet, |_, o| o["source_id"] = json!("forty-four"))), Decode(200));
    t.one("ai_agent_availability as a string", Op::PageUpsert, Reply::json(200, &edited(Op::PageUpsert, |_, o| o["ai_agent_availability"] = json!("true"))), Decode(200));
    t.one("contact is a string", Op::NoteGet, Reply::json(200, &edited(Op::NoteGet, |_, o| o["contact"] = json!(CONTACT_ID))), Decode(200));
    // The shapes of 2.15 and 2.16 (issue 11): each a tolerant parse.
    t.one("a company note: contact null, a company", Op::NoteGet, Reply::json(200, &edited(Op::NoteGet, |_, o| { o["contact"] = Value::Null; o["company"] = json!({"type": "company", "id": "6762f0dd1bb69f9f2193bb83"}); })), Each(is_company_note));
    t.one("a company note in a list", Op::NoteList, Reply::json(200, &edited(Op::NoteList, |_, o| { remove(o, "contact"); o["company"] = json!({"id": "6762f0dd1bb69f9f2193bb83"}); })), Each(is_company_note));
    t.one("a note of only type and id", Op::NoteGet, Reply::json(200, &json!({"type": "note", "id": NOTE_ID})), Each(is_bare_note));
    t.one("an author without type", Op::NoteList, Reply::json(200, &edited(Op::NoteList, |_, o| remove(&mut o["author"], "type"))), Each(has_untyped_author));
    t.one("audience_ids is null", Op::SourceGet, Reply::json(200, &edited(Op::SourceGet, |_, o| o["audience_ids"] = Value::Null)), Each(has_no_audiences));
    t.one("audience_ids is null in a list", Op::SourceList, Reply::json(200, &edited(Op::SourceList, |_, o| o["audience_ids"] = Value::Null)), Each(has_no_audiences));
    t.one("audience_ids is a single number", Op::SourceGet, Reply::json(200, &edited(Op::SourceGet, |_, o| o["audience_ids"] = json!(5678))), Decode(200));
    t.one("json with content-type text/plain", Op::PageGet, Reply::json(200, &example(Kind::Page)).header("content-type", "text/plain"), Example);
    t.one("json with content-type text/html", Op::NoteList, Reply::json(200, &list_of(example(Kind::Note))).header("content-type", "text/html"), Example);

    // Lists whose envelope or `pages.next` is odd.
    t.lists("list without pages or total_count", |item| json!({"data": [item]}), Examples(1), 1);
    t.lists("list data is null", |_| json!({"type": "list", "data": null}), Decode(200), 1);
    t.lists("list data is an object", |item| json!({"type": "list", "data": item}), Decode(200), 1);
    t.lists("list total_count is a string", |item| json!({"data": [item], "total_count": "1"}), Decode(200), 1);
    t.lists("list pages is a string", |item| json!({"data": [item], "pages": "1 of 1"}), Decode(200), 1);
    // Lists that loop: an error, never a short list taken for the whole one.
    t.lists("next points at itself", |item| paged(item, json!({"next": "{BASE}{PATH}"})), Incomplete(1), 1);
    t.lists("next is relative, then repeats", |item| paged(item, json!({"next": "{PATH}?page=2"})), Incomplete(2), 2);
    t.lists("next cursor repeats", |item| paged(item, json!({"next": {"page": 2, "starting_after": "WzE2NzQ1XQ=="}})), Incomplete(2), 2);
    t.lists("page below total_pages repeats", |item| paged(item, json!({"page": 1, "total_pages": 9})), Incomplete(2), 2);
    t.lists("empty page with a next", |_| json!({"data": [], "pages": {"next": "{BASE}{PATH}?page=2"}}), Incomplete(2), 2);
    t.lists("more pages than total_pages", |item| paged(item, json!({"page": 1, "total_pages": 1, "next": "{PATH}?page=2"})), Incomplete(2), 2);
    t.lists("next on another host and port", |item| paged(item, json!({"next": "{OTHER}{PATH}?page=2"})), ForeignNextPage, 1);
    t.lists("next on another host name", |item| paged(item, json!({"next": "http://localhost:{PORT}{PATH}?page=2"})), ForeignNextPage, 1);
    t.lists("next with another scheme", |item| paged(item, json!({"next": "https://127.0.0.1:{PORT}{PATH}?page=2"})), ForeignNextPage, 1);
    t.lists("next with another port", |item| paged(item, json!({"next": "http://127.0.0.1:1{PATH}?page=2"})), ForeignNextPage, 1);
    t.lists("next is not a url", |item| paged(item, json!({"next": "http://[::1"})), Decode(200), 1);
    t.lists("next is a number", |item| paged(item, json!({"next": 2})), Decode(200), 1);

    // Too slow: past the request timeout, every attempt.
    t.all("answer later than the request timeout", Reply::json(200, &example(Kind::Page)).delayed(Duration::from_secs(2)), Timeout);
    t.0
}

// ---------------------------------------------------------------------------------------------
// Running a case

fn fill(body: &[u8], server: &MockServer, other: &MockServer, op: Op) -> Vec<u8> {
    let text = match std::str::from_utf8(body) {
        Ok(text) => text,
        Err(_) => return body.to_vec(),
    };
    text.replace("{BASE}", &server.base_url())
        .replace("{OTHER}", &other.base_url())
        .replace("{PORT}", &server.port().to_string())
        .replace("{PATH}", &op.path())
        .into_bytes()
}

/// One connection pool for every case of a test: building a client's TLS settings takes longer
/// than most cases. Like the client's own, it follows no redirect.
fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("an HTTP client")
}

fn client(http: &reqwest::Client, server: &MockServer, request_timeout: Duration) -> Client {
    Client::builder()
        .http_client(http.clone())
        .token(TOKEN)
        .base_url(server.base_url())
        .request_timeout(request_timeout)
        .retry_policy(
            RetryPolicy::default()
                .with_max_attempts(ATTEMPTS as u32)
                .with_backoff(Duration::from_millis(1), Duration::from_millis(5))
                .with_total_deadline(Some(Duration::from_secs(10))),
        )
        .build()
        .expect("a client")
}

/// Runs one case; `Err` says what differed.
async fn run(case: Case, http: reqwest::Client) -> Result<(), String> {
    let server = MockServer::start_async().await;
    let other = MockServer::start_async().await;
    let body = fill(&case.reply.body, &server, &other, case.op);
    let reply = case.reply.clone();
    let mock = server
        .mock_async(|when, then| {
            when.method(case.op.method()).path(case.op.path());
            let mut then = then.status(reply.status).body(&body);
            for (name, value) in &reply.headers {
                let value = String::from_utf8(fill(value.as_bytes(), &server, &other, case.op))
                    .expect("a text header");
                then = then.header(*name, value);
            }
            if let Some(delay) = reply.delay {
                then.delay(delay);
            }
        })
        .await;
    let elsewhere = other
        .mock_async(|when, then| {
            when.any_request();
            then.status(200).body(&body);
        })
        .await;

    let request_timeout = match case.reply.delay {
        Some(_) => Duration::from_millis(100),
        None => Duration::from_secs(5),
    };
    let client = client(&http, &server, request_timeout);
    let outcome = tokio::time::timeout(GUARD, case.op.run(&client))
        .await
        .map_err(|_| format!("hung: no result within {GUARD:?}"))?;

    check(&case, outcome)?;
    let hits = mock.calls_async().await;
    if hits != case.hits() {
        return Err(format!("{hits} requests, expected {}", case.hits()));
    }
    let strays = elsewhere.calls_async().await;
    if strays != 0 {
        return Err(format!("{strays} requests went to the other server"));
    }
    Ok(())
}

fn check(case: &Case, outcome: Result<Got, Error>) -> Result<(), String> {
    let op = case.op;
    let header_id = case
        .reply
        .headers
        .iter()
        .find(|(n, _)| *n == "x-request-id")
        .map(|(_, v)| v.clone());
    let status_is = |error: &Error, status: u16| error.status().map(|s| s.as_u16()) == Some(status);
    let fail = |what: String| Err(format!("{what}; got {outcome:?}"));
    match (case.expect, &outcome) {
        (Expect::Example, Ok(got)) => {
            let expected = Got::of(op, example(op.kind()), 1);
            if *got == expected {
                Ok(())
            } else {
                fail(format!("expected the example {expected:?}"))
            }
        }
        (Expect::Examples(n), Ok(got)) => {
            let expected = Got::of(op, example(op.kind()), n);
            if *got == expected {
                Ok(())
            } else {
                fail(format!("expected {n} copies of the example"))
            }
        }
        (Expect::Each(check), Ok(got)) => {
            let items = got.items();
            if op.ignores_body() || (!items.is_empty() && items.into_iter().all(check)) {
                Ok(())
            } else {
                fail("a value that fails the check".into())
            }
        }
        (Expect::Decode(status), Err(error @ Error::Decode { .. })) => {
            if !status_is(error, status) {
                fail(format!("Decode with HTTP {status}"))
            } else if error.request_id().map(str::to_owned) != header_id {
                fail(format!("request id {header_id:?}"))
            } else {
                one_line(error)
            }
        }
        (Expect::Api(status, codes), Err(error @ Error::Api { .. })) => {
            let got: Vec<&str> = error.errors().iter().map(|e| e.code.as_str()).collect();
            if !status_is(error, status) || got != codes {
                fail(format!("Api with HTTP {status} and codes {codes:?}"))
            } else if error.request_id().map(str::to_owned) != case.reply.request_id() {
                fail(format!("request id {:?}", case.reply.request_id()))
            } else {
                one_line(error)
            }
        }
        (Expect::RateLimited(secs), Err(error @ Error::RateLimited { retry_after, .. })) => {
            if *retry_after != secs.map(Duration::from_secs) || !status_is(error, 429) {
                fail(format!("RateLimited with Retry-After {secs:?}"))
            } else if error.request_id().map(str::to_owned) != case.reply.request_id() {
                fail(format!("request id {:?}", case.reply.request_id()))
            } else {
                one_line(error)
            }
        }
        (Expect::Timeout, Err(error @ Error::Timeout { .. })) => one_line(error),
        (Expect::AnyError(status), Err(error)) => {
            if !status_is(error, status) {
                fail(format!("an error with HTTP {status}"))
            } else if error.request_id().map(str::to_owned) != case.reply.request_id() {
                fail(format!("request id {:?}", case.reply.request_id()))
            } else {
                one_line(error)
            }
        }
        (Expect::ForeignNextPage, Err(error @ Error::ForeignNextPage { .. })) => one_line(error),
        (Expect::Incomplete(pages), Err(error @ Error::IncompleteList { pages: got, .. })) => {
            if *got != pages {
                fail(format!("incomplete after {pages} pages"))
            } else if error.request_id().map(str::to_owned) != header_id {
                fail(format!("request id {header_id:?}"))
            } else {
                one_line(error)
            }
        }
        (expect, _) => fail(format!("expected {expect:?}")),
    }
}

fn one_line(error: &Error) -> Result<(), String> {
    let text = error.to_string();
    if text.contains('\n') || text.contains('\r') {
        Err(format!("a message of more than one line: {text:?}"))
    } else {
        Ok(())
    }
}

/// Runs every case, [`PARALLEL`] at a time, catching a panic and naming its case; returns one
/// line per failed case.
async fn run_all(cases: Vec<Case>) -> Vec<String> {
    use futures::{FutureExt, StreamExt};
    let http = http();
    futures::stream::iter(cases)
        .map(|case| {
            let http = http.clone();
            async move {
                let name = case.name.clone();
                match AssertUnwindSafe(run(case, http)).catch_unwind().await {
                    Ok(Ok(())) => None,
                    Ok(Err(what)) => Some(format!("{name}: {what}")),
                    Err(panic) => {
                        let message = panic
                            .downcast_ref::<String>()
                            .cloned()
                            .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                            .unwrap_or_default();
                        Some(format!("{name}: panicked: {message}"))
                    }
                }
            }
        })
        .buffer_unordered(PARALLEL)
        .filter_map(|failure| async move { failure })
        .collect()
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_malformed_response_is_a_tolerant_parse_or_a_typed_error() {
    let cases = table();
    let situations: std::collections::BTreeSet<&str> = cases
        .iter()
        .map(|c| c.name.split(" [").next().unwrap_or_default())
        .collect();
    assert!(situations.len() >= 20, "{} situations", situations.len());
    for op in Op::ALL {
        assert!(
            cases.iter().filter(|c| c.op == op).count() >= 20,
            "{op:?} is in fewer than 20 cases"
        );
    }
    let failures = run_all(cases).await;
    assert!(
        failures.is_empty(),
        "{} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// An error body the client cannot read as an `error.list` (an entry without `code`, no
/// `errors` at all) becomes `Error::Decode`, which still keeps the request id the server sent
/// in the body alone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreadable_error_list_keeps_its_request_id() {
    let mut t = Table::default();
    let no_code = json!({"type": "error.list", "request_id": "only-in-body", "errors": [{"message": "gone"}]});
    let no_errors = json!({"type": "error.list", "request_id": "only-in-body"});
    t.all(
        "request id only in an error.list without codes",
        Reply::json(404, &no_code).without_request_id(),
        Expect::AnyError(404),
    );
    t.all(
        "request id only in an error.list without errors",
        Reply::json(400, &no_errors).without_request_id(),
        Expect::AnyError(400),
    );
    let failures = run_all(t.0).await;
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A list body without a `data` array (`{}`, `[]`, an `error.list` sent with a 200) is an
/// error, not an empty list: a garbled answer must not look like "nothing there".
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_list_without_data_is_an_error() {
    let mut t = Table::default();
    t.lists(
        "list is an empty object",
        |_| json!({}),
        Expect::Decode(200),
        1,
    );
    t.lists(
        "list is an empty array",
        |_| json!([]),
        Expect::Decode(200),
        1,
    );
    t.lists(
        "list is an error.list with a 200",
        |_| json!({"type": "error.list", "errors": [{"code": "server_error"}]}),
        Expect::Decode(200),
        1,
    );
    let failures = run_all(t.0).await;
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// What it would cost otherwise: `ensure` would take the garbled list for "no such source" and
/// create a duplicate (creating a source is not idempotent). It creates nothing.
#[tokio::test]
async fn ensure_does_not_create_after_a_garbled_list() {
    let server = MockServer::start_async().await;
    let list = server
        .mock_async(|when, then| {
            when.method(Method::GET).path("/ai/content_import_sources");
            then.status(200).body("{}");
        })
        .await;
    let create = server
        .mock_async(|when, then| {
            when.method(Method::POST).path("/ai/content_import_sources");
            then.status(200).body(to_text(&example(Kind::Source)));
        })
        .await;
    let client = client(&http(), &server, Duration::from_secs(5));
    let outcome = tokio::time::timeout(
        GUARD,
        client
            .content_import_sources()
            .ensure("https://help.example.com/"),
    )
    .await
    .expect("no hang");
    assert!(list.calls_async().await >= 1);
    assert_eq!(
        create.calls_async().await,
        0,
        "created after a garbled list: {outcome:?}"
    );
    assert!(matches!(outcome, Err(Error::Decode { .. })), "{outcome:?}");
}
