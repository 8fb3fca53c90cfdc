// The peer of figure 7: the official Node SDK's plain upsert loop, as its README shows it.
// Reads the pages (JSON Lines) the benchmark wrote, creates a content import source, then
// calls `createExternalPage` for every page with CONCURRENCY calls in flight, leaving 429s
// to the SDK's own retries. Prints one JSON line: {"seconds": …, "failed": …, "first_failure": …}.
"use strict";

const fs = require("fs");
const { IntercomClient } = require("intercom-client");

async function main() {
  const { BASE_URL, TOKEN, PAGES_FILE, CONCURRENCY, SOURCE_URL } = process.env;
  const pages = fs
    .readFileSync(PAGES_FILE, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line));
  const client = new IntercomClient({ token: TOKEN, baseUrl: BASE_URL });
  const started = process.hrtime.bigint();
  const source = await client.aiContent.createContentImportSource({
    url: SOURCE_URL,
    sync_behavior: "api",
  });
  let next = 0;
  let failed = 0;
  let firstFailure = null;
  async function worker() {
    while (next < pages.length) {
      const page = pages[next++];
      try {
        await client.aiContent.createExternalPage({ ...page, source_id: source.id });
      } catch (error) {
        failed += 1;
        if (firstFailure === null) firstFailure = String(error && error.message);
      }
    }
  }
  await Promise.all(Array.from({ length: Number(CONCURRENCY) }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(JSON.stringify({ seconds, failed, first_failure: firstFailure }) + "\n");
}

main().catch((error) => {
  process.stderr.write(`node peer: ${error && error.stack}\n`);
  process.exit(1);
});
