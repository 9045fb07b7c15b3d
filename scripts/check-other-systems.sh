#!/usr/bin/env bash
# Checks from this Linux machine that Saleguard builds for Windows and macOS (run by
# scripts/test.sh): every cfg(target_os) path — the keyring stores, the data folder,
# USB access, the single-instance pipe — compiles and passes clippy with warnings
# denied.
#   Windows (x86_64-pc-windows-gnu, with Debian's mingw-w64): the app and the CLI are
#     built and linked into .exe files, clippy linting them in the same build.
#   macOS (aarch64-apple-darwin; the release's universal build adds x86_64 on a macOS
#     runner, and no cfg of ours tells the two apart): clippy, with zig as the C
#     compiler (scripts/cross/zig-cc). Not linked: that needs Apple's SDK, which no
#     registry here carries. For the same reason two C libraries are not compiled for
#     macOS, as both need the SDK's IOKit headers: libusb1-sys is told (through a
#     pkg-config file of our own) that a system libusb exists, and hidapi's mac/hid.c
#     is compiled as an empty file (zig-cc says so). A check does not link, and every
#     line of Rust, ours and the crates', is still compiled and linted.
# The installers themselves are built on hosted runners: docs/releasing.md.
#
# Usage: scripts/check-other-systems.sh [windows|macos]...   (default: both)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
systems=("$@")
((${#systems[@]})) || systems=(windows macos)
packages=(-p saleguard-desktop -p saleguard-cli --features saleguard-desktop/custom-protocol --locked)

for system in "${systems[@]}"; do
  case "$system" in
    windows)
      target=x86_64-pc-windows-gnu
      rustup target add "$target" >/dev/null
      say "Windows ($target): clippy and a linked build"
      # clippy-driver as the workspace's compiler: one build lints our crates (warnings
      # denied) and compiles and links everything, instead of a check and a build.
      RUSTC_WORKSPACE_WRAPPER="$(command -v clippy-driver)" \
        CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUSTFLAGS="-D warnings" \
        cargo build --target "$target" "${packages[@]}"
      for binary in saleguard-desktop.exe saleguard.exe; do
        file "target/$target/debug/$binary" | grep -q 'PE32+ executable.*x86-64.*MS Windows' ||
          { echo "not a Windows x86-64 executable: $binary" >&2; exit 1; }
        printf '%s  %s\n' "$(du -h "target/$target/debug/$binary" | cut -f1)" "target/$target/debug/$binary"
      done
      ;;
    macos)
      # zig from PyPI, in a virtual environment of its own (pinned).
      venv=target/cross/venv
      if ! "$venv/bin/python" -m ziglang version 2>/dev/null | grep -qx 0.17.1; then
        python3 -m venv "$venv"
        "$venv/bin/pip" install --quiet --disable-pip-version-check ziglang==0.17.1
      fi
      export ZIG_PYTHON=$PWD/$venv/bin/python
      stub=target/cross/pkgconfig
      mkdir -p "$stub"
      printf 'Name: libusb-1.0\nDescription: stands for the macOS libusb at link time (never linked here)\nVersion: 1.0.27\nLibs: -lusb-1.0\nCflags:\n' \
        >"$stub/libusb-1.0.pc"
      # One macOS target: our code behind cfg(target_os = "macos") is the same on both
      # processors, and a second clippy run cost CI 3.5 minutes for it.
      for target in aarch64-apple-darwin; do
        rustup target add "$target" >/dev/null
        say "macOS ($target): clippy, warnings denied"
        env "CC_${target//-/_}=$PWD/scripts/cross/zig-cc" "AR_${target//-/_}=$PWD/scripts/cross/zig-ar" \
          ZIG_TARGET="${target%%-*}-macos" ZIG_SKIP_SOURCES=etc/hidapi/mac/hid.c \
          "PKG_CONFIG_ALLOW_CROSS=1" "PKG_CONFIG_PATH_${target//-/_}=$PWD/$stub" \
          cargo clippy --target "$target" "${packages[@]}" -- -D warnings
      done
      ;;
    *)
      echo "usage: $0 [windows|macos]..." >&2
      exit 2
      ;;
  esac
done
