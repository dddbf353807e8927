#!/usr/bin/env bash
# Runs every test of the app on a fresh machine: installs what the tests need (npm packages,
# Debian's Chromium for the browser tests, Debian's MariaDB server for the SQL store tests),
# type-checks, builds, then runs the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium (Debian package) for the browser tests…"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

if [ ! -x /usr/sbin/mariadbd ] || ! command -v mariadb-install-db >/dev/null; then
  # The SQL store's tests start their own MariaDB server (tests/store/mariadb.ts); no service is started here.
  echo "Installing MariaDB (Debian package) for the SQL store tests…"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq mariadb-server >/dev/null
fi

npm run typecheck
npm run build
mkdir -p test-output
status=0
npx jest --ci --json --outputFile=test-output/jest-results.json "$@" || status=$?
# One plain closing line, whatever reads the log: "N passed, N failed".
node -e '
  const r = require("./test-output/jest-results.json");
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : ""));
' || true
exit $status
