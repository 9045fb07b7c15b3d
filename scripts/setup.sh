#!/usr/bin/env bash
# Installs what Saleguard needs to build, run and test, skipping what is already there.
# Usage: scripts/setup.sh [--for-tests | --for-packages]
#   --for-packages  what scripts/package.sh needs besides the build (help2man)
#   --for-tests     that, and what the tests need (Xvfb, the keyring, debootstrap, lintian…)
# On Debian/Ubuntu it installs system packages with apt (as root or through sudo);
# elsewhere it checks and explains. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

for_tests=false
for_packages=false
case "${1:-}" in
  --for-tests) for_tests=true; for_packages=true ;;
  --for-packages) for_packages=true ;;
esac

sudo_cmd=()
[[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'setup: %s\n' "$*" >&2; exit 1; }

# --- system packages (Tauri's WebKitGTK stack; udev and libusb for Ledger's USB HID;
# Xvfb, WebKitWebDriver and D-Bus for tests)
apt_packages=(ca-certificates curl file build-essential pkg-config libwebkit2gtk-4.1-dev
  libxdo-dev libssl-dev libayatana-appindicator3-dev librsvg2-dev libudev-dev
  libusb-1.0-0-dev)
$for_tests && apt_packages+=(xvfb xauth webkit2gtk-driver dbus dbus-x11 gnome-keyring
  libsecret-tools keyutils imagemagick xdotool debootstrap lintian rpm bc
  gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64 python3-venv)
$for_packages && apt_packages+=(help2man dpkg-dev)

if command -v apt-get >/dev/null 2>&1; then
  missing=()
  for package in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  if ((${#missing[@]})); then
    say "Installing system packages: ${missing[*]}"
    "${sudo_cmd[@]}" apt-get update -q
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
elif [[ "$(uname)" == "Linux" ]]; then
  say "Not a Debian/Ubuntu system: install the equivalents of: ${apt_packages[*]}"
fi

# --- Rust
if ! command -v cargo >/dev/null 2>&1; then
  if [[ -x "$HOME/.cargo/bin/cargo" ]]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  else
    say "Installing Rust with rustup"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c rustfmt,clippy
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
fi
if command -v rustup >/dev/null 2>&1; then
  for component in rustfmt clippy; do
    rustup component list --installed 2>/dev/null | grep -q "^$component" || rustup component add "$component"
  done
fi

# --- Node.js (20.19 or newer) and the UI's packages
node_is_recent() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a==20&&b>=19)?0:1)'
}
if ! node_is_recent && command -v apt-get >/dev/null 2>&1; then
  # Debian's own nodejs is too old for Vite; NodeSource's apt repository has Node 22.
  say "Installing Node.js 22 from NodeSource"
  curl -fsSL https://deb.nodesource.com/setup_22.x | "${sudo_cmd[@]}" bash -
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q nodejs
fi
node_is_recent || die "Node.js 20.19 or newer is needed (found: $(node --version 2>/dev/null || echo none)): https://nodejs.org"
if [[ ! -d ui/node_modules ]] || [[ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]]; then
  say "Installing the UI's packages"
  (cd ui && npm ci --no-audit --no-fund)
fi

# --- the local Ethereum node (Anvil) and the Solidity compiler for the chain tests
if $for_tests && { [[ ! -d tests/contracts/node_modules ]] ||
  [[ tests/contracts/package-lock.json -nt tests/contracts/node_modules/.package-lock.json ]]; }; then
  say "Installing Anvil and solc for the chain tests"
  (cd tests/contracts && npm ci --no-audit --no-fund)
fi

# --- cargo-deny, which checks the dependency graph against deny.toml (offline parts)
if $for_tests && ! command -v cargo-deny >/dev/null 2>&1; then
  say "Installing cargo-deny"
  cargo install cargo-deny --version '^0.20' --locked
fi

# --- tauri-driver, the WebDriver bridge for the end-to-end tests
if $for_tests && ! command -v tauri-driver >/dev/null 2>&1; then
  say "Installing tauri-driver"
  cargo install tauri-driver --version '^2' --locked
fi
