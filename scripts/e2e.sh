#!/usr/bin/env bash
# Runs the end-to-end tests against a tauri-driver started here. Expects a display
# and a session bus (scripts/test.sh provides both with xvfb-run and dbus-run-session).
# Arguments go to `cargo test` as they are: `scripts/e2e.sh actions::` runs one file's
# journeys (every file is a module of the one test binary, tests/main.rs).
set -uo pipefail
cd "$(dirname "$0")/.."
: "${E2E_APP:?E2E_APP must name the built saleguard-desktop binary}"
port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# tauri-driver needs two ports (its own and WebKitWebDriver's): take the first free pair.
port=${WEBDRIVER_PORT:-4444}
while ! { port_is_free "$port" && port_is_free $((port + 1)); }; do
  port=$((port + 2))
done
mkdir -p target

# A GNOME Keyring of its own, unlocked, in a temporary home: the app keeps account
# secrets there, and the developer's real keyring is never touched. On a session bus
# that already has a keyring (not a private dbus-run-session), refuse to run.
if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
  org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
  echo "e2e.sh: this session bus already has a keyring; run it under dbus-run-session (scripts/test.sh does)" >&2
  exit 1
fi
keyring_home=$(mktemp -d)
mkdir -p "$keyring_home/data" "$keyring_home/runtime" && chmod 700 "$keyring_home/runtime"
printf 'saleguard-e2e' | HOME="$keyring_home" XDG_DATA_HOME="$keyring_home/data" \
  XDG_RUNTIME_DIR="$keyring_home/runtime" \
  gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
keyring=$!
for _ in $(seq 100); do
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null \
    | grep -q 'boolean true' && break
  sleep 0.1
done

# The app's Downloads folder (where Settings exports) is a temporary one too, named in
# an XDG user-dirs file the app reads; the tests find it in E2E_DOWNLOADS.
app_config=$(mktemp -d)
export E2E_DOWNLOADS="$app_config/Downloads"
mkdir -p "$E2E_DOWNLOADS"
printf 'XDG_DOWNLOAD_DIR="%s"\n' "$E2E_DOWNLOADS" > "$app_config/user-dirs.dirs"

# The system browser is a stand-in that notes each address it is asked to open in
# E2E_BROWSER_LOG: the app opens explorer pages with xdg-open.
mkdir -p "$app_config/bin"
export E2E_BROWSER_LOG="$app_config/browser.log"
printf '#!/bin/sh\nprintf "%%s\\n" "$1" >> "%s"\n' "$E2E_BROWSER_LOG" > "$app_config/bin/xdg-open"
chmod +x "$app_config/bin/xdg-open"

XDG_CONFIG_HOME="$app_config" PATH="$app_config/bin:$PATH" \
  tauri-driver --port "$port" --native-port $((port + 1)) > target/tauri-driver.log 2>&1 &
driver=$!
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$port/status" >/dev/null && break
  sleep 0.1
done
WEBDRIVER_URL="http://127.0.0.1:$port" cargo test -p saleguard-e2e --locked "$@" -- --test-threads=1
status=$?
kill "$driver" "$keyring" 2>/dev/null
wait "$driver" "$keyring" 2>/dev/null
rm -rf "$keyring_home" "$app_config"
if [[ $status -ne 0 ]]; then
  echo "--- tauri-driver log ---"; tail -n 50 target/tauri-driver.log
fi
exit $status
