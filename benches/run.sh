#!/usr/bin/env bash
# Runs the benchmarks (benches/benches/memory.rs) one group at a time and saves each table in
# benches/results/<group>.txt, headed by the command, the date, the machine and the compiler.
# The chapters include these files, so the numbers a reader sees are the output of a real run.
#
#   bash benches/run.sh                 # every group, divan's default sampling (about a minute)
#   bash benches/run.sh rc_vs_arc       # one group
#   bash benches/run.sh --smoke         # every benchmark, a few samples, nothing saved (CI)
#
# Timings depend on the machine and on what else it is doing: run it on a quiet machine (the
# header records the load average) and commit the results with the change that explains them.
set -euo pipefail
cd "$(dirname "$0")/.."
groups=(box_vs_stack vec_growth rc_vs_arc arc_contention string_building)

if [ "${1:-}" = "--smoke" ]; then
  cargo bench --quiet -p book-benches -- --color never --sample-count 3 --sample-size 1 >/dev/null
  echo "benches: every benchmark ran (smoke run, nothing saved)"
  exit 0
fi
[ $# -gt 0 ] && groups=("$@")

cargo bench --quiet -p book-benches --no-run
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
virt=$(lscpu 2>/dev/null | sed -n "s/^Hypervisor vendor: *//p")
divan=$(grep -A1 '^name = "divan"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')
for group in "${groups[@]}"; do
  out="benches/results/$group.txt"
  load=$(cut -d' ' -f1 /proc/loadavg)
  {
    echo "\$ cargo bench -p book-benches -- $group"
    echo "measured $(date -u +%Y-%m-%d) on $cpu, $(nproc) cores${virt:+ ($virt guest)}, $(uname -sm)"
    echo "$(rustc -V | cut -d' ' -f1-2), divan $divan; load average $load when it started"
    echo
    cargo bench --quiet -p book-benches -- --color never "$group" 2>/dev/null
  } >"$out.tmp"
  mv "$out.tmp" "$out"
  echo "benches: wrote $out"
done
