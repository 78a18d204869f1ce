#!/usr/bin/env bash
# The database store's figures for docs/performance.md, beside the file store's: a release
# build, a generated feed of N deals (default 100,000) loaded into a throwaway cluster on
# loopback, then the same commands timed on the file and on the database.
#
#   scripts/pg-bench.sh                 # 100,000 deals
#   scripts/pg-bench.sh --deals 10000   # quicker
#
# Starts its own cluster (scripts/pg-test-cluster.sh) unless SOVTRACK_TEST_PG_URL is set,
# and stops what it started. Prints a Markdown table: the median of 5 runs of each.
set -euo pipefail
cd "$(dirname "$0")/.."
deals=100000
writers=8 edits=250
while [ $# -gt 0 ]; do
  case "$1" in
    --deals) deals=$2; shift 2 ;;
    --edits) edits=$2; shift 2 ;;
    *) echo "usage: $0 [--deals N] [--edits N]" >&2; exit 64 ;;
  esac
done
scratch=.build-bench
build=(swift build -c release --static-swift-stdlib --scratch-path "$scratch")
"${build[@]}" --product sovtrack >&2
"${build[@]}" --product sovtrack-bench >&2
bin=$("${build[@]}" --show-bin-path)
work=$(mktemp -d /tmp/sovtrack-pgbench.XXXXXX)
started=""
cleanup() {
  [ -n "$started" ] && scripts/pg-test-cluster.sh stop "$SOVTRACK_TEST_PG_DIR" >&2
  rm -rf "$work"
}
trap cleanup EXIT
if [ -z "${SOVTRACK_TEST_PG_URL:-}" ]; then
  eval "$(scripts/pg-test-cluster.sh start)"
  started=1
fi
url=$SOVTRACK_TEST_PG_URL
feed=$work/deals.json
"$bin/sovtrack-bench" generate --deals "$deals" --output "$feed" >&2
"$bin/sovtrack" db load "$feed" --store "$url" >&2

# Median wall seconds of 5 runs of a command.
median() {
  python3 - "$@" <<'PY'
import subprocess, sys, time
ts = []
for _ in range(5):
    t = time.perf_counter()
    subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
    ts.append(time.perf_counter() - t)
ts.sort()
print(f"{ts[2]:.3f}")
PY
}
id=$("$bin/sovtrack" list --store "$feed" --format csv --country KR | sed -n 2p | cut -d, -f1)
echo "| task ($deals deals) | file store | PostgreSQL store |"
echo "| --- | --- | --- |"
echo "| \`list --country KR --format csv\` | $(median "$bin/sovtrack" list --country KR --format csv --store "$feed") s | $(median "$bin/sovtrack" list --country KR --format csv --store "$url") s |"
echo "| \`summary\` | $(median "$bin/sovtrack" summary --store "$feed") s | $(median "$bin/sovtrack" summary --store "$url") s |"
echo "| one \`edit\` (whole command) | $(median "$bin/sovtrack" edit "$id" --target-mw 123 --store "$feed") s | $(median "$bin/sovtrack" edit "$id" --target-mw 123 --store "$url") s |"

# Many writers: $writers processes, each $edits edits (one process per edit, as users run
# them), every writer also editing one shared deal; edits per second over the whole run.
shared=$id
ids=($("$bin/sovtrack" list --store "$feed" --format csv --country JP | sed -n "2,$((writers + 1))p" | cut -d, -f1))
start=$(date +%s.%N)
for w in $(seq 0 $((writers - 1))); do
  (
    for i in $(seq 1 "$edits"); do
      target=${ids[$w]}; [ $((i % 5)) = 0 ] && target=$shared
      "$bin/sovtrack" edit "$target" --target-mw $((w * 1000 + i)) --store "$url" >/dev/null
    done
  ) &
done
wait
end=$(date +%s.%N)
rate=$(python3 -c "print(round($writers * $edits / ($end - $start)))")
echo "| $writers writers × $edits \`edit\` commands | - | $rate edits/s |"
