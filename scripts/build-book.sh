#!/usr/bin/env bash
# Builds the book into book/ and fails on any ERROR line from mdbook (a missing include is only
# logged by mdbook, and the build would otherwise succeed).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=toolchain.sh
source scripts/toolchain.sh
log=$(mktemp)
trap 'rm -f "$log"' EXIT
mdbook build "$@" 2>&1 | tee "$log"
if grep -q "ERROR" "$log"; then
  echo "build-book: mdbook reported errors (above)" >&2
  exit 1
fi
