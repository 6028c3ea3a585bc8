#!/usr/bin/env bash
# How long a contributor waits for `cargo test`: cold (fresh target dir), warm with no change,
# after editing one listing (and one fail_ listing), after editing one chapter; each edit also as
# a multiple of one `rustc` compile of that listing (the budget: at most 2 s and at most 12
# compiles); plus `mdbook build`, and how many blocks and listings the run checked. A benchmark, not a test: it
# prints figures (record them in CONTRIBUTING.md, "How fast is the edit loop?"); it exits
# non-zero only if a test failed.
#
# It works on a copy of the repository (your working tree is never edited) with its own target
# directory, so it neither disturbs nor is helped by your `target/`. Each warm figure is the
# median of RUNS runs (default 3), each after a fresh edit; the load average is printed, since
# other work on the machine slows every figure.
#
#   bash scripts/bench-edit-loop.sh            # everything (the cold build takes minutes)
#   bash scripts/bench-edit-loop.sh --warm     # skip the cold run, reuse the last target dir
#   LISTING=listings/ch04-moves/01-string-move.rs CHAPTER=src/ch04-moves.md RUNS=5 bash scripts/bench-edit-loop.sh
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
work=${BENCH_DIR:-${TMPDIR:-/tmp}/book-edit-loop}
listing=${LISTING:-listings/ch04-moves/01-string-move.rs}
fail_listing=${FAIL_LISTING:-listings/ch04-moves/fail_use_after_move.rs}
chapter=${CHAPTER:-src/ch04-moves.md}
runs=${RUNS:-3}
warm_only=false
[ "${1:-}" = "--warm" ] && warm_only=true

# A fresh copy of the sources (everything but build output and VCS data).
rm -rf "$work/repo"
mkdir -p "$work/repo"
tar -C "$repo" --exclude=./target --exclude=./book --exclude=./.git --exclude='./node_modules' \
  --exclude='*/node_modules' --exclude=./artifacts --exclude=./wip -cf - . | tar -C "$work/repo" -xf -
cd "$work/repo"
export CARGO_TARGET_DIR="$work/target"
if ! $warm_only; then rm -rf "$CARGO_TARGET_DIR"; fi
for f in "$listing" "$fail_listing" "$chapter"; do
  [ -f "$f" ] || { echo "bench-edit-loop: no $f (set LISTING, FAIL_LISTING or CHAPTER)" >&2; exit 2; }
done

log="$work/last-run.log"
rm -f "$work/failed-run.log"
# One `cargo test --no-fail-fast` (every test binary runs, even after a failure, so a figure is
# always that of a whole run); prints its wall time in seconds.
one_run() {
  local start end
  start=$(date +%s.%N)
  if ! cargo test --no-fail-fast >"$log" 2>&1; then
    echo "bench-edit-loop: a test failed; see $log" >&2
    cp "$log" "$work/failed-run.log"
  fi
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

median() { sort -n | sed -n "$(((runs + 1) / 2))p"; }

# One rustc compile of the edited listing, as the harness builds it (Cargo's dev profile
# flags), the unit the edit figures are given in: the median of RUNS compiles, in seconds.
compile_once() {
  local times=() i start end out
  out=$(mktemp -d)
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s.%N)
    rustc --edition 2024 --crate-type bin -C codegen-units=256 -o "$out/bin" "$listing"
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  rm -rf "$out"
  printf '%s\n' "${times[@]}" | median
}

# measure <label> <edit command, run before each run> <undo command, run after it>
measure() {
  local label=$1 edit=$2 undo=$3 times=() i
  for ((i = 0; i < runs; i++)); do
    eval "$edit"
    times+=("$(one_run)")
    eval "$undo"
  done
  local med
  med=$(printf '%s\n' "${times[@]}" | median)
  printf '%-46s %6.2f s = %5.1f compiles   (runs: %s)\n' "$label" "$med" \
    "$(echo "$med / $compile" | bc -l)" "$(printf '%.2f ' "${times[@]}")"
}

edit_file() { # edit_file <file> <line to add at the end>: keeps a copy to restore
  cp "$1" "$work/orig"
  printf '%s %s\n' "$2" "$(date +%s%N)" >>"$1"
}
restore_file() { cp "$work/orig" "$1"; }

echo "bench-edit-loop: $(date -u +%Y-%m-%d), $(nproc) cores, $(rustc -V), copy in $work"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
if $warm_only; then
  one_run >/dev/null
else
  printf '%-46s %6.2f s\n' "cargo test, cold (fresh target dir)" "$(one_run)"
fi
one_run >/dev/null # settle: every cache filled
compile=$(compile_once)
printf '%-46s %6.2f s\n' "one rustc compile of $(basename "$listing")" "$compile"
measure "cargo test, warm, no change" : :
blocks=$(grep -c '^test \[block\]' "$log" || true)
# An edit that changes the text (so every cache misses) but keeps every line number.
measure "cargo test, after editing one listing" \
  "edit_file $listing '// edited by bench-edit-loop'" "restore_file $listing"
measure "cargo test, after editing one fail_ listing" \
  "edit_file $fail_listing '// edited by bench-edit-loop'" "restore_file $fail_listing"
measure "cargo test, after editing one chapter" \
  "edit_file $chapter 'A sentence added by bench-edit-loop'" "restore_file $chapter"

start=$(date +%s.%N)
bash scripts/build-book.sh -d "$work/book" >/dev/null 2>&1
end=$(date +%s.%N)
printf '%-46s %6.2f s\n' "mdbook build" "$(echo "$end - $start" | bc)"

listings=$(find listings -name '*.rs' | wc -l)
fails=$(find listings -name 'fail_*.rs' | wc -l)
chapters=$(grep -cE '^ *- \[[^]]*\]\([^)]+\.md\)' src/SUMMARY.md || true)
echo "checked: $blocks rust blocks in $chapters numbered chapters; $listings listings ($fails fail_)"
echo "edited: $listing, $fail_listing, $chapter"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -f "$work/failed-run.log" ]; then
  echo "bench-edit-loop: some tests failed (see $work/failed-run.log); the figures are still those of whole runs" >&2
  exit 1
fi
