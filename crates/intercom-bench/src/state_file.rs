//! A state file for the fake holding one content import source and many pages, so the fake
//! starts already populated instead of being sent 100,000 POSTs.
//!
//! The format is the fake's (`crates/intercom-fake/src/persist.rs`, format 1):
//! `{format, next_source_id, next_page_id, next_note_id, sources, pages, notes}`. The pages are
//! written one at a time, so a file of 100,000 pages never sits in this process's memory.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::{Context, Result};
use intercom_fake::{ExternalPage, Source, SourceStatus, SyncBehavior};

use crate::content;

/// The state file format the fake reads.
const FORMAT: u32 = 1;

/// The id of the one source in the file.
pub const SOURCE_ID: i64 = 1;

/// Unix seconds used for every timestamp in the file.
const CREATED_AT: i64 = 1_700_000_000;

/// Writes a state file at `path` with one source ([`content::SOURCE_URL`]) and `pages` pages,
/// ids `"1"` to `"{pages}"`, external ids and bodies from [`content`].
pub fn write(path: &Path, pages: usize) -> Result<()> {
    let file = File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let mut out = BufWriter::new(file);
    let source = Source {
        id: SOURCE_ID,
        url: content::SOURCE_URL.to_owned(),
        sync_behavior: SyncBehavior::Api,
        status: SourceStatus::Active,
        audience_ids: None,
        created_at: CREATED_AT,
        updated_at: CREATED_AT,
        last_synced_at: CREATED_AT,
    };
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
        serde_json::to_writer(&mut out, &page(index))?;
    }
    out.write_all(b"]}")?;
    out.flush()
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// Page `index` as the fake stores it (id `index + 1`).
fn page(index: usize) -> ExternalPage {
    ExternalPage {
        id: (index + 1).to_string(),
        source_id: SOURCE_ID,
        external_id: content::external_id(index),
        title: content::title(index),
        html: content::html(index),
        url: Some(content::url(index)),
        ai_agent_availability: true,
        ai_copilot_availability: true,
        locale: "en".to_owned(),
        created_at: CREATED_AT,
        updated_at: CREATED_AT,
        last_ingested_at: CREATED_AT,
    }
}
