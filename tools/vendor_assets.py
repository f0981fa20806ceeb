#!/usr/bin/env python3
"""Vendor the web app's front-end libraries into `src/sentinelle/web/static/vendor/`.

Each library is fetched from the npm registry with `npm pack name@version` in a temporary folder,
its tarball checked against the sha512 integrity pinned below (the registry's `dist.integrity`),
and only the minified browser build and the licence text are copied out. `VENDOR.json` records
name, version, licence, sha512 and the files written. The results are committed: the app serves
them itself (no CDN at run time) and this script is only run to upgrade a library.

Usage:
    python tools/vendor_assets.py              # fetch with npm, write the vendor folder
    python tools/vendor_assets.py --check      # verify the committed files match VENDOR.json
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

OUT_DIR = Path(__file__).resolve().parent.parent / "src" / "sentinelle" / "web" / "static" / "vendor"


@dataclass(frozen=True)
class Asset:
    name: str
    version: str
    licence: str
    integrity: str  # sha512 of the npm tarball, as the registry's dist.integrity gives it
    dist: str  # the minified build inside the tarball
    licence_file: str  # the licence text inside the tarball
    out: str  # file name under static/vendor/


ASSETS = (
    Asset("htmx.org", "2.0.11", "0BSD",
          "sha512-Thx/WtpeOQqSrqBCw/A1cwGJGg4UrVa3+sW0GmrM3p4gJgO89ecH4qtbnyzDDWFvBTqjnIMCgELTNt636dtamA==",
          "package/dist/htmx.min.js", "package/LICENSE", "htmx.min.js"),
    Asset("chart.js", "4.6.1", "MIT",
          "sha512-hJyniucsFmq//EvXYvJ6c6mahPoI3kaxdjVH8awTaJ/fDNWeSqqqArixMJWkWNN6fcYvPU3HneSANFNYtRi61g==",
          "package/dist/chart.umd.min.js", "package/LICENSE.md", "chart.umd.min.js"),
    Asset("cytoscape", "3.35.0", "MIT",
          "sha512-sMvBIXiGMnhkCaWz2R06FwF/27MNlS+Tqvi17foO9UhnUg3XGZccKjxsvEqQFAQYMSSZmN5SxYzUYlQ0DOJJ3g==",
          "package/dist/cytoscape.min.js", "package/LICENSE", "cytoscape.min.js"),
)


def integrity_of(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def fetch(asset: Asset, workdir: Path) -> bytes:
    """The npm tarball of `asset`, checked against its pinned integrity."""
    proc = subprocess.run(["npm", "pack", f"{asset.name}@{asset.version}", "--silent"], cwd=workdir,
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"npm pack {asset.name}@{asset.version} failed ({proc.returncode}): {proc.stderr.strip()}")
    name = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
    path = workdir / name
    if not name or not path.is_file():
        raise SystemExit(f"npm pack {asset.name}@{asset.version}: no tarball reported ({proc.stdout!r})")
    data = path.read_bytes()
    got = integrity_of(data)
    if got != asset.integrity:
        raise SystemExit(f"integrity mismatch for {asset.name}@{asset.version}: expected {asset.integrity}, got {got}")
    return data


def extract(asset: Asset, tarball: bytes) -> tuple[bytes, bytes]:
    """(minified build, licence text) read from the tarball, without writing it out."""
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as tar:
        def read(member: str) -> bytes:
            try:
                fh = tar.extractfile(member)
            except KeyError:
                raise SystemExit(f"{asset.name}@{asset.version}: no {member} in the tarball") from None
            if fh is None:
                raise SystemExit(f"{asset.name}@{asset.version}: {member} is not a regular file")
            return fh.read()

        return read(asset.dist), read(asset.licence_file)


def licence_name(asset: Asset) -> str:
    return f"{Path(asset.out).name.split('.')[0]}.LICENSE.txt"


def write(out_dir: Path) -> list[dict[str, str]]:
    out_dir.mkdir(parents=True, exist_ok=True)
    entries = []
    with tempfile.TemporaryDirectory(prefix="sentinelle-vendor-") as tmp:
        for asset in ASSETS:
            build, licence = extract(asset, fetch(asset, Path(tmp)))
            (out_dir / asset.out).write_bytes(build)
            (out_dir / licence_name(asset)).write_bytes(licence)
            entries.append({"name": asset.name, "version": asset.version, "licence": asset.licence,
                            "sha512": asset.integrity, "file": asset.out, "licence_file": licence_name(asset),
                            "file_sha256": hashlib.sha256(build).hexdigest()})
            print(f"{asset.name}@{asset.version} ({asset.licence}) -> {out_dir / asset.out} ({len(build)} bytes)")
    (out_dir / "VENDOR.json").write_text(json.dumps(entries, indent=2) + "\n", encoding="utf-8")
    return entries


def check(out_dir: Path) -> list[str]:
    """Problems with the committed files: missing, or not the bytes VENDOR.json names."""
    problems = []
    try:
        entries = json.loads((out_dir / "VENDOR.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        return [f"{out_dir / 'VENDOR.json'}: {e}"]
    pinned = {(a.name, a.version) for a in ASSETS}
    for e in entries:
        if (e["name"], e["version"]) not in pinned:
            problems.append(f"VENDOR.json: {e['name']}@{e['version']} is not pinned in this script")
        for key in ("file", "licence_file"):
            if not (out_dir / e[key]).is_file():
                problems.append(f"{out_dir / e[key]}: missing")
        f = out_dir / e["file"]
        if f.is_file() and hashlib.sha256(f.read_bytes()).hexdigest() != e["file_sha256"]:
            problems.append(f"{f}: does not hash to the file_sha256 in VENDOR.json")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT_DIR)
    ap.add_argument("--check", action="store_true", help="only verify the committed files")
    args = ap.parse_args(argv)
    if args.check:
        problems = check(args.out)
        for p in problems:
            print(p, file=sys.stderr)
        return 1 if problems else 0
    write(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
