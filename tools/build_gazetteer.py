#!/usr/bin/env python3
"""Build the communes gazetteer shipped in `src/sentinelle/data/places/`.

Source: the MIT-licensed npm package `@etalab/decoupage-administratif` (INSEE's Code officiel
géographique, republished by Etalab), fetched with `npm pack` at a pinned version whose
integrity (sha512) is checked before anything is read.

Output (deterministic: rows sorted, gzip written with mtime=0 and no file name, so two builds
from the same package give identical bytes):

- `communes.tsv.gz`: one line per current commune (`type == "commune-actuelle"`), per
  municipal arrondissement of Paris, Lyon and Marseille, and per former commune merged into a new
  one (`commune-deleguee`, `commune-associee`, population 0) whose name the new one did not keep,
  tab-separated:
  `name  insee  department  population  postcodes(space-separated)  parent_insee`
  (`parent_insee` is empty for a commune and names the city for an arrondissement);
- `LICENSE.decoupage-administratif.txt`: the package's licence text, verbatim.

Usage:
    python tools/build_gazetteer.py                      # fetch with npm, write the data folder
    python tools/build_gazetteer.py --from-dir DIR       # use an unpacked package (no network)
    python tools/build_gazetteer.py --out OUTDIR         # write elsewhere
"""

from __future__ import annotations

import argparse
import base64
import gzip
import hashlib
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

PACKAGE = "@etalab/decoupage-administratif"
VERSION = "6.0.0"
INTEGRITY = "sha512-XavYsFlbcM/prKr8hNHPKER94IHw/dsxNM4nxjWMYk6PLFACpEedvn/7wK8Baozm0dCYhWWcf+7bcWpA5pmCaQ=="
OUT_DIR = Path(__file__).resolve().parent.parent / "src" / "sentinelle" / "data" / "places"
HEADER = "# name\tinsee\tdepartment\tpopulation\tpostcodes\tparent_insee\n"


def integrity_of(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def fetch_package(workdir: Path) -> Path:
    """`npm pack` the pinned version into `workdir`, check its integrity, unpack it; return the
    package folder."""
    proc = subprocess.run(
        ["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"],
        cwd=workdir,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"npm pack failed ({proc.returncode}): {proc.stderr.strip()}")
    tarballs = sorted(workdir.glob("*.tgz"))
    if len(tarballs) != 1:
        raise SystemExit(f"expected one tarball in {workdir}, found {tarballs}")
    data = tarballs[0].read_bytes()
    got = integrity_of(data)
    if got != INTEGRITY:
        raise SystemExit(f"integrity mismatch for {PACKAGE}@{VERSION}: expected {INTEGRITY}, got {got}")
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        for member in tar.getmembers():
            if member.name.startswith(("/", "..")) or ".." in Path(member.name).parts:
                raise SystemExit(f"unsafe path in tarball: {member.name}")
        tar.extractall(workdir, filter="data")
    return workdir / "package"


def rows_from(communes: list[dict[str, Any]]) -> list[tuple[str, str, str, int, str, str]]:
    """Current communes, the municipal arrondissements of Paris, Lyon and Marseille, and the former
    communes merged into a new one (déléguées, associées) under their own names, population 0:
    posts and analysts still name them ("Fauville-en-Caux", "Seynod"), and a population of 0 keeps
    them behind any current commune of the same name."""
    current = {(str(c["nom"]).strip(), str(c["departement"])) for c in communes if c.get("type") == "commune-actuelle"}
    new_name = {str(c["code"]): str(c["nom"]).strip() for c in communes if c.get("type") == "commune-actuelle"}
    rows: list[tuple[str, str, str, int, str, str]] = []
    for c in communes:
        kind = c.get("type")
        if kind == "commune-actuelle":
            parent = ""
        elif kind == "arrondissement-municipal":
            parent = str(c.get("commune", ""))
        elif kind in ("commune-deleguee", "commune-associee"):
            old = str(c["nom"]).strip()
            merged_into = new_name.get(str(c.get("chefLieu", "")), "")
            if (old, str(c["departement"])) in current or merged_into.startswith((old + "-", old + " ")):
                continue  # the new commune kept the name, or starts with it ("Machecoul-Saint-Même")
            parent = ""
        else:
            continue
        name = str(c["nom"]).strip()
        for ch in "\t\n\r":
            name = name.replace(ch, " ")
        postcodes = " ".join(sorted({str(p) for p in c.get("codesPostaux", [])}))
        population = int(c.get("population") or 0) if kind in ("commune-actuelle", "arrondissement-municipal") else 0
        rows.append((name, str(c["code"]), str(c["departement"]), population, postcodes, parent))
    rows = list(dict.fromkeys(rows))  # a former commune both déléguée and associée is one row
    rows.sort(key=lambda r: (r[0], r[1], r[5]))
    return rows


def gzip_bytes(text: str) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(text.encode("utf-8"))
    return buf.getvalue()


def build(package_dir: Path, out_dir: Path) -> list[Path]:
    """Write the gazetteer and the licence from an unpacked package folder; return the paths."""
    communes = json.loads((package_dir / "data" / "communes.json").read_text(encoding="utf-8"))
    rows = rows_from(communes)
    text = HEADER + "".join("\t".join(str(x) for x in r) + "\n" for r in rows)
    out_dir.mkdir(parents=True, exist_ok=True)
    tsv = out_dir / "communes.tsv.gz"
    tsv.write_bytes(gzip_bytes(text))
    lic = out_dir / "LICENSE.decoupage-administratif.txt"
    lic.write_bytes((package_dir / "LICENSE").read_bytes())
    return [tsv, lic]


ARTICLES = ("le", "la", "les", "l")


def fold_name(name: str) -> str:
    """Fold a name the way posts are folded (lower case, no accents), hyphens and apostrophes
    as spaces: "L'Haÿ-les-Roses" -> "l hay les roses"."""
    import unicodedata

    s = unicodedata.normalize("NFKD", name.casefold().replace("œ", "oe").replace("æ", "ae"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join("".join(c if c.isalnum() else " " for c in s).split())


def common_names(names: list[str], words: set[str]) -> list[str]:
    """Folded commune names that are ordinary words (once a leading article is dropped), or
    three letters or fewer: these need a cue before they are read as a place."""
    out: set[str] = set()
    for name in names:
        key = fold_name(name)
        toks = key.split()
        if not toks:
            continue
        core = toks[1:] if len(toks) > 1 and toks[0] in ARTICLES else toks
        phrase = " ".join(core)
        if phrase in words or "-".join(core) in words or len(phrase) <= 3:
            out.add(key)
    return sorted(out)


def write_common(tsv: Path, dict_files: list[Path], out: Path) -> None:
    words: set[str] = set()
    for f in dict_files:
        for line in f.read_text(encoding="utf-8", errors="replace").splitlines():
            w = line.strip()
            if w and w[0].islower() and "'" not in w:
                words.add(fold_name(w).replace(" ", "-") if "-" in w else fold_name(w))
    names = []
    with gzip.open(tsv, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#") and not line.rstrip("\n").split("\t")[5]:
                names.append(line.split("\t")[0])
    body = "".join(n + "\n" for n in common_names(names, words))
    head = (
        "# Commune names (folded) that are ordinary French or English words once a leading article\n"
        "# is dropped, or of three letters or fewer. Generated by tools/build_gazetteer.py\n"
        f"# --common-words from: {', '.join(f.name for f in dict_files)} (Debian wfrench, wamerican).\n"
        "# The analyser reads them as places only with a cue. Hand additions go in ambiguous.toml.\n"
    )
    out.write_text(head + body, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--from-dir", type=Path, help="an unpacked package folder (skips npm)")
    ap.add_argument("--out", type=Path, default=OUT_DIR)
    ap.add_argument(
        "--common-words",
        type=Path,
        nargs="+",
        metavar="WORDLIST",
        help="also write common_names.txt from these word lists (e.g. /usr/share/dict/french)",
    )
    args = ap.parse_args(argv)
    if args.common_words:
        write_common(args.out / "communes.tsv.gz", args.common_words, args.out / "common_names.txt")
        print(f"wrote {args.out / 'common_names.txt'}")
        return 0
    if args.from_dir:
        written = build(args.from_dir, args.out)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            written = build(fetch_package(Path(tmp)), args.out)
    for p in written:
        print(
            f"wrote {p} ({p.stat().st_size} bytes, sha256 {hashlib.sha256(p.read_bytes()).hexdigest()[:16]})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
