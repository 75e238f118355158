#!/usr/bin/env bash
# Benchmarks the published webex-connector (Native AOT) against curl and a Python `requests` script on local
# fake Webex servers with 10,000 and 100,000 rooms, and prints the ratios.
# usage: bench/run.sh [RUNS]        (default 7 runs per scenario)
#        bench/run.sh --serve       only starts the fake (prints its URL and an asset file) until Enter
#   WEBEX_CONNECTOR_EXE=path/to/webex-connector bench/run.sh   benchmarks that executable (or .dll) instead of
#                                                              publishing one.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ "${1:-}" = "--serve" ]; then
  exec dotnet run -c Release --project bench/WebexConnector.Bench -- --serve
fi
runs="${1:-7}"
exe="${WEBEX_CONNECTOR_EXE:-}"
if [ -z "$exe" ]; then
  dotnet publish src/WebexConnector.Cli -c Release -o bench/results/publish -v quiet -nologo >/dev/null
  exe=bench/results/publish/webex-connector
fi
dotnet run -c Release --project bench/WebexConnector.Bench -- \
  --runs "$runs" \
  --exe "$exe" \
  --curl-script bench/curl-list-rooms.sh \
  --python-script bench/python-list-rooms.py
