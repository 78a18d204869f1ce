#!/usr/bin/env python3
"""Times sovtrack side by side with DuckDB and jq on the same deals, in one run, and prints
the ratios (the table of docs/performance.md, "Against DuckDB and jq").

  scripts/versus.py                       # builds the release binaries, 100,000 deals, 5 rounds
  scripts/versus.py --deals 10000 --rounds 3 --keep /tmp/versus
  scripts/versus.py --sovtrack BIN --bench BIN   # binaries already built
  scripts/versus.py --baseline OLD_BIN            # an older build in the same rounds, for A/B

The feed comes from `sovtrack-bench generate` (seed 42); DuckDB reads the same deals written
as JSON lines (one deal a line, made once, not timed) with `read_json`, from a fresh
`python3` each time (its start-up counted, as a user running a script would pay it); jq reads
the feed itself. Each task asks the three for the same rows and columns; the row counts are
printed so you can see they agree. sovtrack and DuckDB alternate within each round (the
machine's speed drifts; see docs/performance.md), jq runs `--jq-runs` times (it is slow).

sovtrack is timed twice: "cold", with no index beside the store (the first read after an
edit by hand: it reads the JSON and writes the index), and "warm", the usual case (the index
matches, so the JSON is only hashed). Cold runs once per round like the others (median and
range), and the feed and its JSON lines are read once, untimed, before any run: "cold" means
no index, not a file the kernel must fetch from disk, and one run on a busy moment is not
the figure (docs/performance.md, "The cold read"). Peak memory is the child's `ru_maxrss`.
DuckDB is installed with `pip install duckdb` if `python3` cannot import it.
"""
import argparse, json, os, shutil, statistics, subprocess, sys, tempfile, time

ap = argparse.ArgumentParser()
ap.add_argument("--deals", type=int, default=100_000)
ap.add_argument("--rounds", type=int, default=5)
ap.add_argument("--jq-runs", type=int, default=1)
ap.add_argument("--keep", help="directory for the feed and its JSON lines (kept, and reused)")
ap.add_argument("--sovtrack", help="release sovtrack binary (default: build it)")
ap.add_argument("--bench", help="release sovtrack-bench binary (default: build it)")
ap.add_argument("--no-jq", action="store_true")
ap.add_argument("--baseline", help="an older sovtrack binary, timed in the same rounds (its own column)")
a = ap.parse_args()
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def build(product):
    cmd = ["swift", "build", "-c", "release", "--static-swift-stdlib", "--scratch-path", ".build-bench"]
    subprocess.run(cmd + ["--product", product], cwd=root, check=True, stdout=sys.stderr)
    out = subprocess.run(cmd + ["--show-bin-path"], cwd=root, check=True, capture_output=True, text=True).stdout.strip()
    return os.path.join(out, product)

sovtrack = a.sovtrack or build("sovtrack")
bench = a.bench or build("sovtrack-bench")

try:
    subprocess.run(["python3", "-c", "import duckdb"], check=True, capture_output=True)
except subprocess.CalledProcessError:
    print("versus.py: installing duckdb (pip install duckdb)", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "duckdb"], check=True)
have_jq = not a.no_jq and shutil.which("jq") is not None
if not have_jq and not a.no_jq:
    print("versus.py: jq not found; its column is skipped (apt-get install jq)", file=sys.stderr)

work = a.keep or tempfile.mkdtemp(prefix="sovtrack-versus-")
os.makedirs(work, exist_ok=True)
feed = os.path.join(work, f"feed-{a.deals}.json")
lines = os.path.join(work, f"deals-{a.deals}.jsonl")
if not os.path.exists(feed):
    subprocess.run([bench, "generate", "--deals", str(a.deals), "--seed", "42", "--output", feed], check=True)
if not os.path.exists(lines):
    # In a child: the feed parsed here would stay in this process's memory, and every
    # command started after would count it in its peak (a forked child's starts as ours).
    subprocess.run([sys.executable, "-c", "import json, sys\nwith open(sys.argv[1]) as f, open(sys.argv[2], 'w') as out:\n"
                    "    for d in json.load(f)['deals']:\n"
                    "        out.write(json.dumps(d, ensure_ascii=False, separators=(',', ':')) + '\\n')", feed, lines], check=True)
index = os.path.join(os.path.dirname(feed), "." + os.path.basename(feed) + ".index")
# The baseline reads the same bytes under another name: an index names the program that wrote
# it, so two builds reading one file would each find the other's index and read the JSON.
base_feed = os.path.join(work, f"baseline-feed-{a.deals}.json")
if a.baseline and not os.path.exists(base_feed):
    os.link(feed, base_feed)

def as_baseline(cmd):
    return [a.baseline] + [base_feed if x == feed else x for x in cmd[1:]]

# The columns of `sovtrack list --format csv` that all three can give the same way: a
# deal's id, title, country, date, status, sponsor, partners other than vendors (name:role),
# vendors, platform, site, the three MW figures, confidence, models and source URLs.
LIST_SQL = """
SELECT id, title, country, announced, status, sponsor,
  array_to_string(list_transform(list_filter(partners, lambda p: p.role <> 'vendor'), lambda p: p.name || ':' || p.role), ';') AS partners,
  array_to_string(list_transform(list_filter(partners, lambda p: p.role = 'vendor'), lambda p: p.name), ';') AS vendors,
  platform, site, capacity.initialMW AS initial_mw, capacity.targetMW AS target_mw,
  capacity.operationalMW AS operational_mw, capacity.confidence AS confidence,
  array_to_string(models, ';') AS models,
  array_to_string(list_filter(list_transform(sources, lambda s: s.url), lambda u: u IS NOT NULL), ';') AS source_urls
FROM read_json('{lines}', format = 'newline_delimited') {where}
ORDER BY country, announced
"""
LIST_JQ = """.deals[] {select} | [.id, .title, .country, .announced, .status, .sponsor,
  ([.partners[]? | select(.role != "vendor") | .name + ":" + .role] | join(";")),
  ([.partners[]? | select(.role == "vendor") | .name] | join(";")),
  .platform, .site, .capacity.initialMW, .capacity.targetMW, .capacity.operationalMW, .capacity.confidence,
  ((.models // []) | join(";")), ([.sources[]? | .url // empty] | join(";"))] | @csv"""
# Per country: deals, committed MW (the larger of initial and operational), ambition MW
# (target, else committed), operational MW, deals with no figure, and the vendors.
SUMMARY_SQL = """
WITH d AS (
  SELECT country, capacity.operationalMW AS op,
    CASE WHEN capacity.initialMW IS NULL THEN capacity.operationalMW
         WHEN capacity.operationalMW IS NULL THEN capacity.initialMW
         ELSE greatest(capacity.initialMW, capacity.operationalMW) END AS committed,
    capacity.targetMW AS target, list_filter(partners, lambda p: p.role = 'vendor') AS v
  FROM read_json('{lines}', format = 'newline_delimited'))
SELECT country, count(*) AS deals, sum(committed) AS committed_mw, sum(coalesce(target, committed)) AS ambition_mw,
  sum(op) AS operational_mw, count(*) FILTER (WHERE committed IS NULL AND target IS NULL) AS unknown_mw_deals,
  array_to_string(list_sort(list_distinct(flatten(list(list_transform(v, lambda p: p.name))))), ';') AS vendors
FROM d GROUP BY country ORDER BY deals DESC, country
"""
SUMMARY_JQ = """.deals | group_by(.country) | map(
  (map(.capacity.initialMW as $i | .capacity.operationalMW as $o | if $i == null then $o elif $o == null then $i else ([$i, $o] | max) end)) as $c
  | [.[0].country, length, ($c | map(select(. != null)) | add),
     ([range(length)] as $r | [$r[] as $k | (.[$k].capacity.targetMW // $c[$k])] | map(select(. != null)) | add),
     (map(.capacity.operationalMW) | map(select(. != null)) | add),
     ([range(length)] as $r | [$r[] | select($c[.] == null)] | length),
     ([.[].partners[]? | select(.role == "vendor") | .name] | unique | join(";"))])
  | sort_by(-.[1], .[0]) | .[] | @csv"""

def duck(sql):
    """A fresh python3 that imports DuckDB and writes the query's result as CSV to stdout."""
    return ["python3", "-c", "import duckdb, sys\nduckdb.sql(sys.argv[1]).write_csv('/dev/stdout')", sql]

tasks = [
    ("`list --country KR --format csv`",
     [sovtrack, "list", "--store", feed, "--country", "KR", "--format", "csv"],
     duck(LIST_SQL.format(lines=lines, where="WHERE country = 'KR'")),
     ["jq", "-r", LIST_JQ.format(select='| select(.country == "KR")'), feed]),
    ("all deals as CSV (`list --format csv`)",
     [sovtrack, "list", "--store", feed, "--format", "csv"],
     duck(LIST_SQL.format(lines=lines, where="")),
     ["jq", "-r", LIST_JQ.format(select=""), feed]),
    ("`summary` (per-country totals)",
     [sovtrack, "summary", "--store", feed, "--format", "csv"],
     duck(SUMMARY_SQL.format(lines=lines)),
     ["jq", "-r", SUMMARY_JQ, feed]),
]
alone = [
    ("`validate FILE`", [sovtrack, "validate", feed]),
    ("`summary` (table)", [sovtrack, "summary", "--store", feed]),
    ("`show ID`", [sovtrack, "show", "--store", feed, "--", None]),
]
with open(feed) as f:
    for line in f:
        if '"id"' in line:
            alone[2][1][-1] = line.split('"id": "')[1].split('"')[0]
            break

def run(cmd, rows=False):
    """Wall seconds and peak MB of one run, stdout to a file (counted in lines when `rows`)."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(p.pid, 0)
        elapsed = time.perf_counter() - start
        err = p.stderr.read().decode()
        p.stderr.close()
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"{' '.join(cmd[:4])} ...: exit {os.waitstatus_to_exitcode(status)}: {err.strip()[:500]}")
        n = None
        if rows:
            out.seek(0)
            n = sum(1 for _ in out)
        return elapsed, usage.ru_maxrss / 1024, n

def drop_index():
    if os.path.exists(index):
        os.remove(index)

def cache(path):
    """Reads a file once, untimed, so that no timed run pays for fetching it from disk."""
    with open(path, "rb") as f:
        while f.read(1 << 24):
            pass

times, peaks, counts = {}, {}, {}
def note(key, t, mb):
    times.setdefault(key, []).append(t)
    peaks.setdefault(key, []).append(mb)

cache(feed)
cache(lines)
if a.baseline:
    run(as_baseline(tasks[0][1]))  # writes the baseline's own index, untimed

def cold_round():
    """Each command once with no index (it writes one, so it is dropped before each)."""
    for name, cmd in [(t[0], t[1]) for t in tasks] + alone:
        drop_index()
        t, mb, _ = run(cmd)
        note((name, "cold"), t, mb)

load_before = os.getloadavg()[0]
for name, sov, dk, jq in tasks:
    counts[name] = {"sovtrack": run(sov, rows=True)[2], "duckdb": run(dk, rows=True)[2]}
    if have_jq:
        t, mb, n = run(jq, rows=True)
        counts[name]["jq"] = n
        note((name, "jq"), t, mb)
        for _ in range(a.jq_runs - 1):
            note((name, "jq"), *run(jq)[:2])
for i in range(a.rounds):
    cold_round()
    for name, sov, dk, _ in tasks:
        pair = [("warm", sov), ("duckdb", dk)] + ([("baseline", as_baseline(sov))] if a.baseline else [])
        if i % 2:
            pair.reverse()
        for tag, cmd in pair:
            note((name, tag), *run(cmd)[:2])
    for name, cmd in alone:
        note((name, "warm"), *run(cmd)[:2])
        if a.baseline:
            note((name, "baseline"), *run(as_baseline(cmd))[:2])

def show(t):
    return f"{t * 1000:.0f} ms" if t < 1 else f"{t:.2f} s"

def med(key):
    return statistics.median(times[key])

def span(key):
    v = times[key]
    return show(statistics.median(v)) if len(v) < 3 else f"{show(statistics.median(v))} ({show(min(v))}–{show(max(v))})"

load = os.getloadavg()[0]
print(f"{a.deals:,} deals ({os.path.getsize(feed) / 1e6:.1f} MB feed, {os.path.getsize(lines) / 1e6:.1f} MB of JSON lines); "
      f"{a.rounds} rounds, medians (min–max); load average {load_before:.1f} before the rounds, {load:.1f} after")
print()
base_head = " | baseline (peak MB)" if a.baseline else ""
print(f"| task | sovtrack | DuckDB | DuckDB ÷ sovtrack | jq | jq ÷ sovtrack | sovtrack cold (no index) | peak MB warm / cold / DuckDB{base_head} |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---:" + (" | ---:" if a.baseline else "") + " |")
def base(name):
    return f" | {span((name, 'baseline'))} ({max(peaks[(name, 'baseline')]):.0f})" if a.baseline else ""
for name, _, _, _ in tasks:
    w, d = med((name, "warm")), med((name, "duckdb"))
    jq = f"{span((name, 'jq'))} | {med((name, 'jq')) / w:.1f}×" if have_jq else "- | -"
    pk = f"{max(peaks[(name, 'warm')]):.0f} / {max(peaks[(name, 'cold')]):.0f} / {max(peaks[(name, 'duckdb')]):.0f}"
    print(f"| {name} | {span((name, 'warm'))} | {span((name, 'duckdb'))} | {d / w:.2f}× | {jq} | {span((name, 'cold'))} | {pk}{base(name)} |")
for name, _ in alone:
    pk = f"{max(peaks[(name, 'warm')]):.0f} / {max(peaks[(name, 'cold')]):.0f} / -"
    print(f"| {name} | {span((name, 'warm'))} | - | - | - | - | {span((name, 'cold'))} | {pk}{base(name)} |")
print()
print("Rows (sovtrack / DuckDB / jq): " + "; ".join(
    f"{name}: {c['sovtrack']} / {c['duckdb']} / {c.get('jq', '-')}" for name, c in counts.items()))
if not a.keep:
    shutil.rmtree(work, ignore_errors=True)
