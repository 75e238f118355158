#!/usr/bin/env bash
# The baseline: list every room with curl, following Link rel="next" exactly as given, bodies to stdout.
# usage: curl-list-rooms.sh URL TOKEN
set -euo pipefail
url="$1"
token="$2"
headers=$(mktemp)
trap 'rm -f "$headers"' EXIT
pages=0
while [ -n "$url" ] && [ "$pages" -lt 10000 ]; do
  curl -sS -f -H "Authorization: Bearer $token" -D "$headers" "$url"
  pages=$((pages + 1))
  url=$(tr -d '\r' < "$headers" | grep -i '^link:' | sed -n 's/.*<\([^>]*\)>[[:space:]]*;[[:space:]]*rel="\{0,1\}next"\{0,1\}.*/\1/p' | head -n 1 || true)
done
