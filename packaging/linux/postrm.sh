#!/bin/sh
# After removing Saleguard: udev forgets its hardware-wallet rules. The user's data
# folder (~/.local/share/com.saleguard.desktop) and keyring entries are theirs and stay.
set -e
if command -v udevadm >/dev/null 2>&1 && [ -d /run/udev ]; then
  udevadm control --reload-rules >/dev/null 2>&1 || true
fi
exit 0
