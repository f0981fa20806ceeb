"""Places and departments: table-driven cases, hard negatives, and never-crash properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sentinelle.analysers.places import PlaceAnalyser
from sentinelle.analysers.products import ProductAnalyser
from sentinelle.core import Analysis, Post
from sentinelle.errors import ConfigError
from sentinelle.lexicon import load_sms
from sentinelle.normalize import normalise

SMS = load_sms(["fr"])
AN = PlaceAnalyser()


def run(text: str, lang: str = "fr") -> Analysis:
    a = Analysis(Post(id="t", text=text), normalise(text, SMS), lang)
    AN.analyse(a)
    return a


def run_with_products(text: str, lang: str = "fr") -> Analysis:
    """As the pipeline runs it: products first (some place rules read them)."""
    a = Analysis(Post(id="t", text=text), normalise(text, SMS), lang)
    ProductAnalyser().analyse(a)
    AN.analyse(a)
    return a


@pytest.mark.parametrize(
    "text,places",
    [
        # short forms and aliases
        (
            "livraison Rennes + Cesson + St Jacques 🚗",
            ["Rennes", "Cesson-Sévigné", "Saint-Jacques-de-la-Lande"],
        ),
        ("je livre sur Sainté et Firminy", ["Saint-Étienne", "Firminy"]),
        ("dispo Villeur / Vaulx / Lyon 7e", ["Villeurbanne", "Vaulx-en-Velin", "Lyon"]),
        ("on passe sur bdx ce soir", ["Bordeaux"]),
        ("Clermont / Chamalières / Aubière", ["Clermont-Ferrand", "Chamalières", "Aubière"]),
        # three names side by side, all communes of one department, are places even when each
        # is also a word or too small to be read alone
        ("Pau 🏉 Lons Billère Lescar / drive ouvert 19h-2h", ["Pau", "Lons", "Billère", "Lescar"]),
        ("LIVRAISON CHARLEVILLE, SEDAN ET NOUZONVILLE", ["Charleville-Mézières", "Sedan", "Nouzonville"]),
        ("le four, la table et le lit sont neufs, 300€", []),
        # names joined by slashes are a list, not a link (a link has a dot: t.me/x)
        ("Caen/Hérouville livraison 🍫 10e le g", ["Caen", "Hérouville-Saint-Clair"]),
        ("weed 10g 80€ t.me/lyonplug Lyon/Villeurbanne", ["Lyon", "Villeurbanne"]),
        ("je livre montpel centre + pérols", ["Montpellier", "Pérols"]),
        ("Livraison Montpellier / Lattes / Castelnau", ["Montpellier", "Lattes", "Castelnau-le-Lez"]),
        (
            "secteur St-Ouen, Saint-Denis et Aubervilliers",
            ["Saint-Ouen-sur-Seine", "Saint-Denis", "Aubervilliers"],
        ),
        ("Tassin et Écully", ["Tassin-la-Demi-Lune", "Écully"]),
        ("Paris 18 ce soir", ["Paris"]),
        ("Marseille 13e, 14e", ["Marseille"]),
        # article dropped, hashtags, joined names
        ("retrait uniquement au Havre", ["Le Havre"]),
        ("#lehavre #normandie", ["Le Havre"]),
        ("#rennes #bzh", ["Rennes"]),
        # heads of long names, resolved by the other places of the post
        ("Rouen rive gauche et Sotteville", ["Rouen", "Sotteville-lès-Rouen"]),
        ("📍 ORLÉANS / FLEURY / SARAN", ["Orléans", "Fleury-les-Aubrais", "Saran"]),
        # abroad
        ("pulling up all over brum 🚗", ["Birmingham"]),
        ("livraison Bruxelles et Anvers", ["Bruxelles", "Anvers"]),  # French post: the names its readers use
        ("dispo sur Genève", ["Genève"]),
        ("Birmingham ➡️ Shrewsbury", ["Birmingham", "Shrewsbury"]),
        # big cities need no cue
        ("🌙 Montpellier 34 | livraison de nuit", ["Montpellier"]),
        # hard negatives: ordinary words, handles, holidays, neighbourhoods
        ("c'est nice ce son", []),
        ("💘 SPÉCIAL SAINT-VALENTIN 💘 -15%", []),
        ("paiement sur place ou sur commande", []),
        ("Suite aux saisies au port ça bouge un peu", []),
        ("1 tampon par commande, 8 tampons = 10g offerts", []),
        ("snap : la.ferme.rns", []),
        ("canal 👉 t.me/lafermerennes", []),
        ("mon dealer de camembert 🧀 vive la Normandie", []),
        ("NORD FRAIS est de retour", []),
        ("10 plaisir garanti, grosse frappe", []),
        ("ça sent bon la campagne", []),
    ],
)
def test_places(text: str, places: list[str]) -> None:
    assert run(text).values("places") == places


@pytest.mark.parametrize(
    "text,lang,places",
    [
        ("we deliver all over Brussels and Geneva tonight", "en", ["Brussels", "Geneva"]),
        ("livraison sur Bxl et Genève", "fr", ["Bruxelles", "Genève"]),
        ("bxl drop-offs only", "en", ["Brussels"]),
        ("dispo Montréal et Québec", "fr", ["Montréal", "Québec"]),
        ("Montreal and Quebec City runs", "en", ["Montreal", "Quebec City"]),
        ("livraison Londres", "fr", ["London"]),  # no French usual name kept for London
    ],
)
def test_abroad_name_follows_post_language(text: str, lang: str, places: list[str]) -> None:
    assert run(text, lang).values("places") == places


@pytest.mark.parametrize(
    "text,departments",
    [
        ("guetteurs + livreurs sur Rennes (35)", ["35"]),
        ("📍 42 livraison rapide", ["42"]),
        ("Clermont 🌋 | 🍁 10/g | ❄️ 70/g | drive 24h/24", []),  # a price per gram, not the Aube
        ("on bouge sur le 93 ce soir", ["93"]),
        ("DRIVE 9️⃣3️⃣ OUVERT 24H/24", ["93"]),
        ("Le Havre 76600 🌙 livraison 19h-5h", ["76"]),
        ("Ajaccio 20000", ["2A"]),
        ("👮 PRÉVENTION — Côte-d'Or", ["21"]),
        ("On vous attend dans le Puy-de-Dôme", ["63"]),
        # plural names take "les": "dans les Ardennes", not "les vosges c'est beau" in lower case
        ("livraison dans les Ardennes", ["08"]),
        ("on livre dans les Vosges et la Haute-Saône", ["88", "70"]),
        ("les vosges c'est beau", []),
        ("🛹 t-shirts 29.-, casquettes 25.-", []),  # prices in Swiss francs
        ("livraison dans le Var et les Bouches-du-Rhône", ["83", "13"]),
        ("départements 31 et 82", ["31", "82"]),
        ("🚜 LA FERME 35 🚜\nlivraison Rennes", ["35"]),  # a shop name's number; Rennes is in 35
        ("Livraison Clermont 63 ✔️", ["63"]),
        ("974 🇷🇪 zamal péi, livraison Saint-Denis", ["974"]),  # overseas code with its flag
        ("973 🇬🇫 Cayenne / Matoury", ["973"]),
        ("livreurs Le Lamentin et Schœlcher, 972 only", ["972"]),  # code before "only", places of 972
        # an open list in brackets; a department's name opening a list in brackets
        ("LIVRAISON PARTOUT EN FRANCE (66, 11, 31, 34...)", ["66", "11", "31", "34"]),
        ("ENVOI PARTOUT EN FRANCE (Cantal, Auvergne, Aurillac aussi 📦)", ["15"]),
        ("🏭 DEMI-GROS 🏭 (Moselle / Lux / Sarre)\nrdv Thionville ou Metz", ["57"]),  # spaced list marks
        # hard negatives: prices, quantities, times, ages, phones, arrondissements, strains, cities
        ("bonbonne ➜ 35€\nles 2 ➜ 60€", []),
        ("❄️ 80 le g | 🍫 10g = 60", []),
        ("📞 06 39 98 17 42", []),
        ("call or txt 07700 900417", []),
        ("Must be 18+, 13-17 ans ok", []),
        ("Paris 18 ou 19", []),
        ("Lyon 7", []),
        ("Runtz, Gelato 41, Lemon Cherry", []),
        ("2 pour 25, 3 pour 35", []),
        ("le 15 août à 20h", []),
        ("Rennes, Dijon, Lyon", []),
        ("la somme de 50€ et le nord de la ville", []),
        ("Saint-Laurent-du-Var", []),
        ("xans €3 each, Dublin 15 and Tallaght", []),  # a postal district abroad
        ("drops all over (Dublin 11)", []),
        ("on livre tout 974 et plus", []),  # an overseas code without its flag or places
    ],
)
def test_departments(text: str, departments: list[str]) -> None:
    assert run(text).values("departments") == departments


@pytest.mark.parametrize(
    "text,departments,sign",
    [
        # with brand_numbers = "with_sign", a number closing a shop name needs one more sign
        ("⛰️ PYRÉNÉES SNOW 64 ⛰️\nlivraison Pau et Lescar", ["64"], "area word 'pyrenees'"),
        ("🐺 LOUP DU NORD 62 🐺\nlivraison Lens, Liévin", ["62"], "area word 'nord'"),
        ("SPEED 13 ✨ ALPES 🚀", [], ""),
        # hard negatives: the bare brand number, whatever the places served
        ("🌲 FORÊT 29 🌲\nlivraison Brest, Quimper", [], ""),
        ("SPEED 13 🚀\nlivraison Aubagne, La Ciotat", [], ""),
        ("🌲 FORÊT 29 🌲 recrute\nBrest", [], ""),
    ],
)
def test_brand_numbers_need_another_sign(text: str, departments: list[str], sign: str) -> None:
    a = Analysis(Post(id="t", text=text), normalise(text, load_sms(["fr"])), "fr")
    PlaceAnalyser({"brand_numbers": "with_sign"}).analyse(a)
    assert a.values("departments") == departments
    for f in a.of("departments"):
        assert f.rule == "places:department:name-number"
        assert sign in f.explanation
        assert a.text_of(f) == departments[0]


def test_brand_numbers_default_reads_a_number_of_a_served_department() -> None:
    assert run("🌲 FORÊT 29 🌲\nlivraison Brest, Quimper").values("departments") == ["29"]
    assert run("🌲 FORÊT 29 🌲\nlivraison Lyon").values("departments") == []  # Lyon is not in 29
    with pytest.raises(ConfigError):
        PlaceAnalyser({"brand_numbers": "sometimes"})


@pytest.mark.parametrize(("text", "lang", "departments"), [
    # a French post that names no place: the number closing its name is the department it serves
    ("🎟️ CARTE FIDÉLITÉ BAIE 22 🎟️\n1 tampon par commande", "fr", ["22"]),
    ("📣 RECRUTEMENT — réseau 25 📣\nPostes : ravitailleur, livreur", "fr", ["25"]),
    # not a time range, a price, a quantity, nor an English shop's number
    ("🚚 livraison postale 24/48h sous vide\n🍫 10 g ➡️ 35 balles", "fr", []),
    ("LA FERME 🍁 10g 90", "fr", []),
    ("📦 UK + IRELAND TRACKED 24 📦\nXanax 2mg bars 50 for £70", "en", []),
    # the number after an emoji closing the first line is the department of the places listed below
    ("RHIN SUD ⚡ 68\nHabsheim - Brunstatt - Ottmarsheim", "fr", ["68"]),
    # ... but not without such places: "⚡ 35" may be a price
    ("FLASH ⚡ 35\nla beuh 10 le g", "fr", []),
])
def test_a_name_number_without_places(text: str, lang: str, departments: list[str]) -> None:
    a = Analysis(Post(id="t", text=text), normalise(text, load_sms([lang])), lang)
    PlaceAnalyser().analyse(a)
    assert a.values("departments") == departments


def test_spans_rules_and_explanations() -> None:
    text = "livraison Rennes (35) + Cesson"
    a = run(text)
    places = a.of("places")
    assert [(text[f.start : f.end], f.value) for f in places] == [
        ("Rennes", "Rennes"),
        ("Cesson", "Cesson-Sévigné"),
    ]
    assert places[0].rule.startswith("places/") and places[0].explanation
    assert places[1].rule == "places/aliases.toml:Cesson-Sévigné:cesson"
    dep = a.of("departments")[0]
    assert (text[dep.start : dep.end], dep.value, dep.rule) == ("35", "35", "places:department:after-place")


def test_keycap_span_maps_to_original() -> None:
    text = "DRIVE 9️⃣3️⃣ OUVERT"
    dep = run(text).of("departments")[0]
    assert text[dep.start : dep.end] == "9️⃣3️⃣"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_never_crashes_and_spans_are_valid(text: str) -> None:
    a = run(text)
    for f in a.findings:
        assert 0 <= f.start <= f.end <= len(text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Rennes",
                "(35)",
                "sur le",
                "93",
                "📍",
                "#lehavre",
                "St",
                "-",
                "Ouen",
                " ",
                "\n",
                "livraison",
                "9️⃣",
                "3️⃣",
                "€",
                "76600",
                "Côte-d'Or",
                "/",
                "Plaisir",
                "au",
                "Havre",
                "t.me/x",
                "@",
                "é",
                "+",
            ]
        ),
        max_size=40,
    )
)
def test_never_crashes_on_place_like_text(parts: list[str]) -> None:
    text = " ".join(parts)
    a = run(text)
    for f in a.findings:
        assert 0 <= f.start <= f.end <= len(text)


@pytest.mark.parametrize(
    ("words", "i", "ends", "starts"),
    [
        (["livraison", "sur", "rennes"], 2, 1, 0),  # "sur" ends before "rennes"
        (["rennes", "et", "alentours"], 1, 0, 2),  # "et alentours" starts at word 1
        (["rennes"], 0, 0, 0),  # nothing before, nothing after
        (["sur"], 1, 1, 0),
    ],
)
def test_cue_phrases_before_and_after(words: list[str], i: int, ends: int, starts: int) -> None:
    from sentinelle.analysers.places import Phrases

    table = Phrases({("sur",), ("livraison", "sur"), ("et", "alentours")})
    assert table.firsts == {"sur", "livraison", "et"} and table.lasts == {"sur", "alentours"}
    assert PlaceAnalyser._ends_with(words, i, table) == (ends and max(
        n for n in range(1, i + 1) if tuple(words[i - n:i]) in table))
    assert PlaceAnalyser._starts_with(words, i, table) == starts


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 60), max_size=30), st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)),
                                                           max_size=4))
def test_tokens_outside_handles_as_the_plain_filter(origins: list[int], handles: list[tuple[int, int]]) -> None:
    from sentinelle.analysers.place_text import outside as _outside
    from sentinelle.normalize import Token

    origins.sort()  # the offset map only grows
    toks = [Token(str(k), k, k + 1) for k in range(len(origins))]
    plain = [t for t in toks if not any(hs <= origins[t.start] < he for hs, he in handles)]
    assert _outside(toks, origins, handles) == plain


@pytest.mark.parametrize(
    "text,places",
    [
        # the contracted article of Le Havre, in any case
        ("rdv gare du Havre ce soir", ["Le Havre"]),
        ("CHARBON DISPO AU HAVRE (CAUCRIAUVILLE) 🔥", ["Le Havre"]),
        ("un havre de paix", []),
        # lowercase names after a place cue, from a writer who never uses capitals
        ("dispo tt le wk sur nice ouest + st laurent", ["Nice", "Saint-Laurent-du-Var"]),
        ("livraison à nice et cagnes", ["Nice", "Cagnes-sur-Mer"]),
        ("dispo à sens unique", []),
        ("besoin d'un guetteur ce soir sur le quartier, 60 la soirée", []),
        # streets and neighbourhoods named after a commune are not the commune
        ("secteur Lille-Sud / Faubourg de Béthune", ["Lille"]),
        ("rdv rue de Lyon à Paris", ["Paris"]),
        ("tenir le hall aux Moulins (Nice) 👀", ["Nice"]),
        ("Le four de l'Ariane (Nice) recrute", ["Nice"]),
        ("🍁 Gelato (US) 15€/g", []),
        # the weak "LA" only in capitals
        ("four à Clermont (La Gauthière) 💼", ["Clermont-Ferrand"]),
        ("delivery in LA and OC", ["Los Angeles"]),
    ],
)
def test_places_generalisation_q3(text: str, places: list[str]) -> None:
    assert run(text).values("places") == places


@pytest.mark.parametrize(
    "text,places,departments",
    [
        # a short or ordinary-word name followed by its own department number is the place
        ("Dax 40 beuh 10 le g", ["Dax"], ["40"]),
        ("🍇 Mâcon drive 71 🍇 la ké 20€ le g", ["Mâcon"], ["71"]),
        ("SENS 89 ⚡\nlivraison Sens et alentours", ["Sens"], ["89"]),
        ("j'ai 40 ans et je vis à dax", [], []),
        ("le dax a pris 2%", [], []),
        # a place ending in x keeps its department ("x" is a times sign only after a digit)
        ("Meaux 77 livraison", ["Meaux"], ["77"]),
        ("BORDEAUX 33 livraison 10e le g", ["Bordeaux"], ["33"]),
        ("10 pochons 2x35", [], []),
        # a department number right before a place of that department
        ("🍁🍫❄️ | 82 Montauban & co | livraison", ["Montauban"], ["82"]),
        ("10 Montauban", ["Montauban"], []),
        # a department's name stated with its number is not a commune elsewhere
        ("🌲 LANDES 40 🌲 Mont de Marsan / Dax / Saint-Paul", ["Mont-de-Marsan", "Dax", "Saint-Paul-lès-Dax"], ["40"]),
        # a short form of a longer name of the department the other places are in
        ("livraison Metz, Montigny, Woippy 10 le g", ["Metz", "Montigny-lès-Metz", "Woippy"], []),
        ("livraison Saint-Paul", ["Saint-Paul"], []),
        # a writer who never uses capitals lists ordinary-word communes in lower case
        ("compiegne/margny/venette 🚗 on se deplace", ["Compiègne", "Margny-lès-Compiègne", "Venette"], []),
        ("Compiègne/venette 🍁", ["Compiègne"], []),  # lower case where the writer uses capitals: a word
        # ... but three neighbours of one department in a row are places, whatever their case
        ("Compiègne/Margny/venette 🍁", ["Compiègne", "Margny-lès-Compiègne", "Venette"], []),
        # short forms of names without a connector, in lists of neighbours ("Perros" for Perros-Guirec)
        ("Menton x Roquebrune x Beausoleil 🍁", ["Menton", "Roquebrune-Cap-Martin", "Beausoleil"], []),
        ("Salon, Pélissanne, Lançon 🚗 jusqu'à 3h", ["Salon-de-Provence", "Pélissanne", "Lançon-Provence"], []),
        ("Lannion / Perros / Trégastel 🍁 10 le g", ["Lannion", "Perros-Guirec", "Trégastel"], []),
        ("CÔTE FLEURIE 🏖️ Deauville • Trouville • Honfleur • Cabourg", ["Deauville", "Trouville-sur-Mer", "Honfleur",
                                                                      "Cabourg"], []),
        ("Cluses ➜ Sallanches ➜ Chamonix", ["Cluses", "Sallanches", "Chamonix-Mont-Blanc"], []),
        ("on livre Rennes & Saint-Grégoire uniquement", ["Rennes", "Saint-Grégoire"], []),  # "livre" is a word
        # a place named to say it is not served is no place of the post
        ("Blain / Châteaubriant / Savenay non, Nort-sur-Erdre oui", ["Blain", "Châteaubriant", "Nort-sur-Erdre"], []),
        ("livraison partout sauf Brest 🍁", [], []),
        ("Lyon pas cher 🍁", ["Lyon"], []),
        ("je suis pas à Lyon ce soir mais à Villeurbanne 🍁", ["Villeurbanne"], []),
        # a short form read on its own is the town everyone means by it, when one stands out
        ("quelqu'un de tranquille sur Villefranche 🏠", ["Villefranche-sur-Saône"], []),
        ("bonjour la Haute-Savoie ☀️ on passe à Évian demain", ["Évian-les-Bains"], ["74"]),
        ("🦁 Le Lion — arrivage du jeudi 🍁", [], []),  # a brand, not the small Lion-sur-Mer
        ("#grenoble #nord #weekend 🍄", ["Grenoble"], []),  # a compass hashtag, not the department
        # a town of 8,000 or more whose name is no ordinary word needs no cue; one whose name is
        # a word needs a cue, or a capital in the middle of a lower-case sentence
        ("🌈 trip corner Verdun 🌈 buvards 10€", ["Verdun"], []),
        ("Ducos 🇲🇶 Rivière-Salée Le Lamentin", ["Ducos", "Rivière-Salée", "Le Lamentin"], []),  # a flag in a list
        ("Il manque du monde au four de Cambrai, 150€ la journée", ["Cambrai"], []),
        ("Livraison Rapide Et Discrète Menton Et Croix", [], []),  # (Cambrai is no word: rare_words.txt)
        # departments: keycaps after "le", a list of "le NN"; never a bare "le 25" (a date, a price)
        ("le 9️⃣4️⃣ est réveillé, Vitry Ivry on roule", ["Vitry-sur-Seine", "Ivry-sur-Seine"], ["94"]),
        ("dispo sur le 77 et le 93 🍁 10 le g", [], ["77", "93"]),
        ("rdv le 25 et le 26 🍁 10 le g", [], []),
        # lists of department numbers: slashes, commas, "+"; never a date ("15/08") or a price after them
        ("livraison 93/94/95 🍁", [], ["93", "94", "95"]),
        ("secteur 69, 01 et 38 🍁", [], ["69", "01", "38"]),
        ("livraison 77 + 91 🍁", [], ["77", "91"]),
        ("📍 42\n+18 seulement", [], ["42"]),  # an age gate on the next line
        # a number right before a place of its department, emoji between ("SPEED 13 🚀 Aubagne")
        ("SPEED 13 🚀 Aubagne / La Ciotat", ["Aubagne", "La Ciotat"], ["13"]),
        # a department name that is also a word: with its own number, as a hashtag, or "only"
        ("Livraison plage / camping ✔️ Manche 50", [], ["50"]),
        ("la manche 50 de mon pull", [], []),
        ("#voiron #isere #grenoble 🍁", ["Voiron", "Grenoble"], ["38"]),
        ("Isère uniquement (Voiron, Moirans, Rives)", ["Voiron", "Moirans", "Rives"], ["38"]),
        # a department name that is also a word, right after a commune of that department
        ("retrait sur Argentan et Alençon Orne", ["Argentan", "Alençon"], ["61"]),
        ("Lille Nord 🍁", ["Lille"], []),  # a compass part, not the department
        ("rdv le 15/08 🍁 10 le g", [], []),
        ("secteur 13, 10 le g", [], ["13"]),
        ("🍁 10 le g, on couvre le 76 et le 27", [], ["76", "27"]),
        # a short form in a department the text states: Lons-le-Saunier (39), not Lons (64)
        ("📍 Jura (39) 🌲 Lons et environs", ["Lons-le-Saunier"], ["39"]),
    ],
)
def test_places_generalisation_q4(text: str, places: list[str], departments: list[str]) -> None:
    a = run(text)
    assert a.values("places") == places
    assert a.values("departments") == departments


@pytest.mark.parametrize(
    "text,places",
    [
        # suburbs and neighbouring towns abroad, as vendors list them
        ("drops Cardiff & Penarth, £10 bags", ["Cardiff", "Penarth"]),
        ("cork city 🇮🇪 drops cork city + ballincollig + carrigaline", ["Cork", "Ballincollig", "Carrigaline"]),
        ("ATL plug 🍑 Decatur + East Point. tele: atl_pharm", ["Atlanta", "Decatur", "East Point"]),
        ("Sydney 🇦🇺 bud $20 a g, drops Parramatta and Bondi", ["Sydney", "Parramatta", "Bondi"]),
        # a French commune keeps its name when a town abroad shares it
        ("livraison Laval et Mayenne 10 le g", ["Laval", "Mayenne"]),
    ],
)
def test_towns_abroad(text: str, places: list[str]) -> None:
    assert run(text).values("places") == places


@pytest.mark.parametrize(("text", "expected"), [
    # a short name means the town far bigger than the commune of that exact name
    ("allers-retours La Jonquera – Lézignan le week-end", ["La Jonquera", "Lézignan-Corbières"]),
    ("dispo sur Savigny-sur-Orge / Juvisy / Viry", ["Savigny-sur-Orge", "Juvisy-sur-Orge", "Viry-Châtillon"]),
    ("livraison Annemasse, Viry, Saint-Julien", ["Annemasse", "Viry", "Saint-Julien-en-Genevois"]),
    # a question ends a run of names; a German word is no town
    ("de la thune après les cours ? 💸 Gradignan / Villenave / déposer des paquets",
     ["Gradignan", "Villenave-d'Ornon"]),
    ("Stiring / Freyming / Forbach livraison le soir, wir sprechen auch deutsch",
     ["Stiring-Wendel", "Freyming-Merlebach", "Forbach"]),
])
def test_short_names_and_run_ends(text: str, expected: list[str]) -> None:
    assert run(text).values("places") == expected


@pytest.mark.parametrize(("text", "departments", "places"), [
    # a department code opening the line before one of its communes states both
    ("58 🏴 Decize ↔ Cosne / on a du 🍄 frais", ["58"], ["Decize", "Cosne-Cours-sur-Loire"]),
    ("974 Saint-Benoît : on cherche un gramoun tranquille", ["974"], ["Saint-Benoît"]),
    ("🌋 974 l'Est 🌋 Saint-Benoît, Bras-Panon", ["974"], ["Saint-Benoît", "Bras-Panon"]),
    ("10 pochons 20€", [], []),
    ("12 Rue de Lyon", [], []),
    # a department code with a compass word names a part of the department
    ("94 SUD 🚗 Fresnes / 🍁 13€ le g", ["94"], ["Fresnes"]),
    ("45 ouest 🚗 beuh 3,5 ➜ 30", ["45"], []),
    ("on livre le 13 nord et le 93 Est", ["13", "93"], []),
    ("10 est le prix du g", [], []),
    ("10 nordiques en promo", [], []),
    # "Strass" is Strasbourg only with a cue (also rhinestones)
    ("livraison Strass et environs", [], ["Strasbourg"]),
    ("robe à strass 30€", [], []),
    # a code alone between the bars of a bio; a price table's bars hold no department
    ("ondaine drive | 🍁🍫❄️ | 42 | 24h/24 | 📞 07.44.12.88.30", ["42"], []),
    ("🍁 amnesia | 10 | 80 | 150", [], []),
    # an overseas code opening the post, or after a sentence, with "only"
    ("976 📢 on cherche des jeunes, 20€ par jour", ["976"], []),
    ("Tu transportes juste une valise, 3000€. 973 uniquement", ["973"], []),
    # a river's valley is no department
    ("VALLÉE DU RHÔNE 38, livraison", ["38"], []),
    ("livraison dans le Rhône", ["69"], []),
    # a code at the end of its line is no count of the next line's unit; a list across an arrow
    ("HALLOWEEN 🎃 chez BOURGES 18\nsachets surprise 🍬 : 10g de 🍁", ["18"], ["Bourges"]),
    ("📍 54 ⇄ 55 | 🍁🍫❄️", ["54", "55"], []),
    # a number after an ordinary word that is a commune elsewhere is a price; a price in brackets
    ("❄️ Pure 70/1\n📍 livraison Dammartin-en-Goële", [], ["Dammartin-en-Goële"]),
    ("🍁 le G 10 balles\n❄️ sur demande (80)", [], []),
    ("livraison Plaisir 78", ["78"], ["Plaisir"]),
])
def test_a_department_code_opening_a_line(text: str, departments: list[str], places: list[str]) -> None:
    a = run(text)
    assert a.values("departments") == departments and a.values("places") == places


@pytest.mark.parametrize(("text", "places"), [
    # two capitalised neighbours of one department, neither an ordinary word
    ("Paimpol / Ploubazlanec ⛵ dispo tout le week end", ["Paimpol", "Ploubazlanec"]),
    ("TEKNIVAL entre Quillan et Espéraza ce week-end", ["Quillan", "Espéraza"]),
    ("Pierre et Paul 🎉", []),
    # three communes on the border of two departments (29 and 22)
    ("🍁 dispo / Huelgoat / Châteauneuf-du-Faou / Callac / snap x", ["Huelgoat", "Châteauneuf-du-Faou", "Callac"]),
    ("Pierre, Paul et Jacques 🎉", []),
    ("Bonne et heureuse année", []),
    # a short name that is also a commune elsewhere is the longer one of its neighbours' department;
    # a name that is the start of a bigger commune's name gives no department to the others
    ("🐮 Bretteville / Fleury / Verson 🐮", ["Bretteville-sur-Odon", "Fleury-sur-Orne", "Verson"]),
    ("Je livre sur Machecoul et Legé", ["Machecoul-Saint-Même", "Legé"]),
    # a run in capitals counts as capitalised
    ("FEYTIAT • LE PALAIS • AIXE 87", ["Feytiat", "Le Palais-sur-Vienne", "Aixe-sur-Vienne"]),
    # a town abroad that is also a word, in capitals beside a town of its country
    ("NEATH • PORT TALBOT • BRITON FERRY", ["Neath", "Port Talbot", "Briton Ferry"]),
    ("LONDON / DEAL OF THE DAY", ["London"]),
])
def test_two_neighbours(text: str, places: list[str]) -> None:
    assert run(text).values("places") == places


@pytest.mark.parametrize(("text", "places"), [
    # short forms in lower case, three or more in a run that shares a department
    ("restock laignes / recey / aignay", ["Laignes", "Recey-sur-Ource", "Aignay-le-Duc"]),
    ("JURA SUD 39 ✅ arinthod clairvaux nozeroy bletterans", ["Arinthod", "Clairvaux-les-Lacs", "Nozeroy",
                                                            "Bletterans"]),
    # the department the run shares picks the homonym of each name
    ("aubigny argent vailly ya moyen ce soir 🚗💨", ["Aubigny-sur-Nère", "Argent-sur-Sauldre",
                                                    "Vailly-sur-Sauldre"]),
    # a lower-case short form right after a word is that word: "je livre Noyal" names no Livré
    ("je livre Noyal-Châtillon, Vern, Châteaugiron.", ["Noyal-Châtillon-sur-Seiche", "Vern-sur-Seiche",
                                                       "Châteaugiron"]),
    ("le chat mange / pierre / paul / jacques", []),
    # a round's words cue a name in lower case
    ("dernier passage bouchemaine ce soir 00h30 🚗", ["Bouchemaine"]),
    ("mais on livre toujours getigne et boussay jusqu a 2h 🤘", ["Gétigné", "Boussay"]),
    # one name a line is a list; a big city's short name beside its namesakes' neighbours
    ("st jean en royans\nst nazaire\nst thomas en royans\n🍁 7€ le g",
     ["Saint-Jean-en-Royans", "Saint-Nazaire-en-Royans", "Saint-Thomas-en-Royans"]),
    ("St Nazaire / La Baule 🍁", ["Saint-Nazaire", "La Baule-Escoublac"]),
    # "puis" links a list; a name of three words and more is no word, however small its commune
    ("le livreur part de Venerque dans 5 min direction Pins-Justaret puis Labarthe.",
     ["Venerque", "Pins-Justaret", "Labarthe-sur-Lèze"]),
    ("🌉 LE PONT 🌉\nÉtiolles · St-Germain-lès-Corbeil · Morsang-sur-Seine · Saintry · Nandy\n🍁 12€/g",
     ["Étiolles", "Saint-Germain-lès-Corbeil", "Morsang-sur-Seine", "Saintry-sur-Seine", "Nandy"]),
])
def test_lists_in_lower_case_and_line_by_line(text: str, places: list[str]) -> None:
    assert run(text).values("places") == places


@pytest.mark.parametrize(("text", "lang", "places"), [
    ("Moudon • Avenches • Morat / herbe 12.- le g", "fr", ["Moudon", "Avenches", "Morat"]),
    ("Davenport / Moline / Rock Island runs tonight", "en", ["Davenport", "Moline", "Rock Island"]),
    ("Blairgowrie · Crieff · Pitlochry · Aberfeldy", "en", ["Blairgowrie", "Crieff", "Pitlochry", "Aberfeldy"]),
    # small towns abroad whose names are also words or first names need a cue
    ("Salut c Yass, je livre", "fr", []),
    # a town abroad that is also a French commune of the post's department is the French one
    ("main propre sur La Haye et Créances", "fr", ["La Haye", "Créances"]),
    ("973 🇬🇫 je descends sur Régina le vendredi", "fr", ["Régina"]),
    ("Winchester & the villages round", "en", ["Winchester"]),
    # ... or starts the name of one ("(14) ... Blainville" is Blainville-sur-Orne, not Quebec's)
    ("NACRE (14) / Hermanville / Colleville / Blainville", "fr",
     ["Hermanville-sur-Mer", "Colleville-Montgomery", "Blainville-sur-Orne"]),
    ("Laval / Blainville / Terrebonne 🍁 $10 a g", "en", ["Laval", "Blainville", "Terrebonne"]),
    # Flemish towns by the name written: the French one in French posts, the Flemish one elsewhere
    ("maintenant aussi Courtrai et Wevelgem 🚗", "fr", ["Courtrai", "Wevelgem"]),
    ("Kortrijk and Wevelgem drops tonight", "en", ["Kortrijk", "Wevelgem"]),
    # a French department number says nothing of a town abroad: "LA 24/24" is no Los Angeles
    ("ON EST LA 24/24 ce week end", "fr", []),
])
def test_small_towns_abroad(text: str, lang: str, places: list[str]) -> None:
    assert run(text, lang).values("places") == places


def test_towns_abroad_listed_in_a_menu_need_no_cue() -> None:
    """Names that are also first names or words ("Tyler", "Longview") are read side by side, capitalised,
    in a post that names a product; the same names in a post about people are not."""
    text = "🤠 EAST TX EXOTICS 🤠\nTyler • Longview\n🍃 Runtz 3.5 $50"
    a = Analysis(Post(id="t", text=text), normalise(text, SMS), "en")
    a.add("products", "cannabis_herb", text.index("Runtz"), text.index("Runtz") + 5, analyser="products", rule="test")
    AN.analyse(a)
    assert a.values("places") == ["Tyler", "Longview"]
    assert run("shoutout to Tyler • Longview 🎉", "en").values("places") == []


@pytest.mark.parametrize(("text", "places"), [
    # former communes (merged into a new one) are named as the post names them
    ("livraison a Seynod et Meythet, 🍁 10 le g", ["Seynod", "Meythet"]),
    # ... even in lower case, beside an accepted name of their department
    ("cherche nourrice sur seynod ou meythet 🏠 400/mois", ["Seynod", "Meythet"]),
    # a saint's name and the word after it are a short form ("St Aignan" for Saint-Aignan-Grandlieu)
    ("SUD LOIRE 44 🍇\nSt Julien de Concelles / Divatte / St Aignan",
     ["Saint-Julien-de-Concelles", "Divatte-sur-Loire", "Saint-Aignan-Grandlieu"]),
    ("livraison saint aignan ce soir", ["Saint-Aignan"]),
    # a name followed by a number that is not its department is not listed with the next name
    ("SUD LOIRE 44 / St Julien de Concelles / Divatte", ["Saint-Julien-de-Concelles", "Divatte-sur-Loire"]),
])
def test_former_communes_and_saints_short_forms(text: str, places: list[str]) -> None:
    assert run(text).values("places") == places


@pytest.mark.parametrize(("text", "lang", "places"), [
    # cues: a station's name, "entre" before a capitalised name, "& autour" after it
    ("jsuis vers la gare d'abscon jusqua 5h", "fr", ["Abscon"]),
    ("faut juste rouler le soir entre Roye et les villages", "fr", ["Roye"]),
    ("REASSORT cuinchy & autour", "fr", ["Cuinchy"]),
])
def test_station_between_and_around(text: str, lang: str, places: list[str]) -> None:
    assert run(text, lang).values("places") == places


def test_villages_abroad_in_lower_case_in_a_run_of_three() -> None:
    """Three villages of one country side by side in a post naming a product, even in lower case;
    two are not enough, and neither are words."""
    def with_product(text: str) -> list[str]:
        a = Analysis(Post(id="t", text=text), normalise(text, SMS), "en")
        a.add("products", "cannabis_herb", text.index("loud"), text.index("loud") + 4, analyser="products", rule="test")
        AN.analyse(a)
        return a.values("places")
    assert with_product("drumshanbo mohill ballinamore... got the loud in") == ["Drumshanbo", "Mohill", "Ballinamore"]
    assert with_product("drumshanbo mohill... got the loud in") == []


@pytest.mark.parametrize(("text", "places"), [
    # names side by side in a department the post states: small ones and lower case too
    ("🌲 SAPIN VERT 88 🌲\nArches ➜ Pouxeux", ["Arches", "Pouxeux"]),
    ("tilly balleroy 📍14 / ❄️ 60 le g", ["Tilly-sur-Seulles", "Balleroy-sur-Drôme"]),
    # without a stated department, from a writer who never uses capitals, as neighbours side by side
    ("tilly balleroy / ❄️ 60 le g", ["Tilly-sur-Seulles", "Balleroy-sur-Drôme"]),
    # but not where the writer uses capitals elsewhere
    ("Dispo ce soir: tilly balleroy / ❄️ 60 le g", []),
])
def test_names_listed_in_a_stated_department(text: str, places: list[str]) -> None:
    assert run(text).values("places") == places


@pytest.mark.parametrize(("text", "places"), [
    # the longest stretch of a run that shares a department: a word at its end is left out
    ("crack 15 le caillou. Le Poët / La Saulce / Remollon. Pas de bip après 23h.",
     ["Le Poët", "La Saulce", "Remollon"]),
    # one name a line, line after line, is a run too
    ("❄️🌲 FUMOIR 🌲❄️\n\n> Montlebon\n> Grand'Combe-Châteleu\n> Le Bizot\n> frontière côté suisse",
     ["Montlebon", "Grand'Combe-Châteleu", "Le Bizot"]),
    # but not names inside sentences on two lines
    ("le Poët en a parlé\nla Saulce aussi", []),
])
def test_runs_of_neighbouring_communes(text: str, places: list[str]) -> None:
    assert run(text).values("places") == places


@pytest.mark.parametrize(("text", "places"), [
    ("📍79 Courlay", ["Courlay"]),
    ("📍 2A Sollacaro", ["Sollacaro"]),
    ("📍 1000 Courlay", []),
])
def test_a_place_marker_then_a_department_number(text: str, places: list[str]) -> None:
    assert run(text).values("places") == places


@pytest.mark.parametrize(("text", "departments"), [
    # a name in capitals ends with its number, a word after it or not
    ("📢 ESTUAIRE 44 RECRUTE\n🚗 chauffeurs\n👀 surveiller l'entrée à Saint-Joachim", ["44"]),
    # not a count nor a date
    ("PROMO 20 pièces offertes, livraison Lyon", []),
    ("SAMEDI 14 juin livraison Lyon", []),
    # an overseas code after a product's name, over places of that department
    ("🌋 ZAMAL PÉI 974 🌋\nSaint-Leu / La Possession / Saint-Joseph", ["974"]),
    # a department number before a name that opens with its article; a marker glued to the number
    ("📍 79 La Forêt-sur-Sèvre, Courlay", ["79"]),
    ("beuh 80 la 10, livraison Lyon", []),
])
def test_name_numbers_of_heldout_az(text: str, departments: list[str]) -> None:
    assert run_with_products(text).values("departments") == departments


@pytest.mark.parametrize(("text", "lang", "places"), [
    # a writer who never uses capitals: neighbours side by side, case tells nothing
    ("ornex cessy jsuis la jusqua 4h du mat / frap 10g 100 balles", "fr", ["Ornex", "Cessy"]),
    ("lodi + tracy + manteca 🚗 shrooms half oz $70, tabs $10", "en", ["Lodi", "Tracy", "Manteca"]),
    # but no short form that is a product word or follows an article ("le coin", "blanche 90")
    ("gland coppet founex j'suis dans le coin 🚗 blanche 90 le g", "fr", ["Gland", "Coppet", "Founex"]),
    # "uniquement" after names confirms them
    ("pouilly sous charlieu et villerest uniquement, beuh 10 le g", "fr", ["Pouilly-sous-Charlieu", "Villerest"]),
])
def test_writers_without_capitals(text: str, lang: str, places: list[str]) -> None:
    assert run_with_products(text, lang).values("places") == places


@pytest.mark.parametrize(("text", "lang", "places"), [
    # names joined by hyphens, each a commune, in capitals: a list, not one word
    ("Statut 🟢 DRIVE COULLONS-CERDON-LADON / Ouvert 24/24", "fr", ["Coullons", "Cerdon", "Ladon"]),
    ("la Croix-Rouge de Lyon", "fr", ["Lyon"]),
    # two neighbours of one department beside a name of another: the two are kept
    ("recherche une personne de confiance pour stocker des colis (Fesches, Morvillars, Méziré)", "fr",
     ["Morvillars", "Méziré"]),
    # a city's own name means the city: Toulouse and Albi share no department through longer names
    ("cherche qq1 qui fait le taxi entre toulouse et albi les mardis", "fr", ["Toulouse", "Albi"]),
    ("presqu'île 🌊 Quiberon St Pierre Plouharnel Erdeven Belz", "fr",
     ["Quiberon", "Saint-Pierre-Quiberon", "Plouharnel", "Erdeven", "Belz"]),
    # a name of three words or more is no phrase by chance, whatever the commune's size
    ("bièvre 🚗 st etienne de st geoirs, la frette / dispo jusqua 23h", "fr",
     ["Saint-Étienne-de-Saint-Geoirs", "La Frette"]),
    ("NOTRE DAME DE MESAGE 🅿️ tjrs ouvert", "fr", ["Notre-Dame-de-Mésage"]),
    # no name runs across brackets: "white (rock)" is no White Rock, British Columbia
    ("brown £10 / white (rock) £10 / open 24/7", "en", []),
    # districts of London are named by themselves, as most writers label them (the city is London),
    # read in a list or with a cue
    ("Whitechapel / Clerkenwell 🚗 drops, bud £10 bags", "en", ["Whitechapel", "Clerkenwell"]),
    ("need a couple of young lads in Orpington to run drops after school", "en", ["Orpington"]),
    ("HARROW / RUISLIP 🚘 drops / Za oz £200", "en", ["Harrow", "Ruislip"]),
])
def test_lists_and_districts_of_heldout_bh_bi_bj(text: str, lang: str, places: list[str]) -> None:
    assert run_with_products(text, lang).values("places") == places


@pytest.mark.parametrize(("text", "departments"), [
    # a department's name in lower case, by a writer who never uses capitals, with its own number
    ("eure 27 tosny st aubin sur gaillon / beuh 10g 80e", ["27"]),
    ("c pas cher 18 le g", []),
    # a number heading a line, the department of the places listed under it
    ("76 🌊 SEINE & CAUX\nTancarville · Sandouville · Rogerville · Oudalle\n🍁 10g .......... 80", ["76"]),
    ("10 🍁 = 80\nTroyes, Romilly-sur-Seine, Nogent-sur-Seine", []),
])
def test_departments_of_heldout_bh_bi_bj(text: str, departments: list[str]) -> None:
    assert run_with_products(text).values("departments") == departments


@pytest.mark.parametrize(("text", "lang", "places"), [
    # postcode districts of big cities name the city (SCHEMA drops neighbourhoods)
    ("need a young one to hold the line in SE15 after school 📚 £300 a week", "en", ["London"]),
    ("N1 / N7 / NW5 — Islington, Holloway, Kentish Town\n✨ 1 for £30 (the white)\n✨ buds £10 a g", "en",
     ["London", "Holloway", "Kentish Town"]),
    ("vitamin B12 shots £20 at our pharmacy", "en", []),
    # a housing estate named after a writer or a city is no commune; "ton quartier" is a noun
    ("🚨 FLASH 🚨 ce soir seulement / Cité Balzac / Vitry centre / ❄️ 1g = 50", "fr", ["Vitry-sur-Seine"]),
    ("100€/jour sans bouger de ton quartier, Saint-Amarin", "fr", ["Saint-Amarin"]),
])
def test_districts_and_estates_of_heldout_bk_bl_bm(text: str, lang: str, places: list[str]) -> None:
    assert run_with_products(text, lang).values("places") == places


def test_towns_abroad_listed_in_a_priced_post() -> None:
    # towns of one country side by side, in a post that prices something but names no product word
    text = "WYOMING 🤠 Casper / Riverton / Cody / Sheridan / we come to you / 8th $45 | oz $260"
    assert run_with_products(text, "en").values("places") == ["Casper", "Riverton", "Cody", "Sheridan"]


@pytest.mark.parametrize(("text", "places"), [
    # the postcode of an arrondissement is its city; other postcodes state a department only
    ("📍75020 / 75011\n🍄 truffes 15€ les 5g", ["Paris"]),
    ("📍 13015 🍁 10g 80", ["Marseille"]),
    ("Lyon 📍69003 🍁 10g 80", ["Lyon"]),
    ("📍 42000 🍁 10g 80", []),
    # Réunion Creole spellings; "Tampon" alone is a word, a place only in a list or with a cue
    ("Livrézon Sin-Dni, Sin-Pol, Le Port 🚗 zamal 10 le g", ["Saint-Denis", "Saint-Paul", "Le Port"]),
    ("Sud osi : Sin-Pyèr, Tampon, Sin-Louis. zamal 10 le g", ["Saint-Pierre", "Le Tampon", "Saint-Louis"]),
    ("un tampon encreur 5€ 🍁", []),
    # a writer with no capitals: the accents of the commune tell it from the ordinary word
    ("cherche gars pour tenir le point à vitré le soir 🍁 10 le g", ["Vitré"]),
    ("pose de film à vitre teintée 🍁 10€", []),
    # Nice capitalised in a French post is the city; Monaco and its quarters; French names abroad
    ("Envoi Chronopost 24h ou main propre Nice ❄️ 70 le g", ["Nice"]),
    ("trop nice ce son 🔥 10 le g", []),
    ("prochain drop pour Monte-Carlo la semaine pro ❄️ 80 le g", ["Monaco"]),
    ("Menton ⇄ Vintimille ❄️ 60e le g", ["Menton", "Vintimille"]),
])

def test_places_of_heldout_bw_bx_by(text: str, places: list[str]) -> None:
    assert run_with_products(text, "fr").values("places") == places

@pytest.mark.parametrize(("text", "places"), [
    # London's districts and New York's boroughs by their own names
    ("🚨 BLACK FRIDAY 🚨 8ths of zaza £32\nDrop offs Hounslow, Feltham, Isleworth",
     ["Hounslow", "Feltham", "Isleworth"]),
    ("Anyone in Ealing need anything 🍃❄️ dm me, can pull up", ["Ealing"]),
    ("tina 💎 clear shards $80 a gram, Queens & Brooklyn meetups", ["Queens", "Brooklyn"]),
])
def test_districts_of_heldout_dg_to_dl(text: str, places: list[str]) -> None:
    assert run_with_products(text, "en").values("places") == places


@pytest.mark.parametrize(("text", "lang", "places", "departments"), [
    # "24/24" and "24/7" are round the clock, not the Dordogne
    # a large town's three-letter name, capitalised in a French post; not in lower case
    ("happy hour sur le drive de Pau : 1g acheté = 1g offert", "fr", ["Pau"], []),
    ("speed 15 le g, préparez les fêtes de Dax je livre", "fr", ["Dax"], []),
    ("weed 10 le g pau", "fr", [], []),
    # two departments joined by a slash; not a season, ages, a price ladder, a date nor delivery hours
    ("3MMC 💎 dispo 78/92\n25€ le g, 5g 100€", "fr", [], ["78", "92"]),
    ("SAISON 25/26 coke 80 le g", "fr", [], []),
    ("ages 15/16 ok coke 80", "fr", [], []),
    ("weed 10/20/50 dispo", "fr", [], []),
    ("livraison 24/48h weed 10 le g", "fr", [], []),
    # the department of a place of the post, after "le" or before "only"
    ("Livraison gratuite dès 100€ sur Lyon et le 69 🚚 🍫 50g 200€", "fr", ["Lyon"], ["69"]),
    ("Dépôt sur Sens et Auxerre, 89 only, md 50€/g", "fr", ["Sens", "Auxerre"], ["89"]),
    # departments listed with spaces after a cue; not ages
    ("livraison 77 93 75 et toute la France, weed 10 le g", "fr", [], ["77", "93", "75"]),
    ("972 on cherche des jeunes pour faire les commissions 🛵 13 14 15 ans ok", "fr", [], ["972"]),
    # towns joined by a slash before a full stop are no link; Luxembourg's short forms
    ("On recrute livreur avec permis, secteur Thionville/Yutz. 150€/jour", "fr", ["Thionville", "Yutz"], []),
    ("3-MMC cristal 30€ le g, livraison Lux-ville et Esch uniquement", "fr", ["Luxembourg", "Esch-sur-Alzette"], []),
    # a town's name alone on its line, framed by emoji, in a post naming products
    ("🚨 Valenciennes 🚨\n🥦 Lemon Haze 10€ le g\n🍫 Dry 7€", "fr", ["Valenciennes"], []),
    # a department number after a place and its surroundings
    ("🍀 Gelato 10g 90€\n📍 Lille et alentours 59", "fr", ["Lille"], ["59"]),
    # Newcastle is Newcastle upon Tyne, its official name
    ("white £60 a g, drops Newcastle and Gateshead", "en", ["Newcastle upon Tyne", "Gateshead"], []),
    ("❄️ 24/24 livraison Pantin, Les Lilas", "fr", ["Pantin", "Les Lilas"], []),
    ("❄️ 70 le g dispo 24/7 sur le 24", "fr", [], ["24"]),
])
def test_places_of_heldout_cu_to_cz(text: str, lang: str, places: list[str], departments: list[str]) -> None:
    a = run_with_products(text, lang)
    assert (a.values("places"), a.values("departments")) == (places, departments)


@pytest.mark.parametrize(("text", "lang", "places"), [
    # "meet you" introduces a town, even one whose name is an ordinary phrase; not a day or "there"
    ("za back, thirty-five for the eighth, I can meet you South Bend east side", "en", ["South Bend"]),
    ("can meet you there at 9 or meet u Friday", "en", []),
])
def test_places_after_meet_you(text: str, lang: str, places: list[str]) -> None:
    assert run_with_products(text, lang).values("places") == places


@pytest.mark.parametrize(("text", "places"), [
    # a town whose name a dictionary holds as a rare word is read without a cue, like any other
    ("💧 G dispo flacon 10ml 20€. Livraison discrète Périgueux, Signal: g_pgx", ["Périgueux"]),
    ("Cherche détailleur pour les pochons 🧤 Meaux, 120€ la journée", ["Meaux"]),
    # a word that posts do write still needs its cue
    ("Besoin d'un détailleur pour les pochons, un vrai Plaisir, 120€ la journée", []),
])
def test_rare_dictionary_words_are_towns(text: str, places: list[str]) -> None:
    assert run_with_products(text).values("places") == places


@pytest.mark.parametrize(("text", "departments"), [
    # an overseas code is stated when one of the post's places lies in it
    ("jai du bon zamal 974 ki veu 15e le g, livr st leu etang salé avirons", ["974"]),
    ("zamal 974€ le kilo Saint-Leu", []),  # a price, not a code
])
def test_overseas_code_of_a_place(text: str, departments: list[str]) -> None:
    assert run_with_products(text).values("departments") == departments


@pytest.mark.parametrize(("text", "departments"), [
    # a number closing a line of places or of a move, the department of one of the places
    ("Beuh dispo sur Decazeville, Viviez, Firmi\nle quart 60€, la demi 110€\nje me déplace 🚗 12", ["12"]),
    ("Livraison Rodez, Onet-le-Château 12", ["12"]),
    # not a price at the end of a menu line, nor a number that is no place's department
    ("🍁 Cali 12\nlivraison Rodez", []),
    ("Beuh dispo sur Decazeville\nje me déplace 🚗 15", []),
])
def test_department_closing_a_line_of_places(text: str, departments: list[str]) -> None:
    assert run_with_products(text).values("departments") == departments


@pytest.mark.parametrize(("text", "lang", "places"), [
    # towns' usual short names
    ("drops Skeg n Burgh le Marsh till late", "en", ["Skegness", "Burgh le Marsh"]),
    ("24/7 dropping Pembroke Dock, Hwest, Tenby", "en", ["Pembroke Dock", "Haverfordwest", "Tenby"]),
    ("on livre Drag / Les Arcs / Lorgues 🚗", "fr", ["Draguignan", "Les Arcs", "Lorgues"]),
    ("🚨 REVENU 🚨 dispo ce soir Saint-Ju et Rochechouart, même snap", "fr", ["Saint-Junien", "Rochechouart"]),
    # an ordinary word that is also a short name needs its cue
    ("drag race this sunday", "en", []),
])
def test_towns_short_names(text: str, lang: str, places: list[str]) -> None:
    assert run_with_products(text, lang).values("places") == places


@pytest.mark.parametrize(("text", "lang", "places"), [
    # a short form read only near its department: elsewhere, the commune of that name of the post's
    # department; with no department told, nothing
    ("Livraison Savigny Melun Lieusaint Cesson la nuit", "fr",
     ["Savigny-le-Temple", "Melun", "Lieusaint", "Cesson"]),
    ("Livraison Rennes, Cesson, Bruz", "fr", ["Rennes", "Cesson-Sévigné", "Bruz"]),
    ("Livraison Cesson ce soir", "fr", []),
    # nicknames and merged communes
    ("retour demain 17h avon/bleau", "fr", ["Avon", "Fontainebleau"]),
    ("drive le mée jusqu'à minuit", "fr", ["Le Mée-sur-Seine"]),
    ("livraison Aÿ, Magenta, Dizy", "fr", ["Aÿ-Champagne", "Magenta", "Dizy"]),
])
def test_short_forms_near_their_department(text: str, lang: str, places: list[str]) -> None:
    assert run_with_products(text, lang).values("places") == places


@pytest.mark.parametrize(("text", "departments"), [
    # a price after its quantity is no department, even before a slash and a number
    ("📍51 Fismes Jonchery Reims\n🍀 5gr 45 / 10gr 80 / 25gr 180", ["51"]),
    ("livraison 93/94 ce soir", ["93", "94"]),
])
def test_price_after_a_quantity_is_no_department(text: str, departments: list[str]) -> None:
    assert run_with_products(text).values("departments") == departments


@pytest.mark.parametrize(("text", "departments"), [
    # a department's name that is also a word counts listed with another department's name
    ("Weed 10g = 50€\nCreuse et Corrèze livrés en 48h", ["23", "19"]),
    ("livraison Corrèze et Creuse", ["19", "23"]),
    ("la creuse et le charbon", []),
])
def test_department_names_listed_together(text: str, departments: list[str]) -> None:
    assert run_with_products(text).values("departments") == departments


@pytest.mark.parametrize(("text", "lang", "places"), [
    # a city's full name is no weak short form; rare dictionary words are the town
    ("🚗 Avignon + Le Pontet", "fr", ["Avignon", "Le Pontet"]),
    ("Béziers ce soir", "fr", ["Béziers"]),
    ("🚗 Cavaillon Cheval-Blanc", "fr", ["Cavaillon", "Cheval-Blanc"]),
    ("livraison Avi", "fr", ["Avignon"]),
    # a town of 20,000 or less yields to a longer name in the post's department
    ("📍 Foix - Tarascon", "fr", ["Foix", "Tarascon-sur-Ariège"]),
    ("Tarascon et Beaucaire", "fr", ["Tarascon", "Beaucaire"]),
    # short forms
    ("🚗 Livraison St Go, Montréjeau, Salies\n📍 31", "fr", ["Saint-Gaudens", "Montréjeau", "Salies-du-Salat"]),
    ("flash sale, 8ths £25. Livi only", "en", ["Livingston"]),
    ("MK central, Campbell Park till late", "en", ["Milton Keynes"]),
    ("mk dons match tonight", "en", []),
])
def test_full_names_rare_words_and_short_forms(text: str, lang: str, places: list[str]) -> None:
    assert run_with_products(text, lang).values("places") == places


@pytest.mark.parametrize(("text", "lang", "places"), [
    # a name several countries have a town of: the country of the post's other towns
    ("📍 Stockton / Billingham / Hartlepool", "en", ["Stockton-on-Tees", "Billingham", "Hartlepool"]),
    ("Stockton, Modesto, Lodi drops", "en", ["Stockton", "Modesto", "Lodi"]),
    # towns' nicknames
    ("DRIVER NEEDED darlo ↔ hartlepool, evenings", "en", ["Darlington", "Hartlepool"]),
    ("guisbro drops only", "en", ["Guisborough"]),
    ("qqn a du 🍃 sur champa ?", "fr", ["Champagnole"]),
])
def test_country_of_the_post_and_nicknames(text: str, lang: str, places: list[str]) -> None:
    assert run_with_products(text, lang).values("places") == places


@pytest.mark.parametrize(("text", "lang", "places"), [
    # a weak town name confirmed by the drops or pickups after it; Isère's short names
    ("FLASH 🔥 all carts $25 🍭 Amarillo drop offs", "en", ["Amarillo"]),
    ("💊 M30 blues 10 for $150\nOdessa pickup or drop 🚗", "en", ["Odessa"]),
    ("🥦 Cali 12€/g\n🚗 IDA / Villef\n📍38", "fr", ["L'Isle-d'Abeau", "Villefontaine"]),
    ("la verpi 📍\n🍫 5g 40", "fr", ["La Verpillière"]),
])
def test_towns_confirmed_by_drops_and_isere_short_names(text: str, lang: str, places: list[str]) -> None:
    assert run_with_products(text, lang).values("places") == places


@pytest.mark.parametrize(("text", "lang", "places"), [
    # two short names resolved together where both have a town; a namesake overseas is far away
    ("livreurs Nogent / Romilly le soir", "fr", ["Nogent-sur-Seine", "Romilly-sur-Seine"]),
    ("📍 St-André / Ste-Savine / Troyes 🚗", "fr", ["Saint-André-les-Vergers", "Sainte-Savine", "Troyes"]),
    ("📍Sault & Mont Ventoux 🚵\nfrappe 10/g", "fr", ["Sault", "Mont"]),
    # a Paris gate is no commune; a bare arrondissement with a place cue or the post's Île-de-France
    ("rdv Porte de Montreuil 19h, 70 le g", "fr", []),
    ("⭐️ VIP 12e / Vincennes ⭐️ 🍫 10/g", "fr", ["Vincennes", "Paris"]),
    ("au 18e, 70 le g", "fr", ["Paris"]),
    ("🎁 la 10e commande offerte, livraison Vincennes", "fr", ["Vincennes"]),
    ("beu 10e g / 3g 25e / le 8eme de kush 35e / livraison Tarare", "fr", ["Tarare"]),
    # bare arrondissements listed after a delivery cue, or three in rising order, are Paris's
    ("même menu même qualité 🍃 10 le g, livraison 5e 6e 7e", "fr", ["Paris"]),
    ("🍫 8€/g, on passe dans le 5e/6e/7e", "fr", ["Paris"]),
    ("🍃 10 le g, dispo la nuit 🛵 6e 7e 15e", "fr", ["Paris"]),
    ("🍃 10 le g, soutien scolaire 6e, 5e, 4e", "fr", []),
    # a town of 3,000 or more read without a cue; a short name for the big town that dwarfs its namesakes
    ("oui frère dispo, 20 les 2g de beuh, rdv parking Intermarché Roquemaure", "fr", ["Roquemaure"]),
    ("héroïne brune dispo 🤎 40 le g, Bagnols gare", "fr", ["Bagnols-sur-Cèze"]),
    ("envoi discret partout 🍃 10 le g (Doubs, Jura)", "fr", []),
    ("need 2 runners NLV, $200 a day", "en", ["North Las Vegas"]),
    # small towns listed with a town of 8,000 or more are of its department; not a verb in lower case
    ("🚗 FRAIS DE LIVRAISON : Saint-Junien : offert / Oradour / Cieux : 10€ 🌿 10 le g", "fr",
     ["Saint-Junien", "Oradour-sur-Glane", "Cieux"]),
    ("🍁 10€/g, je livre Laval, Changé, Saint-Berthevin", "fr", ["Laval", "Changé", "Saint-Berthevin"]),
    ("🍃 £20 a bag, Newtownabbey & Glengormley drops", "en", ["Newtownabbey", "Glengormley"]),
    # an abbreviated saint's town abroad; "St" alone is never Le Saint
    ("looking for a runner in St. Augustine, $40 a run", "en", ["St. Augustine"]),
    ("Rolla • St. James • Cuba MO, zaza 3.5 $45", "en", ["Rolla", "St. James", "Cuba"]),
    ("St. Vith / Raeren / Lontzen 🇧🇪 speed 15€/g", "fr", ["Saint-Vith", "Raeren", "Lontzen"]),
    # a capitalised short name of the one town whose long name it starts; not inside a longer proper name
    ("guetteurs 50€/jour, vendeurs 100€/jour, Barbezieux.", "fr", ["Barbezieux-Saint-Hilaire"]),
    ("CARTE FIDÉLITÉ 🎟️ Champ Plug, 🥦 Cali 3.5g 40€", "fr", []),
    # Tameside's short names and a postcode district after a town
    ("💎 md £40g\nDukinfield, Ashton, Hyde", "en", ["Dukinfield", "Ashton-under-Lyne", "Hyde"]),
    ("8ths £25 Staly n Mossley", "en", ["Stalybridge", "Mossley"]),
    ("🧱 hash £7g\nHyde SK14 area drops", "en", ["Hyde"]),
])
def test_shared_departments_gates_arrondissements_and_districts(text: str, lang: str, places: list[str]) -> None:
    assert run_with_products(text, lang).values("places") == places


@pytest.mark.parametrize(("text", "lang", "places"), [
    # a name whose commune starts with an article, written without it, in a run of one department
    ("bouteille 35€ 2 pour 60€, Bry Nogent Perreux. 06.98.11.23.47", "fr",
     ["Bry-sur-Marne", "Nogent-sur-Marne", "Le Perreux-sur-Marne"]),
    # local short forms near their department
    ("livr Ostwald/Lingo/Eckbo 🥦 12/g", "fr", ["Ostwald", "Lingolsheim", "Eckbolsheim"]),
    ("🍫 10 🥦 12 ❄️ 70\nBischheim Hoenheim Souffel", "fr", ["Bischheim", "Hœnheim", "Souffelweyersheim"]),
    ("rajoutez 👻 bassin.decaz3 🙏 Decaz Aubin Cransac", "fr", ["Decazeville", "Aubin", "Cransac-les-Thermes"]),
    ("St Aff 🔥 retour ce soir, menu habituel", "fr", ["Saint-Affrique"]),
    ("Cruces still got zaza 🍃 8ths $40", "en", ["Las Cruces"]),
    ("same as before, 24/7, Grimsby & Cleeth 🚗", "en", ["Grimsby", "Cleethorpes"]),
    ("same prices same quality, Worky/Cockermouth", "en", ["Workington", "Cockermouth"]),
    ("someone to hold for us in barrow, £500 a month", "en", ["Barrow-in-Furness"]),
    # a short form two towns share is read only near one of them
    ("DRIVE ST-JU 🚙 Saint-Julien • Archamps • Viry 🌿 10g 90€", "fr",
     ["Saint-Julien-en-Genevois", "Archamps", "Viry"]),
    ("dispo 🌿 10€ le g, St-Ju et alentours", "fr", []),
    # "round" a town; a wholesaler's "gros" is no Gros-Morne
    ("£80 a shift round Spalding, easy deliveries 📦", "en", ["Spalding"]),
    ("⚠️ Gros uniquement, rdv Martigues / Port-de-Bouc", "fr", ["Martigues", "Port-de-Bouc"]),
    # a two-word US town, capitalised, in a post pricing products; not in a post priced in pounds, not a saint's day
    ("Lookouts needed on the block 👀 $100/day, Rock Hill, 14+ ok", "en", ["Rock Hill"]),
    ("ice 🧊 $40 a half g, $60 a g. Brooklyn Center motel drop offs only", "en", ["Brooklyn Center"]),
    ("GRANITE CITY GAS ⛽ Aberdeen & Dyce\nZkittlez 8th £35", "en", ["Aberdeen", "Dyce"]),
    ("St Leger weekend 🏇 mandy £40 a g, meet me round Donny town centre", "en", ["Doncaster"]),
])
def test_article_less_heads_and_local_short_forms(text: str, lang: str, places: list[str]) -> None:
    assert run_with_products(text, lang).values("places") == places


@pytest.mark.parametrize(("text", "departments"), [
    # departments listed in brackets; a keycap quantity and its price is none; a place marker still is
    ("Coke 1g 30€\nEnvoi en lettre suivie dans tout l'Est (57, 54, 67)", ["57", "54", "67"]),
    ("🥦🥦🥦\n1️⃣0️⃣ = 9️⃣0️⃣\nSte Maxime 🌊", []),
    ("📍44 ➡️ 50€ les 10 de jaune", ["44"]),
    # numbers set apart by spaced dashes; an hour range is no list
    ("Livraison (15 - 63 - 43) 🍫 10g 60€", ["15", "63", "43"]),
    ("Je passe sur le 87 - 23 - 19 🍃 dispo", ["87", "23", "19"]),
    ("Livraison 87 🍃 ouvert 14 - 22h", ["87"]),
    # Corsica's two codes named together, or one beside a Corsican place; a size is none
    ("🚚 Livraison Bastia, Corte et partout 2B/2A sous 24h", ["2B", "2A"]),
    ("📍 Bastia – Corte – Calvi\n✅ 2A / 2B", ["2A", "2B"]),
    ("Porto-Vecchio ✅ 2A 🍃 10/g", ["2A"]),
    ("taille 2A 🍃 dispo", []),
    # department names listed with commas or slashes, each capitalised
    ("Envoi Haute-Savoie, Savoie, Ain... 🍃 100g 250€", ["74", "73", "01"]),
    ("livraison Isère, Savoie et Drôme 🍃", ["38", "73", "26"]),
    ("GROS UNIQUEMENT\nAveyron / Lot\n🍫 Résine 100g : 400€", ["12", "46"]),
    ("🏰 CHER & LOIRE 🏰 menu 🌿 12€/g", []),  # two rivers: "&" lists no department names
    # chains of department numbers; a price ladder, a date, a date before a place are none
    ("🏷️ TARIFS DÉGRESSIFS 22/35/29 🏷️\n❄️ 5g 300€", ["22", "35", "29"]),
    ("💊 Lyrica = 40€\nenvoi par la poste 22, 35, 56, 29, paiement PCS", ["22", "35", "56", "29"]),
    ("Livraison en main propre 76/27, moitié à la commande.", ["76", "27"]),
    ("prix 30/40/50 🍃", []),
    ("[12/13/25, 11:52 PM] Buyer: 140 for the half right", []),
    ("🎉 Précommande avant le 30, livré le 31 sur Reims", []),
])
def test_bracketed_lists_and_keycap_pairs(text: str, departments: list[str]) -> None:
    assert run_with_products(text).values("departments") == departments


@pytest.mark.parametrize(("text", "lang", "places"), [
    # a town abroad that is also a name, a word or a town elsewhere, alone but capitalised, in a post
    # priced in its country's currency alone
    ("pills 💊 $15, 4 for $50, Georgetown only", "en", ["Georgetown"]),
    ("lookouts needed, $150 a day paid daily. Durham. DM", "en", ["Durham"]),
    ("hey it's Brandon, 8ths $40 tonight", "en", []),  # a person
    ("Brandon: 8th is $40", "en", []),  # a speaker
    ("SUMMER FLASH SALE ☀️ 8ths $25", "en", []),  # a word, in capitals
    ("8ths £25, Durham only", "en", ["Durham"]),  # (the English city, read by name)
    ("Glasgow only: Partick, Hillhead 🧊 £80 g", "en", ["Glasgow"]),  # beside a city: a neighbourhood
    # a short form read only near its department: a commune of it, even by its short name, counts
    ("Mérignac / St Med 🛵 frappe 🥦 12/g", "fr", ["Mérignac", "Saint-Médard-en-Jalles"]),
    ("livraison Saint-Amand et Vierzon, mini 50€", "fr", ["Saint-Amand-Montrond", "Vierzon"]),
    ("cherche guetteur 100€ la journée, quartier pyramides LRSY", "fr", ["La Roche-sur-Yon"]),
])
def test_lone_towns_abroad_and_short_forms_near_their_department(text: str, lang: str, places: list[str]) -> None:
    assert run_with_products(text, lang).values("places") == places


@pytest.mark.parametrize(("text", "departments"), [
    # listed numbers followed by "pour" are still departments; an amount priced or pay is none
    ("Recherche chauffeurs 82/46/47 pour transport 🚚 1500€ le trajet", ["82", "46", "47"]),
    ("Cherche nourrice sur le secteur 85 / 44 pour garder du matos, 800€/mois", ["85", "44"]),
    ("🍫 8th 30 🍫 quart 55 🍫 demi 100", []),
    ("besoin d'un jeune sur Challans 💸 50 par demi journée", []),
])
def test_listed_numbers_before_pour_amounts_and_pay(text: str, departments: list[str]) -> None:
    assert run_with_products(text).values("departments") == departments


@pytest.mark.parametrize(("text", "lang", "places"), [
    # a town abroad that is also a word or a name closes the post after a comma or a price (lower
    # case only when it is no word); a delivery run or a side of town names it
    ("subs 8mg strips $10 each, Mesa", "en", ["Mesa"]),
    ("who need bars? 3 for $10 chandler", "en", ["Chandler"]),
    ("Sale $10 each, reading", "en", []),  # a word in lower case
    ("new stock landed, Pueblo delivery run saturday only", "en", ["Pueblo"]),
    ("need 2 sellers on the east side of Mesa, 20% cut, $200 a day", "en", ["Mesa"]),
    # Breton names of towns, a college town's nickname
    ("retour de stock demain 🔥 3cmc + kéta\nMontroulez / Taulé", "fr", ["Morlaix", "Taulé"]),
    ("menu apéro : 🍫 10g 70 / 🍀 5g 50. Konk Kerne et Melgven", "fr", ["Concarneau", "Melgven"]),
    ("foco 🐏 campus drop offs this week\n❄️ g $80", "en", ["Fort Collins"]),
])
def test_sign_off_towns_abroad_and_breton_names(text: str, lang: str, places: list[str]) -> None:
    assert run_with_products(text, lang).values("places") == places


@pytest.mark.parametrize(("text", "departments"), [
    # three or four numbers joined by hyphens; not a phone's five pairs nor a date; "je sers le 66";
    # a new price after "maintenant"
    ("❄️ COCO EXPRESS ❄️ 95-93-75\n1g 80€ / 5g 350€", ["95", "93", "75"]),
    ("appel 07-58-22-14-90", []),
    ("dispo le 12-05-25", []),
    ("Je sers le 66 et le 11, pas plus loin.", ["66", "11"]),
    ("les 5g pour 40 c'est fini, maintenant 45. blindé en frappe", []),
    # two department numbers joined by a hyphen; not a range of ages, prices, hours or sizes
    ("🔌 plug officiel 59-62 🔌 liv 7j/7", ["59", "62"]),
    ("100g = 450€, secteur 91-77 uniquement", ["91", "77"]),
    ("guetteur 13-17 ans 60€ par jour", []),
    ("pochons 50-60€ ce soir", []),
    ("ouvert 14-22 tous les jours", []),
])
def test_hyphened_chains_and_served_departments(text: str, departments: list[str]) -> None:
    assert run(text).values("departments") == departments


@pytest.mark.parametrize(("text", "departments"), [
    # a split of a hundred and a price after "prix" are no departments; a pair of departments stays one
    ("need someone to sell from a spot, pay split 60/40, serious only", []),
    ("ancien prix 50 ➡️ nouveau prix 45 🔻 livraison offerte dès 100€", []),
    ("livraison 78/92 ce soir", ["78", "92"]),
])
def test_splits_and_prices_are_no_departments(text: str, departments: list[str]) -> None:
    assert run(text).values("departments") == departments


@pytest.mark.parametrize(("text", "departments"), [
    # a list of postcodes reads like a phone's digits, but each is a postcode
    ("livraison 13013 13014 13015 / DM", ["13"]),
    ("appelle le 07700 900417", []),
])
def test_a_list_of_postcodes(text: str, departments: list[str]) -> None:
    assert run(text).values("departments") == departments


@pytest.mark.parametrize(("text", "departments"), [
    # a department number listed after a place ("Toulouse et 82"); not a street number, an age, a time
    ("-30% tout le weekend, Toulouse et 82", ["82"]),
    ("livraison Rennes ou 35 sud", ["35"]),
    ("rdv Blagnac et 31 rue des Lilas", []),
    ("Marseille et 13 ans d'expérience", []),
    ("livraison Lyon et 10 min d'attente", []),
])
def test_a_department_number_listed_after_a_place(text: str, departments: list[str]) -> None:
    assert run(text).values("departments") == departments


@pytest.mark.parametrize(("text", "lang", "places"), [
    # the first word of a double name before its connector ("Cosne" for Cosne-Cours-sur-Loire),
    # unless a commune bears it alone or it is a word ("vers"); a US city's airport code and short form
    ("livraison Nevers, Clamecy, Cosne", "fr", ["Nevers", "Clamecy", "Cosne-Cours-sur-Loire"]),
    ("clichy centre vers la mairie", "fr", ["Clichy"]),
    ("🌊 SAÔNE EXPRESS 🌊 24h/24 7j/7", "fr", []),  # the river, without a cue
    ("CLT only, meet up or drop off", "en", ["Charlotte"]),
    ("winston & greensboro, text me", "en", ["Winston-Salem", "Greensboro"]),
    ("Winston is my dog", "en", []),
])
def test_short_forms_of_double_names_and_us_cities(text: str, lang: str, places: list[str]) -> None:
    assert run_with_products(text, lang).values("places") == places


@pytest.mark.parametrize(("text", "departments"), [
    # two department names joined by "&" when one is no river's
    ("bio: wax | Tarn & Haute-Garonne | envoi rapide", ["81", "31"]),
    ("Haute-Garonne & Tarn", ["31", "81"]),
    ("Tarn & Garonne", []),  # two rivers
])
def test_department_names_joined_by_an_ampersand(text: str, departments: list[str]) -> None:
    assert run(text).values("departments") == departments


@pytest.mark.parametrize(("text", "departments"), [
    # a sum in brackets after the cash asked for is no department; a weak department name listed with
    # a strong one across a compass word, or right before a commune of it; not inside a commune's name
    ("je suis en bas, prépare l'appoint stp (60)", []),
    ("livraison Beauvais (60)", ["60"]),
    ("Gironde sud + Landes nord / commande via le bot", ["33", "40"]),
    ("🍫 100g = 350 / Sud Landes, Dax, Peyrehorade", ["40"]),
    ("🍫 Ingrandes-sur-Vienne / Oyré / Dangé / 10€ le g", []),
])
def test_sums_in_brackets_and_weak_names_listed(text: str, departments: list[str]) -> None:
    assert run(text).values("departments") == departments


def test_a_barn_is_not_bern() -> None:
    text = "🐖 pig auction Saturday, sale barn outside Cedar Rapids"
    assert run_with_products(text, "en").values("places") == ["Cedar Rapids"]


@pytest.mark.parametrize(("text", "places"), [
    # a saint's name is the short form of a longer one in the post's department ("St-Gilles" beside
    # Challans is Saint-Gilles-Croix-de-Vie); alone, it is the commune that bears it
    ("livraison St-Gilles, Challans et Saint-Hilaire-de-Riez",
     ["Saint-Gilles-Croix-de-Vie", "Challans", "Saint-Hilaire-de-Riez"]),
    ("livraison Saint-Gilles ce soir", ["Saint-Gilles"]),
])
def test_a_saints_name_as_a_longer_names_short_form(text: str, places: list[str]) -> None:
    assert run(text).values("places") == places


@pytest.mark.parametrize(("text", "departments"), [
    # a sum said after a word is no shop's number ("2 pochons donc 40"); "à Vienne" is the town; the north of
    # the Isère is no Nord
    ("t'avais dit 2 pochons donc 40, j'ai pas de monnaie", []),
    ("ce soir c 10 le g pour tout le monde. à la livraison c'est 12", []),
    ("ZAMAL EST 974 🌋 / comptes ban, ajoute le nouveau", ["974"]),
    ("retrait chez moi à Vienne seulement, pas de livraison", []),
    ("On livre partout dans le Nord-Isère, Bourgoin et alentours", []),
    ("livraison dans la Vienne et en Charente", ["86", "16"]),
])
def test_sums_towns_and_compass_words_before_departments(text: str, departments: list[str]) -> None:
    assert run(text).values("departments") == departments


@pytest.mark.parametrize(("text", "places"), [
    # Essonne's short forms: "Ris" beside another place of the 91, "Viry-Chât", "Sainte Gen"
    ("livraison ce soir Grigny Viry Ris: 25e le 3g", ["Grigny", "Viry-Châtillon", "Ris-Orangis"]),
    ("livré chaud 😂 Sainte Gen / Brétigny", ["Sainte-Geneviève-des-Bois", "Brétigny-sur-Orge"]),
    ("ris de veau 25€ le kilo, livraison Paris", ["Paris"]),
])
def test_short_forms_of_the_essonne(text: str, places: list[str]) -> None:
    assert run(text).values("places") == places


@pytest.mark.parametrize(("text", "places"), [
    # a writer in lower case: a town abroad weak only as a surname is read before "only", "area"; a
    # town that is also a word ("bath") is not
    ("half up front on anything over a zip, rest on drop. reno only", ["Reno"]),
    ("carts $25, 2 for $45, reno area", ["Reno"]),
    ("bath only tonight, carts $25", []),
])
def test_a_surname_town_in_lower_case(text: str, places: list[str]) -> None:
    assert run(text, "en").values("places") == places


@pytest.mark.parametrize(("text", "places"), [
    # a big city's neighbourhoods are the city ("Easterhouse, Garthamlock" is Glasgow); the city named with
    # a compass word stays the city ("north omaha")
    ("Easterhouse, Garthamlock, Cranhill 🍁 £10 a g", ["Glasgow"]),
    ("Harehills n Gipton drops all day 🍃 £10 a g", ["Leeds"]),
    ("hard 💎 $20 rocks, 6 for $100 / north omaha, i come to u", ["Omaha"]),
])
def test_neighbourhoods_of_big_cities_abroad(text: str, places: list[str]) -> None:
    assert run(text, lang="en").values("places") == places


@pytest.mark.parametrize(("text", "departments"), [
    # the exact sum said after "l'appoint" and a six-digit phone after its sign are no departments
    ("je suis devant chez toi, pas de monnaie sur moi fais l'appoint 50", []),
    ("herbe 10€ le g / je me deplace / 📞 7️⃣6️⃣ 2️⃣1️⃣ 9️⃣4️⃣", []),
    ("livraison 93 / 94 / 95 tous les soirs", ["93", "94", "95"]),
])
def test_sums_and_short_phones_are_no_departments(text: str, departments: list[str]) -> None:
    assert run(text).values("departments") == departments
