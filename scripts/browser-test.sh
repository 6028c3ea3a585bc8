#!/usr/bin/env bash
# The browser tests of the built book (CONTRIBUTING.md, "Browser tests"):
#   1. installs what is missing: Debian's chromium (apt-get), the suite's npm packages (npm ci);
#   2. builds the book (scripts/build-book.sh) into book/;
#   3. serves it on 127.0.0.1, on a free port, under book.toml's site-url;
#   4. runs the link check, the tests of the checks and the browser suite (browser/*.test.mjs:
#      every page in light and dark themes, weighed as the browser loaded it), and stops the
#      server.
# Every step runs even if an earlier one failed; the exit status is 1 if any failed.
# Screenshots of key pages go to artifacts/screenshots/ (gitignored).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=
apt_install() {
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# --- 1. tools ------------------------------------------------------------------------------
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then
  echo "browser-test: installing Debian's chromium (apt-get)"
  apt_install chromium
fi
command -v python3 >/dev/null || { echo "browser-test: installing python3"; apt_install python3; }
command -v node >/dev/null || { echo "browser-test: installing nodejs and npm"; apt_install nodejs npm; }
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "browser-test: node $(node --version) is too old: playwright-core needs node 20 or later" >&2
  exit 1
fi
# npm ci when browser/node_modules was not installed from this package-lock.json.
if ! cmp -s browser/package-lock.json browser/node_modules/.installed-from-lock; then
  echo "browser-test: npm ci (browser/)"
  (cd browser && npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.installed-from-lock)
fi

# --- 2. build ------------------------------------------------------------------------------
bash scripts/build-book.sh >/dev/null
echo "browser-test: book built in book/"

# --- 3. serve ------------------------------------------------------------------------------
log=$(mktemp)
node browser/serve.mjs book >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"' EXIT
url=
for _ in $(seq 100); do
  url=$(grep -m1 -o 'http://127\.0\.0\.1:[0-9]*/[^[:space:]]*' "$log" || true)
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "browser-test: the server did not start:" >&2
  cat "$log" >&2
  exit 1
fi
echo "browser-test: serving book/ at $url"

# --- 4. checks -----------------------------------------------------------------------------
failed=()
run() { # run <name> <command...>
  local name=$1 started=$SECONDS
  shift
  echo
  echo "--> browser-test: $name"
  if "$@"; then
    echo "--> browser-test: $name: ok ($((SECONDS - started)) s)"
  else
    echo "--> browser-test: $name: FAILED ($((SECONDS - started)) s)"
    failed+=("$name")
  fi
}

rm -rf artifacts/screenshots
run "link check" python3 scripts/link-check.py book
export BOOK_DIR=$PWD/book BOOK_URL=$url ARTIFACTS=$PWD/artifacts/screenshots CHROMIUM
run "tests of the checks, and the browser suite" \
  bash -c 'cd browser && node --test --test-concurrency=1 --test-reporter=spec checks.test.mjs book.test.mjs $(ls *.test.mjs | grep -vx -e checks.test.mjs -e book.test.mjs)'

echo
if [ ${#failed[@]} -gt 0 ]; then
  printf 'browser-test: FAILED: %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "browser-test: all passed; screenshots in artifacts/screenshots/"
