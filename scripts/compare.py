#!/usr/bin/env python3
"""Times two sovtrack binaries alternately on the same feeds: the fair way to compare
versions on a machine whose speed drifts (see docs/performance.md).

  scripts/compare.py OLD_BINARY NEW_BINARY FEEDS_DIR [--rounds N]

FEEDS_DIR holds feed-10000.json and feed-100000.json (`scripts/bench.sh --keep DIR` makes
them). Reading commands run on the 100,000-deal feed; each writing command runs on a fresh,
flushed copy in a scratch directory of its own per binary and size, so backups of one size
never meet the other. Prints a Markdown table of medians.
"""
import argparse, os, shutil, statistics, subprocess, tempfile, time

ap = argparse.ArgumentParser()
ap.add_argument("old"); ap.add_argument("new"); ap.add_argument("feeds")
ap.add_argument("--rounds", type=int, default=7)
ap.add_argument("--steady-only", action="store_true",
                help="time only the steady-state saves (a store that already has its three backups)")
a = ap.parse_args()
big, small = os.path.join(a.feeds, "feed-100000.json"), os.path.join(a.feeds, "feed-10000.json")

def first_id(path):
    with open(path) as f:
        for line in f:
            if '"id"' in line:
                return line.split('"id": "')[1].split('"')[0]

big_id, small_id = first_id(big), first_id(small)
reads = [
    ("validate FILE", ["validate", big]),
    ("list --country KR --format csv", ["list", "--store", big, "--country", "KR", "--format", "csv"]),
    ("summary", ["summary", "--store", big]),
    ("summary --by vendor", ["summary", "--store", big, "--by", "vendor"]),
    ("show ID", ["show", "--store", big, big_id]),
]
writes = [
    ("edit ID --title ..., 10,000 deals", ["edit", small_id, "--title", "Edited title", "--operational-mw", "12"], small),
    ("add, 10,000 deals", ["add", "--id", "zz-compare-added", "--title", "Added", "--country", "KR",
                           "--announced", "2026-Q3", "--source", "https://example.com/x"], small),
    ("remove ID, 10,000 deals", ["remove", small_id], small),
    ("edit ID --title ...", ["edit", big_id, "--title", "Edited title", "--operational-mw", "12"], big),
]
# Saves to a store that already has its three backups, as in everyday use: each binary keeps
# its own store per size across rounds (a fresh copy has no backups, and a save then never
# meets a backup to push out, so the fresh-copy rows above cannot show what a save does to
# the oldest backup). Each round edits the same deal with another title, or adds a new id.
steady = [
    ("edit ID, steady state (3 backups), 10,000 deals", "edit", small),
    ("add, steady state (3 backups), 10,000 deals", "add", small),
    ("edit ID, steady state (3 backups), 100,000 deals", "edit", big),
    ("add, steady state (3 backups), 100,000 deals", "add", big),
]
if a.steady_only:
    reads, writes = [], []
scratch = tempfile.mkdtemp(prefix="sovtrack-compare-")
times = {}

def run(binary, args):
    start = time.perf_counter()
    r = subprocess.run([binary] + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if r.returncode != 0:
        raise SystemExit(f"{binary} {' '.join(args)}: exit {r.returncode}: {r.stderr.decode().strip()}")
    return elapsed

try:
    for i in range(a.rounds):
        pair = [("old", a.old), ("new", a.new)]
        if i % 2:
            pair.reverse()
        for name, args in reads:
            for tag, binary in pair:
                times.setdefault((name, tag), []).append(run(binary, args))
        for name, args, source in writes:
            for tag, binary in pair:
                store = os.path.join(scratch, f"{tag}-{'big' if source == big else 'small'}.json")
                shutil.copyfile(source, store)
                fd = os.open(store, os.O_RDONLY); os.fsync(fd); os.close(fd)
                times.setdefault((name, tag), []).append(run(binary, args[:1] + ["--store", store] + args[1:]))
        for name, kind, source in steady:
            for tag, binary in pair:
                store = os.path.join(scratch, f"steady-{tag}-{'big' if source == big else 'small'}.json")
                sid = big_id if source == big else small_id
                def once(n):
                    if kind == "edit":
                        return ["edit", "--store", store, sid, "--title", f"Steady title {n}"]
                    return ["add", "--store", store, "--id", f"zz-steady-{n:06d}", "--title", "Added", "--country", "KR",
                            "--announced", "2026-Q3", "--source", "https://example.com/x"]
                if not os.path.exists(store):
                    shutil.copyfile(source, store)
                    for w in range(4):
                        run(binary, once(900000 + w))
                times.setdefault((name, tag), []).append(run(binary, once(i)))
finally:
    shutil.rmtree(scratch, ignore_errors=True)

def show(t):
    return f"{t * 1000:.0f} ms" if t < 1 else f"{t:.2f} s"

print(f"| command (100,000 deals unless said) | old | new |")
print("| --- | ---: | ---: |")
for name in [n for n, _ in reads] + [n for n, _, _ in writes] + [n for n, _, _ in steady]:
    print(f"| `{name}` | {show(statistics.median(times[(name, 'old')]))} | {show(statistics.median(times[(name, 'new')]))} |")
