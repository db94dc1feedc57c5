"""Fetch the d3 modules that the HTML explorer inlines, and record what was fetched.

    python tools/vendor_d3.py            # fetch PACKAGES with `npm pack`, write the files
    python tools/vendor_d3.py --check    # offline: the committed files match VERSIONS.json

The explorer (``orgroles.render.html``) lays charts out with d3-hierarchy and pans and
zooms them with d3-zoom, which needs d3-selection, d3-transition and their own
dependencies at run time. Each package's released UMD file (``dist/NAME.min.js``) and its
LICENSE are copied from the npm tarball, unchanged, into
``src/orgroles/render/static/vendor/``. ``npm pack`` checks each tarball against the
registry's integrity hash; this script records that hash, the sha256 of every file it
writes, and the load order in ``VERSIONS.json``, which the page builder reads.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "src" / "orgroles" / "render" / "static" / "vendor"
VERSIONS = VENDOR / "VERSIONS.json"

# In load order: each UMD file adds itself to the global `d3` and finds its dependencies
# there. d3-zoom needs d3-dispatch, d3-drag, d3-interpolate, d3-selection and
# d3-transition; d3-transition needs d3-color, d3-ease and d3-timer too.
PACKAGES: dict[str, str] = {
    "d3-dispatch": "3.0.2",
    "d3-selection": "3.0.1",
    "d3-drag": "3.0.1",
    "d3-color": "3.1.1",
    "d3-interpolate": "3.0.2",
    "d3-ease": "3.0.2",
    "d3-timer": "3.0.2",
    "d3-transition": "3.0.2",
    "d3-zoom": "3.0.1",
    "d3-hierarchy": "3.1.3",
}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _member(archive: tarfile.TarFile, name: str) -> bytes:
    handle = archive.extractfile(f"package/{name}")
    if handle is None:
        raise SystemExit(f"{archive.name}: no file package/{name}")
    return handle.read()


def fetch() -> None:
    """Download every package with npm and rewrite the vendor folder and VERSIONS.json."""
    VENDOR.mkdir(parents=True, exist_ok=True)
    entries = []
    with tempfile.TemporaryDirectory() as tmp:
        specs = [f"{name}@{version}" for name, version in PACKAGES.items()]
        proc = subprocess.run(
            ["npm", "pack", *specs, "--json", "--pack-destination", tmp],
            capture_output=True,
            text=True,
            check=True,
        )
        packed = {item["name"]: item for item in json.loads(proc.stdout)}
        for name, version in PACKAGES.items():
            item = packed[name]
            if item["version"] != version:
                raise SystemExit(f"{name}: npm gave {item['version']}, expected {version}")
            with tarfile.open(Path(tmp) / item["filename"]) as archive:
                package = json.loads(_member(archive, "package.json"))
                script = _member(archive, f"dist/{name}.min.js")
                license_text = _member(archive, "LICENSE")
            script_file, license_file = f"{name}.min.js", f"{name}.LICENSE"
            (VENDOR / script_file).write_bytes(script)
            (VENDOR / license_file).write_bytes(license_text)
            entries.append(
                {
                    "package": name,
                    "version": version,
                    "license": package["license"],
                    "file": script_file,
                    "sha256": sha256(script),
                    "license_file": license_file,
                    "license_sha256": sha256(license_text),
                    "integrity": item["integrity"],
                    "source": f"https://registry.npmjs.org/{name}/-/{name}-{version}.tgz",
                }
            )
            print(f"{name} {version}: {len(script):,} bytes, {package['license']}")
    text = json.dumps({"packages": entries}, indent=2) + "\n"
    VERSIONS.write_text(text, encoding="utf-8")
    print(f"wrote {VERSIONS.relative_to(ROOT)}")


def check() -> list[str]:
    """The differences between the vendor folder and VERSIONS.json (empty: all good)."""
    problems = []
    entries = json.loads(VERSIONS.read_text(encoding="utf-8"))["packages"]
    if [e["package"] for e in entries] != list(PACKAGES):
        problems.append("VERSIONS.json does not list PACKAGES in order")
    for e in entries:
        if PACKAGES.get(e["package"]) != e["version"]:
            problems.append(f"{e['package']}: VERSIONS.json has {e['version']}")
        for key, digest in (("file", "sha256"), ("license_file", "license_sha256")):
            path = VENDOR / e[key]
            if not path.exists():
                problems.append(f"{path.name} is missing")
            elif sha256(path.read_bytes()) != e[digest]:
                problems.append(f"{path.name} does not match its recorded sha256")
    listed = {e[k] for e in entries for k in ("file", "license_file")} | {VERSIONS.name}
    extra = sorted(p.name for p in VENDOR.iterdir() if p.name not in listed)
    problems += [f"{name} is not in VERSIONS.json" for name in extra]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="verify, offline, and fetch nothing")
    args = parser.parse_args(argv)
    if not args.check:
        fetch()
    problems = check()
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print("vendored files match VERSIONS.json")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
