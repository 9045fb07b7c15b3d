#!/usr/bin/env python3
"""Extracts the networks each version of the devices' software knows by itself into
crates/hardware/data/{ledger,trezor}-networks.tsv: chain ID, the two words the software
shows for it, and the versions that know it (from the first, up to but not including
the second; empty: still in the newest tag read).

Run it again when a new Ledger Ethereum app or Trezor firmware is read, with local clones
(full history and tags) of both projects:

    scripts/device-networks.py PATH/TO/app-ethereum PATH/TO/trezor-firmware

Only facts are taken (chain IDs, names, tickers), each cited to the tag it came from in
docs/device-screens.md.
"""

import re
import subprocess
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "crates" / "hardware" / "data"


def git(repo, *args):
    return subprocess.check_output(["git", "-C", repo, *args], text=True)


def version_of(tag, prefix):
    return tuple(int(n) for n in tag[len(prefix):].split("."))


def runs(rows, tags, prefix):
    """(key…, from, until) for each contiguous run of tags that has the row."""
    index = {tag: i for i, tag in enumerate(tags)}
    out = []
    for key, having in sorted(rows.items()):
        positions = sorted(index[tag] for tag in having)
        start = previous = positions[0]
        for position in positions[1:] + [None]:
            if position is not None and position == previous + 1:
                previous = position
                continue
            until = tags[previous + 1][len(prefix):] if previous + 1 < len(tags) else ""
            out.append((*key, tags[start][len(prefix):], until))
            if position is not None:
                start = previous = position
    return out


def ledger(repo):
    tags = [t for t in git(repo, "tag").split() if re.fullmatch(r"\d+\.\d+\.\d+", t)]
    tags = sorted((t for t in tags if version_of(t, "") >= (1, 9, 0)), key=lambda t: version_of(t, ""))
    rows = {}
    for tag in tags:
        files = [f for f in git(repo, "ls-tree", "-r", "--name-only", tag).split() if re.search(r"(^|/)network\.c$", f)]
        source = git(repo, "show", f"{tag}:{files[0]}")
        table = source[source.index("NETWORK_MAPPING"):]
        table = table[: table.index("};")]
        for m in re.finditer(r'\.chain_id\s*=\s*(\d+),\s*\.name\s*=\s*"([^"]*)",\s*\.ticker\s*=\s*"([^"]*)"', table):
            rows.setdefault((int(m[1]), m[2], m[3].strip()), set()).add(tag)
    return tags, runs(rows, tags, "")


def trezor(repo):
    prefix = "core/v"
    tags = [t for t in git(repo, "tag").split() if re.fullmatch(r"core/v2\.\d+\.\d+", t)]
    tags = sorted((t for t in tags if version_of(t, prefix) >= (2, 6, 0)), key=lambda t: version_of(t, prefix))
    rows = {}
    for tag in tags:
        source = git(repo, "show", f"{tag}:core/src/apps/ethereum/networks.py")
        for m in re.finditer(r'(\d+),\s+# chain_id\s+\d+,\s+# slip44\s+"([^"]+)",\s+# symbol\s+"([^"]+)",\s+# name', source):
            rows.setdefault((int(m[1]), m[2], m[3]), set()).add(tag)
    return tags, runs(rows, tags, prefix)


LEDGER_HEADER = """# The networks the Ledger Ethereum app knows by itself (chain ID, the name on its Network
# screen, the ticker of its amounts), and the app versions that know each: from the first
# to before the second (empty: still in the newest version read). Extracted from the
# NETWORK_MAPPING table of src/network.c (src_common/network.c before 1.10) at every
# release tag {first} to {last} of github.com/LedgerHQ/app-ethereum (Apache-2.0), by
# scripts/device-networks.py; see docs/device-screens.md.
# chain_id\tname\tticker\tfrom\tuntil
"""

TREZOR_HEADER = """# The networks a Trezor's firmware (Model T, Safe 3, Safe 5: the "core" firmware) knows by
# itself (chain ID, the symbol of its amounts, its name), and the firmware versions that know
# each: from the first to before the second (empty: still in the newest version read). On
# any other chain the firmware writes amounts in "UNKN". Extracted from
# core/src/apps/ethereum/networks.py at every release tag {first} to {last} of
# github.com/trezor/trezor-firmware (GPL-3.0; these facts only), the same for every model,
# by scripts/device-networks.py; see docs/device-screens.md.
# chain_id\tsymbol\tname\tfrom\tuntil
"""


def write(name, header, tags, rows):
    text = header.format(first=tags[0], last=tags[-1]) + "".join("\t".join(map(str, row)) + "\n" for row in rows)
    (OUT / name).write_text(text)
    print(f"{name}: {len(rows)} rows from {len(tags)} tags ({tags[0]} to {tags[-1]})")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    write("ledger-networks.tsv", LEDGER_HEADER, *ledger(sys.argv[1]))
    write("trezor-networks.tsv", TREZOR_HEADER, *trezor(sys.argv[2]))


if __name__ == "__main__":
    main()
