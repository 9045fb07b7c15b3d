#!/usr/bin/env bash
# Checks Saleguard's Linux packages the way a user meets them (run by scripts/test.sh):
#   1. builds them (scripts/package.sh) and lints the .deb with lintian, errors and
#      warnings failing (packaging/linux/lintian-overrides says why each override is);
#   2. checks the declared dependencies against what the binaries link (dpkg-shlibdeps)
#      and the .rpm's metadata and files;
#   3. makes a clean Debian 12 root with debootstrap, installs the .deb there with
#      `apt-get install ./saleguard_….deb` (apt resolves the dependencies, as on a user's
#      machine), starts the installed app under Xvfb with a fresh home and waits for its
#      window to map and paint (screenshot: target/package-screenshots/), runs the
#      installed CLI (--version, `sale list` on an empty data folder);
#   4. purges the package and checks the user's data folder is byte for byte as it was.
#
# Usage: scripts/check-package.sh [--release | --packaged]
#   Without an option it packages the debug build the tests have already built; the
#   sizes in docs/performance.md come from `--release`. `--packaged` checks the debug
#   packages already in target/package (scripts/test.sh builds them as the user, then
#   runs this as root).
# Needs root (debootstrap, chroot, mounts) and the network to Debian's archive
# (DEBIAN_MIRROR, default http://deb.debian.org/debian). Packages that debootstrap and
# apt download are kept in target/package-cache/ for the next run on this machine; every
# step still runs each time (a fresh clone has no cache and downloads them).
set -euo pipefail
cd "$(dirname "$0")/.."

profile=debug
build=(scripts/package.sh --debug)
case "${1:-}" in
  --release) profile=release; build=(scripts/package.sh) ;;
  --packaged) build=() ;;
  "") ;;
  *) echo "usage: $0 [--release | --packaged]" >&2; exit 2 ;;
esac
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

if [[ $(id -u) -ne 0 ]]; then
  echo "check-package.sh: needs root for debootstrap and chroot (try: sudo $0 $*)" >&2
  exit 1
fi
# Every mount below is made in a mount namespace of this script's own: when it ends, by
# any path, the kernel drops them all, so none can outlive it inside target/ (where a
# later `rm -rf target` would reach the host's /dev through it).
if [[ -z "${SALEGUARD_PRIVATE_MOUNTS:-}" ]]; then
  SALEGUARD_PRIVATE_MOUNTS=1 exec unshare --mount --propagation private "$0" "$@"
fi

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf 'check-package: FAILED: %s\n' "$*" >&2; exit 1; }

if ((${#build[@]})); then "${build[@]}"; fi
deb=$(ls target/package/$profile/bundle/deb/saleguard_*.deb)
rpm=$(ls target/package/$profile/bundle/rpm/saleguard-*.rpm)
version=$(dpkg-deb -f "$deb" Version)

say "lintian: the .deb"
lint_status=0
lint=$(lintian --fail-on error,warning --tag-display-limit 0 "$deb" 2>&1) || lint_status=$?
grep -v 'running with root privileges' <<<"$lint" || true
((lint_status == 0)) || fail "lintian reports the problems above"

say "Dependencies: every library the binaries link is declared"
declared=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | awk '{ print $1 }' | sort -u)
shlibs_dir=$(mktemp -d)
printf 'Source: saleguard\n\nPackage: saleguard\nArchitecture: any\n' >"$shlibs_dir/control"
mkdir -p "$shlibs_dir/debian" && mv "$shlibs_dir/control" "$shlibs_dir/debian/control"
binaries=("$PWD/target/package/$profile/saleguard-desktop" "$PWD/target/package/$profile/saleguard")
shlibs=$(cd "$shlibs_dir" && dpkg-shlibdeps -O "${binaries[@]/#/-e}" 2>&1) ||
  fail "dpkg-shlibdeps: $shlibs"
rm -rf "$shlibs_dir"
linked=$(grep '^shlibs:Depends=' <<<"$shlibs" | sed 's/^shlibs:Depends=//' | tr ',' '\n' |
  awk '{ print $1 }' | sort -u)
[[ -n "$linked" ]] || fail "dpkg-shlibdeps named no library: $shlibs"
undeclared=$(comm -13 <(echo "$declared") <(echo "$linked"))
[[ -z "$undeclared" ]] || fail "the binaries link libraries of packages the .deb does not depend on: $undeclared"
echo "declared: $(echo $declared)"

say "The .rpm: metadata and files"
rpm -qp --qf 'name %{NAME}\nversion %{VERSION}\nlicense %{LICENSE}\nsummary %{SUMMARY}\n' "$rpm"
[[ "$(rpm -qp --qf '%{NAME} %{VERSION} %{LICENSE}' "$rpm")" == "saleguard $version MIT" ]] ||
  fail "the .rpm's name, version or license is not saleguard $version MIT"
rpm_files=$(rpm -qpl "$rpm")
for file in /usr/bin/saleguard-desktop /usr/bin/saleguard \
  /usr/lib/udev/rules.d/70-saleguard-hardware-wallets.rules \
  /usr/share/applications/Saleguard.desktop /usr/share/man/man1/saleguard.1.gz; do
  grep -qx "$file" <<<"$rpm_files" || fail "the .rpm lacks $file"
done
for library in webkit2gtk-4.1 libusb; do
  rpm -qpR "$rpm" | grep -q "$library" || fail "the .rpm does not require $library"
done

# --- a clean Debian 12 root
work=target/package-check
root=$PWD/$work/root
cache=$PWD/target/package-cache
screens=target/package-screenshots
mounts=()
app_pid=
xvfb_pid=
cleanup() {
  # Runs on every exit, failures included: nothing in it may stop it half-way.
  if [[ -n "$app_pid" ]]; then kill "$app_pid" 2>/dev/null || true; fi
  if [[ -n "$xvfb_pid" ]]; then kill "$xvfb_pid" 2>/dev/null || true; fi
  app_pid= xvfb_pid=
  local i
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
    umount "${mounts[i]}" 2>/dev/null || umount -l "${mounts[i]}" 2>/dev/null || true
  done
  mounts=()
  # Never delete through a mount that is still there (it could be the host's /dev).
  if ! findmnt -ln -o TARGET | grep -qF "$root"; then
    rm -rf --one-file-system "$root"
  else
    echo "check-package: $root still has mounts; not deleted" >&2
  fi
}
trap cleanup EXIT
mount_in_root() { # SOURCE TARGET [mount options…]
  local target=$root/$2
  mkdir -p "$target"
  mount "${@:3}" "$1" "$target"
  mounts+=("$target")
}
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }

cleanup
[[ ! -e "$root" ]] || fail "$root is left from an earlier run with mounts in it: unmount them (findmnt | grep package-check), then delete it"
mkdir -p "$work" "$cache/debootstrap" "$cache/apt" "$screens"
say "debootstrap: a clean Debian 12 root ($mirror)"
started=$SECONDS
debootstrap --variant=minbase --cache-dir="$cache/debootstrap" bookworm "$root" "$mirror" \
  >"$work/debootstrap.log" 2>&1 || { tail -20 "$work/debootstrap.log"; fail "debootstrap"; }
echo "$(du -sh "$root" | cut -f1) in $((SECONDS - started)) s"

mount_in_root proc proc -t proc
mount_in_root /dev dev --bind
mount_in_root devpts dev/pts -t devpts
mount_in_root shm dev/shm -t tmpfs
mount_in_root /sys sys --bind
mount -o remount,bind,ro "$root/sys"
mount_in_root "$cache/apt" var/cache/apt/archives --bind
mkdir -p "$root/tmp/.X11-unix"
mount_in_root /tmp/.X11-unix tmp/.X11-unix --bind
cp "$deb" "$root/tmp/"

say "apt-get install ./$(basename "$deb") in the clean root"
install_started=$(date +%s.%N)
in_root apt-get update -q >"$work/apt.log" 2>&1 || { tail -20 "$work/apt.log"; fail "apt-get update"; }
(cd "$root/tmp" && in_root sh -c "cd /tmp && DEBIAN_FRONTEND=noninteractive apt-get install -y -q ./$(basename "$deb")") \
  >>"$work/apt.log" 2>&1 || { tail -30 "$work/apt.log"; fail "apt-get install"; }
echo "$(grep -c '^Setting up' "$work/apt.log") packages set up in $(printf '%.0f' "$(echo "$(date +%s.%N) - $install_started" | bc)") s"
for file in /usr/bin/saleguard-desktop /usr/bin/saleguard /usr/share/applications/Saleguard.desktop \
  /usr/lib/udev/rules.d/70-saleguard-hardware-wallets.rules /usr/share/man/man1/saleguard.1.gz; do
  [[ -e "$root$file" ]] || fail "installed, but $file is missing"
done
grep -q '^Categories=.*Finance' "$root/usr/share/applications/Saleguard.desktop" ||
  fail "the desktop entry is not in the Finance category"

say "The installed app: its window maps and paints"
display=99
while [[ -e /tmp/.X11-unix/X$display ]]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do [[ -e /tmp/.X11-unix/X$display ]] && break; sleep 0.1; done
mkdir -p "$root/home/user"
# Started by chroot itself (not through a shell function, whose $! would be a subshell):
# $! is the app's own process, which the check stops before comparing the data.
chroot "$root" env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME=/home/user DISPLAY=":$display" \
  /usr/bin/saleguard-desktop >"$work/app.log" 2>&1 &
app_pid=$!
export DISPLAY=":$display"
painted=
for _ in $(seq 120); do
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log"; fail "the installed app exited"; }
  if xdotool search --onlyvisible --name '^Saleguard$' >/dev/null 2>&1; then
    import -window root "$screens/installed-app.png" 2>/dev/null || true
    # A window WebKit has not painted yet is one flat colour; the dashboard has text,
    # icons and cards: hundreds of colours.
    colours=$(convert "$screens/installed-app.png" -format %k info: 2>/dev/null || echo 0)
    if ((colours > 200)); then painted=yes; break; fi
  fi
  sleep 0.5
done
[[ -n "$painted" ]] || { cat "$work/app.log"; fail "no painted window within 60 s (see $screens/installed-app.png)"; }
echo "painted ($colours colours): $screens/installed-app.png"
printf 'apt-get install → painted window: %.1f s\n' "$(echo "$(date +%s.%N) - $install_started" | bc)"

say "The installed CLI"
cli_version=$(in_root HOME=/home/cli saleguard --version)
[[ "$cli_version" == "saleguard $version" ]] || fail "saleguard --version says '$cli_version', not saleguard $version"
sales=$(in_root HOME=/home/cli saleguard sale list)
[[ "$sales" == "No sales yet."* ]] || fail "saleguard sale list on an empty data folder said: $sales"
echo "$cli_version; sale list: $sales"

say "Purging the package keeps the user's data"
kill "$app_pid" 2>/dev/null || true
wait "$app_pid" 2>/dev/null || true
app_pid=
data=$(find "$root/home/user/.local/share" -name saleguard.sqlite3)
[[ -n "$data" ]] || fail "the app made no data folder under ~/.local/share"
checksums() { (cd "$root/home" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
before=$(checksums)
in_root sh -c 'DEBIAN_FRONTEND=noninteractive apt-get purge -y -q saleguard' >>"$work/apt.log" 2>&1 ||
  { tail -20 "$work/apt.log"; fail "apt-get purge"; }
for file in /usr/bin/saleguard-desktop /usr/bin/saleguard /usr/lib/udev/rules.d/70-saleguard-hardware-wallets.rules; do
  [[ ! -e "$root$file" ]] || fail "purged, but $file is still there"
done
[[ "$(checksums)" == "$before" ]] || fail "purging the package changed the user's files"
echo "$(wc -l <<<"$before") files in the homes unchanged, among them ${data#"$root"}"
say "The package check passed"
