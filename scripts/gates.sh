#!/usr/bin/env bash
# The quality gates CI runs besides `cargo test` (CONTRIBUTING.md, "Quality gates"):
#
#   fmt-listings     rustfmt --edition 2024 --check on every listing (a fail_ listing that does
#                    not even parse is skipped, with a note)
#   fmt-code         cargo fmt --check on the workspace's own packages (tooling, tests, benches;
#                    not the vendored skeptic, kept close to upstream)
#   clippy-code      cargo clippy --all-targets -D warnings on the same packages
#   clippy-listings  clippy-driver --edition 2024 -D warnings on every listing but fail_ ones, in
#                    parallel; a pass is remembered (target/gates-clippy-passes/, keyed on the
#                    file's text, the compiler and clippy versions and the flags), never a failure
#   typos            the spell checker on the prose (src/, README.md, CONTRIBUTING.md), with the
#                    project's word list in _typos.toml
#
#   bash scripts/gates.sh                      # every gate
#   bash scripts/gates.sh fmt-listings typos   # some of them
#   bash scripts/gates.sh --self-test          # shows that each gate fails on bad input, naming
#                                              # the file, and passes on good input
#
# Each failure is one line `gates: <gate>: <file>: <what>` (with the tool's own output above it).
# BOOK_NO_CACHE=1 turns the clippy cache off; GATES_ROOT=dir runs the gates on another tree.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=${GATES_ROOT:-$(dirname "$here")}
# The pinned toolchain, wherever a tool runs (see scripts/toolchain.sh).
if [ -f "$root/rust-toolchain.toml" ]; then
  RUSTUP_TOOLCHAIN=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' "$root/rust-toolchain.toml")
  export RUSTUP_TOOLCHAIN
fi
cd "$root"
all_gates=(fmt-listings fmt-code clippy-code clippy-listings typos)
jobs=$(nproc 2>/dev/null || echo 2)
target=${CARGO_TARGET_DIR:-$root/target}
case "$target" in /*) ;; *) target="$root/$target" ;; esac

report() { # report <gate> <file> <what>
  echo "gates: $1: $2: $3" >&2
}

listings() { # every listing, sorted, NUL-separated
  [ -d listings ] || return 0
  find listings -name '*.rs' -print0 | sort -z
}

# --- per-file checks (run by xargs in parallel; each prints one status line) ------------------

fmt_one() {
  local f=$1 out err tmp
  tmp=$(mktemp)
  if out=$(rustfmt --edition 2024 --check "$f" 2>"$tmp"); then
    rm -f "$tmp"
    echo "ok $f"
    return
  fi
  err=$(cat "$tmp")
  rm -f "$tmp"
  if [ -z "$out" ] && [[ $(basename "$f") == fail_* ]]; then
    echo "skip $f"
  elif [ -z "$out" ]; then
    printf '%s\n' "$err" >&2
    echo "unparsable $f"
  else
    printf '%s\n' "$out" >&2
    echo "unformatted $f"
  fi
}

clippy_one() {
  local f=$1 key dir out flags=$GATES_CLIPPY_FLAGS extra=()
  # A library listing is a library; a listing with `// deps:` or `// lib:` gets the same
  # `--extern`s the harness compiles it with (`cargo listing --print-rustc-args`).
  [[ $(basename "$f") == lib_* ]] && flags=${flags/--crate-type bin/--crate-type rlib}
  if grep -qE '^\s*// (deps|lib):' "$f"; then
    mapfile -t extra < <(cargo listing --print-rustc-args "$f")
  fi
  key=$({ cat "$f"; printf '\0%s\0%s\0%s\0%s' "$GATES_CLIPPY_ID" "$flags" "$f" "${extra[*]}"; } | sha256sum | cut -c1-32)
  if [ -n "$GATES_CLIPPY_CACHE" ] && [ -f "$GATES_CLIPPY_CACHE/$key" ]; then
    echo "cached $f"
    return
  fi
  dir=$(mktemp -d)
  # shellcheck disable=SC2086 # the flags are words
  if out=$(clippy-driver $flags "${extra[@]}" --crate-name listing -o "$dir/listing.rmeta" "$f" 2>&1); then
    if [ -n "$GATES_CLIPPY_CACHE" ]; then
      mkdir -p "$GATES_CLIPPY_CACHE"
      echo "passed: $f" >"$GATES_CLIPPY_CACHE/.$key.$BASHPID" && mv "$GATES_CLIPPY_CACHE/.$key.$BASHPID" "$GATES_CLIPPY_CACHE/$key"
    fi
    echo "ok $f"
  else
    printf '%s\n' "$out" >&2
    echo "warned $f"
  fi
  rm -rf "$dir"
}
export -f fmt_one clippy_one

# --- the gates -----------------------------------------------------------------------------

gate_fmt_listings() {
  local bad=0 status f skipped=0
  while read -r status f; do
    case $status in
      ok) ;;
      skip) skipped=$((skipped + 1)); echo "gates: fmt-listings: $f does not parse; skipped (a fail_ listing)" ;;
      unformatted) report fmt-listings "$f" "not rustfmt-clean (run: rustfmt --edition 2024 $f)"; bad=1 ;;
      *) report fmt-listings "$f" "rustfmt cannot parse it"; bad=1 ;;
    esac
  done < <(listings | xargs -0 -r -n1 -P "$jobs" bash -c 'fmt_one "$1"' _)
  return $bad
}

# The workspace's own packages (not vendored ones), one name a line.
own_packages() {
  cargo metadata --no-deps --format-version 1 --quiet |
    jq -r '.workspace_root as $r | .packages[] | select(.manifest_path | startswith($r + "/vendor/") | not) | .name'
}

gate_fmt_code() {
  local bad=0 name out
  while read -r name; do
    if ! out=$(cargo fmt --check -p "$name" 2>&1); then
      printf '%s\n' "$out" >&2
      # rustfmt's "Diff in /abs/path/file.rs:12:" lines name the files.
      for f in $(printf '%s\n' "$out" | sed -n 's/^Diff in \(.*\):[0-9]*:$/\1/p' | sort -u); do
        report fmt-code "${f#"$root"/}" "not rustfmt-clean (run: cargo fmt -p $name)"
      done
      bad=1
    fi
  done < <(own_packages)
  return $bad
}

gate_clippy_code() {
  local args=() name out
  while read -r name; do args+=(-p "$name"); done < <(own_packages)
  # --no-deps: the vendored crates (vendor/) are path dependencies, kept as upstream wrote them.
  if out=$(cargo clippy --quiet --keep-going --no-deps "${args[@]}" --all-targets --message-format short -- -D warnings 2>&1); then
    return 0
  fi
  printf '%s\n' "$out" >&2
  # Short messages start with `path:line:col: error: ...`.
  for f in $(printf '%s\n' "$out" | sed -n 's/^\([^ :]*\.rs\):[0-9]*:[0-9]*: error.*/\1/p' | sort -u); do
    report clippy-code "$f" "clippy warnings (run: cargo clippy --all-targets -- -D warnings)"
  done
  return 1
}

gate_clippy_listings() {
  local bad=0 status f checked=0 cached=0
  export GATES_CLIPPY_FLAGS="--edition 2024 -D warnings --crate-type bin --emit=metadata"
  GATES_CLIPPY_ID="$(clippy-driver -V) $(rustc -vV | tr '\n' ' ')"
  export GATES_CLIPPY_ID
  if [ -n "${BOOK_NO_CACHE:-}" ] && [ "$BOOK_NO_CACHE" != 0 ]; then
    export GATES_CLIPPY_CACHE=""
  else
    export GATES_CLIPPY_CACHE="$target/gates-clippy-passes"
  fi
  while read -r status f; do
    case $status in
      ok) checked=$((checked + 1)) ;;
      cached) cached=$((cached + 1)) ;;
      *) report clippy-listings "$f" "clippy or rustc warnings (run: clippy-driver $GATES_CLIPPY_FLAGS $f)"; bad=1 ;;
    esac
  done < <(listings | tr '\0' '\n' | grep -v '/fail_[^/]*$' | tr '\n' '\0' | xargs -0 -r -n1 -P "$jobs" bash -c 'clippy_one "$1"' _)
  echo "gates: clippy-listings: $checked listing(s) checked, $cached unchanged since they passed"
  return $bad
}

gate_typos() {
  local paths=() out f
  for p in src README.md CONTRIBUTING.md; do [ -e "$p" ] && paths+=("$p"); done
  [ ${#paths[@]} -gt 0 ] || return 0
  if out=$(typos --format brief "${paths[@]}" 2>&1); then
    return 0
  fi
  printf '%s\n' "$out" >&2
  # Brief lines read `path:line:col: `typo` -> `fix``.
  for f in $(printf '%s\n' "$out" | sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: .*/\1/p' | sort -u); do
    report typos "$f" "spelling (fix it, or add a real word to _typos.toml)"
  done
  return 1
}

run_gates() {
  local failed=() gate start
  for gate in "$@"; do
    start=$SECONDS
    if "gate_${gate//-/_}"; then
      echo "gates: $gate: ok ($((SECONDS - start)) s)"
    else
      echo "gates: $gate: FAILED ($((SECONDS - start)) s)" >&2
      failed+=("$gate")
    fi
  done
  if [ ${#failed[@]} -gt 0 ]; then
    echo "gates: ${#failed[@]} gate(s) failed: ${failed[*]}" >&2
    return 1
  fi
  echo "gates: all passed (${*})"
}

# --- self-test: each gate must fail on a bad tree, naming the file, and pass on a good one -----

self_test() {
  local fx problems=0 out
  fx=$(mktemp -d)
  trap 'rm -rf "$fx"' RETURN
  cp "$root/rust-toolchain.toml" "$fx/" 2>/dev/null || true
  mkdir -p "$fx/app/src" "$fx/listings/ch01-x" "$fx/src"
  printf '[workspace]\nmembers = ["app"]\nresolver = "3"\n' >"$fx/Cargo.toml"
  printf '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2024"\npublish = false\n' >"$fx/app/Cargo.toml"
  printf '' >"$fx/_typos.toml"
  # Bad: unformatted, with a clippy lint, a fail_ listing that is fine (never clippy-checked), one
  # that does not parse (skipped by rustfmt), and a misspelled word.
  printf 'fn main() {\n    let v: Vec<u8> = Vec::new();\n    println!("{}", v.len()==0);\n}\n' >"$fx/app/src/main.rs"
  cp "$fx/app/src/main.rs" "$fx/listings/ch01-x/01-bad.rs"
  printf 'fn main() {\n    let s = String::new();\n    let t = s;\n    println!("{s}");\n}\n' >"$fx/listings/ch01-x/fail_moved.rs"
  printf 'fn main() {\n    let = ;\n}\n' >"$fx/listings/ch01-x/fail_unparsable.rs"
  printf '# One\n\nThe stack and teh heap.\n' >"$fx/src/ch01.md"

  expect() { # expect <pass|fail> <gate> [file that the output must name]
    local want=$1 gate=$2 file=${3:-} out code=0
    out=$(GATES_ROOT="$fx" CARGO_TARGET_DIR="$fx/target" bash "$here/gates.sh" "$gate" 2>&1) || code=$?
    if [ "$want" = fail ] && { [ $code = 0 ] || ! grep -q "gates: $gate: $file: " <<<"$out"; }; then
      echo "self-test: $gate should fail naming $file; it said:" >&2
      printf '%s\n' "$out" | tail -15 >&2
      problems=$((problems + 1))
    elif [ "$want" = pass ] && [ $code != 0 ]; then
      echo "self-test: $gate should pass on the good tree; it said:" >&2
      printf '%s\n' "$out" | tail -15 >&2
      problems=$((problems + 1))
    else
      echo "self-test: $gate $([ "$want" = pass ] && echo passes || echo fails) as it should${file:+ (names $file)}"
    fi
    LAST_OUT=$out
  }
  expect fail fmt-listings listings/ch01-x/01-bad.rs
  grep -q "fail_unparsable.rs does not parse; skipped" <<<"$LAST_OUT" || { echo "self-test: fmt-listings should skip an unparsable fail_ listing" >&2; problems=$((problems + 1)); }
  expect fail fmt-code app/src/main.rs
  expect fail clippy-code app/src/main.rs
  expect fail clippy-listings listings/ch01-x/01-bad.rs
  grep -q "fail_moved" <<<"$LAST_OUT" && { echo "self-test: clippy-listings must not check fail_ listings" >&2; problems=$((problems + 1)); }
  expect fail typos src/ch01.md

  # Good: the same tree, fixed.
  printf 'fn main() {\n    let v: Vec<u8> = Vec::new();\n    println!("{}", v.is_empty());\n}\n' >"$fx/app/src/main.rs"
  cp "$fx/app/src/main.rs" "$fx/listings/ch01-x/01-bad.rs"
  printf '# One\n\nThe stack and the heap.\n' >"$fx/src/ch01.md"
  for gate in "${all_gates[@]}"; do expect pass "$gate"; done
  # A pass is remembered; a changed listing is checked again.
  expect pass clippy-listings
  grep -q "0 listing(s) checked, 1 unchanged" <<<"$LAST_OUT" || { echo "self-test: the second clippy-listings run should use the cache: $LAST_OUT" >&2; problems=$((problems + 1)); }
  printf 'fn main() {\n    let x = 1;\n}\n' >"$fx/listings/ch01-x/01-bad.rs"
  expect fail clippy-listings listings/ch01-x/01-bad.rs

  if [ $problems -gt 0 ]; then
    echo "gates: self-test: $problems problem(s)" >&2
    return 1
  fi
  echo "gates: self-test passed"
}

if [ "${1:-}" = "--self-test" ]; then
  self_test
  exit
fi
if [ $# -eq 0 ]; then set -- "${all_gates[@]}"; fi
for gate in "$@"; do
  declare -F "gate_${gate//-/_}" >/dev/null || { echo "gates: no gate $gate (gates: ${all_gates[*]})" >&2; exit 2; }
done
run_gates "$@"
