#!/usr/bin/env bash
# Runs the tests under ThreadSanitizer: a data race in the code that uses several cores
# (docs/concurrency.md) fails the run, even when the compiler's checks were satisfied.
#
#   scripts/tsan.sh                # the suites that run the multi-core code (below)
#   scripts/tsan.sh --filter X     # other tests (arguments go to `swift test`)
#
# The default is a subset, not the whole suite: the tests of every place that uses several
# cores (Parallel.map and its callers, OrderedPipeline and the save, the decoder's split,
# diff's scan, the dashboard's loop and index builder, the all-deals CSV from the index, the
# country totals beside the leaders). About 100 tests, 4 min on 2 busy cores,
# most of it the decoder's split; the whole DealKit and dashboard suites take several times
# that, and the CLI suites run the binary as a child process, outside what TSan watches. Uses its own scratch path (.build-tsan), so it never
# disturbs the debug build in .build.
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8
# halt_on_error: the first race fails the run with its report, rather than a count at exit.
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1 second_deadlock_stack=1}"
args=("$@")
if [ ${#args[@]} -eq 0 ]; then
  args=(--filter 'ParallelTests|OrderedPipelineTests|DealKitTests.SummaryTests|FeedEncoderTests|FeedDecoderParallelTests|DealValidatorTests|DealDiff|IndexBuilder|SearchIndexTests|DashboardLoopTests|ReportTests|VendorConcentrationTests|IndexCSVTests')
fi
set -o pipefail
swift test --sanitize=thread --scratch-path .build-tsan --disable-swift-testing "${args[@]}" 2>&1 | tee /tmp/sovtrack-tsan.log
if grep -q "WARNING: ThreadSanitizer" /tmp/sovtrack-tsan.log; then
  echo "tsan: ThreadSanitizer reported a race (above)" >&2
  exit 1
fi
echo "tsan: no race reported"
