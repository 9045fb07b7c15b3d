#!/usr/bin/env bash
# Builds Saleguard's Linux packages, a .deb and an .rpm, with Tauri's bundler (the
# @tauri-apps/cli of ui/package.json, pinned to the Tauri of Cargo.lock). Each holds the
# desktop app, the `saleguard` CLI, their manual pages, a desktop entry and icons, and
# udev rules for Ledger and Trezor (packaging/linux). The packages land in
# target/package/<profile>/bundle/{deb,rpm}/.
#
# Usage: scripts/package.sh [--debug]
#   --debug  package the debug build (what scripts/check-package.sh installs and runs:
#            the tests build it anyway); without it a release build, as users get.
#
# No AppImage: Tauri's bundler downloads linuxdeploy and its plugins from GitHub, which
# none of the package registries carries (see README → Packages).
set -euo pipefail
cd "$(dirname "$0")/.."

profile=release
[[ "${1:-}" == "--debug" ]] && profile=debug

scripts/setup.sh --for-packages
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

say "Building the UI and the $profile binaries"
scripts/build-ui.sh
cargo_profile=()
[[ $profile == release ]] && cargo_profile=(--release)
cargo build "${cargo_profile[@]}" -p saleguard-desktop -p saleguard-cli \
  --features saleguard-desktop/custom-protocol --locked

# The bundler takes the app's binary from <target dir>/<profile>/: a target dir of the
# packaging's own, with stripped copies (a debug build carries 100s of MB of debug
# information that no user needs), keeps target/<profile> as cargo left it.
package_dir=target/package
stage=$package_dir/stage
rm -rf "$stage" "$package_dir/$profile/bundle"
mkdir -p "$stage" "$package_dir/$profile"
for binary in saleguard-desktop saleguard; do
  strip --strip-unneeded -o "$package_dir/$profile/$binary" "target/$profile/$binary"
done
cp "$package_dir/$profile/saleguard" "$stage/saleguard"

say "Writing the manual pages from the programs' own --help"
help2man --no-info --section=1 --name="the command-line tool over Saleguard's use cases" \
  --output="$stage/saleguard.1" "$stage/saleguard"
help2man --no-info --section=1 --name="the Saleguard desktop app" \
  --output="$stage/saleguard-desktop.1" "$package_dir/$profile/saleguard-desktop"
gzip -9n "$stage/saleguard.1" "$stage/saleguard-desktop.1"

say "Bundling the .deb and the .rpm"
bundle_options=()
# A debug package is for scripts/check-package.sh to install: quick gzip, not xz -9.
[[ $profile == debug ]] &&
  bundle_options=(--debug --config '{"bundle":{"linux":{"rpm":{"compression":{"type":"gzip","level":6}}}}}')
CARGO_TARGET_DIR="$PWD/$package_dir" ui/node_modules/.bin/tauri bundle --ci \
  "${bundle_options[@]}" --bundles deb,rpm --features custom-protocol

# The bundler names the files after the product ("Saleguard_…"); Debian and RPM name them
# after the package, which is lowercase.
for package in "$package_dir/$profile"/bundle/{deb,rpm}/Saleguard[-_]*; do
  name=$(basename "$package")
  mv "$package" "$(dirname "$package")/saleguard${name#Saleguard}"
done
# The bundler writes the .deb's files with gzip; a release .deb is rebuilt with xz -9, as
# Debian's own packages are (about half the size: the .rpm is xz -9 by its config).
if [[ $profile == release ]]; then
  say "Compressing the .deb with xz"
  for deb in "$package_dir/$profile"/bundle/deb/*.deb; do
    unpacked=$(mktemp -d)
    dpkg-deb --raw-extract "$deb" "$unpacked/package"
    dpkg-deb --root-owner-group -Zxz -z9 --build "$unpacked/package" "$deb" >/dev/null
    rm -rf "$unpacked"
  done
fi
for package in "$package_dir/$profile"/bundle/deb/*.deb "$package_dir/$profile"/bundle/rpm/*.rpm; do
  printf '%s  %s\n' "$(du -h "$package" | cut -f1)" "$package"
done
