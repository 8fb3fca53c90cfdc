//! Printing a list as it streams in: page after page, rows printed as each page arrives, until
//! the list ends or `--limit` is reached (no further page is fetched then).

use futures::TryStreamExt;
use intercom_client::PageStream;
use serde::Serialize;

use crate::exit::CliError;
use crate::output::{Column, Output, Table};
use crate::progress;

/// How one kind of item is listed.
pub struct Listing<T> {
    /// What the items are called ("external pages"), for the progress bar and an empty list.
    pub noun: &'static str,
    /// What failed, if the list fails ("cannot list external pages").
    pub doing: &'static str,
    /// The table's columns.
    pub columns: &'static [Column],
    /// One item as table cells, in column order.
    pub row: fn(&T) -> Vec<String>,
}

impl<T: Serialize> Listing<T> {
    /// Prints the items of `pages` that `keep` accepts, at most `limit` of them; returns how
    /// many were printed.
    pub async fn print(
        &self,
        out: &mut Output,
        mut pages: PageStream<T>,
        limit: Option<u64>,
        keep: impl Fn(&T) -> bool,
    ) -> Result<u64, CliError> {
        out.set_progress(progress::spinner(self.noun));
        let mut table = Table::new(self.columns);
        let mut printed: u64 = 0;
        let result = async {
            while let Some(page) = pages
                .try_next()
                .await
                .map_err(CliError::client(self.doing))?
            {
                let room = limit.map_or(u64::MAX, |l| l - printed);
                let items: Vec<&T> = page
                    .items
                    .iter()
                    .filter(|item| keep(item))
                    .take(usize::try_from(room).unwrap_or(usize::MAX))
                    .collect();
                if out.json() {
                    for item in &items {
                        out.json_line(item)?;
                    }
                } else if !items.is_empty() {
                    let rows: Vec<Vec<String>> =
                        items.iter().map(|item| (self.row)(item)).collect();
                    out.lines(&table.render(&rows))?;
                }
                printed += items.len() as u64;
                if let Some(bar) = out.progress() {
                    bar.set_position(printed);
                }
                if limit.is_some_and(|l| printed >= l) {
                    break;
                }
            }
            Ok::<(), CliError>(())
        }
        .await;
        out.finish_progress();
        result?;
        if printed == 0 && !out.json() {
            out.line(&format!("no {}", self.noun))?;
        }
        Ok(printed)
    }
}
