#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs and starts what the tests need (PostgreSQL from Debian packages),
# and Chromium for the browser tests, builds, runs every test project and ends with one line "N passed, N failed".
# Switch: LA_DIFF_CASES=N (differential cases per engine, default 500).
set -uo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if [ -z "${LA_TEST_POSTGRES:-}" ]; then
  # Assigned apart from export, so that a failed start is seen (export would hide its status).
  LA_TEST_POSTGRES=$(bash scripts/start-postgres.sh) || { echo "[test] PostgreSQL could not be started" >&2; echo "0 passed, 1 failed"; exit 1; }
fi
export LA_TEST_POSTGRES
echo "[test] PostgreSQL: $LA_TEST_POSTGRES"
bash scripts/install-chromium.sh || { echo "[test] Chromium could not be installed" >&2; echo "0 passed, 1 failed"; exit 1; }

LOG=$(mktemp /tmp/la-test.XXXXXX.log)
export LA_TEST_SUMMARY=$(mktemp /tmp/la-test-summary.XXXXXX.txt)
echo "[test] dotnet build"
if ! dotnet build LinkedAudiences.sln -c Release 2>&1 | tee -a "$LOG" | grep -E "error|Warn|Error|Elapsed" ; then :; fi
if grep -qE "Build FAILED|: error " "$LOG"; then
  echo "[test] build failed (log: $LOG)" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

echo "[test] dotnet test"
dotnet test LinkedAudiences.sln -c Release --no-build 2>&1 | tee -a "$LOG" \
  | grep -E "^\s*(Passed|Failed|Skipped)!|^\s+Failed |Error Message|^\s*\[(diff|bench|test)\]|Assert\.|Expected|Actual"
rc=${PIPESTATUS[0]}

passed=0; failed=0; skipped=0
while read -r f p s; do
  failed=$((failed + f)); passed=$((passed + p)); skipped=$((skipped + s))
done < <(grep -E "^\s*(Passed|Failed)!\s+-" "$LOG" \
  | sed -E 's/.*Failed:\s*([0-9]+), Passed:\s*([0-9]+), Skipped:\s*([0-9]+).*/\1 \2 \3/')
echo "[test] full log: $LOG"
cat "$LA_TEST_SUMMARY" 2>/dev/null
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$rc"
