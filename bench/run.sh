#!/usr/bin/env bash
# Benchmarks webex-connector against curl on a local fake Webex server with 10,000 rooms.
# usage: bench/run.sh [RUNS]        (default 7 runs per scenario)
#        bench/run.sh --serve       only starts the fake (prints its URL and an asset file) until Enter
#   WEBEX_CONNECTOR_EXE=path/to/webex-connector bench/run.sh   benchmarks a published executable instead
#                                                              of the Release build of the CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ "${1:-}" = "--serve" ]; then
  exec dotnet run -c Release --project bench/WebexConnector.Bench -- --serve
fi
runs="${1:-7}"
dotnet build src/WebexConnector.Cli -c Release -v quiet -nologo >/dev/null
dotnet run -c Release --project bench/WebexConnector.Bench -- \
  --runs "$runs" \
  --exe "${WEBEX_CONNECTOR_EXE:-src/WebexConnector.Cli/bin/Release/net10.0/webex-connector.dll}" \
  --curl-script bench/curl-list-rooms.sh
