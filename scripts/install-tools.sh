#!/usr/bin/env bash
# Installs every command-line tool the book needs, at its pinned version, if it is missing
# or at another version. Safe to run again: it does nothing when all is in place.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=tools.env
source scripts/tools.env

need() { # need <binary> <crate> <version>
  local have
  have=$("$1" --version 2>/dev/null | awk '{print $NF}' | sed 's/^v//') || true
  if [ "$have" != "$3" ]; then
    echo "install-tools: installing $2 $3 (found: ${have:-none})" >&2
    cargo install --locked --quiet "$2" --version "$3"
  fi
}

need mdbook mdbook "$MDBOOK_VERSION"
need mdbook-mermaid mdbook-mermaid "$MDBOOK_MERMAID_VERSION"
need mdbook-quiz mdbook-quiz "$MDBOOK_QUIZ_VERSION"
need typos typos-cli "$TYPOS_VERSION"

# The book's own preprocessor, mdbook-memory (crates/mdbook-memory: the memory pictures), from
# this repository: installed where cargo installs the others, again whenever its sources are
# newer than the installed binary.
memory_bin=$(command -v mdbook-memory 2>/dev/null || true)
if [ -z "$memory_bin" ] || [ -n "$(find crates/mdbook-memory Cargo.lock -newer "$memory_bin" -type f 2>/dev/null | head -n1)" ]; then
  echo "install-tools: installing mdbook-memory (crates/mdbook-memory)" >&2
  cargo install --locked --quiet --force --path crates/mdbook-memory
fi

# valgrind checks the listings that use `unsafe` (memcheck) and profiles the heap (massif). It
# is Debian's package on Linux; elsewhere (macOS, Windows) it does not exist, and `cargo test`
# reports those checks as skipped, with the reason.
if ! command -v valgrind >/dev/null 2>&1; then
  if [ "$(uname -s)" = Linux ] && command -v apt-get >/dev/null 2>&1; then
    echo "install-tools: installing valgrind (apt-get)" >&2
    as_root=""
    [ "$(id -u)" = 0 ] || as_root=sudo
    $as_root apt-get update -qq
    $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null
  else
    echo "install-tools: valgrind is not available here; the memcheck and massif checks will be skipped" >&2
  fi
fi
