//! The whole benchmark, in order: each figure printed as soon as it is known, then the
//! summary table.

use std::time::Instant;

use anyhow::{Context, Result};

use crate::fake_process::{FakeConfig, FakeProcess};
use crate::machine::Machine;
use crate::options::Options;
use crate::report::{self, Figures};
use crate::scenarios::{
    built_site, cold_sync, fake_state, node_peer, overhead, rate_limited, stream_list, warm_sync,
};

/// Runs the figures the options ask for (all seven by default) and prints them.
pub fn all(options: &Options) -> Result<()> {
    let fake_bin = options.fake_bin()?;
    let machine = Machine::detect();
    // Every file the benchmark writes (the fakes' state files) lives here.
    let dir = tempfile::Builder::new()
        .prefix("intercom-bench-")
        .tempdir()
        .context("cannot create a temporary directory")?;
    // One thread: figure 1's requests and their connections run on it without the
    // cross-thread wake-ups of a multi-thread runtime, whose timing varies from run to run.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start a tokio runtime")?;
    if let Some(side) = options.profile_side {
        let took = runtime.block_on(overhead::profile(
            &fake_bin,
            dir.path(),
            side,
            options.overhead_requests,
        ))?;
        println!(
            "{side:?}: {} GETs, 8 in flight: wall {:.2?}, CPU user {:.2?}, system {:.2?}",
            options.overhead_requests, took.wall, took.user, took.system
        );
        return Ok(());
    }
    let started = Instant::now();
    report::header(&machine, &fake_bin);

    let mut figures = runtime.block_on(async {
        let mut figures = Figures::default();
        if options.runs(1) {
            let figure = overhead::run(
                &fake_bin,
                dir.path(),
                options.overhead_requests,
                options.overhead_rounds,
            )
            .await
            .context("figure 1 (overhead)")?;
            report::overhead(&figure);
            figures.overhead = Some(figure);
        }
        if options.runs(2) {
            // Figures 2 and 3 share one fake: the warm sync finds what the cold one wrote.
            let fake = FakeProcess::start(&fake_bin, &FakeConfig::unlimited()).await?;
            let cold = cold_sync::run(&fake, options.sync_pages, options.concurrency)
                .await
                .context("figure 2 (cold sync)")?;
            report::cold_sync(&cold);
            figures.cold = Some(cold);
            if options.runs(3) {
                let warm = warm_sync::run(&fake, options.sync_pages, options.concurrency)
                    .await
                    .context("figure 3 (warm re-sync)")?;
                report::warm_sync(&warm);
                figures.warm = Some(warm);
            }
        }
        if options.runs(4) {
            let figure = rate_limited::run(
                &fake_bin,
                options.sync_pages,
                options.concurrency,
                options.rate_limit,
                options.rate_window_ms,
            )
            .await
            .context("figure 4 (sync under the rate limit)")?;
            report::rate_limited(&figure);
            figures.rate_limited = Some(figure);
        }
        if options.runs(5) {
            let figure = stream_list::run(
                &fake_bin,
                dir.path(),
                options.stream_pages,
                options.stream_checkpoint,
            )
            .await
            .context("figure 5 (streaming a long list)")?;
            report::stream_list(&figure);
            figures.stream = Some(figure);
        }
        anyhow::Ok(figures)
    })?;
    if options.runs(6) {
        // Child processes only, waited for one at a time: no runtime needed.
        let figure = fake_state::run(
            &options.intercom_bin()?,
            dir.path(),
            &options.fake_state_files,
        )
        .context("figure 6 (the --fake state file)")?;
        report::fake_state(&figure);
        figures.fake_state = Some(figure);
    }

    if options.runs(7) {
        let figure = runtime
            .block_on(node_peer::run(
                &fake_bin,
                dir.path(),
                options.peer_pages,
                options.peer_concurrency,
            ))
            .context("figure 7 (pacing against the Node SDK)")?;
        report::node_peer(&figure);
        figures.node_peer = Some(figure);
    }

    if options.runs(8) {
        let (small, large) = match options.built_pages.as_slice() {
            [small, large, ..] => (*small, *large),
            [one] => (*one, *one),
            [] => (1_000, 10_000),
        };
        let figure = runtime
            .block_on(built_site::run(dir.path(), small, large))
            .context("figure 8 (reading a built site)")?;
        report::built_site(&figure);
        figures.built_site = Some(figure);
    }

    report::summary(&figures, started.elapsed());
    dir.close()
        .context("cannot remove the temporary directory")?;
    Ok(())
}
