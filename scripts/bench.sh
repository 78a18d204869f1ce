#!/usr/bin/env bash
# Builds the release binaries and prints the performance table of docs/performance.md.
#
#   scripts/bench.sh                         # 1,000 / 10,000 / 100,000 deals, 5 runs each
#   scripts/bench.sh --sizes 1000,10000      # quicker
#   scripts/bench.sh --keep /tmp/feeds       # keep (and reuse) the generated feeds
#   scripts/bench.sh --runs 9 --jq-runs 5    # more runs on a noisy machine
#
# Every argument goes to `sovtrack-bench run`. Uses its own scratch path (.build-bench), so
# it never disturbs a debug build in .build. jq is optional (the ratio column needs it:
# apt-get install jq). Timings are wall time with CPU time in brackets; on a shared
# machine, look at the load average the table reports.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-bench
# Built as the README says to install it: the Swift runtime and Foundation linked in, which
# saves every command ≈ 7 ms of start-up (twenty shared libraries to load and relocate).
build=(swift build -c release --static-swift-stdlib --scratch-path "$scratch")
"${build[@]}" --product sovtrack >&2
"${build[@]}" --product sovtrack-bench >&2
bin=$("${build[@]}" --show-bin-path)
if ! command -v jq >/dev/null; then
    echo "bench.sh: jq not found; the jq comparison is skipped (apt-get install jq)" >&2
    set -- --no-jq "$@"
fi
"$bin/sovtrack-bench" selfcheck >&2
exec "$bin/sovtrack-bench" run --sovtrack "$bin/sovtrack" "$@"
