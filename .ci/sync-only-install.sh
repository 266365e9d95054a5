#!/usr/bin/env bash
# A sync-only installation, as the CSM secretariat deploys it: `npm ci --omit=dev` in a
# clean copy of the project must build (prepare) with runtime dependencies only, and
# `npm run sync -- --help` must run the built client without compiling anything.
#
# Cost: better-sqlite3 is the one native module; compiling it again takes about 107 s of
# CPU (measured), so its build from the full install is reused (same package version,
# same Node, same machine) and every other step runs as in a real deployment. The rest
# takes about a minute on a quiet 2-core machine, npm's cache being warm from `npm ci`.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

git archive HEAD | tar -x -C "$scratch"
cd "$scratch"
npm ci --omit=dev --ignore-scripts --prefer-offline --no-audit --no-fund --loglevel=error
if [ -d node_modules/@types/vitest ] || [ -d node_modules/vitest ]; then echo "sync-only install: dev dependencies were installed" >&2; exit 1; fi
cp -R "$OLDPWD/node_modules/better-sqlite3/build" node_modules/better-sqlite3/
npm run prepare --silent # the lifecycle script npm ci runs: the build, with runtime dependencies only
help="$(npm run -s sync -- --help)"
case "$help" in
  usage:*) echo "sync-only install: npm ci --omit=dev, then npm run sync -- --help: ok" ;;
  *) echo "sync-only install: npm run sync -- --help printed: $help" >&2; exit 1 ;;
esac
# The client opens its SQLite store: the native module loads in this installation.
node -e 'new (require("better-sqlite3"))(":memory:").prepare("select 1").get()'
