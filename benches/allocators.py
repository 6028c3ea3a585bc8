#!/usr/bin/env python3
"""Chapter 15's tables and chart, computed from saved runs (benches/run-allocators.sh).

    python3 benches/allocators.py peak RAW.txt      # the peak-memory table from ALLOC_PEAK lines
    python3 benches/allocators.py chart             # the chart, from benches/results/allocators_*
    python3 benches/allocators.py --self-test       # checks both on fixtures

`peak` reads the lines the bench targets print in their peak-memory mode ("system small_objects
74236": allocator, workload, VmHWM in KiB), one per fresh process, and prints each workload's
peak resident memory per allocator: the median over runs with its range.

`chart` reads the saved results (the spread tables benches/run.sh writes for the allocators_*
groups, and the peak-memory table) and writes benches/results/allocators_chart.txt: one bar
per allocator, its length the median, the range written beside it. No number is typed by hand.
"""

import re
import statistics
import sys
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
ALLOCATORS = ["system", "mimalloc", "jemalloc"]
# What each workload makes: the sizes are the constants of benches/benches/alloc_workloads.rs
# (change both together).
WORKLOADS = {
    "baseline": "nothing (the process itself)",
    "small_objects": "1,000,000 small strings",
    "grow_vec": "a Vec<u64> grown to 4,194,304",
    "threads": "4 threads × 250,000 small strings",
    "grow_vec_x100": "a Vec<u64> grown to 1,048,576, 100 times",
}
GROUPS = {
    "allocators_small": "many small objects (10,000 strings of 1 to 64 bytes)",
    "allocators_vec": "a Vec<u64> grown from empty, by length",
    "allocators_threads": "4 threads make 10,000 small strings each; the main thread frees them",
    "allocators_arena": "10 rounds of 1,000 short-lived strings: one allocation each (boxed) or in a bumpalo arena",
}
SPREAD_ROW = re.compile(
    r"^(?P<path>\S+)\s+.*?\s(?P<ratio>[\d.]+)× \((?P<lo>[\d.]+) – (?P<hi>[\d.]+)\)\s*$"
)
WIDTH = 40


def parse_peak(text):
    """{workload: {allocator: [(KiB, minor faults), ...]}} from the peak-memory lines."""
    peaks = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[0] in ALLOCATORS and parts[2].isdigit() and parts[3].isdigit():
            run = (int(parts[2]), int(parts[3]))
            peaks.setdefault(parts[1], {}).setdefault(parts[0], []).append(run)
    return peaks


def mib(kib):
    return kib / 1024


def peak_table(peaks):
    runs = {len(v) for w in peaks.values() for v in w.values()}
    header = f"{'workload':<15}" + "".join(f"{a:>26}" for a in ALLOCATORS) + "   what it makes"
    lines = [
        f"median of {'/'.join(map(str, sorted(runs)))} runs, each a fresh process that runs one workload once (min – max)",
        "",
        "peak resident memory (VmHWM), MiB:",
        header,
    ]
    for title, which, show in (
        ("peak resident memory (VmHWM), MiB:", 0, lambda v: f"{mib(v):.1f}"),
        ("minor page faults (pages mapped on first touch):", 1, lambda v: f"{v:.0f}"),
    ):
        if which == 1:
            lines += ["", title, header]
        for workload, what in WORKLOADS.items():
            by = peaks.get(workload, {})
            cells = []
            for a in ALLOCATORS:
                v = [run[which] for run in by.get(a, [])]
                if not v:
                    cells.append(f"{'-':>26}")
                    continue
                med, lo, hi = statistics.median(v), min(v), max(v)
                cells.append(f"{f'{show(med)} ({show(lo)} – {show(hi)})':>26}")
            lines.append(f"{workload:<15}" + "".join(cells) + f"   {what}")
    return "\n".join(lines)


def parse_peak_table(text):
    """{workload: {allocator: (median, lo, hi)}} from a saved peak table."""
    out = {}
    cell = re.compile(r"([\d.]+) \(([\d.]+) – ([\d.]+)\)")
    mib_part = text.split("minor page faults", 1)[0]
    for line in mib_part.splitlines():
        name = line.split(" ", 1)[0]
        if name in WORKLOADS:
            found = cell.findall(line)
            if len(found) == len(ALLOCATORS):
                out[name] = {a: tuple(map(float, f)) for a, f in zip(ALLOCATORS, found)}
    return out


def parse_spread(text):
    """{comparison set: [(name, ratio, lo, hi)]} from the spread table of a saved result."""
    sets = {}
    after = text.split("× the fastest beside it", 1)
    if len(after) < 2:
        return sets
    for line in after[1].splitlines():
        m = SPREAD_ROW.match(line)
        if not m:
            continue
        parts = m["path"].split("/")
        if len(parts) == 3:  # group/allocator/argument
            key, name = f"{parts[0]}, length {parts[2]}", parts[1]
        else:
            key, name = parts[0], parts[-1]
        sets.setdefault(key, []).append(
            (name, float(m["ratio"]), float(m["lo"]), float(m["hi"]))
        )
    return sets


def bar(value, top):
    """A bar `value / top` of WIDTH characters, in eighths."""
    eighths = round(value / top * WIDTH * 8) if top > 0 else 0
    full, rest = divmod(eighths, 8)
    return ("█" * full + ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")[rest]).ljust(WIDTH)


def chart(spreads, peaks):
    lines = [
        "Time: a bar per benchmark, its length the median over runs of its time as a multiple of",
        "the fastest beside it (1.00× is the fastest); the range over runs is in parentheses.",
    ]
    for group, title in GROUPS.items():
        for key, rows in spreads.get(group, {}).items():
            top = max(r[1] for r in rows)
            lines += ["", f"{title} [{key}]"]
            for name, ratio, lo, hi in sorted(rows, key=lambda r: r[1]):
                lines.append(f"  {name:<15} {bar(ratio, top)} {ratio:.2f}× ({lo:.2f} – {hi:.2f})")
    if peaks:
        lines += [
            "",
            "Peak resident memory: a bar per allocator, its length the median peak (MiB) over",
            "fresh processes; the range over runs is in parentheses.",
        ]
        top = max(v[0] for by in peaks.values() for v in by.values())
        for workload, by in peaks.items():
            lines += ["", f"{workload}: {WORKLOADS[workload]}"]
            for a in ALLOCATORS:
                med, lo, hi = by[a]
                lines.append(f"  {a:<15} {bar(med, top)} {med:.1f} MiB ({lo:.1f} – {hi:.1f})")
    return "\n".join(lines)


def write_chart():
    spreads = {}
    for group in GROUPS:
        f = RESULTS / f"{group}.txt"
        if f.exists():
            spreads[group] = parse_spread(f.read_text(encoding="utf-8"))
    f = RESULTS / "allocators_peak_rss.txt"
    peaks = parse_peak_table(f.read_text(encoding="utf-8")) if f.exists() else {}
    if not spreads and not peaks:
        sys.exit("allocators.py: no saved results in benches/results/allocators_*.txt")
    sources = [f"{g}.txt" for g in spreads] + (["allocators_peak_rss.txt"] if peaks else [])
    out = RESULTS / "allocators_chart.txt"
    header = f"drawn by benches/allocators.py from benches/results/{{{','.join(sources)}}}"
    measured = sorted(
        {
            line
            for name in sources
            for line in (RESULTS / name).read_text(encoding="utf-8").splitlines()[:2]
            if line.startswith("measured ")
        }
    )
    header += "".join(f"\n{line}" for line in measured)
    header += "\n(each file's header gives the compiler and the machine's load average during its runs)"
    out.write_text(header + "\n\n" + chart(spreads, peaks) + "\n", encoding="utf-8")
    print(f"benches: wrote {out.relative_to(RESULTS.parent.parent)}")


SPREAD_FIXTURE = """spread over 2 runs (each a separate process), median time per call:

benchmark                                median of runs              min – max  × the fastest beside it (min – max)
allocators_vec/jemalloc/1024                   1.89 µs        1.58 µs – 2.2 µs  1.10× (1.00 – 1.20)
allocators_vec/jemalloc/1048576                6.6 ms          6.6 ms – 7 ms  3.00× (2.00 – 4.00)
allocators_vec/system/1024                     1.8 µs          1.8 µs – 1.9 µs  1.00× (1.00 – 1.00)
allocators_vec/system/1048576                  2.2 ms          2.2 ms – 2.3 ms  1.00× (1.00 – 1.00)
"""


def self_test():
    raw = "system small_objects 2048 10\nsystem small_objects 4096 30\nsystem small_objects 3072 20\n"
    raw += "mimalloc small_objects 1024 5\njemalloc small_objects 1024 7\nnoise line\n"
    peaks = parse_peak(raw)
    assert peaks["small_objects"]["system"] == [(2048, 10), (4096, 30), (3072, 20)], peaks
    table = peak_table(peaks)
    assert "3.0 (2.0 – 4.0)" in table and "1.0 (1.0 – 1.0)" in table, table
    assert "20 (10 – 30)" in table and "7 (7 – 7)" in table, table
    back = parse_peak_table(table)
    assert back["small_objects"]["system"] == (3.0, 2.0, 4.0), back
    sets = parse_spread(SPREAD_FIXTURE)
    assert sets["allocators_vec, length 1048576"] == [
        ("jemalloc", 3.0, 2.0, 4.0),
        ("system", 1.0, 1.0, 1.0),
    ], sets
    text = chart({"allocators_vec": sets}, back)
    assert "█" * WIDTH + " 3.00× (2.00 – 4.00)" in text, text
    assert "█" * round(WIDTH / 3) in text and "3.0 MiB (2.0 – 4.0)" in text, text
    print("allocators.py: self-test passed")


if __name__ == "__main__":
    args = sys.argv[1:]
    if args == ["--self-test"]:
        self_test()
    elif len(args) == 2 and args[0] == "peak":
        peaks = parse_peak(Path(args[1]).read_text(encoding="utf-8"))
        if not peaks:
            sys.exit(f"allocators.py: no peak-memory lines in {args[1]}")
        print(peak_table(peaks))
    elif args == ["chart"]:
        write_chart()
    else:
        sys.exit(__doc__)
