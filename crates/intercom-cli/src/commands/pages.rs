//! `intercom pages list|get|upsert|update|delete`.

use intercom_client::{
    Client, ContentImportSourceId, ExternalPage, ExternalPageId, ExternalPageUpdate, MAX_PER_PAGE,
    NewExternalPage,
};

use crate::args::{HtmlArgs, NewHtmlArgs, PagesCommand, UpdateArgs, UpsertArgs};
use crate::exit::CliError;
use crate::listing::Listing;
use crate::output::{Column, Output, html_summary, or_dash, time};

/// A checked `pages` command, ready to send.
pub enum Prepared {
    List {
        source: Option<ContentImportSourceId>,
        limit: Option<u64>,
    },
    Get(ExternalPageId),
    Upsert(NewExternalPage),
    Update(ExternalPageId, Changes),
    Delete(ExternalPageId),
}

/// What `pages update` changes; the rest of the page is sent back as it is.
#[derive(Default)]
pub struct Changes {
    source: Option<ContentImportSourceId>,
    title: Option<String>,
    html: Option<String>,
    url: Option<String>,
    external_id: Option<String>,
}

impl Changes {
    /// The update: the page as it stands with these changes, checked.
    fn apply(self, page: &ExternalPage) -> intercom_client::Result<ExternalPageUpdate> {
        let mut update = ExternalPageUpdate::from_page(page)?;
        if let Some(source) = self.source {
            update = update.source_id(source);
        }
        if let Some(title) = self.title {
            update = update.title(title);
        }
        if let Some(html) = self.html {
            update = update.html(html);
        }
        if let Some(url) = self.url {
            update = update.url(url);
        }
        if let Some(external_id) = self.external_id {
            update = update.external_id(external_id);
        }
        update.validate()?;
        Ok(update)
    }
}

/// Checks the command (and reads `--html-file`); sends nothing.
pub fn prepare(command: PagesCommand) -> Result<Prepared, CliError> {
    Ok(match command {
        PagesCommand::List { source, limit } => Prepared::List {
            source: source.map(ContentImportSourceId::new),
            limit,
        },
        PagesCommand::Get { id } => Prepared::Get(ExternalPageId::new(id)),
        PagesCommand::Upsert(args) => Prepared::Upsert(new_page(args)?),
        PagesCommand::Update(args) => {
            let (id, update) = update(args)?;
            Prepared::Update(id, update)
        }
        PagesCommand::Delete { id } => Prepared::Delete(ExternalPageId::new(id)),
    })
}

fn new_page(args: UpsertArgs) -> Result<NewExternalPage, CliError> {
    let html = html(args.html)?;
    let mut page = NewExternalPage::new(ContentImportSourceId::new(args.source), args.external_id)
        .title(args.title)
        .html(html);
    if let Some(url) = args.url {
        page = page.url(url);
    }
    page.validate().map_err(CliError::client("pages upsert"))?;
    Ok(page)
}

fn update(args: UpdateArgs) -> Result<(ExternalPageId, Changes), CliError> {
    let html = match args.html {
        NewHtmlArgs {
            html: None,
            html_file: None,
        } => None,
        NewHtmlArgs { html, html_file } => Some(self::html(HtmlArgs { html, html_file })?),
    };
    let changes = Changes {
        source: args.source.map(ContentImportSourceId::new),
        title: args.title,
        html,
        url: args.url,
        external_id: args.external_id,
    };
    // What is given is checked now, before anything is sent (the page itself is read in
    // `run`): the library's checks, on the given values over stand-ins for the rest.
    let mut given =
        ExternalPageUpdate::new(changes.source.unwrap_or(ContentImportSourceId::new(1)))
            .title(changes.title.clone().unwrap_or_else(|| "title".into()))
            .html(changes.html.clone().unwrap_or_else(|| "<p>html</p>".into()));
    given = given.url(
        changes
            .url
            .clone()
            .unwrap_or_else(|| "https://example.com/".into()),
    );
    if let Some(external_id) = &changes.external_id {
        given = given.external_id(external_id.clone());
    }
    given.validate().map_err(CliError::client("pages update"))?;
    Ok((ExternalPageId::new(args.id), changes))
}

/// The most `--html-file` may hold: the sync's limit for a file, so that a page too large for
/// `intercom sync` is too large here too.
const MAX_HTML_FILE_BYTES: u64 = intercom_sync::folder::DEFAULT_MAX_FILE_BYTES;

/// `--html`, or the contents of `--html-file` (whole, UTF-8 and at most
/// [`MAX_HTML_FILE_BYTES`], or an error).
fn html(args: HtmlArgs) -> Result<String, CliError> {
    use std::io::Read;

    match (args.html, args.html_file) {
        (Some(html), _) => Ok(html),
        (None, Some(path)) => {
            // At most one byte past the limit is read, so that `/dev/zero`, a FIFO or a huge
            // file fails at once instead of filling the memory.
            let mut bytes = Vec::new();
            std::fs::File::open(&path)
                .and_then(|f| f.take(MAX_HTML_FILE_BYTES + 1).read_to_end(&mut bytes))
                .map_err(|e| {
                    CliError::usage(format!(
                        "--html-file {}: cannot be read: {e}",
                        path.display()
                    ))
                })?;
            if bytes.len() as u64 > MAX_HTML_FILE_BYTES {
                return Err(CliError::usage(format!(
                    "--html-file {}: is larger than the limit of {MAX_HTML_FILE_BYTES} bytes (2 MiB, as for a file of `intercom sync`)",
                    path.display()
                )));
            }
            String::from_utf8(bytes).map_err(|_| {
                CliError::usage(format!("--html-file {}: is not UTF-8", path.display()))
            })
        }
        // clap's group makes one of them required.
        (None, None) => Err(CliError::usage("one of --html or --html-file is required")),
    }
}

const COLUMNS: &[Column] = &[
    Column::new("ID"),
    Column::new("SOURCE"),
    Column::capped("EXTERNAL ID", 48),
    Column::capped("TITLE", 48),
    Column::new("URL"),
];

const LISTING: Listing<ExternalPage> = Listing {
    noun: "external pages",
    doing: "cannot list external pages",
    columns: COLUMNS,
    row: |p| {
        vec![
            p.id.to_string(),
            p.source_id.to_string(),
            p.external_id.clone(),
            p.title.clone(),
            or_dash(p.url.as_ref()),
        ]
    },
};

impl Prepared {
    /// Sends the command and prints what came back.
    pub async fn run(self, client: &Client, out: &mut Output) -> Result<(), CliError> {
        let pages = client.external_pages();
        match self {
            Prepared::List { source, limit } => {
                // Filtering by source happens here (the API lists every source's pages), so
                // the page size cannot follow --limit then.
                let per_page = match (source, limit) {
                    (None, Some(limit)) => limit.min(u64::from(MAX_PER_PAGE)) as u32,
                    _ => MAX_PER_PAGE,
                };
                let stream = pages.list().per_page(per_page).pages();
                LISTING
                    .print(out, stream, limit, |p| {
                        source.is_none_or(|s| p.source_id == s)
                    })
                    .await?;
            }
            Prepared::Get(id) => {
                let page = pages
                    .get(&id)
                    .await
                    .map_err(CliError::client(format!("cannot get external page {id}")))?;
                print_page(out, &page, true)?;
            }
            Prepared::Upsert(new) => {
                let external_id = new.external_id.clone();
                let page = pages.upsert(new).await.map_err(CliError::client(format!(
                    "cannot upsert external page {external_id:?}"
                )))?;
                print_page(out, &page, false)?;
            }
            Prepared::Update(id, changes) => {
                // The API takes whole pages only: fetch, change, send back.
                let current = pages
                    .get(&id)
                    .await
                    .map_err(CliError::client(format!("cannot get external page {id}")))?;
                let update = changes
                    .apply(&current)
                    .map_err(CliError::client("pages update"))?;
                let page = pages
                    .update(&id, update)
                    .await
                    .map_err(CliError::client(format!(
                        "cannot update external page {id}"
                    )))?;
                print_page(out, &page, false)?;
            }
            Prepared::Delete(id) => {
                let page = pages.delete(&id).await.map_err(CliError::client(format!(
                    "cannot delete external page {id}"
                )))?;
                if out.json() {
                    out.json_line(&page)?;
                } else {
                    out.line(&format!(
                        "deleted external page {} ({:?} of source {})",
                        page.id, page.external_id, page.source_id
                    ))?;
                }
            }
        }
        Ok(())
    }
}

/// A page as `key: value` lines with a one-line summary of its HTML; with `full_html`, the
/// HTML itself follows, as it is, after a blank line.
fn print_page(out: &Output, page: &ExternalPage, full_html: bool) -> Result<(), CliError> {
    let fields = [
        ("id", page.id.to_string()),
        ("source_id", page.source_id.to_string()),
        ("external_id", page.external_id.clone()),
        ("title", page.title.clone()),
        ("url", or_dash(page.url.as_ref())),
        ("locale", page.locale.to_string()),
        (
            "ai_agent_availability",
            page.ai_agent_availability.to_string(),
        ),
        (
            "ai_copilot_availability",
            page.ai_copilot_availability.to_string(),
        ),
        ("created_at", time(page.created_at)),
        ("updated_at", time(page.updated_at)),
        ("last_ingested_at", time(page.last_ingested_at)),
        (
            "html",
            format!(
                "{} ({} bytes)",
                html_summary(&page.html, 60),
                page.html.len()
            ),
        ),
    ];
    out.object(page, &fields)?;
    if full_html && !out.json() {
        out.lines(&["", page.html.trim_end()])?;
    }
    Ok(())
}
