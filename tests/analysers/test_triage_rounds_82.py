"""Verdicts on look-alikes and misses met in the hand-written rounds from round 82 on (the full pipeline).

Each case is written after a family a round showed, not copied from it; rounds 51 to 81 are in
test_triage_rounds.py, earlier rounds in test_triage.py.
"""

from __future__ import annotations

import pytest

from sentinelle.api import analyze_text


@pytest.mark.parametrize(("text", "category"), [
    # round 82: a courier on the way ("have the £60 ready"), "descends avec le liquide"; food denied "here"
    # ("pas de kebab ici"); a review "the gas is real ... would re-up"; runners' stays and trips paid
    ("omw 🚗 10 mins, Kirkgate. have the £40 ready", "sale"),
    ("jsuis en bas de chez toi, 206 noire. descends avec le liquide", "sale"),
    ("pas de pizza ici 😂 mais 🍁 12€/g et 🍫 8€/g, livraison Bondy jusqu'à 3h", "sale"),
    ("shoutout @front.range.plug the gas is real, would re-up", "sale"),
    ("county work 🚆 stay in a trap for 5 days, £600, 15-17 fine", "recruitment"),
    ("€400 a week, trips Galway to Athlone, expenses paid, no questions", "recruitment"),
    ("delivery 24 hrs a day 🌲 in stock, DM for prices", "sale"),
    # look-alikes: a climbing gym's day passes, a cassoulet maker's portions, a youth club's day trip
    ("🧗 BLOC GYM / day pass $22 / flash sale: first month $49 / chalk bags 20% off", "other"),
    ("🫘 cassoulet maison livré / part individuelle 13€ / cassole 6 pers 70€ / commande mini 30€", "other"),
    ("Youth club summer: kayaking and a trip to the beach! Ages 11-15, £4 a day, lunch included", "other"),
])
def test_verdicts_of_heldout_rn_to_rs(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 83: couriers ("ramène l'enveloppe", "£50 cash for the 2 bags", "here ... leaving in 5"), a meeting
    # point named with a word between ("by the water taxi stop"), a review "white was proper ... were there in
    # 20 mins", pay per box for parcels picked up and shipped out
    ("jsuis devant le tabac, clio grise, ramène l'enveloppe", "sale"),
    ("outside now, black golf by the chippy 🚗 £30 cash for the 2 bags", "sale"),
    ("here 📍 Spenard rd lot, white f150. leaving in 5", "sale"),
    ("- need a g tonight / - $80 / - im by the water taxi stop / - 10 mins, red civic", "sale"),
    ("review ⭐⭐⭐⭐⭐ coke was proper and they were there in 15 mins, recommend", "sale"),
    ("hiring drop guys: pick up, ship out, $40 per box, message the channel", "recruitment"),
    # look-alikes: rentals and guided outings by the day, shave ice, car shipping, a bill on whippets, a
    # surf shop's wax and trips, fabric bags at a flea market
    ("🎣 ice fishing this weekend, heated huts $80/day, rods included", "other"),
    ("🦌 guided elk hunts, $400/day, meat processing included. DM for dates", "other"),
    ("❄️ SHAVE ICE ❄️ / snow cap $1 extra 😉 / small $4 / large $6 / 3 for $15", "other"),
    ("🚢 ship your car Oahu ↔ Maui, $450 one way, half up front", "other"),
    ("Lawmakers advance a bill to ban sales of nitrous 'whippets' after ER visits spike", "other"),
    ("🏄 wax 🍫 restock! 3 bars for $10 / wetsuit rental $30/day / trips every sat", "other"),
    ("brocante dimanche: lot de 10 pochons en tissu 10€, balance de cuisine 5€", "other"),
])
def test_verdicts_of_heldout_rt_to_ry(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 84: a plug offered to anyone who needs one, reviews ("copped ... from", "smoked crazy", "the gear
    # was actually decent"); look-alikes: a snow-route parking ban, a town's snow notice, a theme park's fake snow
    ("anybody in Norman need a plug 🔌 dms open, zaza + percs to ur door", "sale"),
    ("review: copped a zip off the edmond plug, smoked crazy, 10/10 🔥", "sale"),
    ("shoutout the galway lads, 15 mins to Salthill and the gear was actually decent 👌", "sale"),
    ("❄️ SNOW EMERGENCY: parking ban on snow routes 24/7, vehicles will be towed, $75 fine", "other"),
    ("❄️ épisode neigeux : salage des routes 24h/24, déchetterie fermée samedi", "other"),
    ("parc d'attractions 🎢 billets 20€ au lieu de 28, neige artificielle ❄️ sur la piste de luge", "other"),
    # a family's pickup at the station (round 82)
    ("- t'es où ? / - devant la gare / - j'arrive en 5 min, voiture grise / - prends le sac de mamie stp", "other"),
])
def test_verdicts_of_heldout_rz_to_se(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 85: a seller's own pills after a buyer's question ("je vends aussi des prégabaline"), a
    # prescription's leftover sold ("Vend cachets de Tramadol"), a courier with "3 autres livraisons", a
    # reseller paid a "commission sur chaque vente", a menu "pas de prise de tête"
    ("qqn pour me dépanner en Lyrica ? je vends aussi des prégabaline 4€ la gélule, mp", "sale"),
    ("Vend cachets de Tramadol 50, 1€ pièce, reste d'une ordonnance. Possible à Riom", "sale"),
    ("je suis en bas du bât A 🚗 noire, descends vite j'ai 2 autres livraisons après", "sale"),
    ("cherche revendeur(se) pour les soirées étudiantes, commission sur chaque vente 🐴💊", "recruitment"),
    ("🕓 4H20 DOURDAN 🕓\n🍁 11€ g\n🍫 7€ g\n❄️ 60€ g\n24h/24 ✅ pas de prise de tête", "sale"),
    # look-alikes: a ride-hailing driver on the way, an outlet's Black Friday, a wok, an ice-cream flavour,
    # a beach bar's cocktails
    ("Votre chauffeur Karim arrive dans 4 min 🚗 Clio grise, point de rdv gare de Senlis", "other"),
    ("🛍️ designer outlet BLACK FRIDAY / up to 60% off top brands / free parking all weekend 🚗", "other"),
    ("🥢 WOK 13 / nems x4 ➡️ 5€ / bo bun ➡️ 11€ / 🛵 livraison, minimum 20€", "other"),
    ("🍦 nouveau parfum ❄️ Snow Coco ❄️ / 1 boule 3€, 2 boules 5€", "other"),
    ("🔥 HAPPY HOUR 🔥 cocktails 2 pour 15€ / ❄️ piña colada glacée ❄️", "other"),
])
def test_verdicts_of_heldout_sf_to_sk(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 86: a courier who "can't stay long", reviews of a parcel received within hours or days ("reçu mon
    # colis en 48h", "got my pack in 3 days") and of pills "bien dosée"
    ("livreur: c moi en bas, clio blanche devant le 4 rue de la gare, je peux pas rester longtemps", "sale"),
    ("⭐⭐⭐⭐⭐ vendeur au top sur tg @pharma_sud_bk, reçu mon colis en 48h, la Lyrica bien dosée je recommande",
     "sale"),
    ("⭐ customer review: got my pack in 2 days, fire carts, thanks fam 🙏", "sale"),
    # look-alikes: a parcel courier's chat with the boss, a police warning about fake sellers, a cycling race,
    # a foraging walk beside food carts, friends' football
    ("Chef: t'es où ? / Moi: devant le 3 rue Haute, le client répond pas / Chef: laisse le colis au gardien, il a "
     "payé par carte", "other"),
    ("🚨 Arnaque en cours : de faux vendeurs promettent du Xanax livré partout contre des coupons PCS. N'envoyez "
     "jamais de codes", "other"),
    ("🚴 course cycliste dimanche, départ 14h, ravitaillement 🍫🍌 au km 40, rues fermées 13h-18h", "other"),
    ("food carts and live music tonight, 🍄 mushroom foraging walk (edible species only), free entry", "other"),
    ("[Karim] t'es où / [Yanis] au city / [Karim] ramène le ballon ⚽ stp / [Yanis] jsuis là dans 10 min / "
     "[Karim] on joue contre ceux d'en bas", "other"),
])
def test_verdicts_of_heldout_sl_to_sq(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 87: a menu dressed as a bakery that says it sells no bread, a review "weight on point ... would cop
    # again", "drop boys" wanted; look-alikes: a municipal band, youth leaders with a BAFA, a sports club's
    # coach, a museum's exhibition, a blues bar's cover
    ("🥖 LA BOULANGERIE 🥖 (on vend pas du pain 😂) / 🍫 pain au chocolat 5g=25 / ❄️ farine 1g 70 / livraison Niort",
     "sale"),
    ("review of my guy: half of Blue Dream $140, met within the hour, weight on point. would cop again", "sale"),
    ("COV GREENS want 2 more drop boys 🛵 Coventry + Bedworth, cash daily, 16+ ok", "recruitment"),
    ("🎺 L'harmonie municipale recrute trompettistes et tubas dès 12 ans, répétitions le mardi 19h", "other"),
    ("📢 l'accueil de loisirs recrute des animateurs BAFA, 16-25 ans, 50€/jour, contact mairie", "other"),
    ("🎸 Live blues tonight 9pm-1am, $10 cover charge, $3 domestics. 21+ only", "other"),
    ("🕒 Opening times Tue-Sun. New exhibition, free entry, donations welcome. Kids' trail: find the 💎!", "other"),
])
def test_verdicts_of_heldout_sr_to_sw(text: str, category: str) -> None:
    assert analyze_text(text).category == category
