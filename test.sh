#!/usr/bin/env bash
# Runs every test (unit and end-to-end, against the real CLI process) and ends with "N passed, N failed".
# Extra arguments go to `dotnet test`, e.g. ./test.sh --filter "FullyQualifiedName~ListRooms".
# On CI (CI=true), or with WEBEX_CONNECTOR_PUBLISHED=1, it first publishes the native executable (Native AOT,
# as the README's "Install and publish" does) and the end-to-end tests run against that binary.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
if [ "${CI:-}" = "true" ] || [ "${WEBEX_CONNECTOR_PUBLISHED:-}" = "1" ]; then
  echo "Publishing the native (Native AOT) executable for the end-to-end tests..."
  publish() { dotnet publish src/WebexConnector.Cli -c Release -o "$results/publish" -v quiet -nologo; }
  if ! publish; then
    # Native AOT links with clang and zlib; a fresh machine of this kind may lack them (CI runs as root).
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
      echo "Installing clang and zlib1g-dev for Native AOT, then publishing again..."
      apt-get update -qq >/dev/null && apt-get install -y -qq clang zlib1g-dev >/dev/null </dev/null
    fi
    if ! publish; then
      echo "0 passed, 1 failed"
      exit 1
    fi
  fi
  export WEBEX_CONNECTOR_EXE="$results/publish/webex-connector"
  echo "End-to-end tests run against $WEBEX_CONNECTOR_EXE"
fi

dotnet test WebexConnector.sln --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@"
status=$?

# Each test assembly writes one TRX file; add up their counters.
passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # the build or the test host failed before any result was written
fi
echo "${passed} passed, ${failed} failed"
exit "$status"
