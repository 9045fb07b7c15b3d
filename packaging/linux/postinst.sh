#!/bin/sh
# After installing or upgrading Saleguard: make udev read its hardware-wallet rules now,
# so a Ledger or Trezor plugged in afterwards (or re-plugged) is usable at once. Where
# udev does not run (a container, a chroot) there is nothing to reload: not an error.
set -e
if command -v udevadm >/dev/null 2>&1 && [ -d /run/udev ]; then
  udevadm control --reload-rules >/dev/null 2>&1 || true
  udevadm trigger --subsystem-match=usb --subsystem-match=hidraw >/dev/null 2>&1 || true
fi
exit 0
