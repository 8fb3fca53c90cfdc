//! Reading a built site as a sync plans it: generated sites of themed HTML pages (about 30 KB
//! each, like a real generator's) with a sitemap, each read in a child process by
//! `intercom_sync::built`: every page found, parsed, its main content taken out of the theme,
//! its links made absolute, and fingerprinted as the planner does. Pages per second of CPU
//! (per core) against Intercom's 166 calls a second, and a peak memory that does not grow with
//! the pages' content.

use std::fmt::Write as _;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result, ensure};
use intercom_sync::built::{BuiltOptions, read_built};
use serde::{Deserialize, Serialize};

use crate::child::{self, Job};
use crate::measure::{cpu_time, mib, peak_kib, print_table};

/// What one child read.
#[derive(Debug, Serialize, Deserialize)]
pub struct Read {
    pages: usize,
    html_bytes: u64,
    seconds: f64,
    cpu_seconds: f64,
    peak_kib: u64,
}

/// Child side: reads every page of the site in `dir`, as a sync's planning does.
pub fn read(dir: &str, pages: usize) -> Result<Read> {
    let (cpu_before, started) = (cpu_time()?, Instant::now());
    let (mut count, mut html_bytes, mut digest) = (0, 0, 0u64);
    for page in read_built(dir, BuiltOptions::default())? {
        let page = page.map_err(|e| anyhow::anyhow!("{e}"))?;
        count += 1;
        html_bytes += page.html.len() as u64;
        let mut hasher = DefaultHasher::new();
        (&page.title, &page.html, &page.url).hash(&mut hasher);
        digest ^= hasher.finish();
    }
    let seconds = started.elapsed().as_secs_f64();
    let cpu_seconds = (cpu_time()? - cpu_before).as_secs_f64();
    ensure!(count == pages, "read {count} of {pages} pages ({digest:x})");
    Ok(Read {
        pages,
        html_bytes,
        seconds,
        cpu_seconds,
        peak_kib: peak_kib()?,
    })
}

/// Generates a site of each size under `dir`, reads each in a child, and prints the table.
pub fn run(dir: &Path, sizes: &[usize]) -> Result<()> {
    let mut rows = Vec::new();
    for &pages in sizes {
        let site = dir.join(format!("built-{pages}"));
        generate(&site, pages)?;
        let job = Job::Built {
            dir: site.display().to_string(),
            pages,
        };
        let read: Read = child::spawn(&job)?;
        rows.push(vec![
            pages.to_string(),
            mib(read.html_bytes / 1024),
            format!("{:.2} s", read.seconds),
            format!("{:.2} s", read.cpu_seconds),
            format!("{:.0}", read.pages as f64 / read.cpu_seconds.max(1e-9)),
            mib(read.peak_kib),
        ]);
    }
    println!("## Reading a built site\n\nThemed pages of about 30 KB with a `sitemap.xml`.\n");
    print_table(
        &[
            "pages",
            "content kept",
            "wall",
            "CPU",
            "pages/s per core",
            "peak memory",
        ],
        &rows,
    );
    Ok(())
}

/// A site of `pages` pages: a theme's head, header, navigation of 150 links, sidebar and footer
/// around an article of sections with code, a table, relative links and images; a sitemap.
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
