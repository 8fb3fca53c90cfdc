//! Streaming a long list: every external page of a fake that holds many (about 2 KB of HTML
//! each) with `.items()`, 150 a request, in a child process that reports its peak memory. The
//! same for the first items only and for none (the process's baseline): a client that holds one
//! page of the list at a time has the same peak whatever the list's length.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result, ensure};
use futures::{StreamExt, TryStreamExt};
use intercom_client::Client;
use serde::{Deserialize, Serialize};

use crate::child::{self, Job};
use crate::content;
use crate::fake::{Fake, TOKEN, UNLIMITED};
use crate::measure::{mib, peak_kib, print_table};

/// What one child streamed.
#[derive(Debug, Serialize, Deserialize)]
pub struct Streamed {
    items: usize,
    html_bytes: u64,
    seconds: f64,
    peak_kib: u64,
}

/// Child side: streams the first `items` external pages from the fake at `base_url`.
pub async fn stream(base_url: &str, items: usize) -> Result<Streamed> {
    let client = Client::builder().token(TOKEN).base_url(base_url).build()?;
    let started = Instant::now();
    let mut pages = client
        .external_pages()
        .list()
        .per_page(150)
        .items()
        .take(items);
    let (mut count, mut html_bytes) = (0, 0);
    while let Some(page) = pages.try_next().await? {
        count += 1;
        html_bytes += page.html.len() as u64;
    }
    ensure!(count == items, "the list ended after {count} of {items}");
    Ok(Streamed {
        items,
        html_bytes,
        seconds: started.elapsed().as_secs_f64(),
        peak_kib: peak_kib()?,
    })
}

/// Starts a fake on a state file of `pages` pages, streams none, `checkpoint` and all of them,
/// each in its own child, and prints the table.
pub fn run(fake_bin: &Path, dir: &Path, pages: usize, checkpoint: usize) -> Result<()> {
    let state = dir.join("stream-state.json");
    write_state(&state, pages)?;
    let fake = Fake::start(fake_bin, UNLIMITED, Some(&state))?;
    let mut rows = Vec::new();
    for items in [0, checkpoint.min(pages), pages] {
        let job = Job::Stream {
            base_url: fake.base_url().to_owned(),
            items,
        };
        let streamed: Streamed = child::spawn(&job)?;
        rows.push(vec![
            items.to_string(),
            mib(streamed.html_bytes / 1024),
            format!("{:.2} s", streamed.seconds),
            mib(streamed.peak_kib),
        ]);
    }
    println!(
        "## Streaming a list\n\nThe fake holds {pages} pages; `.external_pages().list().per_page(150).items()`.\n"
    );
    print_table(
        &["items streamed", "HTML streamed", "wall", "peak memory"],
        &rows,
    );
    Ok(())
}

/// A state file for the fake (its format 2) with one source and `pages` pages, written one at
/// a time so that it never sits in memory whole.
fn write_state(path: &Path, pages: usize) -> Result<()> {
    let file = File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let mut out = BufWriter::new(file);
    let at = 1_700_000_000;
    let source = serde_json::json!({
        "type": "content_import_source", "id": 1, "url": content::SOURCE_URL,
        "sync_behavior": "api", "status": "active",
        "created_at": at, "updated_at": at, "last_synced_at": at,
    });
    write!(out, r#"{{"format":2,"sources":[{source}],"pages":["#)?;
    for index in 0..pages {
        let page = serde_json::json!({
            "type": "external_page", "id": (index + 1).to_string(), "source_id": 1,
            "external_id": content::external_id(index), "title": content::title(index),
            "html": content::html(index), "url": content::url(index), "locale": "en",
            "ai_agent_availability": true, "ai_copilot_availability": true,
            "fin_availability": true,
            "created_at": at, "updated_at": at, "last_ingested_at": at,
        });
        let comma = if index > 0 { "," } else { "" };
        write!(out, "{comma}{page}")?;
    }
    out.write_all(b"]}")?;
    out.flush()?;
    Ok(())
}
