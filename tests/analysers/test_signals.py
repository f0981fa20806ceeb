"""Risk signals: advance-fee scam markers and recruitment of minors."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sentinelle.analysers.conditions import ConditionAnalyser
from sentinelle.analysers.signals import SignalAnalyser
from sentinelle.core import Analysis, Post
from sentinelle.lexicon import load_sms
from sentinelle.normalize import normalise

COND = ConditionAnalyser()
SIG = SignalAnalyser()
SMS = {lang: load_sms([lang]) for lang in ("fr", "en")}


def run(
    text: str, lang: str = "fr", prices: list[dict[str, object]] | None = None, conditions: bool = True
) -> Analysis:
    a = Analysis(Post(id="t", text=text), normalise(text, SMS[lang]), lang)
    for p in prices or []:
        a.add("prices", p, 0, min(3, len(text)), analyser="prices", rule="test")
    if conditions:
        COND.analyse(a)
    SIG.analyse(a)
    return a


def flag(a: Analysis, kind: str) -> bool:
    return any(f.value for f in a.of(kind))


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "📦 ENVOI PARTOUT EN FRANCE sous vide\n"
            "Paiement AVANT ENVOI, uniquement en coupons PCS / Transcash\n"
            "Pas de main propre ❌",
            "fr",
            True,
        ),
        (
            "SANS ORDONNANCE ✔️\n📮 expédition en lettre suivie partout en France\n"
            "Paiement Neosurf ou Bitcoin avant l'envoi",
            "fr",
            True,
        ),
        ("livraison colissimo partout en france paiement crypto USDT avant envoi, 0 rdv", "fr", True),
        (
            "FAUX BILLETS passent au stylo\nenvoi par la poste\npaiement Transcash a l'avance uniquement",
            "fr",
            True,
        ),
        (
            "UK WIDE NEXT DAY DELIVERY stealth\nPayment upfront ONLY: BTC or Amazon gift cards. No meetups",
            "en",
            True,
        ),
        ("shrooms shipped nationwide, BTC / gift cards only, we don't do meetups 🙅", "en", True),
        ("envoi partout en France, paiement avant envoi", "fr", True),
        # shipping across any country, paid first
        ("📦 CANADA WIDE 🇨🇦 shipping from Calgary, e-transfer BEFORE we ship, Xpresspost tracked", "en", True),
        ("we ship anywhere in Ireland, pay upfront by bank transfer", "en", True),
        ("expédition partout au Québec, virement avant envoi", "fr", True),
        # hard negatives: local dealers, partial crypto, one marker alone
        (
            "📦 Commandes +500€ : 50% d'avance\n💶 Espèces ou crypto (BTC / USDT)\n🚗 Livraison Montpellier",
            "fr",
            False,
        ),
        (
            "commande de + de 200€ : la moitié avant par Wero ou crypto, le reste en espèces à la livraison",
            "fr",
            False,
        ),
        ("half upfront by bank transfer on orders over £300, rest cash on drop-off", "en", False),
        ("je livre montpel centre, cash only", "fr", False),
        ("pas de rdv, je livre direct chez toi", "fr", False),
        ("envoi colissimo possible, paiement à la livraison", "fr", False),
        ("🍁 10g 80€ livraison Lyon, envoi partout possible", "fr", False),
        # a vendor warning against the fakes that ask for coupons is no scam itself
        ("Partagez le lien et méfiez vous des copies qui demandent des PCS d'avance ❗", "fr", False),
        ("same channel, don't trust the fakes using our name asking for gift cards ❗", "en", False),
        ("💊 Xanax 2mg 50 for £40, payment Amazon gift cards only, UK wide", "en", True),
    ],
)
def test_scam(text: str, lang: str, expected: bool) -> None:
    a = run(text, lang)
    assert flag(a, "scam_signals") is expected
    for f in a.of("scam_signals"):
        assert f.rule and "total" in f.explanation
        assert 0 <= f.start <= f.end <= len(text)


@pytest.mark.parametrize(
    ("price", "expected"),
    [
        ({"product": "cannabis_herb", "quantity": 1, "unit": "kg", "price": 900, "currency": "EUR"}, True),
        ({"product": "cocaine", "quantity": 10, "unit": "g", "price": 300, "currency": "EUR"}, True),
        ({"product": "cocaine", "quantity": 28, "unit": "g", "price": 400, "currency": "GBP"}, True),
        ({"product": "cannabis_herb", "quantity": 10, "unit": "g", "price": 70, "currency": "EUR"}, False),
        ({"product": "cocaine", "quantity": 1, "unit": "g", "price": 60, "currency": "EUR"}, False),
        ({"product": "psilocybin", "quantity": 15, "unit": "g", "price": 35, "currency": "EUR"}, False),
        ({"product": "mdma", "quantity": 5, "unit": "pill", "price": 40, "currency": "EUR"}, False),
        # crystal at $30 a gram or an 8-ball for $80 is an ordinary street price, not a lure
        ({"product": "methamphetamine", "quantity": 1, "unit": "g", "price": 30, "currency": "USD"}, False),
        ({"product": "methamphetamine", "quantity": 3.5, "unit": "g", "price": 80, "currency": "USD"}, False),
        ({"product": "methamphetamine", "quantity": 28, "unit": "g", "price": 100, "currency": "USD"}, True),
        (
            {"product": "counterfeit_money", "quantity": 10, "unit": "unit", "price": 120, "currency": "EUR"},
            False,
        ),
    ],
)
def test_unrealistic_prices(price: dict[str, object], expected: bool) -> None:
    # an unrealistic price (weight 1.5) with shipping everywhere (1) is a scam
    a = run("envoi partout en France", prices=[price])
    assert flag(a, "scam_signals") is expected
    if expected:
        assert "signals:scam:unrealistic_price" in {f.rule for f in a.of("scam_signals")}
    # alone it is not: a local price misread, or a cheap local market ("coke 25€ le g" in Guyane)
    assert not flag(run("menu", prices=[price]), "scam_signals")


def test_runs_without_prices_or_conditions_notes() -> None:
    a = run("envoi partout en france, sans ordonnance, pas de rdv", conditions=False)
    assert flag(a, "scam_signals")  # shipping everywhere + no prescription, from the scam lexicon alone
    a = run("mineurs acceptés, après les cours", conditions=False)
    assert flag(a, "minors_signals")


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("guetteur, ravitailleur\n13-17 ans ok, horaires après le collège", "fr", True),
        ("même mineur ok 🤫 dispo après les cours = parfait", "fr", True),
        ("mineurs acceptés", "fr", True),
        ("on prend les collégiens et lycéens motivés", "fr", True),
        ("16 ans ok, payé chaque soir", "fr", True),
        ("dès 15 ans, 50€ la journée", "fr", True),
        ("t'as que 15-16 piges ? 50 balles la demi-journée", "fr", True),  # slang for years
        ("dé jenn (menm 15 lanné) pou vèyé lari-a", "fr", True),  # Antillean Creole
        ("pas besoin d'avoir 18 ans 😉", "fr", True),
        ("t'es en 3e ou en seconde ?", "fr", True),
        ("runners wanted, under 18s welcome", "en", True),
        ("need youngers for the line", "en", True),
        ("15yo+ can apply, after school shifts", "en", True),
        ("$100 a day, paid daily. 16 and up ok", "en", True),
        ("$150/shift. young is fine, we train you", "en", True),
        ("2 charbonneurs, majeurs de préférence mais on regarde tout", "fr", True),
        ("ni cherche marmailles pou fé la veille, lékol fini ?", "fr", True),  # Réunion Creole
        ("livreurs scooter pour la saison, 180€/soir, l'âge on s'en fout 😉", "fr", True),
        ("ter dispo à Blaye, 50€/jour, horaires de l'école c'est pas un souci", "fr", True),
        ("sellers for the beach, £200 a day, age don't matter", "en", True),
        # the age asked and told, in digits or in words
        ("tu fais chouf, cent la journée, t'as quel âge ? seize ? ça passe", "fr", True),
        ("lookout needed, how old r u? 15 is fine", "en", True),
        # an age told to the reader or accepted; school pupils welcome
        ("POV: you're 15 and making £350 a week on the line", "en", True),
        ("runners for the week, room + food, 16 17 is fine", "en", True),
        ("drivers for weekend drops, high schoolers welcome", "en", True),
        ("you're 15 minutes from the station", "en", False),
        ("the 16 is fine but the 17 bus is late again", "en", False),
        # hard negatives
        ("Sérieux uniquement, majeurs seulement (+18)", "fr", False),
        ("Must be 18+, no time wasters", "en", False),
        ("réservé aux majeurs", "fr", False),
        ("vente interdite aux mineurs", "fr", False),
        ("pas de mineurs svp", "fr", False),
        ("mineurs s'abstenir", "fr", False),
        ("no minors", "en", False),
        ("18-25 ans, permis B", "fr", False),
        ("dans le game depuis 15 ans", "fr", False),
        ("how old is the flat? 15 years", "en", False),
        ("On cherche des jeunes motivés pour des petites missions", "fr", False),
    ],
)
def test_minors(text: str, lang: str, expected: bool) -> None:
    a = run(text, lang)
    assert flag(a, "minors_signals") is expected
    for f in a.of("minors_signals"):
        assert f.rule.startswith(("fr/minors.toml", "en/minors.toml", "signals:minors:"))


def test_minor_age_span() -> None:
    text = "guetteurs 13-17 ans ok"
    a = run(text)
    f = a.of("minors_signals")[0]
    assert a.text_of(f) == "13-17 ans ok"
    assert f.rule == "signals:minors:age_under_18"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_never_crashes_and_spans_are_valid(text: str) -> None:
    for lang in ("fr", "en"):
        a = run(text, lang)
        for f in a.findings:
            assert 0 <= f.start <= f.end <= len(text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "pas de",
                "mineur",
                "16 ans",
                "13-17",
                "ans",
                "pcs",
                "avant envoi",
                "partout en france",
                "sans ordonnance",
                "rdv",
                "0",
                "❌",
                "\n",
                "+18",
                "école",
                "crypto",
                "@",
                ".",
            ]
        ),
        max_size=40,
    )
)
def test_never_crashes_on_cue_soup(parts: list[str]) -> None:
    text = " ".join(parts)
    a = run(text, prices=[{"product": "cocaine", "quantity": 0, "unit": "g", "price": "x"}])
    for f in a.findings:
        assert 0 <= f.start <= f.end <= len(text)


@pytest.mark.parametrize(
    "text",
    [
        "on recrute des collégiens motivés, pas de mineurs au volant",
        "recrute guetteur même mineur, 15 ans ok, après les cours",
        "pas de mineurs, majeurs uniquement 🔞",
        "livraison Lyon, cash ✅",
    ],
)
def test_same_signals_with_or_without_the_conditions_pass(text: str) -> None:
    """Signals reuse the lexicon matches of the conditions pass; alone, they match them again
    (minors signals depend on nothing else, so they must be the same either way)."""

    def signals(a: Analysis) -> list[tuple[str, int, int, str]]:
        return [(f.kind, f.start, f.end, f.rule) for f in a.findings if f.kind == "minors_signals"]

    assert signals(run(text)) == signals(run(text, conditions=False))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # pupils taken on ("même les petits de 3ème", "t'as pas 18 ans on s'arrange", "can be in HS", "young heads
    # welcome"); minors refused with a cross
    ("livreur, guetteur, vendeur / payé à la journée / même les petits de 3ème bienvenus", "fr", True),
    ("cherche 2 livreurs scooter / 150/jour / même si t'as pas 18 ans on s'arrange 🤫", "fr", True),
    ("looking for runners who know the area. Can be in HS, $80 a shift", "en", True),
    ("need runners for the line, $500 a week, young heads welcome", "en", True),
    ("recrute livreurs avec permis B, 150€/jour, majeurs uniquement ❌ mineurs", "fr", False),
])
def test_pupils_taken_on_and_minors_refused_with_a_cross(text: str, lang: str, expected: bool) -> None:
    assert flag(run(text, lang), "minors_signals") == expected
