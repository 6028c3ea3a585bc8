#!/usr/bin/env python3
"""The spread of a benchmark group over several runs, from divan's tables (benches/run.sh).

    python3 benches/spread.py RUN1.txt RUN2.txt ...   # prints the spread table
    python3 benches/spread.py --self-test             # checks the parser on a fixture

One divan run gives one median per benchmark; a shared machine makes that median move from run to
run. This prints, for every benchmark, the median of the runs' medians and their range, and, for
benchmarks compared side by side (same parent, same argument), each one's time as a multiple of
the fastest of them, computed run by run, with its range. A timing is only meaningful with that
range and the machine it came from, never as a property of a type.
"""

import re
import statistics
import sys

UNITS = {"ps": 1e-3, "ns": 1.0, "µs": 1e3, "us": 1e3, "ms": 1e6, "s": 1e9}
TIME = r"([\d.]+)\s*(ps|ns|µs|us|ms|s)\b"
ROW = re.compile(r"^(?P<tree>[│ ]*)(?:├─|╰─)\s(?P<name>\S+)\s+(?P<rest>.*)$")


def parse(text):
    """{path: median in ns} for every leaf row of one divan table."""
    medians, stack = {}, []
    for line in text.splitlines():
        m = ROW.match(line)
        if not m:
            continue
        depth = len(m["tree"]) // 3
        del stack[depth:]
        stack.append(m["name"])
        cells = [c.strip() for c in m["rest"].split("│")]
        if len(cells) >= 3:
            t = re.fullmatch(TIME, cells[2])
            if t:
                medians["/".join(stack)] = float(t[1]) * UNITS[t[2]]
    return medians


def fmt(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3), ("ns", 1.0)):
        if ns >= scale or unit == "ns":
            v = ns / scale
            return f"{v:.3g} {unit}"


def comparable(path):
    """Benchmarks compared with each other: same group path except the benchmark's own name."""
    parts = path.split("/")
    if len(parts) >= 3 and not re.match(r"^[a-z_][a-z0-9_]*$", parts[-1]):
        return "/".join(parts[:-2]) + "/*/" + parts[-1]  # an argument: group/bench/arg
    return "/".join(parts[:-1]) + "/*"


def spread(runs):
    paths = [p for p in runs[0] if all(p in r for r in runs)]
    sets = {}
    for p in paths:
        sets.setdefault(comparable(p), []).append(p)
    lines = [
        f"spread over {len(runs)} runs (each a separate process), median time per call:",
        "",
        f"{'benchmark':<40} {'median of runs':>14}  {'min – max':>21}  {'× the fastest beside it (min – max)'}",
    ]
    for members in sets.values():
        for p in members:
            values = [r[p] for r in runs]
            lo, hi = min(values), max(values)
            ratio = ""
            if len(members) > 1:
                ratios = [r[p] / min(r[q] for q in members) for r in runs]
                ratio = (
                    f"{statistics.median(ratios):.2f}× ({min(ratios):.2f} – {max(ratios):.2f})"
                )
            lines.append(
                f"{p:<40} {fmt(statistics.median(values)):>14}  "
                f"{fmt(lo) + ' – ' + fmt(hi):>21}  {ratio}"
            )
    return "\n".join(lines)


FIXTURE = """memory                fastest       │ slowest       │ median        │ mean          │ samples │ iters
╰─ rc_vs_arc                        │               │               │               │         │
   ├─ arc_clone_drop  15.68 ns      │ 543.2 ns      │ {arc}      │ 21.19 ns      │ 100     │ 3200
   ╰─ rc_clone_drop   1.124 ns      │ 1.138 ns      │ {rc}      │ 1.132 ns      │ 100     │ 204800
╰─ vec_growth                           │               │               │               │         │
   ├─ push_from_new                     │               │               │               │         │
   │  ├─ 16               54.3 ns       │ 76.83 ns      │ 63.75 ns      │ 62.46 ns      │ 100     │ 3200
   │  │                   max alloc:    │               │               │               │         │
   │  ╰─ 65536            51.73 µs      │ 287 µs        │ 52.06 µs      │ 56.91 µs      │ 100     │ 100
   ╰─ push_with_capacity                │               │               │               │         │
      ├─ 16               26.45 ns      │ 38.42 ns      │ 31.875 ns      │ 32.75 ns      │ 100     │ 6400
      ╰─ 65536            51.39 µs      │ 561.7 µs      │ 52.06 µs      │ 60.31 µs      │ 100     │ 100
"""


def self_test():
    a = parse(FIXTURE.format(arc="16 ns", rc="1 ns"))
    b = parse(FIXTURE.format(arc="30 ns", rc="2 ns"))
    assert a["rc_vs_arc/arc_clone_drop"] == 16.0, a
    assert a["vec_growth/push_from_new/65536"] == 52060.0, a
    assert len(a) == 6, a
    table = spread([a, b])
    assert "rc_vs_arc/arc_clone_drop" in table and "15.50× (15.00 – 16.00)" in table, table
    assert "2.00× (2.00 – 2.00)" in table, table  # push_from_new/16 against push_with_capacity/16
    assert "1.00× (1.00 – 1.00)" in table, table
    print("spread.py: self-test passed")


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        self_test()
    elif len(sys.argv) > 1:
        runs = [parse(open(f, encoding="utf-8").read()) for f in sys.argv[1:]]
        if not runs[0]:
            sys.exit(f"spread.py: no divan rows in {sys.argv[1]}")
        print(spread(runs))
    else:
        sys.exit(__doc__)
