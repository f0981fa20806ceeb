"""The gazetteer build (deterministic, offline on a fake package) and the shipped data."""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path

import pytest

from sentinelle.gazetteer import DEPARTMENT_CODES, head_of, key_of, load_gazetteer

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "tools" / "build_gazetteer.py"


def _load_tool(path: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = mod
    spec.loader.exec_module(mod)
    return mod


def _tool():  # type: ignore[no-untyped-def]
    return _load_tool(TOOL)


FAKE = [
    {
        "code": "69123",
        "nom": "Lyon",
        "type": "commune-actuelle",
        "departement": "69",
        "population": 519127,
        "codesPostaux": ["69002", "69001"],
    },
    {
        "code": "69387",
        "nom": "Lyon 7e Arrondissement",
        "type": "arrondissement-municipal",
        "commune": "69123",
        "departement": "69",
        "population": 88326,
        "codesPostaux": ["69007"],
    },
    {
        "code": "2A004",
        "nom": "Ajaccio",
        "type": "commune-actuelle",
        "departement": "2A",
        "population": 76320,
        "codesPostaux": ["20000"],
    },
    {"code": "01015", "nom": "Arbignieu", "type": "commune-deleguee", "departement": "01"},
    {
        "code": "42218",
        "nom": "Saint-Étienne",
        "type": "commune-actuelle",
        "departement": "42",
        "population": 173136,
        "codesPostaux": ["42000"],
    },
]


def _fake_package(tmp: Path) -> Path:
    pkg = tmp / "package"
    (pkg / "data").mkdir(parents=True)
    (pkg / "data" / "communes.json").write_text(json.dumps(FAKE, ensure_ascii=False), encoding="utf-8")
    (pkg / "LICENSE").write_text("MIT License\n", encoding="utf-8")
    return pkg


def test_build_is_byte_reproducible(tmp_path: Path) -> None:
    tool = _tool()
    pkg = _fake_package(tmp_path)
    out1, out2 = tmp_path / "a", tmp_path / "b"
    tool.build(pkg, out1)
    tool.build(pkg, out2)
    b1 = (out1 / "communes.tsv.gz").read_bytes()
    assert b1 == (out2 / "communes.tsv.gz").read_bytes()
    assert (out1 / "LICENSE.decoupage-administratif.txt").read_text() == "MIT License\n"
    lines = gzip.decompress(b1).decode().splitlines()
    assert lines[0].startswith("# name\tinsee")
    rows = [ln.split("\t") for ln in lines[1:]]
    assert [r[0] for r in rows] == [
        "Ajaccio",
        "Arbignieu",
        "Lyon",
        "Lyon 7e Arrondissement",
        "Saint-Étienne",
    ]  # sorted; a former commune (déléguée) under its own name, population 0
    assert rows[1][3] == "0"
    lyon7 = rows[3]
    assert lyon7[5] == "69123" and lyon7[4] == "69007"
    assert rows[2][4] == "69001 69002"  # postcodes sorted


def test_integrity_check() -> None:
    tool = _tool()
    assert tool.integrity_of(b"") == (
        "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg=="
    )
    assert tool.INTEGRITY.startswith("sha512-") and tool.VERSION == "6.0.0"


def test_common_names() -> None:
    tool = _tool()
    assert tool.common_names(["Le Port", "Rennes", "Y", "Plaisir"], {"port", "plaisir"}) == [
        "le port",
        "plaisir",
        "y",
    ]


def test_shipped_gazetteer_loads() -> None:
    g = load_gazetteer()
    assert len(g.communes) > 34_000
    assert g.commune_named("Saint-Étienne") is not None
    assert g.postcodes["76600"] == "76"
    assert g.postcodes["20000"] == "2A"
    assert g.postcodes["20200"] == "2B"
    assert ("lyon",) in g.by_key and g.by_key[("lyon",)][0].population > 500_000
    assert g.city_of(g.by_insee["75118"]).name == "Paris"


def test_every_alias_names_a_commune() -> None:
    g = load_gazetteer()
    for key, named in g.aliases.items():
        for n in named:
            assert g.commune_named(n.value, n.department) is not None, (key, n.value, n.department)
            assert not n.near or n.near in DEPARTMENT_CODES


@pytest.mark.parametrize(
    "name,key",
    [
        ("Saint-Étienne", ("saint", "etienne")),
        ("St-Ouen", ("saint", "ouen")),
        ("Ste Foy", ("sainte", "foy")),
        ("L'Haÿ-les-Roses", ("l", "hay", "les", "roses")),
    ],
)
def test_key_of(name: str, key: tuple[str, ...]) -> None:
    assert key_of(name) == key


@pytest.mark.parametrize(
    "name,head",
    [
        ("Fleury-les-Aubrais", ("fleury",)),
        ("La Valette-du-Var", ("la", "valette")),
        ("Sotteville-lès-Rouen", ("sotteville",)),
        ("Villeurbanne", ()),
        # a saint's name after a first word that never stands alone belongs to the head
        ("Port-Saint-Louis-du-Rhône", ("port", "saint", "louis")),
        ("Saint-Mandrier-sur-Mer", ("saint", "mandrier")),
    ],
)
def test_head_of(name: str, head: tuple[str, ...]) -> None:
    assert head_of(key_of(name)) == head


def test_department_names_cover_every_code() -> None:
    g = load_gazetteer()
    codes = {e.value for entries in g.departments.values() for e in entries}
    assert codes == set(DEPARTMENT_CODES) - {"75"}  # "Paris" is the city, never the department


def _sections_tool():  # type: ignore[no-untyped-def]
    return _load_tool(ROOT / "tools" / "build_city_sections.py")


def _city(name: str, lat: float, lon: float, pop: int, cc: str = "GB") -> dict[str, object]:
    return {"name": name, "latitude": lat, "longitude": lon, "population": pop, "countrycode": cc}


def test_city_sections_near_a_centre_are_the_city_farther_out_towns() -> None:
    tool = _sections_tool()
    cities = {
        "1": _city("London", 51.5085, -0.1257, 8_900_000),
        "2": _city("Quxbridgeham", 51.52, -0.10, 20_000),  # 2 km out: a neighbourhood
        "3": _city("Zorpingfield", 51.37, 0.10, 15_000),  # 22 km out: a town of its own
        "4": _city("Wyxhamstead", 51.60, -0.40, 1_000),  # too small
        "5": _city("Croydon", 51.38, -0.10, 170_000),  # named by an earlier pass of abroad.toml
    }
    block = tool.block(cities)
    assert tool.BEGIN in block and tool.END in block
    assert 'value = "London"\nterms = ["Quxbridgeham"]' in block
    assert 'value = "Zorpingfield"\nterms = ["Zorpingfield"]' in block
    assert "Wyxhamstead" not in block and "Croydon" not in block
    assert block.count('strength = "weak"') == block.count("[[group]]") == 2


def test_shipped_city_sections_are_weak_and_load() -> None:
    import tomllib

    text = (ROOT / "src" / "sentinelle" / "data" / "places" / "abroad.toml").read_text(encoding="utf-8")
    tool = _sections_tool()
    section = text.partition(tool.BEGIN)[2].partition(tool.END)[0]
    groups = tomllib.loads(section.partition("\n\n")[2])["group"]
    assert len(groups) > 400
    assert all(g["strength"] == "weak" and g["country"] in ("GB", "IE") for g in groups)


def test_postcode_districts_expand_to_weak_names_of_their_city(tmp_path: Path) -> None:
    from sentinelle.errors import LexiconError
    from sentinelle.gazetteer import _postcode_districts

    g = load_gazetteer()
    assert [(n.value, n.weak) for n in g.abroad[("se15",)]] == [("London", True)]
    assert ("se29",) not in g.abroad and ("m8",) not in g.abroad  # past the last district; no M area
    bad = tmp_path / "postcode_districts.toml"
    bad.write_text('[[area]]\nprefix = "SE"\nfirst = "one"\nlast = 28\nvalue = "London"\ncountry = "GB"\n')
    with pytest.raises(LexiconError) as err:
        _postcode_districts(bad)
    assert "postcode_districts.toml" in str(err.value) and "area 1" in str(err.value)
