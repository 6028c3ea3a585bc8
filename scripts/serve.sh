#!/usr/bin/env bash
# Set-up command 1: install whatever is missing (at the pinned versions), then serve the book
# at http://127.0.0.1:3000 with live reload. Extra arguments go to `mdbook serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=toolchain.sh
source scripts/toolchain.sh
bash scripts/install-tools.sh
echo "serving the book at http://127.0.0.1:3000 (Ctrl-C to stop)"
exec mdbook serve -n 127.0.0.1 -p 3000 "$@"
