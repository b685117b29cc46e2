#!/usr/bin/env bash
# Browser smoke test of Banana Cake Pop: builds and starts the API, opens /graphql in headless
# Chromium, runs the pre-filled document, saves a screenshot. Exits 0 when all checks pass.
#   scripts/ide-smoke/run.sh                     start the API at http://localhost:5000 and test it
#   IDE_SMOKE_URL=http://host:port IDE_SMOKE_START=0 scripts/ide-smoke/run.sh
#                                                test a server that is already running
#   IDE_SMOKE_SCREENSHOT=/path/shot.png          where to save the screenshot (default: a /tmp file)
#   IDE_SMOKE_NO_INSTALL=1                       never apt-get what is missing (CI): a missing font only warns
#   IDE_SMOKE_SCHEMA_TIMEOUT_MS=120000           how long the IDE may take to introspect a freshly started server
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
url="${IDE_SMOKE_URL:-http://localhost:5000}"
start="${IDE_SMOKE_START:-1}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

# Debian's Chromium (playwright-core downloads no browser), and a CJK font so that the
# screenshot shows the archive's Chinese text instead of empty boxes.
missing=()
[[ -x "$CHROMIUM" ]] || missing+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-wqy-microhei)
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 && "${IDE_SMOKE_NO_INSTALL:-0}" != 1 ]] && command -v apt-get >/dev/null; then
    echo "Installing ${missing[*]} with apt-get…"
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Missing: ${missing[*]}. Install them, e.g.: sudo apt-get install -y ${missing[*]}" >&2
    echo "(or point CHROMIUM at another Chromium/Chrome binary)" >&2
    [[ -x "$CHROMIUM" ]] || exit 1
  fi
fi

command -v npm >/dev/null || { echo "npm is required (install Node.js 20 or later)" >&2; exit 1; }
if [[ ! -f "$here/node_modules/.package-lock.json" || "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]]; then
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund)
fi

server_pid=""
log="$(mktemp "${TMPDIR:-/tmp}/ide-smoke-api-XXXXXX.log")"
stop_server() {
  # The API runs in its own process group (setsid), so this ends it and nothing else.
  if [[ -n "$server_pid" ]]; then kill -- "-$server_pid" 2>/dev/null || true; fi
}
trap stop_server EXIT

answers() { curl -s -o /dev/null --max-time 2 "$url/graphql/bcp-config.json"; }

if [[ "$start" == "1" ]]; then
  if answers; then
    echo "Something already answers at $url; stop it, or set IDE_SMOKE_START=0 to test it." >&2
    exit 1
  fi
  echo "Building the API…"
  dotnet build "$repo/src/GraphQLArchive.Api" -nologo -v quiet
  echo "Starting the API at $url (log: $log)…"
  # No launch profile: launchSettings.json would override ASPNETCORE_URLS.
  ASPNETCORE_URLS="$url" setsid dotnet run --no-build --no-launch-profile \
    --project "$repo/src/GraphQLArchive.Api" >"$log" 2>&1 &
  server_pid=$!
fi

echo "Waiting for $url…"
for _ in $(seq 1 120); do
  answers && break
  if [[ -n "$server_pid" ]] && ! kill -0 "$server_pid" 2>/dev/null; then
    echo "The API exited during start-up:" >&2; tail -n 30 "$log" >&2; exit 1
  fi
  sleep 1
done
answers || { echo "$url did not answer within 120 s" >&2; exit 1; }

node "$here/smoke.mjs" "$url" "${IDE_SMOKE_SCREENSHOT:-}"
