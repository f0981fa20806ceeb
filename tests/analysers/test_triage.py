"""The verdict and the evidence that explains it (the bundled model, the full pipeline)."""

from __future__ import annotations

import pytest

from sentinelle.analysers.cues import CueAnalyser, conversation
from sentinelle.analysers.triage import token_offsets
from sentinelle.api import analyze_text
from sentinelle.core import Analysis, Post
from sentinelle.lexicon import data_dir
from sentinelle.model.triage_model import TriageModel
from sentinelle.normalize import normalise, tokenize


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


@pytest.mark.parametrize(
    "text",
    [
        "🍁 Cali 10g 100€ | ❄️ 1g 70€ | livraison 24/7 | 👻 snap: plug.test",
        "On recrute guetteurs, 120€ la journée, 120€ la journée, DM",
        "Lille : un réseau démantelé, 2 kg de cocaïne saisis",
        "",
    ],
)
def test_scoring_words_is_scoring_the_feature_dict(text: str) -> None:
    """The fast path (words scored in place) gives exactly the probabilities and the explanation of
    the plain dot product over the same features (those `features()` gives for training)."""
    from sentinelle.api import default_pipeline
    from sentinelle.model.features import TOKEN_WEIGHT, fact_features, features, token_features
    from sentinelle.model.quick import quick_features

    pipeline = default_pipeline()
    a = analyze_text(text)
    words = [t.text for t in a.norm.tokens]
    a.findings = [f for f in a.findings if f.analyser != "triage"]
    triage = next(x for x in pipeline.analysers if x.name == "triage")
    facts = fact_features(a)
    facts["bias"] = 1.0
    fast, _spans = triage.model.predict_words(facts, words, explain=8)
    tokens = {name: TOKEN_WEIGHT for name, _s, _e in token_features(a)}
    assert set(features(a)) == set(facts) | set(tokens)
    assert fast == triage.model.predict({**facts, **tokens}, explain=8)  # same terms, added in the same order
    quick = quick_features()
    facts, _where = quick.facts(a, words)
    facts["bias"] = 1.0
    assert set(quick.features(a)) == set(facts) | set(tokens)
    model = TriageModel.load(data_dir() / "models" / "triage_quick.json.gz")
    assert model.predict_words(facts, words, explain=8)[0] == model.predict({**facts, **tokens}, explain=8)


def test_token_offsets_find_every_token() -> None:
    norm = normalise("🍁 Cali  10g/100€\n❄️ c.o.k.e — 1g 70€ !!")
    words = tokenize(norm.text)
    assert token_offsets(norm.text, words, len(words) - 1) == [(t.start, t.end) for t in norm.tokens]


@pytest.mark.parametrize(
    ("text", "legal"),
    [
        ("Boutique CBD, fleurs 8€ le g", True),
        ("herbe suisse 🍁 (de la vraie, pas du CBD 😉)", False),  # a dealer saying what it is not
        ("real bud, not your CBD crap", False),
        ("no CBD here, only the real thing", False),
        ("CBD shop, no THC", True),
    ],
)
def test_negated_cbd_is_no_legal_cue(text: str, legal: bool) -> None:
    a = Analysis(Post(id="t", text=text), normalise(text), "fr")
    CueAnalyser().analyse(a)
    assert any(f.value == "cbd_legal" for f in a.findings) is legal


@pytest.mark.parametrize(
    ("text", "pay"),
    [
        ("guetteur 80/j charbonneur 150/j a toulouse", ["80/j", "150/j"]),  # bare amounts, roles near
        ("cherche gars serieux pr garder le point, 120 la journee, nourri", ["120 la journee"]),
        ("runners needed, 100 a day, phone provided", ["100 a day"]),
        ("On recrute, 120€ la journée", ["120€ la journée"]),  # with a currency: no role needed
        ("collegiens ok 20 balle lheure apres les cours", ["20 balle lheure"]),  # SMS spelling
        ("guetteurs payés 15€ de l'heure", ["15€ de l'heure"]),
        ("50 balles la demi-journée", ["50 balles la demi-journee"]),
        ("besoin guetteurs pour le point, 80€ le créneau", ["80€ le créneau"]),
        ("besoin de paires d'yeux, 80€ la garde", ["80€ la garde"]),
        ("tu te poses au bout de la rue, tu siffles quand tu vois une voiture bleue, 40 balles par aprem",
         ["40 balles par aprem"]),
        ("coursiers à vélo, 200.- par soirée", ["200.- par soiree"]),  # Swiss francs
        ("nou ka chèché dé jenn, 60€ pa jou", ["60€ pa jou"]),  # Antillean Creole
        ("tu tiens l'entrée du bât, 70€ cash tous les soirs", ["70€ cash tous les soirs"]),
        # hard negatives: a bare amount per day without a job word, a dose, a price per gram
        ("ouvert 7j/7, 10 le g, 60 la plaquette", []),
        ("on a fait 300 par jour de visiteurs au salon", []),
        ("livreur dispo, la beuh 10 le g", []),
    ],
)
def test_pay_per_time_cue(text: str, pay: list[str]) -> None:
    a = Analysis(Post(id="t", text=text), normalise(text), "fr")
    CueAnalyser().analyse(a)
    found = [text[f.start:f.end] for f in a.findings if f.rule == "grammar:pay_per_time"]
    assert [fold_text(x) for x in found] == [fold_text(x) for x in pay]


def fold_text(s: str) -> str:
    return normalise(s).text


@pytest.mark.parametrize(
    ("text", "pay"),
    [
        ("tu déposes des pochons chez les clients, 15€ la course", ["15€ la course"]),
        ("chauffeur 300 le voyage", ["300 le voyage"]),
        ("on cherche un chauffeur, 300€ l'aller-retour, tu transportes juste des pièces", ["300€ l'aller-retour"]),
        ("£20 a drop, you deliver bags round town", ["£20 a drop"]),
        ("just bring a few bits across town after school, €40 a go", ["€40 a go"]),
        # a delivery fee: no errand or role offered to the reader
        ("🍁 10 le g, livraison 5€ la course", []),
    ],
)
def test_pay_per_run_cue(text: str, pay: list[str]) -> None:
    a = Analysis(Post(id="t", text=text), normalise(text), "fr")
    CueAnalyser().analyse(a)
    assert [text[f.start:f.end] for f in a.findings if f.rule == "grammar:pay_per_run"] == pay


@pytest.mark.parametrize(
    ("text", "rule", "pay"),
    [
        ("jeunes du coin, 30€ pour déposer un sac chez quelqu'un après les cours", "pay_for_errand",
         ["30€ pour déposer"]),
        ("£50 for 2 hrs after school, just carry a bag from one house to another", "pay_for_time", ["£50 for 2 hrs"]),
        ("tu veux te faire 1500 en 2 semaines ? tu sers les clients qui sonnent", "pay_for_time",
         ["1500 en 2 semaines"]),
        # a rental's price for two days is no pay: no errand or role near it
        ("location voiture 50€ pour 2 jours", "pay_for_time", []),
    ],
)
def test_pay_for_errand_or_time(text: str, rule: str, pay: list[str]) -> None:
    a = Analysis(Post(id="t", text=text), normalise(text), "fr")
    CueAnalyser().analyse(a)
    assert [text[f.start:f.end] for f in a.findings if f.rule == "grammar:" + rule] == pay


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a stated THC content above 0.3 % cancels the legal-CBD cues; a legal limit keeps them
        ("Boutique CBD 🌿 fleurs légales, et sous le comptoir de la vraie beuh THC 22% à 10€ le g, demande en DM",
         "sale"),
        ("Fleurs CBD 🌿 Amnesia 6€/g, THC < 0,3 %, boutique ouverte 10h-19h", "other"),
        # a deal point's hours and hand-to-hand service, with no contact at all
        ("📍 le point est ouvert 10h-22h à Forbach, ça sert à la main, pas de livraison\n🍫 pochons à 10€ / 20€",
         "sale"),
        # pay for a network's work told in words the model never learnt: a job offer; the same pay for
        # a legal job, or quoted in the news, is not
        ("Tu cherches un job d'été ? pas de CV. Tu restes assis en bas d'un immeuble, tu regardes qui rentre "
         "et tu siffles si t'as un doute. 60€ la journée payé le soir même", "recruitment"),
        ("Le tribunal a jugé les guetteurs du réseau, payés 60€ la journée selon les enquêteurs", "other"),
        # a dealer who says the goods are not CBD
        ("herbe suisse 🍁 (de la vraie, pas du CBD 😉) + haschich 🍫, livraison en ville. Natel : 079 555 41 28",
         "sale"),
        # THC edibles: the sweets words are no sweet shop; sweets alone are
        ("🍫 THC edibles Leeds 🍬 gummies, chocolate bars, carts 🔥 dm for the menu 📩 delivery", "sale"),
        ("Homemade chocolate bars and gummies 🍫 for Easter, order by dm, delivery across Leeds", "other"),
        # dealer ads quoted in guillemets inside a complaint are reported, not posted
        ("j'en peux plus de ces pubs : « ❄️🍁 livraison 7j/7 dispo tout Lyon » signalez-les svp", "other"),
        ("🔌🍁❄️ « livraison 24/7 » dispo tout Rennes snap @plug35", "sale"),
        # ... in straight quotes too, double or single (apostrophes never pair up)
        ("the lads outside the shop keep shouting 'weed £10 a g, coke £40' at school kids, rang 101, nothing done",
         "other"),
        ('ras-le-bol, sous mes fenêtres ils crient "beuh 10 le g, shit 60 les 10" toute la soirée', "other"),
        # ... or after a colon, when a complaint or a warning introduces them
        ("un inconnu m'ajoute et m'envoie son menu en story : 🍁 10g 90 / ❄️ 80 le g / livraison Meaux — "
         "j'ai rien demandé, bloqué et signalé", "other"),
        ("🍁 10 le g mdr : livraison partout 👻 lyon.drive", "sale"),
        # a licensed store with an age gate and no private contact is legal retail
        ("Licensed cannabis store in Ottawa 🍁 3.5g Pink Kush $30, 19+ only, government ID required", "other"),
        ("🍁 3.5g Pink Kush $30, 28g $180, Ottawa delivery, snap @ottawa.plug", "sale"),
        ("BC Cannabis Store, Vancouver 🍁 government licensed. Pink Kush 3.5g $32. ID required, 19+.", "other"),
        # the shortest recruitment, a story or a comment, and legal jobs or news with an age and pay
        ("guetteur 80€ la journée", "recruitment"),
        ("dispo pour guetter ? 70 balles par jour, 14 ans ça passe", "recruitment"),
        ("shotter needed £120 a day, 15 is fine", "recruitment"),
        ("Pizzeria recrute livreur scooter 16 ans min, 10€/h", "other"),
        # a seller's commission is a job offer; a shop's discount is not
        ("Fais tourner des petits sachets à tes potes, tu gardes 30% sur tout ce qui part 💸 DM", "recruitment"),
        ("we front you the gear, you keep a third of everything you shift. snap: x.y", "recruitment"),
        ("-30% sur tout le magasin ce week-end ! livraison offerte", "other"),
        # legal retail, drug checking, food: their menus are no sale
        ("Kalamazoo licensed provisioning center — 8ths from $15, carts $45. 21+ only, bring ID.", "other"),
        ("📍 notre distributeur CBD est ouvert 24h/24\n🍁 Amnesia 5€/g\n🍫 Pollen 6€/g\npièce d'identité (18+)",
         "other"),
        ("Results from our pop-up testing: 3 of 7 'MDMA' pills were MDMA + caffeine. Pills are going for £10 each "
         "so people are double-dropping. Take half, wait 2 hours, sip water.", "other"),
        ("🍄 Vente de morilles séchées et de cèpes : 30 g = 18 €, 100 g = 50 €. À récupérer à Poligny", "other"),
        # tips and an age gate do not make a runner's job legal; an app, a licence and insurance do
        ("anyone 16+ want a bit of cash over the summer, just drop bits to lads on the bike €50 a night. snap me",
         "recruitment"),
        ("Dash this fall! Drivers earn $18-25/hr, set your own hours. 18+, valid license and insurance.", "other"),
        ("tu fais juste les commissions à scooter pour nous. 50€ la course. WhatsApp 0696 44 55 66", "recruitment"),
        ("tu sais peser et faire des pochons propres ? on paye 100€ la session de 4h. tg @x_rh", "recruitment"),
        # shipping by post is no job post; a vape shop's disposables are nicotine
        ("On envoie partout par la poste 📬 paiement carte cadeau ou Neosurf avant envoi. t.me/colis_x", "sale"),
        ("Disposables back in stock at Vape Corner: 600-puff bars £5 each or 3 for £12, nicotine products", "other"),
        # a menu quoted in a complaint about dealer accounts
        ("J'en peux plus des demandes d'ajout de comptes du genre « 🍁 10g 80 ❄️ 70 le G livraison 24/7 ». "
         "Bloqués, signalés.", "other"),
        ("Les gars qui postent leur menu « 🍁 10g 80 / ❄️ 70 le g / livraison 24/7 » en story, et mon fils de "
         "14 ans qui les voit passer. Faites quelque chose 😡", "other"),
        # county-lines runs paid by the run
        ("need young dudes for runs after school in north mpls $50 a run, bikes ok, 14+ fine. snap x.y", "recruitment"),
        ("le guetteur de 14 ans payé 80€ par jour a été interpellé", "other"),
        # songs quote prices and products; a song is not an ad, an ad with a music emoji still is
        ("« dix balles le gramme, la rue m'a appris » 🎤 extrait du son, clip en ligne vendredi", "other"),
        ('verse 2: "twenty for the bag, fifty for the eighth" 🎤 new single out friday', "other"),
        ("🍁 Amnesia 10g 90€ ❄️ 1g 70 livraison Nantes 🎶 snap: nantes.vibes", "sale"),
        # a legal business (food, vapes, confectionery) or a person's own post names no drug: no sale,
        # whatever its menu layout and contacts; a wink at a hidden meaning keeps the sale
        ("🍔 NIGHT FOOD 🍕\nlivraison 7j/7 jusqu'à 4h 🛵\n🍔 Smash burger ...... 9€\n🍟 Frites .... 4€\n"
         "commandes 👻 nightfood.cmd • 📲 06 39 98 11 02", "other"),
        ("💨 VAPE STORE 💨\npuffs 🍓 12€ / 2 pour 20€\ne-liquides 10ml 5,90€\nlivraison 🛵 7j/7\n📲 06 39 98 40 40",
         "other"),
        ("Selling Cadbury selection boxes 🍫🎁 €3 each or 5 for €12, can drop off around Kinsale 🚗 message me",
         "other"),
        ("M, 31, Newbury 🌳 into hiking & a good curry, not looking for anything too serious, snap me: tom.nby",
         "other"),
        ("j'ai perdu mon snap 😭 nouveau compte : lea.b_2009 rajoutez moi tous 🙏", "other"),
        ("la vraie neige c'est pas sur les pistes 😏❄️ Grenoble | snap ➡️ alpes.neige38 | livraison 7j/7", "sale"),
        # a job offer whose pay or perk holds a business word, or whose duty is told with an emoji
        ("besoin d'un gars le weekend, tu prends les commandes et tu fais les remises, 25% sur ce que tu vends",
         "recruitment"),
        ("OFFRE D'EMPLOI 😂 charbon aux Ponts-de-Cé, 10h-20h, 100€/j + repas. envoie ton âge en privé",
         "recruitment"),
        ("ya du taf pour ceux qui sont en 3e, tu tiens l'entrée du bât et tu cries quand tu vois les bleus 👮 "
         "70€ cash tous les soirs. mp", "recruitment"),
        ("any young lads want to earn? just bring a few bits across town after school, €40 a go. message me",
         "recruitment"),
        # barbers, tattoo studios, drivers, events, loans, crypto promotions, lost pets: their prices,
        # emoji and contacts are no sale
        ("✂️ CONWY CUTZ ✂️\nskin fade £15 | fade + beard £20 | kids £10\nopen late Fri 🔥 ring 07700 900 955", "other"),
        ("⚡ FLASH DAY samedi ⚡\npetits flashs 🍄 ❄️ 🌿 🍁 🔌 ➜ 50€\nles 2 ➜ 90€\nStudio de tatouage 👻 encre.tattoo",
         "other"),
        ("🚘 VTC aéroport Nice ↔ Monaco 24h/24 7j/7, berline, prix fixe 70€. WhatsApp +33 6 39 98 03 71", "other"),
        ("Need cash fast? 💵 Loans $500–$5,000, bad credit OK. Fee payable in gift cards. WhatsApp +1 937 402 8816",
         "other"),
        ("🚀 $PLUG token launching on Solana 🔌 1000x potential, presale open 24/7 💎 join t.me/plugtoken_official",
         "other"),
        ("❄️🤍 WHITE PARTY 🤍❄️ samedi, dress code tout blanc, DJ set jusqu'à 5h, entrée 15€ 👻 whiteparty.resa",
         "other"),
        ("Job étudiant 📚 distribution de flyers le samedi matin, 12€/h net, payé par virement. 06 29 81 44 07",
         "other"),
        # jobs told by their duties and pay
        ("lads if anyone wants easy money, just drop a few bags 🍃 to the campers, €50 a go. snap dara.dingle",
         "recruitment"),
        ("on fournit 🍁🍫, tu revends aux campings 🏕️, 40% pour toi. 👻 ile.saison17", "recruitment"),
        ("qqn a une cave vide ? on te paye 300/semaine pour garder des cartons, tu touches à rien", "recruitment"),
        ("anyone wanna earn standing on a corner? just text us if u see the vans 🚓 £60 a day", "recruitment"),
        # reports, warnings and buyers: two strong words of them overturn an offer they quote
        ("If someone offers you 'easy money' to hold a bag, run a phone or do drops, that's exploitation, not a "
         "job. Our youth workers in Dundee are here to talk. DM us", "other"),
        ("ils ont mis la blanche à 90 le g à Montluçon ?? c'est mon coloc qui m'a dit 💀", "other"),
        ("le gars de villeneuve m'a vendu du shit coupé au henné à 10 balles le g 🤢 plus jamais", "other"),
        ("Bayonne : un ado recruté via Snapchat comme nourrice a été retrouvé avec 1,5 kg de résine. L'annonce "
         "promettait 300 € par semaine.", "other"),
        ("sérieux les comptes snap qui m'ajoutent en mode « 🍁 10g 90 ❄️ 1g 70 livraison 24/7 » laissez-moi "
         "tranquille 😭", "other"),
        # ... but harm-reduction advice on a menu keeps it a sale
        ("NEPA 💊 blues $10 each, 50 for $350 / they're pressed so go slow, narcan on hand. txt 570 555 0101", "sale"),
        # a menu with a driver is a sale, not a job offer; the job told by its duties is one
        ("Service discret. Cocaïne 100 € le gramme, 2g 190 €. Un chauffeur vient à vous en berline. Contact @ml_x",
         "sale"),
        ("tu veux de l'argent de poche ? tu montes 2 sacs à un étage et tu redescends, 50 balles à chaque fois",
         "recruitment"),
        ("Cherche jeune pour \"travail de nuit\", 150€/nuit, ne pas avoir peur de la police 😉. MP", "recruitment"),
        # truffles, turf, a licensed store
        ("🍄 Truffes de Bourgogne (Tuber uncinatum) : 450 €/kg, à partir de 50 g. Tél. 03 80 75 41 26", "other"),
        ("🌱 Premium grass delivered 🌱 Sir Walter buffalo $14/m², Kikuyu $9/m². Ph 0412 555 087", "other"),
        ("🍁 licensed by the AGCO ✅\n3.5g Pink Kush $32 | 28g Value Bud $110\nSame-day delivery, ID checked 🔞",
         "other"),
        ("quelqu'un qui peut tenir le tel et faire 2-3 courses à vélo le soir 🚲 200 le week end", "recruitment"),
        ("argent de poche ? juste rester devant le bâtiment et crier si ça arrive 👮 40€ l'aprem",
         "recruitment"),
        # rap lyrics quote the job and its pay; a scam seller's "pas de rencontre" is no dating profile
        ("🎤 extrait « Charbon » 🎤 « À 14 ans on m'a mis au chouf, 50 par jour j'disais merci » clip dimanche",
         "other"),
        ("je viens de voir une story « 🍫 6 le g, ❄️ 70, livraison Trébeurden » sur le snap d'un mec de ma classe 😶 "
         "on en est là ?", "other"),
        ("need 2 more for the phone 📱 u take orders, pass them on, that's it. £80/day", "recruitment"),
        ("les stories snap de mon cousin c'est que des émojis 🍁🍫❄️ avec des prix genre « 10g 80 » jsp si il deal",
         "other"),
        ("Crosne cité 🌃 cailloux 🪨 15 la pierre, 5 pour 60. jsuis en bas jusqu'a 5h, tape au 06 39 98 20 71", "sale"),
        ("Besoin d'une « nounou » sur Serres 🏡 tu stockes, tu sors quand on te dit, 400€/mois. MP", "recruitment"),
        ("Recherche 1 personne pour stocker chez elle, 1 pour livrer le soir. Payé chaque dimanche. 06 71 30 92 44",
         "recruitment"),
        ("le dealer de mon quartier a augmenté son shit à 10 le g et ose mettre \"promo\" sur son snap 😭", "other"),
        ("Some lad keeps adding me on snap with \"🌳🍫❄️ Abertillery drops\" stories. Blocked. 😭", "other"),
        # a neighbour's menu told in a complaint
        ("le mec du 3e vient de m'envoyer son menu sur whatsapp 🍁10/g ❄️70 livraison 24/7 😭", "other"),
        # legal shops under the Swiss limit and US medical dispensaries; a student asking about prices;
        # a party drug alert; a meme
        ("CBD Lausanne 🇨🇭 fleurs < 1% THC, légal en Suisse, Gelato CBD 9 CHF/g, livraison Renens", "other"),
        ("🌿 Medical cannabis patients: 3.5g $35, vapes $40. MMJ card required. Delivery to Ocala", "other"),
        ("Question : le shit est à combien à Digne ? je fais un mémoire, on m'a parlé de 8€ le g", "other"),
        ("⚠️ ALERTE teknival : des cachets « Tesla » vendus 10€ sont surdosés. Ne redosez pas, appelez le 15.",
         "other"),
        ("quand ta daronne trouve « 🍁 10g 80 » dans tes notes mais c'était la liste de courses #humour", "other"),
        # sellers and runners recruited without job words; a one-letter code priced after "à"
        ("tu vends je fournis 🍁 30% pour toi, secteur Fougères, dm", "recruitment"),
        ("need a lad with a moped for runs round Anstruther, cash every night, snap here", "recruitment"),
        ("ouvert 24h/24 sur le secteur 🟢 passez par le canal — la C à 70 le g", "sale"),
        # snow tyres and a halal grill
        ("Winter tyres x4 ❄️ 205/55R16 on rims, $300 OBO, pickup in Barrie, text 705 555 0188", "other"),
        ("🥙 NIGHT GRILL 🥙 shawarma $14, poutine $8, baklava 🍫 $3, delivery till 3am", "other"),
        # runners and stash keepers recruited without job words; a parents' group warning about them
        ("who wants to earn? I give you a phone, you do the drops round Kendal, 16 year olds fine, £30 a night",
         "recruitment"),
        ("need someone to keep the work at theirs in Yakima, $800 a month, must have own place. dm", "recruitment"),
        ("Parents d'élèves de Riom : des comptes contactent nos ados pour garder un sac contre 150 € la semaine."
         " Ne répondez pas et signalez.", "other"),
        # sellers on credit and stash places recruited without job words; a dealer's story told to mock him
        ("summer's here 😈 u 15-17? we front u, u flip it, u keep a cut. snap me", "recruitment"),
        ("t'as un box vide vers Étampes ? je te le loue 250 la semaine, t'ouvres pas, tu dis rien", "recruitment"),
        ("le gars de Lunel qui met en story sa beuh à 12 le g 😂 arrêtez de commander chez lui c'est du foin",
         "other"),
        # money spent is no pay; a recovery story; a kids' club with weekly fees; a shift handed over
        ("2 years clean 🙏 used to spend £200 a week on it. If you're struggling, call the helpline", "other"),
        ("Holiday club for kids 6-12 ⚽ £55 a week, drop off 8am, summer camp in Wolverhampton", "other"),
        ("besoin d'un ptit pour me remplacer le samedi, jte laisse la sacoche tu fais les ventes 40e", "recruitment"),
        # a takeaway menu with dotted leaders
        ("🥞 CRÊPERIE DU PORT 🥞 à emporter\nBeurre-sucre ....... 3\nNutella ....... 4\ncommandes jusqu'à 22h",
         "other"),
        # Réunion Creole pay per evening
        ("rod in moun pou livr zamal su Le Tampon, 50€ la swaré, apèl 0693 12 34 56", "recruitment"),
    ],
)
def test_verdict_rules(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "speakers"), [
    ("[Groupe « Coloc »]\nThéo: qui a encore commandé chez le mec du snap ??\nMaël: c pas moi jte jure frère",
     ["Théo", "Maël"]),
    ("Dana: heads up, kids are being messaged on snap\nMike: that is a lookout job\nDana: I called the school",
     ["Dana", "Mike"]),
    # an ad's field labels never take turns
    ("Poste : nourrice, tu gardes la marchandise\nProfil : sérieux et discret\nSalaire : 500 la semaine", []),
    ("Livraison : Lyon Villeurbanne Bron\nHoraires : 18h à 2h tous les jours", []),
    # a forum thread
    ("Sujet : prix dans le Gard ?\nRéponse : à Alès le shit est à 10 le g maintenant", ["Sujet", "Réponse"]),
])
def test_conversation_speakers(text: str, speakers: list[str]) -> None:
    assert conversation(text) == speakers
    cue = [f for f in analyze_text(text).findings if f.kind == "cue" and f.value == "conversation"]
    assert bool(cue) == bool(speakers)


@pytest.mark.parametrize(("text", "category"), [
    # hard negatives of the bh..bj splits' families: a curry house, a cheese shop's drive, a drug
    # checking stand quoting a price, a legal job with a gross hourly wage, a neighbour reported
    ("🍛 CURRY NIGHT 🍛 Chorlton & Didsbury delivery till 1am / Chicken korma £8.90 / Lamb biryani £11 / "
     "Garlic naan £3 / orders over £20 free poppadoms", "other"),
    ("🧀 FROMAGERIE DU HAUT-DOUBS 🧀 Comté 24 mois ... 26€/kg / Morbier ... 15€/kg / drive le vendredi, "
     "commandez avant mercredi", "other"),
    ("Stand testing ce week-end au festival : on analyse gratuitement tes produits. Une coke à 50 le g est "
     "souvent coupée au lévamisole.", "other"),
    ("JOB : livreur pour une pizzeria à Annecy, 18h-23h, 11,90€/h brut, envoyez CV + lettre de motivation", "other"),
    ("ma voisine poste son menu en story publique, la beuh à 10 le g et la C à 70, sans même se cacher. "
     "200 habitants ici 🙄", "other"),
    # and the sales beside them
    ("compte de secours 🌙 l'ancien a sauté, même équipe même carte, beuh 10g 80 livré", "sale"),
    ("CHORLTON 🔥 £10 bags / £20 bags / white £60 g / drops till 3am", "sale"),
])
def test_verdicts_of_heldout_bh_bi_bj(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # a drill tune quoting prices, a mothers' collective, a former dealer's stories, a buyer's question,
    # a bubble-tea shop: no ads; a lookout job described without the usual words is one
    ("\"8th for 35, two for 60, OT on the line\" — this drill tune goes too hard ngl 🔥", "other"),
    ("Réunion du collectif des mamans jeudi à la maison de quartier : des petits de 12 ans font le chouf "
     "pour 50€ par jour. Il faut que ça s'arrête", "other"),
    ("mon ancien dealer m'envoie encore sa story « 🍁 10 le g ❄️ 70 » j'ai arrêté depuis 8 mois lâche moi", "other"),
    ("Anyone else notice a gram up the coast has gone up to $350? Mate of mine got ripped off paying upfront", "other"),
    ("🧋 BUBBLE TEA 🧋 nouveau parfum 🍫 choco-noisette 5,50€ / livraison en ville via snap", "other"),
    ("jcherche des gens qui passent leur soirée dehors, tu restes au coin avec ton tel tu previens quand ya du "
     "monde bizarre. 70 la soirée. 15 ans ok", "recruitment"),
])
def test_verdicts_of_heldout_bk_bl_bm(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # a rent joke, a regulator's reminder, puppies named Molly, a students' welfare warning
    ("les prix des locations à Porto-Vecchio en août c'est plus du trafic que la coke mdr 2500€ la semaine "
     "pour un T2", "other"),
    ("Cannabis Control Board reminder: licensed retail only. Products bought from Snapchat 'plugs' are untested",
     "other"),
    ("selling my molly 🐶 pups!! cockapoos, vet checked, €600 each, 2 left, collection only", "other"),
    ("Freshers 🎓 Be careful of Snap accounts offering 'NOS tanks £35 24/7' and 'pills 3 for £15'. The "
     "Students' Union welfare team is here", "other"),
])
def test_verdicts_of_heldout_bn_bo_bp(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # a ski-rental shop and a vape shop share ❄️ and "10ml"; someone quoting dealers' spam texts
    ("❄️❄️ POW DAY ❄️❄️ / 🎿 demo skis $60/day / 🏂 board + boots $45/day / we deliver to your condo", "other"),
    ("💨 NEW IN 💨 / 🍓 strawberry ice pods 2 for €10 / 🍁 maple tobacco 10ml €5 / over 18s only, shop & online",
     "other"),
    ("every night my phone gets 'tabs $15 shrooms choc $30 meet at skytrain' spam texts. who gave these guys my "
     "number", "other"),
])
def test_verdicts_of_heldout_bt_bu_bv(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # legal employers, clubs and traders recruit, deliver and price like dealers
    ("📦 On recrute ! Livreurs colis H/F en CDI, permis B, secteur Melun. 1 900€ brut + primes, véhicule de "
     "société. Envoyez CV à rh@colis-melun.fr", "other"),
    ("Van drivers wanted 🚚 Bangor depot, £115 a day, full UK licence needed, weekly pay. Immediate start, "
     "apply on our website", "other"),
    ("⚽ Le FC Sète recrute pour la saison prochaine : U13, U15 ! Entraînements mardi et jeudi, licence 110€. "
     "Contact 06 71 22 40 18", "other"),
    ("3 bedroom duplex for rent in Conway, $900/mo, $600 deposit, no pets. Call 501-555-0133", "other"),
    ("🐶 Chiots golden LOF, vaccinés et pucés, 1100€ (acompte 200€), remise en main propre à Meaux. "
     "06 44 18 20 77", "other"),
    ("📱 Cracked screen? Same day fix from £45, iPhone batteries £30. We collect & deliver Rhyl and Prestatyn 🚗",
     "other"),
    ("🥦 Veg boxes this week: small €14, large €24, free range eggs €4 a dozen. Delivering Tullamore Fridays",
     "other"),
    # a minimum order is no pay for an errand
    ("⚠️ minimum 40€ pour livrer sur Millau, 60€ pour Saint-Affrique ⚠️ en dessous je bouge pas 🍁", "sale"),
    # a lookout's pay per day in Réunion Creole
    ("Ni rod in gadien pou Saint-Paul 974, 80€ la zourné, travay tranquil. ékri amoin", "recruitment"),
])
def test_verdicts_of_heldout_bw_bx_by(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # a seller's own offer in the first person, with its price, in a chat's words
    ("[note vocale] ouais c'est moi, j'ai de la blanche, le gramme à soixante-dix, je peux passer à Hayange "
     "vers vingt heures", "sale"),
    ("tkt c'est de la blanche de ouf, 70 le g, je te dépose si t'en prends 2", "sale"),
    # the same words in a report or a warning are no offer
    ("Au procès, le prévenu disait « j'ai de la blanche, 70 le g, je te dépose ». Le tribunal l'a condamné.",
     "other"),
    # rentals, shisha lounges and supplement shops price and deliver like dealers
    ("À louer T2 meublé à Hyères, 48 m², 720€/mois charges comprises, dispo 1er juin. 06 12 44 80 19", "other"),
    ("💨 Shisha lounge 💨 new flavours in, shisha £15, 2nd half price Thursdays, open till 2am", "other"),
    ("NEW YEAR DEAL 💪 whey 2kg £40, creatine £18, delivery Watford & Bushey", "other"),
    # a job with no questions asked is no legal employer's, whatever its perks
    ("JOB ÉTUDIANT 💼 Metz ✅ 900€/semaine ✅ pas d'expérience requise ❌ pas de questions, dm", "recruitment"),
    ("drivers wanted Luton, £110 a shift paid daily, clean licence, no experience needed, just be discreet",
     "recruitment"),
    # fishmongers, pet rehoming, football chats and teachers' slides share the words of dealers
    ("🐟 ARRIVAGE DU JOUR 🐟 Coquilles Saint-Jacques 14€/kg, bulots 8€ le kg, livraison Fécamp le vendredi",
     "other"),
    ("🐾 Meet Bud! 3yo staffie looking for his forever home, adoption fee £120, vaccinated & chipped", "other"),
    ("Today's PSHE slide: \"🍁 £10 bags, ❄️ £40 bags, TYD\". Kids recognised the emoji instantly. Great discussion.",
     "other"),
    # a price per gram is no food nor drink, whatever champagne stands beside it
    ("🎄 Noël 🎄 ouvert H24 jusqu'au 2 janvier\n🧊 80 le g / 2g 150\n🍾 offre réveillon : 5g 350€ + 1 ballon "
     "offert\nAntibes, Juan, Golfe-Juan", "sale"),
    ("🍾 Champagne Brut 75cl 39€, le carton de 6 à 210€, livraison Épernay et Reims", "other"),
    # an errand told in other words, paid per run, to children
    ("Any young boys wanting work in Kilmarnock? Under 16 is fine, just walk parcels about after school, £40 a run",
     "recruitment"),
    # a teacher's report, football banter, a driving school, a hurling club
    ("Un élève de 5e me dit avoir été approché à la sortie du collège pour « faire le chouf » à 50€ la journée",
     "other"),
    ("livrés à domicile ce soir 🛵❄️ 3-0 propre, vraie frappe de Dembélé 🚀", "other"),
    ("🚗 Permis B accéléré 899€ code + 20h de conduite, agence Bobigny, 06 41 56 70 28", "other"),
    ("St Kevin's GAA: U14 & U16 hurling registration open, €60 per season, new players welcome, 087 330 1900",
     "other"),
    # a voice note pricing a product is the seller's
    ("voice note: \"right so the weed's twenty a gram, an ounce is two eighty, I'm in Navan Friday\"", "sale"),
    # buyers' reviews and scam reports; car ads and detailers; nougat
    # (a review that times the drop was read as a buyer's chat when this round was written; later writers label
    # such reviews sales, 21 of 22 in the hand-written posts, unless they warn others off: test_triage_rounds.py)
    ("[Avis] commandé chez lepicard80 sur Amiens, livré en 20 min, beuh correcte pour 10 le g, résine du pneu. 6/10",
     "sale"),
    ("[Avis] commandé chez lepicard80 sur Amiens, livré en 20 min, résine du pneu, arnaque, je recommande pas",
     "other"),
    ("[Review] nottz.greenz: ordered an 8th for £30, driver late but weighed 3.6. 8/10 would use again", "other"),
    ("🧼 mobile detailing Mobile AL: full interior $110, wash+wax $70, ceramic $400. I pull up to ur house", "other"),
    ("🍯 NOUGAT DE MONTÉLIMAR 🤍 blanc 250g 9€ 🖤 noir 250g 10€, coffret 1kg 32€, envoi Colissimo partout", "other"),
    # campsites and holiday lets priced per week, seasonal hospitality jobs, road notices, sneaker drops
    ("🏕️ Camping Les Pins Argelès : mobil-home 4 pers 390€/semaine en juin, emplacement tente 25€/nuit", "other"),
    ("Holiday let: static caravan near Filey, sleeps 6, £350/week June, dogs welcome. Text 07700 900 318", "other"),
    ("Summer jobs Keswick: kitchen porters £12.50/hr, bar staff £13/hr, with accommodation. Apply by text",
     "other"),
    ("stock arrivé 📦🔥 Dunk Panda toutes tailles 110€, premier arrivé premier servi 📍Nanterre", "other"),
    # a school safety notice, a court report, a recording studio, soap and a home-cooked dish
    ("Houston ISD safety notice: counterfeit blues with fentanyl found near campuses. One pill can kill. Tell a "
     "teacher or call 713-555-0110.", "other"),
    ("🎙️ STUDIO SESSIONS Peckham SE15: 2 hours £50, 4 hours £90 incl mix, drill artists welcome, deposit required",
     "other"),
    ("🧼 Savon de Marseille 72% huile d'olive : cube 600g 8€, barre 2,5kg 25€, envoi partout en France", "other"),
    # a licensed coffeeshop's menu, a buyer asking, a flat share, a vet's rounds; a lookout and a parcel job
    ("🌿 Today's menu: Amnesia €12/g, Moroccan hash €10/g. Licensed coffeeshop, 18+ with ID, max 5g per person.",
     "other"),
    ("qui a de la weed ce soir? on est à Namur, pas moyen de trouver 😭", "other"),
    ("Room available in shared flat in Ixelles, €620/month all-in, strictly non-smoking. WhatsApp +32 472 55 90 12",
     "other"),
    ("on paye 50€ la soirée pour guetter devant le bat, après les cours ça passe", "recruitment"),
])
def test_verdicts_of_heldout_bz_ca_cb(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # music emoji are no song's words: a menu with them stays a sale
    ("🎶 MD cristaux 40€/g, cachetons Tesla 10€ ou 3 pour 25€, je me déplace", "sale"),
    # legal drivers' and couriers' jobs: a licence, a DBS check, a fixed contract
    ("🚚 Multi-drop drivers wanted in Burton / £160-£180/day, own van, 5 days a week / DBS check and full "
     "licence required", "other"),
    ("🚴 ON RECRUTE ! Coursiers H/F à vélo cargo — Genève / 💰 25.-/heure + pourboires, contrat fixe, assurance "
     "/ Postule sur notre site rubrique Emplois", "other"),
    # an age gate is no employer's word: a dealer's driver job stays a job
    ("🐝 EXOTICS is hiring drivers 🚗 Manchester, £150 a night, 21+ only, own car and full licence. Snap "
     "mcr.exotics2", "recruitment"),
    ("Train trips 🚆 Chester ⇄ Shrewsbury / £200 per trip + tickets paid / discreet people only", "recruitment"),
    # festival rules, a told offer and lyrics quote drugs without selling them
    ("🎪 Festival tips 🎪 shuttle pass $119, lockers $45. Prohibited: drugs, nitrous tanks 🎈, glass.",
     "other"),
    ("mdr le gars il m'a proposé de la beuh à 15 le g à la sortie du tram jlui ai dit t fou ou quoi 😂",
     "other"),
    ("🎤 extrait du prochain son 🌊 « 10 la g, 70 la C, sur le port j'ai vu les mouettes compter les billets »",
     "other"),
])
def test_verdicts_of_heldout_cu_to_cz(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # a voice note's pay in words; a commission per bag sold
    ("[voice memo] aye listen, I need two more people on the trap in Aurora, I'm paying one-fifty a day for the "
     "watcher", "recruitment"),
    ("Recherche 2 gars motivés pour la vente sur Argentan, 10% sur chaque pochon vendu + logé. Appelle le "
     "06 71 93 02 58", "recruitment"),
    # a wine merchant's gift boxes, a fish box, a pony camp, someone who quit, parents reporting an approach
    ("🎄 COFFRETS DE NOËL 🎄\nChinon rouge ...... 29€\n🚚 Livraison Angers, Tours et environs", "other"),
    ("🐟 Grimsby fish box £30 🐟 fresh haddock & cod, delivered every Friday, text 07700 900163", "other"),
    ("🐴 Pony camps this half term! £65 per day, ages 6-14. Book on 07700 900302", "other"),
    ("la beuh c'est fini pour moi 🥦❌ 3 mois clean aujourd'hui 💪 merci à ceux qui m'ont soutenu", "other"),
    ("[21:12] Mum: did u see the school email? kids being messaged on snap offering 'work' for £50 a day\n"
     "[21:27] Mum: I've reported the account to the school", "other"),
])
def test_verdicts_of_heldout_da_to_df(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # pay per delivery, a margin, a campus rep's commission
    ("Recrute livreur bonbonnes le week-end 🎈 20€/livraison, Savigny et alentours. snap proto.livreurs",
     "recruitment"),
    ("Recherche revendeurs sur toute la Corse-du-Sud 📈 marge 30%, marchandise avancée", "recruitment"),
    ("need a campus rep at CofC to move product to the dorms 🍄 free 8ths + commission, Charleston, DM",
     "recruitment"),
    # "3.5s" of a strain, Mitsubishi pills, a voice note by a station
    ("got 3.5s of the lemon cherry for £35 if you're in Kiddy dm", "sale"),
    ("Selling sweets 🍬 'party sweets' Mitsubishi logo, £5 each or 10 for £40. Redditch", "sale"),
    ("Mitsubishi L200 pickup for sale £5000, full MOT, Redditch", "other"),
    # a mosque's food parcels, a bodega's menu, a joke about tea
    ("🌙 Ramadan Moubarak 🌙 La mosquée de Meaux organise la distribution de colis alimentaires chaque vendredi "
     "après la prière. Dons (espèces, chèque, Lydia) au local.", "other"),
    ("🥪 BODEGA SPECIAL 🥪 chopped cheese + Arizona $8.99 🔥 open 24/7 in Jersey City, delivery on the apps 🛵",
     "other"),
    ("me after one (1) peppermint tea 🍃 at Evesham services 🚀🚀🚀 absolutely flying", "other"),
])
def test_verdicts_of_heldout_dg_to_dl(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # the fixed dealing spot; a nitrous bottle priced by its weight; supply runs and errands paid per trip
    ("Le four de Chanteloup déménage 🏃‍♂️ nouvelle adresse en DM seulement pour les habitués 🤫", "sale"),
    ("quelqu'un cherche du 🎈 pour ce soir ? bonbonne 2kg 45€, livrée sur Bron et Saint Priest, mp", "sale"),
    ("Cherche collégiens pour ravitailler 🛴 30€ le trajet, trottinette fournie, Trappes 78190", "recruitment"),
    ("Frontaliers 🇫🇷🇱🇺 petits colis à déposer à Lux-ville le matin, 100€ par aller. Rien à déclarer 😉",
     "recruitment"),
    # a pizzeria's courier job, a storm warning, racing tips
    ("Recherche livreur (H/F) pour pizzeria à Villerupt, soirs + week-end, 12€/h + pourboires, scooter fourni.",
     "other"),
    ("🌀 Hurricane watch for Mobile & Baldwin counties. Free sandbags at 3 sites, open 24/7 till landfall. Gas ⛽ "
     "and ice 🧊 running low", "other"),
    ("🏇 Nap of the day: Deise Dancer 2:50, €10 each way at 7/2. Back the Mullins yokes in the bumper, they're "
     "flying 🔥", "other"),
])
def test_verdicts_of_heldout_dm_to_dr(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # a poke menu, ice for the cooler, a butcher's lamb for Eid, a noticeboard, a rap fan
    ("🐟🍍 POKE MENU 🍍🐟 / Ahi shoyu $18/lb / Poke bowl $15 / 🚗 Delivery Honolulu, min $30 / 📲 808-555-0134",
     "other"),
    ("ok who's bringing the ice 🧊 for the cooler tonight? 🎆 we got the poke and the kalua pig", "other"),
    ("🥩 ARRIVAGE 🥩 agneau frais pour l'Aïd, 15€/kg, commande minimum 5 kg, livraison gratuite sur Oissel", "other"),
    ("📌 NOTICEBOARD 📌 / • Bin collection moved to Saturday / • Lost tabby cat, call 07700 900133", "other"),
    ("\"zip of that gas, 8th for the low, pull up in GR, trap on the go\" 🔥 this flint rapper been cooking",
     "other"),
])
def test_verdicts_of_heldout_ds_to_du(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # a seller and a buyer haggling over a drug, named by their roles
    ("Client: 3g de kush\nMoi: 25\nClient: 20 jsuis étudiant 😭\nMoi: 23 et c'est mon dernier mot, rdv digue de cayeux",
     "sale"),
    ("Acheteur: salut je veux 300g de jaune\nVendeur: 1000 les 300\nAcheteur: 950 si je paye cash ?\nVendeur: ok 950",
     "sale"),
    ("Client: je veux le canapé gris\nMoi: 120\nClient: 100 ?\nMoi: 110 et tu viens le chercher", "other"),
    # sellers on commission; a caravan let, an ice-cream van, a licensed dispensary, a security guard's job
    ("Sellers wanted St. George 🌵 we supply, you move it, 60/40 split, snap: dixieplug_jobs", "recruitment"),
    ("🏕️ Static caravans Largs, sea views 🌊 £350/week July. 25% deposit to book, call 07700 900555", "other"),
    ("🍦 The van's out! Irvine Beach Park till 7 🚐 99 flake £2.50 🍫 Follow the snap 👻 irvine.icecream", "other"),
    ("🌿 Weekend deals 🌿 8ths $25, carts 2/$40 🍬 21+ with valid ID, licensed by the Nevada CCB. Pickup in Reno",
     "other"),
    ("Cherche agent de sécurité / veilleur de nuit pour chantier à Voreppe, 120€ la nuit, carte pro CQP obligatoire",
     "other"),
])
def test_verdicts_of_heldout_dv_to_dx(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # haggling with no drug named: the buyer asks for a dealer's quantity, the seller names a figure
    ("Customer: 2 b's and a w\nRunner: £40\nCustomer: usual is 35\nRunner: 40, by the station in 5", "sale"),
    ("Buyer: how much for a Q\nMe: 55\nBuyer: 50?\nMe: 52, can't go lower", "sale"),
    ("Client: jveux 3 barrettes\nMoi: 40 les trois\nClient: 35 ?\nMoi: 38 jsuis en bas", "sale"),
    # the same chats over logs, beef, medicine or a bike: no dealer's quantity, or a legal trade's word
    ("Customer: how much for 10 bags of logs\nMe: £6 a bag\nCustomer: 50 for the lot?\nMe: done", "other"),
    ("Buyer: how much for a quarter of beef\nMe: £380 butchered\nBuyer: 350?", "other"),
    ("Client: vous avez du doliprane 1g ?\nMoi: oui la boîte de 8 à 2,18€\nClient: merci je passe", "other"),
    ("Client: 2 kg de pommes svp\nMoi: 6€\nClient: merci", "other"),
])
def test_haggling_over_a_quantity(text: str, category: str) -> None:
    assert analyze_text(text).category == category


def test_haggling_evidence_names_the_quantity() -> None:
    text = "Customer: 3 b's and a w\nRunner: £40\nCustomer: usual is 35"
    a = analyze_text(text)
    rules = {(f.rule, text[f.start:f.end]) for f in a.because or []}
    assert ("rule:haggling_quantity", "3 b's") in rules


@pytest.mark.parametrize(("text", "category"), [
    # farm supplies, volunteers, a hunt, boat hire, trading signals, grape pickers, a fish farm, drug checking
    ("📦 APPRO AGRICOLE 📦\nAmmonitrate 50kg .... 40€\nLivraison à la ferme sous 48h, paiement à 30 jours", "other"),
    ("On recrute des bénévoles pour la collecte nationale, même mineurs dès 16 ans. Pas de rémunération ❤️", "other"),
    ("🦌 Battue dimanche 7h, carte de saison 110€, invité 20€ la journée, gilet orange obligatoire", "other"),
    ("⛵ Location bateau sans permis, 140€ la demi-journée, 230€ la journée, essence en sus", "other"),
    ("🚀 Signal du jour : BTC/USDT entrée 61 000 🎯 canal VIP 45€/mois", "other"),
    # a vendor's news of crypto payment is no trading channel
    ("Nouveau ✅ paiement BTC / USDT accepté, -10% si tu payes en crypto. Livraisons Brive et Tulle", "sale"),
    ("Deckhands wanted at the mussel farm 🦪 £110/day, early tides, no experience needed", "other"),
    ("🧪 Résultats d'analyse : résine achetée 9€/g, cocaïne achetée 70€/g. Envoyez vos échantillons", "other"),
    ("🚕 TAXIS 24/7 🚕 airport runs and station pickups, cash or card, 07700 900914", "other"),
])
def test_verdicts_of_heldout_dy_to_ed(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # vanilla growers, plant nurseries, a car sale, a market garden, someone quoting the press, a buyer
    ("Vanille Bourbon, récolte 2025\nGousses 10g = 9€ / 100g = 65€\nEnvoi colissimo, paiement avant envoi", "other"),
    ("Arrivage de plants ! Géranium rosat 3€, lianes de vanille 15€, livraison gratuite dès 50€ 🚚", "other"),
    ("2016 Ford Focus, 88k miles, $7,900 🚗 clean title, text 555-0147", "other"),
    ("🥕 Seedlings in! Purple Haze carrots, Blue Lake beans, $3 a six-pack or 4 for $10", "other"),
    ("le gramme de C à 60 balles d'après Le Parisien, ça explique tout 🤦", "other"),
    ("anybody know a plug in Macon?? 🍃 just moved here", "other"),
    # the town of Chantilly is no whipped cream; mollies are MDMA
    ("🍇 lean prométhazine codéine 60€ la bouteille, Chantilly", "sale"),
    ("Mollies 🍬 $15 each, 5 for $60 for the show sat, meet in the parking lot", "sale"),
    # furniture haggled in a chat
    ("Buyer: is the wardrobe still available\nMe: £60\nBuyer: £45 and I collect tonight?", "other"),
])
def test_verdicts_of_heldout_ee_to_ej(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # a drug named by its own word outweighs a kitchen's or a trade's words around the seller's offer
    ("oui j en ai encore des space cake c est 5 euros la part, je fais la livraison le mercredi", "sale"),
    ("j en ai en surplus de mon traitement je les vends 20 € la boite pour la codéine", "sale"),
    ("selling homegrown 'tomatoes' 🍅😉 not actual tomatoes, £10 a gram £35 an eighth, inbox me", "sale"),
    ("selling my molly 🐶 pups!! cockapoos, vet checked, €600 each", "other"),
    # a pharmacy's home service, a chippy, a lost dog called Neige, a wine grower, a festival, court news
    ("💉 Vaccins grippe sans RDV, tests angine, livraison de médicaments à domicile 🚗 07 59 33 10 24", "other"),
    ("🐟 FISH SUPPER £9.50 tonight\nDeep fried Mars bar £2.50 🍫\nDelivery till 10pm 🛵", "other"),
    ("🐶 Perdu « Neige », chienne berger blanc. Récompense 200€. Si vous la voyez appelez le 06 45 81 22 03", "other"),
    ("🍇 Pineau des Charentes blanc 12€, vieux pineau 24€ la bouteille, on livre le samedi 👻 pineau.dupont", "other"),
    ("Angoulême : un lycéen de 16 ans, guetteur pour 80 € par jour, présenté au juge des enfants.", "other"),
])
def test_verdicts_of_heldout_ek_to_ep(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # lake-house ice, fireworks, harvest and warehouse jobs, tractor parts, florists, rolls, a flat, chat, news
    ("🧊 Bagged ice $3/bag, 10 bags $25 🧊 We deliver to lake houses, open 24/7 July 4th", "other"),
    ("🎆 FIREWORKS STAND open 24/7! BOGO on artillery shells, 500g cakes $40", "other"),
    ("Recherche saisonniers moisson 🌾 110€/jour, permis tracteur souhaité. Contact 07 68 21 40 93", "other"),
    ("Used tractor parts 🚜 carburetor $150, seat $80. We ship nationwide", "other"),
    ("💐 bouquet 12 roses rouges 45€, livraison le 14, commande sur snap 👻 fleurs.digne", "other"),
    ("🥖 Fresh pepperoni rolls! Dozen $15, two dozen $28 🔥 Delivery until 2pm, text 304-555-0139", "other"),
    ("Recrutement : préparateurs pour entrepôt logistique, 11,88€/h, travail de nuit. Postulez en agence !", "other"),
    ("c'est moi ou le shit a pris cher ? ya 5 ans c'était 5€ le g", "other"),
    ("Pontefract: teenagers lured into county lines through '£300 a week' ads, a youth charity warns.", "other"),
    # a disguised job offer keeps its H/F; rocks walked to the buyer are crack
    ("OFFRE D'EMPLOI\nIntitulé : Agent de surveillance de périmètre (H/F)\nMissions : observer les allées et venues, "
     "prévenir l'équipe en cas de passage de véhicules « sérieux » 🚓\n"
     "Rémunération : 90€/jour, en espèces chaque soir\nProfil : discret, téléphone fourni\nCandidature : 👻 rh.ouest",
     "recruitment"),
    ("hard 🪨 $20 rocks, 5 for $90, West Side only, I walk it to you", "sale"),
])
def test_verdicts_of_heldout_eq_to_ev(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # "H £85" in a menu is a half ounce's price, not an hourly wage
    ("🍀 GREENZ 🍀\nOG Kush £10 bags\n3.5 £25 / Q £45 / H £85 / Z £160\nDrops till 1am", "sale"),
    ("cherche guetteur 12€/h cash, discret", "recruitment"),
])
def test_verdicts_of_heldout_ew_to_ez(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # consoles haggled in a chat: the speakers' roles are no job offer, no sale of drugs
    ("Acheteur: salut, la manette PS4 est dispo ?\nVendeur: oui 40€\nAcheteur: 30 ?\nVendeur: 35 et je passe ce soir\n"
     "Acheteur: ok espèces", "other"),
    ("Buyer: still got the Xbox?\nSeller: yes $180 with 1 controller\nBuyer: $150 cash?\n"
     "Seller: $160, meet at the mall", "other"),
    # services at home, Christmas cakes, champagne growers, racing tips, bakeries, fish stalls, job ads
    ("💅 Ongles by Inès 💅 pose gel 30€, remplissage 22€, je me déplace à domicile 🚗 snap : ines.nails", "other"),
    ("Coach sportif 🏋️ perte de poids, prépa physique, je me déplace, 10 séances 220€ 💪", "other"),
    ("🎄 Bûches pâtissières 6 parts 22€ / 8 parts 29€ 🍫 retrait en boutique le 24", "other"),
    ("🍾 Vente directe au domaine, carton de 6 bouteilles brut 105€, livraison offerte dès 2 cartons", "other"),
    ("🐎 Today's NAP: Silver Snow 5/1 e/w 🔥 best bet in the 3.40, more tips on tele", "other"),
    ("🥧 Scotch pies £2, sausage rolls £1.60, bridies £3 — open from 7am 📞 07700 900411", "other"),
    ("🐟 Arbroath smokies £8 a pair, vacuum packed and posted UK wide 📦", "other"),
    ("L'usine recrute des conducteurs de ligne, salaire attractif + primes. Candidatures à rh@usine-exemple.fr",
     "other"),
    ("Need 3 strong helpers for a moving job Sunday, $140 cash each, lunch provided", "other"),
    ("Babysitter wanted for after school pickup, $16/hr, references welcome 👶", "other"),
    ("🎭 Carnaval : consignes de sécurité, pas de verre, pas de protoxyde 🎈, hydratez-vous, postes de secours",
     "other"),
    # a lookout's pay by the half day; a container's prices slashed
    ("chouf dispo ? tour de la cité, 70 la demi journée", "recruitment"),
    ("pochons 10/20/50 🍀 livrés sur la zone, écris en priv", "sale"),
    ("new line lads, 3.5 thirty 7 fifty, shotting round the estate till late", "sale"),
])
def test_verdicts_of_heldout_fa_to_ff(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # a recruiter labelled so in a chat, the errand and its pay by the day; a commission per gram
    # sold; health cards lent to fetch prescribed drugs; holding the spot
    ("[14:02] Recruteur: t'es dispo samedi ?\n[14:03] Jeune: ouais\n"
     "[14:03] Recruteur: tu surveilles le hall, 60 la journée, tu cries si tu vois les keufs\n[14:04] Jeune: ok",
     "recruitment"),
    ("recrute vendeur ❄️ sur la zone, commission 15€ par gramme vendu, tel fourni, mp", "recruitment"),
    ("Cherche personnes avec carte vitale pour aller chercher des ordonnances (Lyrica, Skénan), 50€ par passage",
     "recruitment"),
    ("jcherche qlq pour tenir le terrain le mercredi aprem, 80e. discret. mp", "recruitment"),
    # rideshares, youth clubs' volunteers, fishing permits, lavender, flea markets, cocktail chats,
    # town halls' summer jobs, a parent exposing a recruiter
    ("Rideshare 🚗 Knoxville → Nashville Sat 9am, $25 gas money, 3 seats left, text 865-555-0142", "other"),
    ("⚽ U14s need volunteer drivers for away games, expenses paid, PVG check needed", "other"),
    ("🎣 Carte de pêche 2025 : 95€ l'annuelle, 15€ la journée, chez les dépositaires", "other"),
    ("💜 Bouquets de lavande 4€ | 3 pour 10€, huile essentielle 10ml 7€, envoi possible", "other"),
    ("Vide-grenier dimanche : porcelaine blanche, assiettes 2€ pièce ❄️, livraison possible 📞 06 11 22 33 44",
     "other"),
    ("[20:14] Léa: qui ramène la 🍫 ?\n[20:15] Tom: moi, Lindt 😂\n[20:15] Léa: et les 🍃 pour le mojito\n"
     "[20:16] Tom: menthe du jardin, 10 balles le rhum", "other"),
    ("La mairie recrute des jeunes de 16 à 17 ans pour les chantiers d'été (espaces verts), 200€ la semaine",
     "other"),
    ("someone dm'd my 13 yo asking if he wanted to watch the corner for $40 a day. reposting the account so "
     "yall block it", "other"),
])
def test_verdicts_of_heldout_fg_to_fl(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # a seller's share of the sales; running a line away from home; deliveries by bike for kids;
    # THC puffs are no vape shop's
    ("je cherche qqn de confiance pour vendre en soirée, % sur les ventes 💰", "recruitment"),
    ("Got a line that needs running Hartlepool to Seaham, 7 day stint, bed and food sorted, £900 at the end",
     "recruitment"),
    ("vacances d'été, je prends des petits de 13-16 ans pour faire des livraisons à vélo, 30€ la course",
     "recruitment"),
    ("yo jpeux prendre 1 vendeur en plus, tu fais 14h-22h, 100e + prime si tu vends bien", "recruitment"),
    ("Puffs THC 2ml 40€ / 3 pour 100€ 💨 remise en main propre ou envoi", "sale"),
    # car washes, guest houses, B&Bs, tattoo flash, a nurse's warning, factory jobs, football chat
    ("🚗✨ Lavage auto ✨ Extérieur 15€ | Intérieur + extérieur 35€ | 🎁 5e lavage offert, on se déplace à domicile",
     "other"),
    ("🚗💦 Basic wash $10 | Full detail $120 | Unlimited monthly $29.99 | 6th wash free", "other"),
    ("🏡 Chambres d'hôtes vue lac, nuit 90€ petit-déj inclus, whatsapp 06 09 44 71 22", "other"),
    ("🏡 Harbour B&B | doubles £80 incl. full English 🍳 | snap harbourbnb", "other"),
    ("🍄🌿 mushroom & leaf flash sheet £50 each, studio in town, dm to book ✍️", "other"),
    ("Le protoxyde 🎈 c'est pas anodin : paralysies, brûlures, j'en vois aux urgences chaque week-end", "other"),
    ("Manufacture horlogère recherche opérateur(trice), débutants formés, 13e mois, discrétion assurée", "other"),
    ("that goal was pure snow ❄️🔥 what a goal", "other"),
])
def test_verdicts_of_heldout_fm_to_fr(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # a buyer's question answered by a seller in the same post; a cut of the sales
    ("quelqu'un a du lyrica sur la ville ? — moi j'ai, 5€ la gélule 300, mp", "sale"),
    ("need someone to push 🍬💊 at frat parties, 30% cut", "recruitment"),
    # fishmongers, ice-cream vans, nail bars, car dealers, oil-field and storm jobs, charters,
    # rail notices, Breton bakeries, court reports
    ("Fresh mackerel & scallops 🐟 delivered every Friday, order by WhatsApp, cash or card on the doorstep", "other"),
    ("🍦 ICE ❄️ SNOW CONES ❄️ $3 each, 2 for $5! Truck at the beach today 1-7pm", "other"),
    ("💅 FLASH SALE today only 💅 gel mani $30, acrylic full set $55, house calls! snap 👻 kiki.nails", "other"),
    ("🚗 FLASH SALE 48 HRS 🚗 2020 Camry $18,500 | $500 deposit holds any car, delivery available", "other"),
    ("🛢️ NOW HIRING floorhands + CDL drivers, $28/hr + per diem, must pass drug test 💊🚫", "other"),
    ("🌀 HIRING hurricane clean-up crews, $25/hr paid cash daily, tree removal, drywall, tarping", "other"),
    ("🎣 Charters half day $450 | full day $750 🔥 bait & licenses included, text to book", "other"),
    ("🧈 Kouign-amann le petit 2,80€ | le grand 16€, happy hour -30% sur les invendus", "other"),
    ("Le trafiquant livrait « 24h/24 » : « 1g 70, 5g 300 ». Il écope de 3 ans dont 18 mois ferme.", "other"),
])
def test_verdicts_of_heldout_fs_to_fx(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # a chat's clock "[21:05]" is no menu's "1 : 50"; "c 8 balles chacun" is "c'est"; a football in a match
    ("[21:04] Yanis: on joue au five ce soir ?\n[21:05] Bilal: ouais j'ramène le ballon\n"
     "[21:05] Yanis: c 8 balles chacun\n[21:06] Bilal: ok je te fais un lydia", "other"),
    ("[18:40] Maman: il reste du 🥦 et du gratin pour ce soir\n[18:41] Léa: super merci\n"
     "[18:42] Maman: papa vient te chercher en voiture 🚗", "other"),
    ("[09:10] Acheteur: la moto est toujours dispo ?\n[09:12] Vendeur: oui 2300€, 18000 km au compteur\n"
     "[09:13] Acheteur: 2000 cash demain ?\n[09:15] Vendeur: 2200 et on fait affaire", "other"),
    ("☀️ Winter visitors! RV spots $600/month, full hookups, 50 amp, pickleball and Friday potluck. "
     "Call 520-555-0144", "other"),
    ("🧽 Nettoyage auto 📍 ZA des Portes, lavage intérieur 30€, extérieur 15€, carte fidélité", "other"),
    # a price in the reply supports a weak word; a minimum order is no pay for an errand
    ("[20:11] Ash: u got any of that lemon haze\n[20:12] Kev: yeah 3.5 for 30, 7 for 55\n[20:13] Ash: 7 then", "sale"),
    ("Mission / Pharr 🚗 drops all day\nwax $30 g, 2g $55\nmin order $40 to drop off", "sale"),
    # a dose of THC names an edible; jobs told by their errands and their pay
    ("🍪 cookies maison 25mg THC, 1 → 10€, 6 → 50€, remise en main propre", "sale"),
    ("it's that job I mentioned, just drive to Banbury, pick up, drop in Brackley, £120 cash same day, text me",
     "recruitment"),
    ("qui veut du ter sur le quartier 👀 tenue de la vente + ravitaillement, 1200 la semaine, pv", "recruitment"),
    ("Poste de « manutentionnaire » pour activité discrète, 1800€/mois non déclaré, permis B obligatoire, "
     "contact Telegram @manut_38", "recruitment"),
    ("je cherche un gars pour faire les livraisons le soir 🛵 t'as un scoot ? 35 la livraison, en mp", "recruitment"),
])
def test_verdicts_of_heldout_fy_to_gd(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # gyms, snowball stands, tyre fitters, pet adoptions, chili parlors, honey, plant swaps, fake-ticket warnings
    ("JANUARY DEAL 💪 Monthly £19.99 | 12 months £199 | no joining fee this week | Open 24/7 🕐 Kettering", "other"),
    ("🍧 SNOWBALL STAND 🍧 small $3 • large $5 • marshmallow topping +$1 ❄️ egg custard is back ❄️", "other"),
    ("❄️ WINTER TIRE SALE ❄️ 72 hours only, set of 4 installed ➡️ $449, wheel alignment ➡️ $89 📞 410-555-0199", "other"),
    ("🐾 Adopt Pepper! 3yo lab mix, $150 adoption fee, spayed, meet-ups Saturdays at the park. DM to apply", "other"),
    ("🌶️ CHILI MENU 🌶️ 3-Way $7.99 | 5-Way $9.99 | cheese coneys 2 for $5 | 🚗 delivery till 3am", "other"),
    ("🍯 Miel de lavande 13€ le pot de 500g, miel de forêt 11€. Livraison ou retrait à la ferme, Lydia ou espèces",
     "other"),
    ("Bourse aux plants au jardin partagé 🌱 tomates 2€ le pot, basilic 1€. Prenez vos pochons !", "other"),
    ("Concert du 14 : places 30€. Attention aux revendeurs sur Snap qui vendent des faux billets payables en PCS",
     "other"),
    # a chat's short turns still make a chat; the courier's role labels who speaks; crack by the piece
    ("[10:00] Acheteur: bonjour la moto est toujours dispo ?\n[10:02] Vendeur: oui\n"
     "[10:03] Acheteur: 1500 cash ?\n[10:05] Vendeur: 1700 mini\n[10:07] Vendeur: ok deal", "other"),
    ("[1:20 AM] Driver: outside\n[1:21 AM] Buyer: which car\n"
     "[1:21 AM] Driver: grey camry. u got the 60 for the 2 8ths?\n[1:22 AM] Buyer: yeah", "sale"),
    ("🪨 galettes 20 l'une, 3 pour 50, devant la gare", "sale"),
])
def test_verdicts_of_heldout_ge_to_gj(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # a chat's date is no rating ("[5/10/25, ...]"); goods haggled in chat; spas, quiches, salt, tyres
    ("[5/10/25, 10:41 PM] Buyer: u still got the 8ths\n[5/10/25, 10:42 PM] Plug: yea 40\n"
     "[5/10/25, 10:43 PM] Buyer: bet\n[5/10/25, 11:02 PM] Plug: outside", "sale"),
    ("[3/16/25, 2:20 PM] Buyer: is the couch still available\n[3/16/25, 2:22 PM] Seller: yes $200\n"
     "[3/16/25, 2:25 PM] Buyer: would u do 150 tonight\n[3/16/25, 2:26 PM] Seller: 175, bring cash", "other"),
    ("♨️ OFFRE FLASH ♨️ entrée thermes 3h ➡️ 19€ au lieu de 25€, formule duo + massage ➡️ 89€", "other"),
    ("🥧 Quiches lorraines maison ➡️ 12€, la part ➡️ 3€, livraison le samedi, snap 👻 quiche.mamie", "other"),
    ("🧂 Fleur de sel du matin ❄️ 250g 6€ / 1kg 18€, vente au marais", "other"),
    ("🛞 TIRE SALE 🛞 set of 4 used $160, flat repair $20, open 7 days 📞 760-555-0161", "other"),
    ("Note de veille : hausse des menus « 🥦 10/g, ❄️ 80 » sur Snapchat. Ne pas relayer les comptes.", "other"),
    # a trap sitter paid by the shift
    ("need a trap sitter downtown, 12hr shifts $200, discreet ppl only", "recruitment"),
])
def test_verdicts_of_heldout_gk_to_gp(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # harvest jobs, horse livery, rice, macarons, perfume workshops, boat tours, markets, joke menus
    ("Recherche personnes pour les vendanges, 12€/h, payé chaque semaine par virement. 06 55 00 00 00", "other"),
    ("🐴 Pension chevaux : box 280€/mois, pré 150€/mois, foin inclus ☎️ 06 40 12 77 35", "other"),
    ("🍚 riz rouge 5kg 22€ | riz complet 1kg 4,50€ 🚚 livraison, commande par SMS", "other"),
    ("🍪 MACARONS 🍪 boîte de 6 : 9€ | boîte de 12 : 16€ 🚗 livraison le samedi, minimum 20€", "other"),
    ("⚓ Sponge diving boat tour ⚓ adults $20 | kids $10 every hour ☎️ 727-555-0102", "other"),
    ("🥦 farmers market is back 🥦 local honey $12 | microgreens $5 | sea salt $8", "other"),
    ("my grandma's menu 🎆 mac n cheese ..... free / feelings ..... $50/8th of emotional damage 😂", "other"),
    # a voice note's elided "l'gramme"
    ("🎤 transcription : « ouais alors l'speed c'est quinze l'gramme, passe vers vingt-deux heures »", "sale"),
])
def test_verdicts_of_heldout_gq_to_gv(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # a lookout's job that has "nothing to sell"; minors taken on for paid deliveries; housing for errands
    ("JOB ÉTUDIANT 💸 ter le week-end 300€/jour, rien à vendre juste surveiller, discret, dm", "recruitment"),
    ("même mineur c'est ok 👌 livraisons à vélo le mercredi et samedi aprèm, 40€ l'après-midi", "recruitment"),
    ("Baby-sitting mercredi après-midi, 10€/h, mineurs acceptés pour l'aide aux devoirs", "other"),
    ("Paper round available, under 18s welcome, £25 a week, Mon-Sat mornings", "other"),
    ("Tu fais la saison à Megève et t'es pas logé ? On te loge gratuit en échange de quelques dépannages "
     "le soir 😉 bien payé, discret, écris-moi", "recruitment"),
    # a buyer asking whether a price is fair; a car haggled in a chat; a regular's nudge
    ("c'est normal de payer 10€ le g de beuh ou je me fais avoir ? (je cherche pas de plan hein)", "other"),
    ("[04/08/2025 18:02] Vendeur: la Clio 4 toujours dispo, 2016, 112 000 km\n[04/08/2025 18:04] Acheteur: "
     "vous faites combien ?\n[04/08/2025 18:05] Vendeur: 7500\n[04/08/2025 18:06] Acheteur: 6800 cash je viens demain",
     "other"),
    ("❄️ Compte Fortnite avec skins rares ❄️ 60€, paiement PayPal, remise des accès direct 🎮", "other"),
    # transcripts that name who speaks in brackets
    ("Transcription vocal (client) : « c'est pour un quart, tu fais combien ? »\nTranscription vocal (vendeur) : "
     "« le quart de kali je te le fais à soixante, la demie cent dix »", "sale"),
    # cider farms, Christmas trees, butchers' packs
    ("🍏 Bramley cider 🍎 6 for £18, local delivery £3, loyalty card: 10th bottle free", "other"),
    ("🎄 Livraison de sapins 🎄 Nordmann 1m50 35€, 2m 50€. On livre jusqu'au 24 au soir ! Paiement espèces ou Lydia",
     "other"),
    ("🥩 MEAT PACKS 🥩 £25 pack: 1kg mince, 6 sausages, 4 chops | £40 family pack | free delivery Fridays 🚚",
     "other"),
    # a business named as the meeting point; £10 and £20 bags; a surfboard, a ranch, an arcade, a climbing gym
    ("Moi : t'es où\nlivreur_44 : j'arrive 5 min, clio grise\nMoi : ok j'ai 50 en liquide pour les 5g de beuh\n"
     "livreur_44 : vas y devant la pharmacie de Montoir", "sale"),
    ("on in cottingham til 3 🍃 tens and twentys, 3 tens for 25", "sale"),
    ("[Message vocal transcrit] Oui bonjour, c'est pour la planche de surf de l'annonce, vous me la faites à cent "
     "vingt ? Je peux passer ce soir, sinon rappelez-moi au zéro six, douze, quarante, cinquante-cinq, dix-huit.",
     "other"),
    ("🐎 Ranch hand wanted, feeding, fencing, hauling hay. Housing provided, $600/wk. No drugs, we test.", "other"),
    ("🎰 WINTER SPECIAL ❄️ £10 = 50 tokens, 2 for 1 on the 2p falls all weekend! Open 10am-9pm on the seafront 🎡",
     "other"),
    ("🧗 Salle de blocs — FLASH SALE 48h ⚡ carte 10 entrées ➡️ 90€ au lieu de 110€, chaussons -30% 👟 snap: bloc.x",
     "other"),
    # a word of a town's name is no cue; a minimum order "pour livrer" is no pay; job fairs, youth clubs
    ("Recrute vendeur pour le four de Champagne-sur-Seine, 250€/j, 2 jours par semaine, taf de ter. Snap : x.y",
     "recruitment"),
    ("minimum de commande 50€ pour livrer Retournac et Beauzac. 🍫 10€ le g et 🥦 12€ le g. Paiement cash", "sale"),
    ("🧑‍🔧 Forum de l'emploi jeudi : chauffeurs poids lourd, caristes, livreurs colis. 200 postes à pourvoir", "other"),
    ("U12s need a new goalkeeper ⚽ training Tuesdays 6pm, monthly subs £20, kit provided. DM for details", "other"),
    ("new account folks, old one got hacked. add 👻 fortbill.plug2. freshers 🎉 10% off first order", "sale"),
])
def test_verdicts_of_heldout_gw_to_hb(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "start", "end", "quoted"), [
    ("Vends « chocolat » et « brocolis »", 8, 16, True),
    ('vends "snow" ok', 7, 11, True),
    ("l'chocolat' maison", 2, 10, False),  # an elision, not a quote
    ("du chocolat maison", 3, 11, False),
])
def test_a_word_in_quotes_is_a_code_word(text: str, start: int, end: int, quoted: bool) -> None:
    from sentinelle.analysers.cues import _quoted

    assert _quoted(text, start, end) is quoted


@pytest.mark.parametrize(("text", "category"), [
    # pharmacies, police news quoting an ad, seafood boils, spas, offshore jobs, fruit growers, dispensaries
    ("Christmas opening: we're open 9-5:30. Repeat prescriptions (including codeine, diazepam and pregabalin) "
     "need 72 hours. Order via the NHS App.", "other"),
    ("Clay County deputies arrest Middleburg man, seize 2 lbs of meth. Investigators say he advertised on Snapchat: "
     "'💎 $70 a g, blues $20 ea, pull up only'.", "other"),
    ("🦀🦐 SEAFOOD BOIL MENU 🦐🦀\nSnow crab cluster $28\nShrimp 1lb $18\n🚗 Delivery Atlantic Beach", "other"),
    ("🛢 OFFSHORE VACANCIES 🛢\nRoustabouts x4 ........ £210/day\n3 on / 3 off rotation, flights from the heliport",
     "other"),
    ("🍒 CERISES DE CÉRET 🍒 premières Burlat arrivées !\n1kg ........ 8€\n5kg ........ 35€\nLivraison dès 10kg",
     "other"),
    ("🌿 GREEN LEAF DISPENSARY 🌿\nOMMA patient card required 🪪\n8ths from $25 🔥\ncarts 2/$40", "other"),
    ("🥃 DISTILLERY TOURS 🥃\nClassic tour + 2 drams ......... £18\nCask-strength 70cl ............ £65", "other"),
    # a speaker's name is no cue ("Jordan"); county-lines news; a line's worker paid on takings; memes
    ("[14/02/2025 22:41] Jordan: wesh t'es ouvert ?\n[14/02/2025 22:42] Centrale Bruay: oui frérot\n"
     "[14/02/2025 22:42] Jordan: j'peux avoir 2g de C et 10g de vert ?\n[14/02/2025 22:43] Centrale Bruay: "
     "2g c'est 130, le 10g de vert 90\n[14/02/2025 22:45] Centrale Bruay: le livreur arrive dans 20 min", "sale"),
    ("County lines: a 15-year-old was found in a flat with £1,200 of crack. Detectives say he had been recruited "
     "online with promises of '£300 a week'.", "other"),
    ("Penarth line needs a 2nd worker 📱 phone on 24/7, you get 30% of takings", "recruitment"),
    ("[meme: Drake disapproving 'eating your veg' / approving '🍫🍫🍫 8 bars for £2 at Aldi']", "other"),
    ("🥦 8th of broccoli £0.50 at the market, free drop if you're me nan 😂 QP of sprouts for Christmas dinner",
     "other"),
])
def test_verdicts_of_heldout_hc_to_ht(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # a drive looking for staff; a meeting point "vers la piscine"; a neighbour's chat; leagues, kayaks, pipes, prunes
    ("on cherche du monde pour le drive : 1 guetteur, 1 charbonneur, 1 qui garde le stock. Cash chaque soir",
     "recruitment"),
    ("Client : t'as encore de la c ?\nVendeur : oui 60 le 0.8 mtn\nClient : ok je suis à Neuves-Maisons vers la piscine"
     "\nVendeur : mon gars arrive 10min scooter noir", "sale"),
    ("🏒 Lakewood adult hockey league: spring season $250/player, jerseys included. Goalies skate free! DM for info",
     "other"),
    ("🔥 Nouvelle série de pipes en bruyère 🔥\n➡ Billiard 85€\n➡ Dublin 95€\nTabac vendu séparément. DM pour commande",
     "other"),
    ("perso jvous le dis la meilleure frappe du 47 c'est le pruneau d'Agen 🍑🔥 le reste c'est du flan", "other"),
    # seaside rock, dog groomers, plant jobs, a grandmother's voice note; a seller paid on each pack
    ("🍭 Blackpool rock 🍭 sticks 3 for £5, 10 for £15, personalised rock £8! Postal UK wide £3.95. Open 9-9 on the "
     "prom 💗", "other"),
    ("🐶 Spring groom £35 small, £45 medium. Mobile van comes to you 🚐 loyalty card: 6th groom free!", "other"),
    ("🏭 We're hiring process operators at our Wilton site! 12hr shifts, £38k + shift allowance, full training.",
     "other"),
    ("vocal transcrit : « allô mamie, oui je passe ce soir vers vingt heures, je te ramène ton pain et le journal, tu "
     "me rappelles au zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit »", "other"),
    ('Voice note transcript: "yo I need somebody to run the Greenfield side, you get thirty percent of every pack"',
     "recruitment"),
])
def test_verdicts_of_heldout_hu_to_if(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # friteries, florists, watch dealers, chile roasters, building sites, home care, fish markets, a diet joke
    ("🖤 BLACK FRIDAY À LA FRITERIE 🖤\nde 17h à 21h seulement : 1 grand cornet acheté = 1 petit offert\nSauce "
     "andalouse, samouraï ... 0,80€\nLivraison Mouscron / Herseaux min 15€", "other"),
    ("💐 FÊTE DES MÈRES 💐\nBouquet « Tendresse » ..... 35€\nOrchidée en pot .......... 29€\n🚗 Livraison Charleroi "
     "& environs\nCommandez par DM", "other"),
    ("⌚ ARRIVAGE OCCASIONS ⌚\nRolex Submariner 2019 : 9 800€\nOmega Speedmaster : 5 200€\nBoîte + papiers ✅ "
     "Livraison sécurisée Annemasse, paiement par virement. DM pour photos 📲", "other"),
    ("🌶️ FRESH ROASTED HATCH GREEN CHILE 🔥\n$45 a sack roasted, $35 raw, 5 sacks $200\nWe deliver to Las Cruces "
     "Saturdays!", "other"),
    ("Need 2 labourers for a job in Wallasey, £100 a day cash, start Monday 8am. Must have CSCS card and own boots",
     "other"),
    ("Service d'aide à domicile recrute auxiliaires de vie sur Vitry 👵 véhicule fourni, payé à l'heure + frais "
     "kilométriques. Débutants motivés bienvenus, formation assurée", "other"),
    ("Mareyeur au MIN de Rungis 🐟❄️ cherche manutentionnaire pour chambre froide, 4h-11h, 110€ la journée payé à la "
     "semaine, déclaré", "other"),
    ("Menu du régime de janvier :\n🥦🥦🥦 lundi\n🍫 mardi (craquage)\n❄️ mercredi (glace pistache, on est pas des "
     "animaux)\n😂😂", "other"),
    # the same words selling: pills named after a watch brand, a menu with flowers
    ("💊 Rolex 10€ la pill, 5 pour 40€, livraison Annemasse 👻 pilz74", "sale"),
    # a pickup in a park; a flatshare's rent; a truck's mileage; a scooter haggled between "Acheteur" and "Vendeur"
    ("hard 🪨 $20 a rock, 3 for 50, Dallas Fair Park area", "sale"),
    ("Cherche coloc à Mont-Saint-Aignan près de la fac, 380€/mois, non-fumeur (même pas de beuh 😅)", "other"),
    ("2017 F-150 XLT, 112k mi, $21,000 firm. Grand Prairie. No lowballers, serious buyers text 469-555-0185 🚙",
     "other"),
    ("Acheteur : bonjour, le MBK Booster est toujours dispo ?\nVendeur : oui 650€\nAcheteur : 550 cash ?\nVendeur : "
     "600 dernier prix, je peux le livrer sur Elbeuf\nAcheteur : ok 600", "other"),
    # a backup account delivering to Grand Prairie ("GP"), a restock of every flavour
    ("main got deleted again 🙄 this the backup, same plug same prices, Arlington + GP delivery still running 🚗",
     "sale"),
])
def test_verdicts_of_heldout_ij_to_io(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # lychee sellers, youth clinics, takeaways, yacht crews, bakeries, families' chats and voice notes
    ("🍒🍒 LETCHIS DISPO 🍒🍒\n📦 5kg ➡️ 20€\n📦 10kg ➡️ 35€\n🚗 livraison Saint-Pierre / Le Tampon\n📞 0692 30 11 45",
     "other"),
    ("🍒🍒 LYCHEE SEASON 🍒🍒\n📦 5 lb $25\n📦 10 lb $45\n🚙 drop offs Hilo / Keaau\n📲 text (808) 555-0110", "other"),
    ("Le zamal d'aujourd'hui n'est plus celui d'avant : taux de THC en hausse. Consultations jeunes consommateurs "
     "gratuites à Saint-Pierre. ☎️ 0262 99 10 20", "other"),
    ("🍜 late night menu 🍜 pho $14 | banh mi $9 | egg rolls 3 for $6\ndelivery Bloomington til 2am 🚗", "other"),
    ("⛵ Recrutement équipage ⛵\nDeckhand / Stewardess saison 2025, port Vauban (Antibes)\n2800€/mois nourri logé, "
     "STCW obligatoire", "other"),
    ("🥖 Boulangerie à Saumur cherche vendeur(se) 35h, débutant accepté, horaires 6h-13h, tenue fournie.", "other"),
    ("[18:30] Tata Nadia: les enfants vous venez manger le couscous dimanche ?\n[18:31] Karim: oui on arrive vers "
     "12h30\n[18:31] Tata Nadia: ramenez du pain et de la menthe 🌿 pour le thé", "other"),
    ('Voice note: "hiya love it\'s Nan, I\'ve got a new number, oh seven seven double oh, nine hundred, eight two one, '
     'ring me back, I\'ve done a lasagne for Sunday"', "other"),
    # Basque cakes, tickets at cost price, harvest jobs, delivery apps, lorry drivers
    ("🥮 Gâteaux basques crème ou cerise 🍒 18€ le grand, 10€ le petit.\nLivraison Ustaritz, Cambo le dimanche matin."
     "\nPrécommande au 07 81 20 39 57", "other"),
    ("🔴⚪ places virage pour Aviron Bayonnais - Biarritz dispo, 25€ pièce (prix coûtant), je me déplace sur Bayonne",
     "other"),
    ("🚗 Dash in Tucson & Casa Grande 💸 earn per delivery + 100% of tips, be your own boss, get paid daily with Fast "
     "Pay. 18+, car, scooter or bike. Sign up today!", "other"),
    ("HGV Class 1 drivers wanted 🚛 Ashford depot, continental runs via Dover, £250/day, nights out paid. Call 07700 "
     "900 144", "other"),
    # a point's recruiter asking for a "vendeur(se)" still recruits
    ("☕ margny coffee recrute vendeur(se) pour le point de Venette, 10% sur le chiffre, 16 ans mini", "recruitment"),
])
def test_verdicts_of_heldout_ip_to_ja(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # steelworks, costume hire, herring, school letters, Catalan feasts, car-sharing, HVAC, lobster boats
    ("🏭 RECRUTE 🏭 Opérateurs de production H/F pour aciérie de Dunkerque\n💶 13,50€/h + primes de nuit\n"
     "🚗 permis B + véhicule", "other"),
    ("🎭 Location de déguisements 🎭\n👗 robe + perruque 20€\n🧥 ciré jaune 15€\n📍 Coudekerque-Branche, retrait "
     "uniquement\n📲 06 11 22 33 44", "other"),
    ("🐟 Arrivage harengs frais ce matin 🐟\n1 kg 6€ / 3 kg 15€\nhareng saur 2€ pièce\n📍 marché de Gravelines",
     "other"),
    ("Mot aux familles : des comptes proposent aux élèves des « jobs » de livreur ou guetteur payés 50 à 100€ par "
     "jour. Si votre enfant reçoit ce genre de message, contactez la vie scolaire.", "other"),
    ("🎄 CARTE DES FÊTES 🎄\nBoles de picolat (6 pers.) .... 45€\nCargolade (le kg) .... 28€\n🚗 Livraison Perpignan, "
     "Cabestany", "other"),
    ("Covoit Perpignan → Montpellier demain 7h 🚗 reste 2 places, 12€ la place. Écrivez-moi au 06 71 83 92 04",
     "other"),
    ("❄️ AC tune-up special $89 ❄️ Portsmouth, Dover, Manchester. Same-day service, financing available. Call now!",
     "other"),
    ("🦞 HIRING STERNMAN 🦞 lobster boat out of Portland, $250-$400/day depending on catch, paid weekly. Call Dave "
     "207-555-0121", "other"),
    # a county line and a festival's sellers are recruited
    ("Bro you still after work? My guy needs someone on a county line out of Northampton, 2 weeks at a time, £1000 + "
     "food. Ring 07700 900 714", "recruitment"),
])
def test_verdicts_of_heldout_jb_to_jm(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # a party is no pay per evening; home cooking by the portion; préfou trucks; horse farms; friends' plans
    ("Qui veut des 🍬 pour la soirée de vendredi à la salle ? 10 balles pièce, message 👻 candy.aube", "sale"),
    ("🥘 Couscous maison dimanche 🥘 11€ la part, 4 parts 40€. Livraison Sainte-Savine et Troyes 🚗 commandes en MP",
     "other"),
    ("🥖 Préfou ail-beurre ce soir au port 18h-22h, 4€ l'un ou 7€ le sachet de 10 mini, snap prefou.vendee", "other"),
    ("🐴 Thoroughbred farm outside Georgetown hiring grooms, $140/day, early starts, housing on site.", "other"),
    ("dispo plus ce soir les gars j'ai entraînement de foot, on décale le match à demain", "other"),
    # telling of a seller's offer is no offer
    ("lol a lad in Fareham tried to sell me 'flake' on snap at £50 a g, wanted it in gift cards first", "other"),
    ("un mec a essayé de me vendre de la beuh à 10€ le g devant la gare, j'ai dit non merci", "other"),
    # minors, cash the same evening: recruited
    ("On cherche des jeunes de 16 ans pour de petites livraisons en scooter, 40€ la course, payé le soir même, discret",
     "recruitment"),
])
def test_verdicts_of_heldout_jn_to_js(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize("text", [
    "Calor gas bottles 13kg £38 exchange, patio gas too. Eastleigh, ring 07700 900 315",
    "Propane refills $22 while you wait, Cary Hwy 55",
])
def test_bottled_gas_is_no_sale(text: str) -> None:
    assert analyze_text(text).category == "other"


@pytest.mark.parametrize(("text", "category"), [
    # a drug tucked into an ordinary post's offer; not a kitchen's greens, nor cheese for connoisseurs
    ("Selling my Xbox with 2 controllers £120 ono, Chorley. Also got some green if anyone wants 🌿 pm me", "sale"),
    ("Vends vélo VTT 120€ à débattre. J'ai aussi de la beuh pour ceux qui veulent 😏 MP", "sale"),
    ("Selling my bike £60 ono, also got some green beans from the allotment 🌿", "other"),
    ("Fromages affinés 🧀 et pour les connaisseurs un vieux comté 36 mois", "other"),
    # the role is the lexicon group's, whatever its terms ("pour les connaisseurs", "voulu me vendre")
    ("Vends ma PS4 150€ avec 2 manettes. Et pour les connaisseurs j'ai de l'afghan 🍫 en MP", "sale"),
    ("un gars a voulu me vendre de la beuh 10€ le g à la sortie du lycée, j'ai refusé", "other"),
])
def test_offers_tucked_into_ordinary_posts(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 46: leftovers of a party offered; farm cheese, hot chicken, zoo and race tickets; court news;
    # a job holding stock; a dealing spot's shifts
    ("Merci à tous pour mes 30 ans 🥳 au passage il me reste des 💊 ecsta de la soirée, 10€ pièce, en mp", "sale"),
    ("Vente de gâteaux pour l'école : il me reste des 🍫 brownies 2€ pièce", "other"),
    ("🐐 Crottin AOP fermier dispo ✅ 1 pièce ➝ 3€, vente à la ferme + livraison, 06 39 98 55 02", "other"),
    ("🔥 HOT CHICKEN 🔥 Tenders (3) ..... $12, Whole bird ..... $30, delivery on all apps", "other"),
    ("🐘 BILLETS ZOO À PRIX CASSÉ 🐘 billet adulte 50€ au lieu de 65, tarif enfant 35€, main propre Blois", "other"),
    ("selling 2 tix for the night race, $90 each, can meet in Glen Allen, text 804-555-0139", "other"),
    ("Media: 4 charged after DA says ring paid lookouts $60 a day and sold '8ths $40' on Snapchat", "other"),
    ("need someone to hold stock in Bedford, £350 a week, quiet flat a must. Snap me", "recruitment"),
    ("ter à prendre à Tulle 📍 shift de 10h 100€, venez en privé", "recruitment"),
    ("Le seul truc livré 24h/24 ici c'est la neige ❄️❄️", "other"),
])
def test_verdicts_of_heldout_jt_to_jy(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 47: a weak drug word, priced, tucked into a classified; Antillean stalls, ice bags, Cajun food,
    # seaside rock, carnival costumes, football tickets; a French "seize" is sixteen, no seizure
    ("Selling my Fiesta, MOT till March, £900 ono. Also got a bit of green about if anyone wants 😉 £10 a g", "sale"),
    ("🥥 coco sec 2€ pièce, coco à l'eau 3€, bord de route au Robert le samedi", "other"),
    ("❄️❄️ SAC DE GLACE ❄️❄️ 5kg 3€ / 10kg 5€, livraison 24h/24 pour vos fêtes", "other"),
    ("🔥 BOUDIN FRIDAY 🔥 boudin balls 6 for $10, cracklin $12/lb, we deliver Scott & Broussard", "other"),
    ("🍭 ROCK SHOP 🍭 stick of rock £1.50, 5 for £6, rock false teeth £2, name rock made to order", "other"),
    ("🎭 COSTUMES CARNAVAL 🎭 diab rouj 60€, livraison Ducos / Lamentin, dm", "other"),
    ("Got 2 spare for the derby £30 each, home end. No touts, genuine fans only. DM", "other"),
    ("on cherche un petit pour le ter, il a seize ans c'est pas grave, quatre-vingts euros la journée", "recruitment"),
])
def test_verdicts_of_heldout_jz_to_ke(text: str, category: str) -> None:
    assert analyze_text(text).category == category


def test_a_court_report_quoting_an_account_and_its_pay_is_news() -> None:
    text = ("Tribunal de Bourgoin : 2 ans ferme pour le « livreur » de Villefontaine. Son compte Snap affichait "
            "« 24/7 » et « coke 70 ». Il avait recruté des guetteurs de 15 ans payés 100 € la journée.")
    assert analyze_text(text).category == "other"


@pytest.mark.parametrize(("text", "category"), [
    # round 48: removal firms' and ski-bar jobs by the day, supermarket drives, heatwave drinks and ice,
    # trial and clinicians' notes, reptile breeders, crypto tips, Réunion's bouchons; a buyer's question
    # about a price, a buyer's warning about a scam seller
    ("🚚 Northern Removals hiring porters, Rotherham. £100 a day cash in hand, must be reliable, early starts. "
     "Text 07700 900311", "other"),
    ("❄️ On cherche 2 serveurs pour le bar du front de neige aux Gets, 140€/jour, logement possible. Dispo → avril, DM",
     "other"),
    ("🛒 Drive Intermarché Liévin : commandez avant midi, -15% sur les produits frais 🥦🍫 ce samedi", "other"),
    ("☀️ Heatwave deal: 12 cans of Irn-Bru £5 to your door in Paisley, same-day. Bags o ice £2. "
     "Text orders 07700 900 611", "other"),
    ("Trial opens for Towson man accused of selling fake Percocet on Telegram for gift cards up front", "other"),
    ("For clinicians: xylazine wounds are up; street 'dope' bags go for $10. Refer patients to low-threshold clinics",
     "other"),
    ("🦎 leopard geckos $45, bearded dragon babies $70, captive bred, pickup Tempe", "other"),
    ("🚀 achetez le dip, la neige ❄️ c'est pour les faibles, signal premium 30€/mois dm", "other"),
    ("Bouchons + samoussas 🔥 7€ la barquette, dispo midi au Port, commande par snap 👻 lekarry", "other"),
    ("qqn a du blanc vers alès ? 90 le g c abusé", "other"),
    ("@plug_nimes = ARNAQUE 🚫 envoyé 2 PCS de 50 pour 10g, bloqué après. Vous faites pas avoir", "other"),
])
def test_verdicts_of_heldout_kf_to_kk(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # a seller dressed as a dispensary boasts of no card and no age check (a strain's name is no bakery);
    # a licensed store's age gate still makes it legal; drops for students are a network's deliveries
    ("🌞 deals 🌞 like a dispensary but we come to YOU\nno medical card ❌ no 21+ check ❌\n"
     "💨 carts $25\n🌸 Wedding Cake 8th $30\nAurora, Thornton", "sale"),
    ("Licensed dispensary, 21+ only, valid ID required. Wedding Cake 8th $30, carts $25. Open 9-9 on Colfax", "other"),
    ("Étudiants 🎓 arrondissez vos fins de mois en faisant des drops dans Quimper. 2h/soir, 50€ cash, "
     "discrétion obligatoire. DM", "recruitment"),
])
def test_dispensary_lookalikes_and_drops(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 49: a listener quoting a lyric, sneaker resellers, Catalan tapas, a vote on decriminalisation,
    # a flat to let, exam grinds, a youth project, shaved ice and home-made juices; lean by the vial
    ("« 20 le g, 60 la C, j'tourne dans le 9-3 » — pourquoi ce son tourne en boucle depuis hier", "other"),
    ("\"eighth for the 40, za in the coupe\" this song got me speeding fr 🔥", "other"),
    ("🔥 RESTOCK 🔥\nJordan 4 sz 10 - $240\nDunks sz 9 - $150\nlegit check available ✅ meetups at Perimeter\ncashapp",
     "other"),
    ("🥘 Tapas a domicili ! Patatas bravas 5€, calamars 7€\nLivraison Canet le soir\nMinimum 20€ 🛵 Bon profit !",
     "other"),
    ("Voters passed it, but psilocybin decriminalization covers personal use only: selling 🍄 is still a felony",
     "other"),
    ("🏠 Appartement T2 Sablé 480€ CC, 2e étage sans ascenseur, contact snap 👻 immo.sable", "other"),
    ("📚 Junior Cert grinds 📚 Maths €35/hour, online or in person in Bray, DM me on snap", "other"),
    ("Youth project Clondalkin 💬 if someone is pressuring you to hold stuff, talk to us, no judgement", "other"),
    ("🍧 SINOBOL ❄️ 2€ 🍧\n💜 sirop grenadine\n💚 sirop menthe\nplage du Gosier", "other"),
    ("💜💜\n🍇 fiole codé + promé 70€\n🍇 x2 → 130€\n🚘 Abymes / Gosier", "sale"),
])
def test_verdicts_of_heldout_kl_to_kq(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # pupils offered pocket money for runs; ready-rolled joints sold to them by the piece
    ("1st years who want pocket money, come see me behind the shops after school, €15 a run 🤫 Tallaght",
     "recruitment"),
    ("Coulaines 📍 les petits du collège venez c'est 5€ le joint tout roulé 🍃 devant le city après les cours", "sale"),
])
def test_pupils_offered_runs_and_joints(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 50: snow on the windscreen, a festival's rules, a teacher's warning, party sweet bags; dud notes,
    # a short form of Lyrica, county-lines runners and a trap's shifts
    ("❄️❄️ La neige est tombée sur Panazol, la blanche est gratuite 😂☃️ livraison directe sur le pare-brise", "other"),
    ("Festival info: no balloons, no nitrous canisters, empty bottles only. Free water refill stations 💧 "
     "look after your friends", "other"),
    ("Prof au collège à Colombes : des élèves parlent de « ter » payés 150€ la semaine. Si votre enfant en parle, "
     "contactez le 119", "other"),
    ("🍬🍭 Sachets de bonbons personnalisés pour anniversaires 🎉 10 sachets = 25€, livraison Clichy, DM", "other"),
    ("Dud £20s for sale 💷 pass most shops, 5 notes for £30. Bury, meet or post", "sale"),
    ("j'ai des lyri 300 à 2€ pièce sur chalon, min 20€", "sale"),
    ("[voice note] you still want that work? two hundred a day, going Norwich with my bredrin, bring a charger, "
     "don't tell your mum", "recruitment"),
    ("looking for a young g to hold the box 📱 Peckham, cash every night", "recruitment"),
    ("Spots open in the Scarborough trap 🏚️ 12hr shifts $180, we front the pack. DM", "recruitment"),
])
def test_verdicts_of_heldout_kr_to_kw(text: str, category: str) -> None:
    assert analyze_text(text).category == category
