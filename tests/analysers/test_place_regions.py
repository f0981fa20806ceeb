"""Towns written with their state, province or territory ("Reno, NV", "Kingston ON")."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sentinelle.analysers.place_regions import RegionTowns, load_region_towns, town_key
from sentinelle.api import analyze_text
from sentinelle.errors import LexiconError

RT = load_region_towns()


@pytest.mark.parametrize(("text", "found"), [
    ("Selling my scooter. Meridian, MS. Can deliver", [("Meridian", "US", "MS")]),
    ("dispensary in Saugerties, NY 12477", [("Saugerties", "US", "NY")]),
    ("🔥 24/7 WINGS 🔥 Gary IN 10pc $12", [("Gary", "US", "IN")]),
    ("Kingston ON 🇨🇦 move-in week", [("Kingston", "CA", "ON")]),
    ("Buffalo 🦬 + Niagara Falls NY snow", [("Niagara Falls", "US", "NY")]),
    ("Rolla • Cuba MO", [("Cuba", "US", "MO")]),
    ("Location: Erie, Pennsylvania", [("Erie", "US", "PA")]),
    ("Trois-Rivières, QC", [("Trois-Rivières", "CA", "QC")]),
    ("Mackay QLD and Reno NV", [("Mackay", "AU", "QLD"), ("Reno", "US", "NV")]),
    # St., Ft., Mt. written out; US "Saint" written "St." as Americans do
    ("Port St. Lucie, FL", [("Port St. Lucie", "US", "FL")]),
    ("O'Fallon MO", [("O'Fallon", "US", "MO")]),
    ("North Battleford, Sask.", [("North Battleford", "CA", "SK")]),
    # no town of that name there, a word after a code that is a word, a code glued to a sign
    ("Cristal MD 💎 dispo", []),
    ("Session ID: 05ab", []),
    ("Hope IN stock now", []),
    ("HOPE IN STOCK", []),
    ("Weed CA$H", []),
    ("out in henderson, nv", []),  # the code in capitals only
    ("Gary Indiana", []),  # a region's name after a comma only
])
def test_find(text: str, found: list[tuple[str, str, str]]) -> None:
    got = RT.find(text)
    assert [(t.value, t.country, t.region) for t in got] == found
    for t in got:
        assert town_key(text[t.start:t.end]) == town_key(t.value)


@pytest.mark.parametrize(("text", "places", "currency"), [
    # a word or a first name read as a town with its state; the region is not a place itself
    ("taking applications for the trap in Hazard KY, lookouts $150/day", ["Hazard"], None),
    ("Buffalo 🦬 + Niagara Falls NY ❄️ $90 g, 8ball $250. I drop in Cheektowaga",
     ["Niagara Falls", "Cheektowaga"], "USD"),
    ("📍 Cincinnati + NKY (Covington, Newport KY)\n🔥 gas: $35 eighth", ["Cincinnati", "Covington", "Newport"], "USD"),
    # the region tells the currency of a price written without one
    ("Reno NV and Sparks NV, zaza 3.5 for 40", ["Reno", "Sparks"], "USD"),
    ("Melfort, SK drop sunday 🍁 3.5 for 40", ["Melfort"], "CAD"),
])
def test_in_the_pipeline(text: str, places: list[str], currency: str | None) -> None:
    rec = analyze_text(text).to_record()
    assert rec["places"] == places
    if currency:
        assert {p["currency"] for p in rec["prices"] + rec["prices_other_currencies"]} == {currency}


def test_explanation_names_the_region() -> None:
    r = analyze_text("trap in Hazard KY, lookouts $150/day")
    f = next(f for f in r.findings if f.kind == "places")
    assert f.rule == "places/region_towns:US:KY"
    assert "KY" in f.explanation
    assert r.post.text[f.start:f.end] == "Hazard"


def test_bad_data_names_the_file_and_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import gzip
    (tmp_path / "regions.toml").write_text('[[region]]\ncountry = "US"\ncodes = [["NV", "Nevada"]]\n')
    with gzip.open(tmp_path / "region_towns.tsv.gz", "wt") as fh:
        fh.write("# header\nUS\tNV\tReno\t264165\nUS\tNV\tSparks\n")
    with pytest.raises(LexiconError, match="region_towns.tsv.gz:3"):
        RegionTowns(tmp_path)
    (tmp_path / "regions.toml").write_text('[[region]]\ncountry = "US"\ncodes = ["NV"]\n')
    with pytest.raises(LexiconError, match="regions.toml"):
        RegionTowns(tmp_path)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="AaBbNVYKIn ,.'-StéÉ🍁\n", max_size=80))
def test_spans_index_the_text(text: str) -> None:
    for t in RT.find(text):
        assert 0 <= t.start < t.end <= t.tail <= len(text)
        assert town_key(text[t.start:t.end]) == town_key(t.value)
