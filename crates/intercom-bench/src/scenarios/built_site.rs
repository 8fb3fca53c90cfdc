//! Figure 8: reading a generated built site (themed HTML pages of about 30 KB, like a real
//! generator's, with a sitemap) as a sync does before it sends: `intercom_sync::built`
//! finds each page, parses it, takes its main content out of the theme and makes its links
//! absolute, and the page is fingerprinted as the planner does. Each size runs in a child
//! process that reports its CPU time and peak memory: pages per second per core, and a peak
//! that stays flat as the site grows (pages are read one at a time).

use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result, ensure};
use intercom_sync::built::{BuiltOptions, read_built};
use serde::{Deserialize, Serialize};

use crate::child::{self, Job};
use crate::{cpu, memory};

/// Intercom's rate limit, in calls a second: the local work must be well above it.
pub const INTERCOM_CALLS_PER_SECOND: f64 = 10_000.0 / 60.0;

/// "Well above": reading pages at this many times the rate a sync can send them takes at
/// most a fifth of one core, so the sync waits on Intercom, never on the reading.
pub const HEADROOM: u32 = 5;

/// What one child read.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BuiltResult {
    /// Pages read.
    pub pages: usize,
    /// Bytes of HTML read from disk.
    pub html_bytes: u64,
    /// Wall time of the read.
    pub seconds: f64,
    /// CPU time (user and system) of the read.
    pub cpu_seconds: f64,
    /// The process's peak resident set, in KiB, after the read.
    pub peak_kib: u64,
}

impl BuiltResult {
    /// Pages per second of CPU time: per core.
    pub fn pages_per_core_second(&self) -> f64 {
        self.pages as f64 / self.cpu_seconds.max(1e-9)
    }
}

/// What figure 8 measured.
#[derive(Debug, Clone)]
pub struct BuiltSite {
    /// The smaller site.
    pub small: BuiltResult,
    /// The larger site.
    pub large: BuiltResult,
    /// Writing the larger site to disk.
    pub setup_seconds: f64,
}

/// Generates sites of `small` and `large` pages under `dir`, and reads each in a child.
pub async fn run(dir: &Path, small: usize, large: usize) -> Result<BuiltSite> {
    let started = Instant::now();
    for pages in [small, large] {
        let site = dir.join(format!("built-{pages}"));
        tokio::task::spawn_blocking(move || generate(&site, pages))
            .await
            .context("the task writing the site panicked")??;
    }
    let setup_seconds = started.elapsed().as_secs_f64();
    let job = |pages: usize| Job::Built {
        dir: dir.join(format!("built-{pages}")).display().to_string(),
        pages,
    };
    let small: BuiltResult = child::spawn(job(small)).await?;
    let large: BuiltResult = child::spawn(job(large)).await?;
    Ok(BuiltSite {
        small,
        large,
        setup_seconds,
    })
}

/// Child side: reads every page of the site in `dir`, as a sync's planning does.
pub fn read(dir: &str, pages: usize) -> Result<BuiltResult> {
    let cpu_before = cpu::process_time()?;
    let started = Instant::now();
    let mut count = 0;
    let mut html_bytes = 0;
    let mut digest = 0u64;
    for page in read_built(dir, BuiltOptions::default())? {
        let page = page.map_err(|e| anyhow::anyhow!("{e}"))?;
        count += 1;
        html_bytes += page.html.len() as u64;
        digest ^= {
            use std::hash::{Hash, Hasher};
            let mut hasher = std::hash::DefaultHasher::new();
            (&page.title, &page.html, &page.url).hash(&mut hasher);
            hasher.finish()
        };
    }
    let seconds = started.elapsed().as_secs_f64();
    let cpu_seconds = (cpu::process_time()? - cpu_before).as_secs_f64();
    ensure!(count == pages, "read {count} of {pages} pages ({digest:x})");
    Ok(BuiltResult {
        pages: count,
        html_bytes,
        seconds,
        cpu_seconds,
        peak_kib: memory::peak_kib()?,
    })
}

/// A site of `pages` pages of about 30 KB: a theme's head, header, navigation of 150 links,
/// sidebar and footer around an article of headings, paragraphs, a code block, a table and
/// relative links; a sitemap listing them.
fn generate(dir: &Path, pages: usize) -> Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut nav = String::new();
    for i in 0..150 {
        let _ = write!(
            nav,
            "<li><a href=\"/guide/page-{i}/\">Guide page {i}</a></li>"
        );
    }
    let mut sitemap = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for n in 0..pages {
        let path = if n == 0 {
            String::new()
        } else {
            format!("guide/page-{n}/")
        };
        let _ = writeln!(
            sitemap,
            "<url><loc>https://docs.example.com/{path}</loc></url>"
        );
        let mut body = String::new();
        for s in 0..12 {
            let _ = write!(
                body,
                "<h2 id=\"s{s}\">Section {s}<a class=\"headerlink\" href=\"#s{s}\">¶</a></h2>\
                 <p>Page {n}, section {s}: the valve opens at dawn and closes at dusk, so that \
                 the reservoir keeps its level through the night. See <a href=\"../page-{s}/\">\
                 page {s}</a> and <img src=\"img/figure-{s}.png\" alt=\"figure\">.</p>\
                 <pre><code>let level = reservoir.level({s});\nassert!(level &gt; 0);</code></pre>"
            );
        }
        let html = format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
             <title>Page {n} | Bench Docs</title><meta name=\"generator\" content=\"bench\">\
             <link rel=\"stylesheet\" href=\"/assets/site.css\"><script src=\"/assets/site.js\"></script>\
             </head><body><header><a href=\"/\">Bench Docs</a><nav><ul>{nav}</ul></nav></header>\
             <div class=\"sidebar\"><nav><ul>{nav}</ul></nav></div>\
             <main><article><h1>Page {n}</h1>{body}\
             <table><tr><th>Key</th><th>Value</th></tr><tr><td>n</td><td>{n}</td></tr></table>\
             </article><nav class=\"toc\">On this page</nav></main>\
             <footer>© Bench Docs · <a href=\"/edit/\">Edit this page</a></footer></body></html>"
        );
        let file = dir.join(&path).join("index.html");
        std::fs::create_dir_all(file.parent().context("a page's folder")?)?;
        std::fs::write(file, html)?;
    }
    sitemap.push_str("</urlset>\n");
    std::fs::write(dir.join("sitemap.xml"), sitemap)?;
    Ok(())
}
