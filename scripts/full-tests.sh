#!/usr/bin/env bash
# Runs the slow suites whole: `swift test` runs a sample of each, drawn by its seed, to stay
# within its time budget, and says so in its log. .ci/run runs this after `swift test`.
#   AdversarialCorpusTests  every case of the hostile corpus (with the megabyte inputs and
#                           their memory bounds) and every hostile string in add/edit flags
#   CrashSafetyTests        200 writers killed at random moments; 25 + 25 racing writers
#   CLIBadInputTests        every command on every broken store
#   ReportBrowserTests      the report at the phone width too, and of the full Epoch snapshot
#   DiffCommandTests        the diff of two feeds that differ in 1,000 deals at 100,000 deals
#   PostgresLoadTests       8 writer processes x 250 edits on one database (needs the test
#                           cluster: .ci/run starts it before this script)
#   CLIPostgresTests        `db load` of 2,100 generated deals, over one 2,000-row batch
#                           (150 in swift test; PostgresStoreTests cross a batch of 7 rows)
#   ServerSummaryTests      the server's totals of 1,000 generated deals (300 in swift test)
#   HistoryTextTests        3,000 seeded mutations of a history's text (1,000 in swift test)
#   EpochImportCLITests     every command on the full Epoch snapshot, and its second import
#   FeedFuzzTests           3,000 seeded mutations of a feed (1,000 in swift test)
#   CLIConcurrencyTests     12 parallel writers, 8 readers beside 8 writers (6, and 5 beside 5)
#   DashboardSortTmuxTests  every sort key at 80x24 and at 200x50 (one size, drawn, in swift test)
# SOVTRACK_TEST_SEED=N replays a random test with the seed its failure printed.
set -euo pipefail
cd "$(dirname "$0")/.."
export SOVTRACK_TEST_FULL=1
log=/tmp/sovtrack-full-tests.log
swift test --disable-swift-testing --filter 'AdversarialCorpusTests|CrashSafetyTests|CLIBadInputTests|ReportBrowserTests|DiffCommandTests/testDiffOfFeedsDifferingInAThousandDeals|PostgresLoadTests|CLIPostgresTests/testAGeneratedFeedOfThousandsRoundTrips|ServerSummaryTests/testTheServersTotalsAreTheFileStoresByteForByte|HistoryTextTests/testWhateverTheTextTakesTheFullPath|EpochImportCLITests/testFullSnapshotIntoAnEmptyStore|FeedFuzzTests/testRandomMutationsNeverCrashAndRoundTripWhenLoaded|CLIConcurrencyTests|DashboardSortTmuxTests' 2>&1 | tee "$log"
grep -E "Executed [0-9]+ tests?, with 0 failures" "$log" | tail -1 | grep -q . || { echo "full-tests: failures" >&2; exit 1; }
