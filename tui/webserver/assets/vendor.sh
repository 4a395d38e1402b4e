#!/usr/bin/env bash
# Installs the pinned xterm.js (package-lock.json) with npm ci and copies the
# files the page loads into ../static/vendor, where go:embed takes them.
# Nothing fetched is committed: node_modules and static/vendor are ignored.
# Run by `go generate ./tui/webserver` and by .ci/run when they are missing.
set -euo pipefail
cd "$(dirname "$0")"
command -v npm >/dev/null || { echo "vendor.sh: npm is needed (apt-get install npm)" >&2; exit 1; }
npm ci --ignore-scripts --no-audit --no-fund --silent
out=../static/vendor
rm -rf "$out"
mkdir -p "$out"
cp node_modules/@xterm/xterm/lib/xterm.js node_modules/@xterm/xterm/css/xterm.css \
   node_modules/@xterm/addon-fit/lib/addon-fit.js node_modules/@xterm/xterm/LICENSE "$out"/
# Which versions went in, for the page's about line and the tests.
node -e 'const l=require("./package-lock.json").packages;
  console.log(JSON.stringify({xterm:l["node_modules/@xterm/xterm"].version, fit:l["node_modules/@xterm/addon-fit"].version}))' >"$out"/versions.json
echo "vendor.sh: xterm.js $(cat "$out"/versions.json) copied to static/vendor"
