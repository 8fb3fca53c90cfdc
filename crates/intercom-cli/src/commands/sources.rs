//! `intercom sources list|get|create|update|delete|ensure`.

use intercom_client::{
    Client, ContentImportSource, ContentImportSourceId, ContentImportSourceUpdate, MAX_PER_PAGE,
    NewContentImportSource,
};

use crate::args::SourcesCommand;
use crate::exit::CliError;
use crate::listing::Listing;
use crate::output::{Column, Output, time};

/// A checked `sources` command, ready to send.
pub enum Prepared {
    List { limit: Option<u64> },
    Get(ContentImportSourceId),
    Create(NewContentImportSource),
    Update(ContentImportSourceId, ContentImportSourceUpdate),
    Delete(ContentImportSourceId),
    Ensure(String),
}

/// Checks the command; sends nothing.
pub fn prepare(command: SourcesCommand) -> Result<Prepared, CliError> {
    Ok(match command {
        SourcesCommand::List { limit } => Prepared::List { limit },
        SourcesCommand::Get { id } => Prepared::Get(id.into()),
        SourcesCommand::Create { url, status } => {
            let mut source = NewContentImportSource::new(url);
            if let Some(status) = status {
                source = source.status(status);
            }
            source
                .validate()
                .map_err(CliError::client("sources create"))?;
            Prepared::Create(source)
        }
        SourcesCommand::Update {
            id,
            url,
            status,
            audience,
            clear_audience,
            apply_to_existing,
        } => {
            let mut update = ContentImportSourceUpdate::new(url);
            if let Some(status) = status {
                update = update.status(status);
            }
            // Left alone unless asked: an empty list is how the API clears them.
            if clear_audience || !audience.is_empty() {
                update = update.audience_ids(audience);
            } else if apply_to_existing {
                return Err(CliError::usage(
                    "--apply-to-existing needs --audience or --clear-audience",
                ));
            }
            if apply_to_existing {
                update = update.apply_audience_to_existing_content(true);
            }
            update
                .validate()
                .map_err(CliError::client("sources update"))?;
            Prepared::Update(id.into(), update)
        }
        SourcesCommand::Delete { id } => Prepared::Delete(id.into()),
        SourcesCommand::Ensure { url } => {
            NewContentImportSource::new(url.clone())
                .validate()
                .map_err(CliError::client("sources ensure"))?;
            Prepared::Ensure(url)
        }
    })
}

const COLUMNS: &[Column] = &[
    Column::new("ID"),
    Column::new("STATUS"),
    Column::new("SYNC"),
    Column::new("LAST SYNCED"),
    Column::new("URL"),
];

const LISTING: Listing<ContentImportSource> = Listing {
    noun: "content import sources",
    doing: "cannot list content import sources",
    columns: COLUMNS,
    row: |s| {
        vec![
            s.id.to_string(),
            s.status.to_string(),
            s.sync_behavior.to_string(),
            time(s.last_synced_at),
            s.url.clone(),
        ]
    },
};

impl Prepared {
    /// Sends the command and prints what came back.
    pub async fn run(self, client: &Client, out: &mut Output) -> Result<(), CliError> {
        let sources = client.content_import_sources();
        match self {
            Prepared::List { limit } => {
                let per_page =
                    limit.map_or(MAX_PER_PAGE, |l| l.min(u64::from(MAX_PER_PAGE)) as u32);
                let pages = sources.list().per_page(per_page).pages();
                LISTING.print(out, pages, limit, |_| true).await?;
            }
            Prepared::Get(id) => {
                let source = sources.get(id).await.map_err(CliError::client(format!(
                    "cannot get content import source {id}"
                )))?;
                print_source(out, &source)?;
            }
            Prepared::Create(new) => {
                let source = sources
                    .create(new)
                    .await
                    .map_err(CliError::client("cannot create the content import source"))?;
                print_source(out, &source)?;
            }
            Prepared::Update(id, update) => {
                let source =
                    sources
                        .update(id, update)
                        .await
                        .map_err(CliError::client(format!(
                            "cannot update content import source {id}"
                        )))?;
                print_source(out, &source)?;
            }
            Prepared::Delete(id) => {
                sources.delete(id).await.map_err(CliError::client(format!(
                    "cannot delete content import source {id}"
                )))?;
                if out.json() {
                    out.json_line(&serde_json::json!({ "id": id, "deleted": true }))?;
                } else {
                    out.line(&format!(
                        "deleted content import source {id} and its external pages"
                    ))?;
                }
            }
            Prepared::Ensure(url) => {
                let source = sources
                    .ensure(&url)
                    .await
                    .map_err(CliError::client(format!(
                        "cannot ensure the content import source {url}"
                    )))?;
                print_source(out, &source)?;
            }
        }
        Ok(())
    }
}

fn print_source(out: &Output, source: &ContentImportSource) -> Result<(), CliError> {
    let mut fields = vec![
        ("id", source.id.to_string()),
        ("url", source.url.clone()),
        ("status", source.status.to_string()),
        ("sync_behavior", source.sync_behavior.to_string()),
    ];
    if let Some(audiences) = source.audience_ids.as_ref().filter(|ids| !ids.is_empty()) {
        let ids: Vec<String> = audiences.iter().map(i64::to_string).collect();
        fields.push(("audience_ids", ids.join(", ")));
    }
    fields.extend([
        ("last_synced_at", time(source.last_synced_at)),
        ("created_at", time(source.created_at)),
        ("updated_at", time(source.updated_at)),
    ]);
    out.object(source, &fields)
}
