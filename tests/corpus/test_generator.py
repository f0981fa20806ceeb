"""Tests for the synthetic labelled-corpus generator."""

from __future__ import annotations

import io
import itertools
import json
import re
import tracemalloc
from collections import Counter
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from sentinelle.corpus._geo import DEPT_NAMES
from sentinelle.corpus._lex import SPECS
from sentinelle.corpus._other import KINDS
from sentinelle.corpus.generator import generate, main, validate_gold

N = 5000


@pytest.fixture(scope="module")
def corpus() -> list[dict]:
    return list(generate(N, seed=11))


@pytest.fixture(scope="module")
def sales() -> list[dict]:
    return list(generate(6000, seed=12, mix={"sale": 1.0}))


def test_deterministic_for_a_seed() -> None:
    a = [json.dumps(d, ensure_ascii=False, sort_keys=True) for d in generate(800, seed=3)]
    b = [json.dumps(d, ensure_ascii=False, sort_keys=True) for d in generate(800, seed=3)]
    c = [json.dumps(d, ensure_ascii=False, sort_keys=True) for d in generate(800, seed=4)]
    assert a == b
    assert a != c


def test_is_a_lazy_iterator() -> None:
    it = generate(10**9, seed=1)  # never materialised
    first = list(itertools.islice(it, 5))
    assert len(first) == 5


def test_every_record_validates(corpus: list[dict]) -> None:
    bad = [(d["id"], e) for d in corpus for e in validate_gold(d)]
    assert bad == []


def test_vendor_notices_name_no_product(sales: list[dict]) -> None:
    """Notices (courier on the way, new zone, closed tonight, new account) are sales without a
    product; every other sale names one, and a notice without a product fails validation otherwise."""
    notices = [d for d in sales if d["truth"].get("template") == "notice"]
    assert len(notices) > 100
    assert all(not d["products"] and not d["prices"] for d in notices)
    assert all(d["products"] for d in sales if d["truth"].get("template") != "notice")
    # what the notices say is labelled: places of the round and delivery, contacts, payment
    assert sum(bool(d["places"]) and d["delivery"] for d in notices) > len(notices) // 4
    assert any(d["handles"] for d in notices) and any(d["payment"] for d in notices)
    menu = next(d for d in sales if d["truth"].get("template") == "menu")
    assert validate_gold({**menu, "products": [], "prices": []}) == ["sale without product"]


def test_ids_unique_and_prefixed() -> None:
    ids = [d["id"] for d in generate(300, seed=2, id_prefix="h1")]
    assert len(set(ids)) == 300
    assert all(i.startswith("h1-") for i in ids)


def test_dates_chronological_and_in_range(corpus: list[dict]) -> None:
    days = [d["date"][:10] for d in corpus]
    assert days == sorted(days)
    assert days[0] >= "2025-01-01" and days[-1] <= "2025-12-31"


@pytest.mark.parametrize("category", ["sale", "recruitment", "other"])
def test_each_category_appears(corpus: list[dict], category: str) -> None:
    assert sum(d["category"] == category for d in corpus) > 0.05 * N


@pytest.mark.parametrize("kind", KINDS)
def test_each_other_kind_appears(corpus: list[dict], kind: str) -> None:
    assert any(d["other_kind"] == kind for d in corpus)


def test_default_mix(corpus: list[dict]) -> None:
    c = Counter(d["category"] for d in corpus)
    assert abs(c["sale"] / N - 0.45) < 0.03
    assert abs(c["recruitment"] / N - 0.10) < 0.02
    assert c["other"] / N > 1 / 3  # hard negatives are at least a third


def test_mix_is_a_parameter() -> None:
    c = Counter(d["category"] for d in generate(1000, seed=1, mix={"sale": 1, "recruitment": 0, "other": 0}))
    assert c == {"sale": 1000}


@pytest.mark.parametrize("product", sorted(SPECS))
def test_every_product_appears(corpus: list[dict], product: str) -> None:
    assert any(product in d["products"] for d in corpus)


@pytest.mark.parametrize(
    ("pattern", "quantity", "unit"),
    [
        (r"(?<![\d.])(?:an )?8th\b", 3.5, "g"),
        (r"\bzip\b", 28, "g"),
        (r"(?<![\w.])Q (?:\S{1,3} )?(?:£|\$)", 7, "g"),
        (r"\bquarter (?:\S{1,3} )?(?:£|\$)", 7, "g"),
        (r"\b50 ?cl\b", 500, "ml"),
        (r"\bplaquette 100g\b", 100, "g"),
    ],
)
def test_quantity_conventions(sales: list[dict], pattern: str, quantity: float, unit: str) -> None:
    """Posts using a conventional quantity word carry the conventional quantity."""
    rx = re.compile(pattern, re.IGNORECASE)
    hits = [d for d in sales if rx.search(d["text"])]
    assert hits, pattern
    for d in hits:
        assert any(p["quantity"] == quantity and p["unit"] == unit for p in d["prices"]), d["text"]


def test_price_currency_matches_language(corpus: list[dict]) -> None:
    for d in corpus:
        for p in d["prices"]:
            if "price_gbp" in p:
                assert "£" in d["text"] or "quid" in d["text"].lower()  # "QUID" in an all-caps post
            if "price_usd" in p:
                assert "$" in d["text"]
            if "price_eur" in p:
                assert d["lang"] == "fr"


def test_price_amounts_are_written(corpus: list[dict]) -> None:
    for d in corpus:
        digits = re.sub(r"\s", "", d["text"])
        for p in d["prices"]:
            amount = p.get("price_eur", p.get("price_gbp", p.get("price_usd")))
            s = f"{amount:g}".replace(".", ",") if d["lang"] == "fr" else f"{amount:g}"
            assert s in digits or f"{amount:g}" in digits, (p, d["text"])


def test_contacts_are_in_the_text_and_never_the_author(corpus: list[dict]) -> None:
    for d in corpus:
        for h in d["handles"]:
            assert h["handle"] in d["text"]
            assert h["handle"] != d["author"]
            assert h["platform"] != "whatsapp"


@pytest.mark.parametrize(
    ("prefix", "rx"),
    [
        ("+33", r"^\+33(6399[89]\d{4}|199\d{6}|261\d{6}|353\d{6}|465\d{6}|536\d{6}|975\d{6})$"),
        ("+44", r"^\+447700900\d{3}$"),
        ("+1", r"^\+1\d{3}55501\d{2}$"),
    ],
)
def test_phones_are_fictional(corpus: list[dict], prefix: str, rx: str) -> None:
    phones = [p for d in corpus for p in d["phones"] if p.startswith(prefix)]
    assert phones
    assert all(re.match(rx, p) for p in phones)


def test_other_has_empty_sale_fields(corpus: list[dict]) -> None:
    for d in corpus:
        if d["category"] == "other":
            assert d["products"] == [] and d["prices"] == [] and d["payment"] == []
            assert not (d["delivery"] or d["always_open"] or d["promotion"] or d["scam_signals"])
            assert d["network"] == "" and d["min_order_eur"] is None


def test_recruitment_minors_split(corpus: list[dict]) -> None:
    rec = [d for d in corpus if d["category"] == "recruitment"]
    share = sum(d["minors_signals"] for d in rec) / len(rec)
    assert 0.35 < share < 0.65
    adults = [d for d in rec if re.search(r"majeurs|\+18|18\+|18 ans", d["text"])]
    assert adults and not any(d["minors_signals"] for d in adults if "mineur" not in d["text"])


def test_always_open_needs_24_7(corpus: list[dict]) -> None:
    for d in corpus:
        if d["always_open"]:
            assert re.search(r"24/7|24h/24|24/24|H24|24hrs", d["text"], re.IGNORECASE), d["text"]


def test_scams_are_prepaid(corpus: list[dict]) -> None:
    scams = [d for d in corpus if d["scam_signals"]]
    assert scams
    assert all(d["prepayment"] == "full" and d["delivery"] and d["network"] == "" for d in scams)


def test_networks_recur_across_accounts(corpus: list[dict]) -> None:
    accounts: dict[str, set[str]] = {}
    for d in corpus:
        if d["network"]:
            accounts.setdefault(d["network"], set()).add(f"{d['platform']}:{d['author']}")
    assert sum(len(a) >= 2 for a in accounts.values()) > len(accounts) / 2


def test_planted_events_are_recorded(corpus: list[dict]) -> None:
    events = Counter(d["truth"]["event"] for d in corpus)
    for ev in ("flash_sale", "price_change", "rebrand", "new_vendor", "new_product"):
        assert events[ev] > 0, ev
    for d in corpus:
        t = d["truth"]
        if t["event"] == "flash_sale":
            assert d["promotion"]
        if t["event"] == "rebrand":
            assert t["new_account"]["handle"] in (d["author"], *[h["handle"] for h in d["handles"]])
        if d["network"]:
            assert t["vendor"] and t["baseline"]


def _norm(s: str) -> str:
    return s.lower().translate(str.maketrans("éèêëàâîïôöùûüç", "eeeeaaiioouuuc"))


def test_departments_only_when_stated(corpus: list[dict]) -> None:
    """A department label needs its number, a postcode or its name in the text."""
    keycap = "\ufe0f\u20e3"
    for d in corpus:
        flat = _norm(d["text"].replace(keycap, ""))
        for dep in d["departments"]:
            postcode = "20" if dep in ("2A", "2B") else dep
            assert (
                dep.lower() in flat
                or _norm(DEPT_NAMES[dep]) in flat
                or re.search(rf"\b{postcode}\d{{{5 - len(postcode)}}}\b", flat)
            ), (dep, d["text"])


def test_memory_stays_flat_while_streaming() -> None:
    def peak(n: int) -> int:
        tracemalloc.start()
        for _ in generate(n, seed=5, vendors=200):
            pass
        _, p = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return p

    small, big = peak(10_000), peak(100_000)
    assert big < 8 * 2**20
    assert big < small * 1.5 + 2**20


def test_cli_writes_jsonl(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["-n", "50", "--seed", "1", "-o", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 50 and all(validate_gold(r) == [] for r in rows)
    buf = io.StringIO()
    with redirect_stdout(buf):
        main(["-n", "3", "--seed", "1", "--no-truth"])
    assert [json.loads(x)["id"] for x in buf.getvalue().splitlines()] == ["gen-0001", "gen-0002", "gen-0003"]


@pytest.mark.parametrize(
    ("mutation", "message"),
    [
        (lambda d: d.pop("text"), "missing text"),
        (lambda d: d.update(category="spam"), "bad category"),
        (lambda d: d.update(date="2025-01-01 10:00"), "bad date"),
        (lambda d: d.update(phones=["0639981742"]), "bad phone"),
        (lambda d: d.update(departments=["100"]), "bad department"),
        (
            lambda d: d.update(handles=[{"platform": "snapchat", "handle": d["author"]}]),
            "handle is the author",
        ),
    ],
)
def test_validate_gold_catches_errors(mutation, message: str) -> None:  # type: ignore[no-untyped-def]
    d = next(generate(1, seed=9))
    assert validate_gold(d) == []
    mutation(d)
    assert any(message in e for e in validate_gold(d))
