#!/usr/bin/env bash
# Runs the tests under ThreadSanitizer: a data race in the code that uses several cores
# (docs/concurrency.md) fails the run, even when the compiler's checks were satisfied.
#
#   scripts/tsan.sh                # the in-process suites (DealKit, the dashboard)
#   scripts/tsan.sh --filter X     # other tests (arguments go to `swift test`)
#
# The default leaves out sovtrackTests: they run the sovtrack binary as a child process,
# so their threads are not in the test process TSan watches, and under TSan they take
# several times their usual minutes. Uses its own scratch path (.build-tsan), so it never
# disturbs the debug build in .build.
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8
# halt_on_error: the first race fails the run with its report, rather than a count at exit.
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1 second_deadlock_stack=1}"
args=("$@")
if [ ${#args[@]} -eq 0 ]; then
  args=(--filter 'DealKitTests|DealTUITests')
fi
set -o pipefail
swift test --sanitize=thread --scratch-path .build-tsan --disable-swift-testing "${args[@]}" 2>&1 | tee /tmp/sovtrack-tsan.log
if grep -q "WARNING: ThreadSanitizer" /tmp/sovtrack-tsan.log; then
  echo "tsan: ThreadSanitizer reported a race (above)" >&2
  exit 1
fi
echo "tsan: no race reported"
