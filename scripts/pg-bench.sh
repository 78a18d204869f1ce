#!/usr/bin/env bash
# The database store's figures for docs/performance.md, beside the file store's: a release
# build, a generated feed of N deals (default 100,000) loaded into a throwaway cluster on
# loopback, then the same commands timed on the file and on the database.
#
#   scripts/pg-bench.sh                 # 100,000 deals
#   scripts/pg-bench.sh --deals 10000   # quicker
#
# Starts its own cluster (scripts/pg-test-cluster.sh) unless SOVTRACK_TEST_PG_URL is set,
# and stops what it started. Prints a Markdown table: the median of 5 runs of each, and the
# load average (the machine may be shared: say so beside the figures).
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
  # On disk, as the figures in docs/performance.md were taken (the test cluster is in memory).
  eval "$(SOVTRACK_TEST_PG_ROOT=/tmp scripts/pg-test-cluster.sh start)"
  started=1
fi
url=$SOVTRACK_TEST_PG_URL
feed=$work/deals.json
"$bin/sovtrack-bench" generate --deals "$deals" --output "$feed" >&2
"$bin/sovtrack" db load "$feed" --store "$url" >&2

# Median wall seconds of 5 runs of a command; RUN in an argument becomes the run's number
# (so that each edit changes something).
median() {
  python3 - "$@" <<'PY'
import subprocess, sys, time
ts = []
for run in range(5):
    t = time.perf_counter()
    subprocess.run([a.replace("RUN", str(run)) for a in sys.argv[1:]], stdout=subprocess.DEVNULL, check=True)
    ts.append(time.perf_counter() - t)
ts.sort()
print(f"{ts[2]:.3f}")
PY
}
# The dashboard's first frame (sovtrack-bench measure-dashboard: load, state, render), median of 5.
first_frame() {
  for _ in 1 2 3 4 5; do "$bin/sovtrack-bench" measure-dashboard "$1" | sed -n 's/^first_frame=//p'; done |
    sort -g | sed -n 3p | xargs printf '%.3f'
}
id=$("$bin/sovtrack" list --store "$feed" --format csv --country KR | sed -n 2p | cut -d, -f1)
echo "load average (1, 5, 15 min) at the start: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores, shared"
echo
echo "| task ($deals deals) | file store | PostgreSQL store |"
echo "| --- | --- | --- |"
echo "| \`list --country KR --format csv\` | $(median "$bin/sovtrack" list --country KR --format csv --store "$feed") s | $(median "$bin/sovtrack" list --country KR --format csv --store "$url") s |"
echo "| \`summary\` | $(median "$bin/sovtrack" summary --store "$feed") s | $(median "$bin/sovtrack" summary --store "$url") s |"
echo "| one \`edit\` (whole command: start, connect, change, commit) | $(median "$bin/sovtrack" edit "$id" --target-mw 12RUN --store "$feed") s | $(median "$bin/sovtrack" edit "$id" --target-mw 12RUN --store "$url") s |"
echo "| dashboard: load + first frame (in process) | $(first_frame "$feed") s | $(first_frame "$url") s |"

# Many writers: $writers processes, each with its own connection making $edits edits (every
# third to one of two deals all of them edit, each edit to the deal as its writer last saw
# it, so that conflicts are met, told and retried: sovtrack-bench pg-writer), released
# together once all have read their deals; edits per second from the release to the last one.
ids=($("$bin/sovtrack" list --store "$feed" --format csv --country JP | sed -n "2,$((writers + 3))p" | cut -d, -f1))
python3 - "$bin/sovtrack-bench" "$url" "$writers" "$edits" "${ids[@]}" <<'PY'
import json, subprocess, sys
bench, url, writers, edits, ids = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5:]
shared = ",".join(ids[writers:writers + 2])
procs = [subprocess.Popen([bench, "pg-writer", "--store", url, "--writer", str(w), "--edits", str(edits),
                           "--own", ids[w], "--shared", shared, "--wait"],
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) for w in range(writers)]
for p in procs:
    assert p.stdout.readline() == "ready\n"
for p in procs:
    p.stdin.write("go\n")
    p.stdin.flush()
made = conflicts = 0
seconds = 0.0
for p in procs:
    for line in p.stdout:
        o = json.loads(line)
        if "seconds" in o:
            seconds = max(seconds, o["seconds"])
            conflicts += o["conflicts"]
        elif "generation" in o:
            made += 1
    assert p.wait() == 0
print(f"| {writers} writers × {edits} edits, one connection each ({conflicts} conflicts met and retried) | - | {round(made / seconds)} edits/s |")
PY
echo
echo "load average (1, 5, 15 min) at the end: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores, shared"
