//! Printing: the header, one section per figure as it is known, and the summary table
//! (Markdown, so it can be pasted into `BENCHMARKS.md`).

use std::path::Path;
use std::time::Duration;

use crate::machine::{Machine, load_average};
use crate::scenarios::built_site::{self, BuiltSite};
use crate::scenarios::cold_sync::ColdSync;
use crate::scenarios::fake_state::{self, FakeState};
use crate::scenarios::node_peer::{self, NodePeer, Side};
use crate::scenarios::overhead::{self, Overhead};
use crate::scenarios::rate_limited::{self, RateLimited};
use crate::scenarios::stream_list::{self, StreamList};
use crate::scenarios::warm_sync::WarmSync;
use crate::table::Table;
use crate::units::{mib, micros, thousands};

/// The figures that ran.
#[derive(Debug, Default)]
pub struct Figures {
    /// Figure 1.
    pub overhead: Option<Overhead>,
    /// Figure 2.
    pub cold: Option<ColdSync>,
    /// Figure 3.
    pub warm: Option<WarmSync>,
    /// Figure 4.
    pub rate_limited: Option<RateLimited>,
    /// Figure 5.
    pub stream: Option<StreamList>,
    /// Figure 6.
    pub fake_state: Option<FakeState>,
    /// Figure 7.
    pub node_peer: Option<NodePeer>,
    /// Figure 8.
    pub built_site: Option<BuiltSite>,
}

/// Figure 8: reading a generated built site.
pub fn built_site(figure: &BuiltSite) {
    println!(
        "[8] reading a generated built site (~30 KB of themed HTML a page, a sitemap), as a sync plans it"
    );
    println!("      sites written in {:.1} s", figure.setup_seconds);
    let mut table = Table::new([
        "pages",
        "content kept",
        "wall",
        "CPU",
        "pages/s per core",
        "peak memory",
    ]);
    for run in [&figure.small, &figure.large] {
        table.row([
            thousands(run.pages),
            format!("{:.0} MiB", run.html_bytes as f64 / (1024.0 * 1024.0)),
            format!("{:.2} s", run.seconds),
            format!("{:.2} s", run.cpu_seconds),
            format!("{:.0}", run.pages_per_core_second()),
            format!("{:.1} MiB", mib(run.peak_kib)),
        ]);
    }
    table.print("      ");
    println!();
}

/// What the run is, where, and how memory is measured.
pub fn header(machine: &Machine, fake_bin: &Path) {
    println!(
        "intercom-bench {}",
        chrono::Utc::now().format("%Y-%m-%d %H:%M UTC")
    );
    println!("machine: {machine}");
    println!("load:    {} (1, 5, 15 min) at the start", load_average());
    println!(
        "fake:    {} (release build, its own process; every figure's fake on 127.0.0.1)",
        fake_bin.display()
    );
    println!(
        "memory:  peak resident set (VmHWM, Linux only) of a child process that does only the measured job"
    );
    println!();
}

/// Figure 1's section.
pub fn overhead(figure: &Overhead) {
    println!(
        "[1/7] per-request overhead: intercom-client vs plain reqwest, same requests to the same fake, {} alternating rounds",
        figure.rounds
    );
    let mut table = Table::new([
        "workload",
        "requests/side",
        "client",
        "reqwest",
        "ratio",
        "median round ratio",
        "CPU client",
        "CPU reqwest",
        "CPU ratio",
    ]);
    for row in &figure.rows {
        table.row([
            row.label.clone(),
            thousands(row.requests),
            micros(row.client),
            micros(row.plain),
            format!("{:.3}", row.ratio()),
            format!("{:.3}", row.median_round_ratio),
            micros(row.client_cpu),
            micros(row.plain_cpu),
            format!("{:.3}", row.cpu_ratio()),
        ]);
    }
    table.print("      ");
    println!(
        "      client and reqwest: mean wall time per request; ratio = client / reqwest; CPU: this process's only (the fake's excluded)"
    );
    println!(
        "      the fake logged {} ({} sent, warm-ups included)",
        figure.logged,
        thousands(figure.sent)
    );
    println!();
}

/// Figure 2's section.
pub fn cold_sync(figure: &ColdSync) {
    let r = &figure.result;
    println!(
        "[2/7] cold sync of {} pages (~2 KB HTML each, streamed) into an empty fake; {} writes in flight; the fake's rate limit lifted",
        thousands(figure.pages),
        figure.concurrency
    );
    println!(
        "      wall {:.2} s ({:.0} pages/s); created {}, updated {}, unchanged {}, failed {}",
        r.seconds,
        figure.pages as f64 / r.seconds,
        thousands(r.created),
        thousands(r.updated),
        thousands(r.unchanged),
        thousands(r.failed)
    );
    println!("      sent {}", figure.requests);
    println!(
        "      peak memory of the syncing process: {:.1} MiB",
        mib(r.peak_kib)
    );
    failure(&r.first_failure);
    println!();
}

/// Figure 3's section.
pub fn warm_sync(figure: &WarmSync) {
    let r = &figure.result;
    println!(
        "[3/7] warm re-sync of the same {} pages into the fake the cold sync filled",
        thousands(figure.pages)
    );
    println!(
        "      wall {:.2} s; unchanged {}, created {}, updated {}, failed {}",
        r.seconds,
        thousands(r.unchanged),
        thousands(r.created),
        thousands(r.updated),
        thousands(r.failed)
    );
    println!(
        "      writes: {} (aim: 0); sent {}",
        thousands(figure.requests.writes),
        figure.requests
    );
    println!(
        "      peak memory of the syncing process: {:.1} MiB",
        mib(r.peak_kib)
    );
    failure(&r.first_failure);
    println!();
}

/// Figure 4's section.
pub fn rate_limited(figure: &RateLimited) {
    let r = &figure.result;
    println!(
        "[4/7] cold sync of {} pages under the fake's rate limit of {} requests per {} window{}; {} writes in flight",
        thousands(figure.pages),
        figure.limit,
        window(figure.window_ms),
        if figure.window_ms == 10_000 {
            String::new()
        } else {
            format!(
                " (the issue's example is {} per 10 s: same shape, {}x faster)",
                figure.limit,
                10_000.0 / figure.window_ms as f64
            )
        },
        figure.concurrency
    );
    println!(
        "      wall {:.2} s; {} admitted requests = {:.1} per window = {:.1}% of the limit",
        r.seconds,
        thousands(figure.requests.admitted()),
        figure.per_window(),
        100.0 * figure.fraction_of_limit()
    );
    println!(
        "      429s received: {}; failed pages: {}; created {}",
        thousands(figure.requests.rate_limited),
        thousands(r.failed),
        thousands(r.created)
    );
    println!(
        "      first to last request {:.2} s; floor {:.2} s (the earliest the limit admits the last one); {:.3}x the floor",
        figure.logged_seconds,
        figure.floor_seconds,
        figure.over_floor()
    );
    println!("      sent {}", figure.requests);
    failure(&r.first_failure);
    if figure.window_ms < 10_000 {
        println!(
            "      note: X-RateLimit-Reset is in whole seconds (rounded up), and the client paces until it, so the shorter the window the more of it is lost; `cargo xtask bench -- --only 4 --rate-window-ms 10000` runs the issue's 10 s window (about 220 s)"
        );
    }
    println!();
}

/// Figure 7's section.
pub fn node_peer(figure: &NodePeer) {
    println!(
        "[7/7] {} new pages, {} in flight, each run into a fresh fake with Intercom's limit ({} requests per {}): the official Node SDK ({}) vs intercom-sync",
        thousands(figure.pages),
        figure.concurrency,
        node_peer::LIMIT,
        window(node_peer::WINDOW_MS),
        node_peer::NODE_SDK
    );
    let mut table = Table::new([
        "run",
        "wall",
        "first to last request",
        "floor",
        "x floor",
        "429s",
        "failed",
    ]);
    let row = |name: &str, side: &Side| {
        [
            name.to_owned(),
            format!("{:.2} s", side.seconds),
            format!("{:.2} s", side.logged_seconds),
            format!("{:.2} s", side.floor_seconds),
            format!("{:.3}x", side.over_floor()),
            thousands(side.requests.rate_limited),
            thousands(side.failed),
        ]
    };
    match &figure.node {
        Ok(node) => table.row(row("Node SDK createExternalPage loop", node)),
        Err(skipped) => table.row([
            "Node SDK createExternalPage loop".to_owned(),
            skipped.clone(),
            "-".to_owned(),
            "-".to_owned(),
            "-".to_owned(),
            "-".to_owned(),
            "-".to_owned(),
        ]),
    }
    table.row(row("intercom-sync cold sync", &figure.ours));
    table.print("      ");
    if let Ok(node) = &figure.node {
        println!(
            "      ours / Node: {:.3}x (first to last request); ours / floor: {:.3}x",
            figure.ours.logged_seconds / node.logged_seconds,
            figure.ours.over_floor()
        );
    }
    println!();
}

/// Figure 5's section.
pub fn stream_list(figure: &StreamList) {
    println!(
        "[5/7] streaming a list of {} pages (~2 KB HTML each) with .items(), {} per request",
        thousands(figure.pages),
        stream_list::PER_PAGE
    );
    println!(
        "      fake populated from a state file in {:.1} s",
        figure.setup_seconds
    );
    let mut table = Table::new(["items streamed", "wall", "items/s", "peak memory"]);
    for run in [&figure.baseline, &figure.checkpoint, &figure.full] {
        table.row([
            if run.items == 0 {
                "0 (client built, nothing sent)".to_owned()
            } else {
                thousands(run.items)
            },
            format!("{:.2} s", run.seconds),
            if run.items == 0 {
                "-".to_owned()
            } else {
                format!("{:.0}", run.items as f64 / run.seconds)
            },
            format!("{:.1} MiB", mib(run.peak_kib)),
        ]);
    }
    table.print("      ");
    println!(
        "      from {} to {} items the peak grows {:+.1} MiB ({:+.1}%) while {:.0} MiB more HTML streams through ({:.2}% of it)",
        thousands(figure.checkpoint.items),
        thousands(figure.full.items),
        figure.growth_kib() as f64 / 1024.0,
        100.0 * figure.growth(),
        figure.streamed_after_checkpoint_kib() as f64 / 1024.0,
        100.0 * figure.growth_share()
    );
    println!("      whole list: sent {}", figure.requests);
    println!();
}

/// Figure 6's section.
pub fn fake_state(figure: &FakeState) {
    println!(
        "[6/7] `intercom --fake --fake-state FILE sync` of generated folders (~2 KB HTML a file), each into a fresh state file"
    );
    let mut table = Table::new([
        "files",
        "wall, fake's limit lifted",
        "wall, Intercom's limit (1,666 / 10 s)",
        "pages saved",
    ]);
    for run in &figure.runs {
        table.row([
            thousands(run.files),
            format!("{:.2} s", run.seconds),
            format!("{:.2} s", run.limited_seconds),
            thousands(run.saved_pages),
        ]);
    }
    table.print("      ");
    println!(
        "      wall ratio (limit lifted) {:.2}x for {:.0}x the files (linear: {:.0}x; quadratic: {:.0}x); with Intercom's limit, runs past 1,666 requests mostly wait for the window's reset",
        figure.time_ratio(),
        figure.size_ratio(),
        figure.size_ratio(),
        figure.size_ratio() * figure.size_ratio()
    );
    println!();
}

/// The table of all six figures, with their aims.
pub fn summary(figures: &Figures, took: Duration) {
    println!(
        "Summary (the run took {:.0} s; load average {} at the end)",
        took.as_secs_f64(),
        load_average()
    );
    println!();
    let mut table = Table::new(["#", "figure", "measured", "aim", "met"]);
    for row in figures.overhead.iter().flat_map(|o| &o.rows) {
        table.row([
            "1".to_owned(),
            format!("overhead: {}", row.label),
            format!(
                "{:.3}x (client {}, reqwest {})",
                row.ratio(),
                micros(row.client),
                micros(row.plain)
            ),
            format!("<= {:.2}x", 1.0 + overhead::AIM),
            yes_no(row.met_aim()),
        ]);
    }
    if let Some(cold) = &figures.cold {
        table.row([
            "2".to_owned(),
            format!("cold sync, {} pages", thousands(cold.pages)),
            format!(
                "{:.2} s, {} requests ({} writes), peak {:.1} MiB, {} failed",
                cold.result.seconds,
                thousands(cold.requests.total),
                thousands(cold.requests.writes),
                mib(cold.result.peak_kib),
                thousands(cold.result.failed)
            ),
            "-".to_owned(),
            "-".to_owned(),
        ]);
    }
    if let Some(warm) = &figures.warm {
        table.row([
            "3".to_owned(),
            format!("warm re-sync, {} pages", thousands(warm.pages)),
            format!(
                "{:.2} s, {} requests: {} reads, {} writes",
                warm.result.seconds,
                thousands(warm.requests.total),
                thousands(warm.requests.reads),
                thousands(warm.requests.writes)
            ),
            "list reads only, 0 writes".to_owned(),
            yes_no(warm.met_aim()),
        ]);
    }
    if let Some(limited) = &figures.rate_limited {
        table.row([
            "4".to_owned(),
            format!(
                "sync under {} req / {} window, {} pages",
                limited.limit,
                window(limited.window_ms),
                thousands(limited.pages)
            ),
            format!(
                "{:.1}% of the limit ({:.0} per window), {} x 429, {} failed, {:.1} s",
                100.0 * limited.fraction_of_limit(),
                limited.per_window(),
                thousands(limited.requests.rate_limited),
                thousands(limited.result.failed),
                limited.result.seconds
            ),
            format!(">= {:.0}%, 0 x 429, 0 failed", 100.0 * rate_limited::AIM),
            yes_no(limited.met_aim()),
        ]);
    }
    if let Some(stream) = &figures.stream {
        table.row([
            "5".to_owned(),
            format!("stream a list of {} pages", thousands(stream.pages)),
            format!(
                "peak {:.1} MiB ({} items: {:.1} MiB; baseline {:.1} MiB; growth {:.2}% of the extra data), {:.1} s",
                mib(stream.full.peak_kib),
                thousands(stream.checkpoint.items),
                mib(stream.checkpoint.peak_kib),
                mib(stream.baseline.peak_kib),
                100.0 * stream.growth_share(),
                stream.full.seconds
            ),
            format!(
                "flat (grows < {:.0}% of the extra data), < {} MiB",
                100.0 * stream_list::FLAT_SHARE,
                stream_list::CEILING_KIB / 1024
            ),
            yes_no(stream.met_aim()),
        ]);
    }
    if let Some(state) = &figures.fake_state {
        let sizes: Vec<String> = state.runs.iter().map(|r| thousands(r.files)).collect();
        let walls: Vec<String> = state
            .runs
            .iter()
            .map(|r| format!("{:.1} s", r.seconds))
            .collect();
        table.row([
            "6".to_owned(),
            format!(
                "--fake sync with a state file, {} files, limit lifted",
                sizes.join(" and ")
            ),
            format!("{} ({:.2}x)", walls.join(" and "), state.time_ratio()),
            format!(
                "<= {:.1}x (linear {:.0}x)",
                fake_state::AIM * state.size_ratio(),
                state.size_ratio()
            ),
            yes_no(state.met_aim()),
        ]);
    }
    if let Some(peer) = &figures.node_peer {
        let versus = match &peer.node {
            Ok(node) => format!(
                "Node SDK {:.2} s ({} x 429)",
                node.logged_seconds,
                thousands(node.requests.rate_limited)
            ),
            Err(skipped) => format!("Node SDK {skipped}"),
        };
        table.row([
            "7".to_owned(),
            format!(
                "{} pages at Intercom's limit, {} in flight",
                thousands(peer.pages),
                peer.concurrency
            ),
            format!(
                "ours {:.2} s ({:.3}x the floor, {} x 429, {} failed); {versus}",
                peer.ours.logged_seconds,
                peer.ours.over_floor(),
                thousands(peer.ours.requests.rate_limited),
                thousands(peer.ours.failed)
            ),
            format!(
                "<= Node, <= {:.2}x the floor, 0 x 429",
                node_peer::AIM_OVER_FLOOR
            ),
            yes_no(peer.met_aim()),
        ]);
    }
    if let Some(built) = &figures.built_site {
        let per_core = built.large.pages_per_core_second();
        table.row([
            "8".to_owned(),
            format!(
                "reading a built site, {} pages",
                thousands(built.large.pages)
            ),
            format!(
                "{per_core:.0} pages/s per core; peak {:.1} MiB ({:.1} MiB at {} pages)",
                mib(built.large.peak_kib),
                mib(built.small.peak_kib),
                thousands(built.small.pages)
            ),
            format!(
                "> {}x Intercom's {:.0} calls/s",
                built_site::HEADROOM,
                built_site::INTERCOM_CALLS_PER_SECOND
            ),
            yes_no(per_core > built_site::HEADROOM as f64 * built_site::INTERCOM_CALLS_PER_SECOND),
        ]);
    }
    table.print_markdown();
}

fn failure(first: &Option<String>) {
    if let Some(first) = first {
        println!("      first failure: {first}");
    }
}

fn yes_no(met: bool) -> String {
    if met { "yes" } else { "NO" }.to_owned()
}

fn window(ms: u64) -> String {
    if ms.is_multiple_of(1000) {
        format!("{} s", ms / 1000)
    } else {
        format!("{ms} ms")
    }
}
