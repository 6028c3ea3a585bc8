#!/usr/bin/env bash
# Chapter 15's measurements: three global allocators on the same workloads
# (benches/benches/alloc_workloads.rs, one bench target per allocator).
#
#   bash benches/run-allocators.sh          # times, peak memory, chart (a few minutes)
#   bash benches/run-allocators.sh --smoke  # builds them, one small run of each mode, saves nothing
#
# 1. Times: the allocators_* groups of benches/run.sh (divan, RUNS runs each, as for every group),
#    saved in benches/results/allocators_{small,vec,threads,arena}.txt.
# 2. Peak resident memory: each workload runs once in a fresh process per allocator
#    (ALLOC_PEAK=<workload>, which prints VmHWM from /proc/self/status; Linux only), RUNS times,
#    saved in benches/results/allocators_peak_rss.txt with the same header as run.sh's files.
# 3. The chart, drawn from those saved files by benches/allocators.py:
#    benches/results/allocators_chart.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
allocators=(system mimalloc jemalloc)
workloads=(baseline small_objects grow_vec threads grow_vec_x100)

if [ "${1:-}" = "--smoke" ]; then
  for a in "${allocators[@]}"; do
    cargo bench --quiet -p book-benches --bench "alloc_$a" -- --color never \
      --sample-count 3 --sample-size 1 allocators_ >/dev/null
    line=$(ALLOC_PEAK=small_objects cargo bench --quiet -p book-benches --bench "alloc_$a" 2>/dev/null)
    [[ $line =~ ^$a\ small_objects\ [0-9]+\ [0-9]+$ ]] || { echo "benches: alloc_$a printed '$line'" >&2; exit 1; }
  done
  python3 benches/allocators.py --self-test
  echo "benches: every allocator ran both modes (smoke run, nothing saved)"
  exit 0
fi

bash benches/run.sh allocators_small allocators_vec allocators_threads allocators_arena

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
virt=$(lscpu 2>/dev/null | sed -n "s/^Hypervisor vendor: *//p")
runs=${RUNS:-5}
version() { grep -A1 "^name = \"$1\"$" Cargo.lock | sed -n 's/^version = "\([^"+]*\).*"/\1/p'; }
crates="mimalloc $(version mimalloc) (libmimalloc-sys $(version libmimalloc-sys)), tikv-jemallocator $(version tikv-jemallocator) (jemalloc-sys $(version tikv-jemalloc-sys))"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=benches/results/allocators_peak_rss.txt
load=$(cut -d' ' -f1 /proc/loadavg)
for i in $(seq 1 "$runs"); do
  for w in "${workloads[@]}"; do
    for a in "${allocators[@]}"; do
      ALLOC_PEAK=$w cargo bench --quiet -p book-benches --bench "alloc_$a" 2>/dev/null >>"$tmp/peak"
    done
  done
done
load_end=$(cut -d' ' -f1 /proc/loadavg)
{
  echo "\$ ALLOC_PEAK=<workload> cargo bench -p book-benches --bench alloc_<allocator>     # run $runs times by benches/run-allocators.sh"
  echo "measured $(date -u +%Y-%m-%d) on $cpu, $(nproc) cores${virt:+ ($virt guest)}, $(uname -sm)"
  echo "$(rustc -V | cut -d' ' -f1-2), glibc $(ldd --version 2>/dev/null | head -n1 | sed 's/.* //'), $crates"
  echo "load average $load at the start, $load_end at the end"
  echo
  python3 benches/allocators.py peak "$tmp/peak"
} >"$out.tmp"
mv "$out.tmp" "$out"
echo "benches: wrote $out"
python3 benches/allocators.py chart
