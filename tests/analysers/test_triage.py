"""The verdict and the evidence that explains it (the bundled model, the full pipeline)."""

from __future__ import annotations

import pytest

from sentinelle.api import analyze_text


@pytest.mark.parametrize(
    ("text", "category", "evidence"),
    [
        # a menu: products, prices and a phone carry the sale
        ("🍁 Amnesia 10g ➡️ 90€\n❄️ 1g 70\nlivraison Nantes 📞 06 39 98 45 12", "sale",
         [("Amnesia", "products.toml:cannabis_herb:amnesia"), ("06 39 98 45 12", "contacts:phone")]),
        # a job offer paid by the day, with recruitment roles
        ("On recrute guetteurs et charbonneurs sur Nîmes, 120€ la journée, écris en privé", "recruitment",
         [("120€ la journée", "grammar:pay_per_time"), ("guetteurs", "cues.toml:recruitment:guetteurs")]),
        # a CBD shop: the legal-shop cues explain why it is not a sale
        ("🌿 Fleurs CBD Amnesia 6€/g, THC < 0,3 %, boutique ouverte 10h-19h, SIRET 812 345 678 00012", "other",
         [("CBD", "cues.toml:cbd_legal:cbd")]),
        # news about a seizure that quotes prices
        ("Lille : un réseau démantelé, 2 kg de cocaïne saisis, vendue 70 € le gramme selon les enquêteurs", "other",
         [("démantelé", "cues.toml:news:")]),
    ],
)
def test_the_evidence_explains_the_verdict(text: str, category: str, evidence: list[tuple[str, str]]) -> None:
    a = analyze_text(text)
    assert a.category == category
    rec = a.to_record()
    why = [(e["text"], e["rule"]) for e in rec["evidence"] if e["field"] == "category"]
    assert why, "a verdict always comes with evidence"
    for span_text, rule in evidence:
        assert any(t == span_text and rule in r for t, r in why), (span_text, rule, why)
    for e in rec["evidence"]:  # every span indexes the original text
        assert text[e["start"]:e["end"]] == e["text"]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("🍁 Cali 10g 100€ | ❄️ 1g 70€ | livraison 24/7 | 👻 snap: plug.test", 0.9, 1.0),
        ("Recette du gâteau au chocolat 🍫 : 200 g de chocolat noir, 3 œufs", 0.0, 0.1),
    ],
)
def test_scores_are_confident_when_the_evidence_is(text: str, low: float, high: float) -> None:
    assert low <= analyze_text(text).score <= high
