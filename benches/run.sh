#!/usr/bin/env bash
# Runs the benchmarks (benches/benches/memory.rs) one group at a time and saves each table in
# benches/results/<group>.txt, headed by the command, the date, the machine and the compiler.
# The chapters include these files, so the numbers a reader sees are the output of a real run.
#
#   bash benches/run.sh                 # every group, 5 runs each (a few minutes)
#   bash benches/run.sh rc_vs_arc       # one group
#   RUNS=10 bash benches/run.sh rc_vs_arc
#   bash benches/run.sh --smoke         # every benchmark, a few samples, nothing saved (CI)
#
# Each group runs RUNS times (default 5), each run a separate process. The saved file shows the
# first run's whole table (with divan's allocation rows), then the spread over all runs
# (benches/spread.py): each benchmark's median of the runs' medians, their range, and its time as
# a multiple of the fastest benchmark beside it, run by run, with the range of that ratio.
#
# Timings depend on the machine and on what else it is doing: run it on a quiet machine (the
# header records the load average) and commit the results with the change that explains them.
set -euo pipefail
cd "$(dirname "$0")/.."
groups=(box_vs_stack vec_growth rc_vs_arc string_building pointer_chasing aos_vs_soa false_sharing smallvec_short allocators_small allocators_vec allocators_threads allocators_arena)

if [ "${1:-}" = "--smoke" ]; then
  cargo bench --quiet -p book-benches -- --color never --sample-count 3 --sample-size 1 >/dev/null
  python3 benches/spread.py --self-test
  echo "benches: every benchmark ran (smoke run, nothing saved)"
  exit 0
fi
[ $# -gt 0 ] && groups=("$@")

cargo bench --quiet -p book-benches --no-run
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
virt=$(lscpu 2>/dev/null | sed -n "s/^Hypervisor vendor: *//p")
divan=$(grep -A1 '^name = "divan"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')
runs=${RUNS:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for group in "${groups[@]}"; do
  out="benches/results/$group.txt"
  load=$(cut -d' ' -f1 /proc/loadavg)
  for i in $(seq 1 "$runs"); do
    cargo bench --quiet -p book-benches -- --color never "$group" 2>/dev/null >"$tmp/$group.$i"
  done
  load_end=$(cut -d' ' -f1 /proc/loadavg)
  {
    echo "\$ cargo bench -p book-benches -- $group     # run $runs times by benches/run.sh"
    echo "measured $(date -u +%Y-%m-%d) on $cpu, $(nproc) cores${virt:+ ($virt guest)}, $(uname -sm)"
    echo "$(rustc -V | cut -d' ' -f1-2), divan $divan; load average $load at the start, $load_end at the end"
    echo
    echo "the first run:"
    echo
    cat "$tmp/$group.1"
    echo
    python3 benches/spread.py $(seq -f "$tmp/$group.%g" 1 "$runs")
  } >"$out.tmp"
  mv "$out.tmp" "$out"
  echo "benches: wrote $out"
done
