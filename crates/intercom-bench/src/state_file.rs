//! A state file for the fake holding one content import source and many pages, so the fake
//! starts already populated instead of being sent 100,000 POSTs.
//!
//! The format is the fake's (`crates/intercom-fake/src/persist.rs`, format 2):
//! `{format, next_source_id, next_page_id, next_note_id, sources, pages, notes}`, each record
//! the spec's object as the API serves it. The pages are written one at a time, so a file of
//! 100,000 pages never sits in this process's memory.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::{Context, Result};
use intercom_client::types::builder;
use intercom_client::{
    ContentImportSource, ContentImportSourceStatus, ContentImportSourceType, ExternalPage,
    ExternalPageType, Locale, SyncBehavior, Timestamp,
};

use crate::content;

/// The state file format the fake reads.
const FORMAT: u32 = 2;

/// The id of the one source in the file.
pub const SOURCE_ID: i64 = 1;

/// Unix seconds used for every timestamp in the file.
const CREATED_AT: i64 = 1_700_000_000;

fn created_at() -> Timestamp {
    Timestamp::from_unix_seconds(CREATED_AT).expect("in range")
}

/// Writes a state file at `path` with one source ([`content::SOURCE_URL`]) and `pages` pages,
/// ids `"1"` to `"{pages}"`, external ids and bodies from [`content`].
pub fn write(path: &Path, pages: usize) -> Result<()> {
    let file = File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let mut out = BufWriter::new(file);
    let source: ContentImportSource = builder::ContentImportSource::default()
        .type_(ContentImportSourceType::ContentImportSource)
        .id(SOURCE_ID)
        .url(content::SOURCE_URL)
        .sync_behavior(SyncBehavior::Api)
        .status(ContentImportSourceStatus::Active)
        .created_at(created_at())
        .updated_at(created_at())
        .last_synced_at(created_at())
        .try_into()
        .context("a source")?;
    write!(
        out,
        r#"{{"format":{FORMAT},"next_source_id":{},"next_page_id":{},"next_note_id":1,"notes":[],"sources":["#,
        SOURCE_ID + 1,
        pages + 1,
    )?;
    serde_json::to_writer(&mut out, &source)?;
    out.write_all(br#"],"pages":["#)?;
    for index in 0..pages {
        if index > 0 {
            out.write_all(b",")?;
        }
        serde_json::to_writer(&mut out, &page(index)?)?;
    }
    out.write_all(b"]}")?;
    out.flush()
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// Page `index` as the fake stores it (id `index + 1`).
fn page(index: usize) -> Result<ExternalPage> {
    builder::ExternalPage::default()
        .type_(ExternalPageType::ExternalPage)
        .id((index + 1).to_string())
        .source_id(SOURCE_ID)
        .external_id(content::external_id(index))
        .title(content::title(index))
        .html(content::html(index))
        .url(Some(content::url(index)))
        .ai_agent_availability(true)
        .ai_copilot_availability(true)
        .fin_availability(Some(true))
        .locale(Locale::En)
        .created_at(created_at())
        .updated_at(created_at())
        .last_ingested_at(created_at())
        .try_into()
        .context("a page")
}
