"""Verdicts on look-alikes and misses met in the hand-written rounds 51 to 81 (the full pipeline).

Each case is written after a family a round showed, not copied from it; earlier rounds' cases are in
test_triage.py; later rounds in test_triage_rounds_82.py.
"""

from __future__ import annotations

import pytest

from sentinelle.api import analyze_text


@pytest.mark.parametrize(("text", "category"), [
    # round 51: a wine cellar's cases, hunting gear at the season's opening, a bakery's pastries, a vintage drop,
    # student flats, Haitian plates, a joke about the dealers' emoji
    ("🍷 Domaine des Sept Vents, Irancy 89290 🍷\nIrancy rouge 2022 ➡️ 13€ la bouteille / 72€ le carton de 6\n"
     "📦 Expédition partout en France", "other"),
    ("🦌 Ouverture de la chasse 🦌 Armurerie d'Avallon\nCartouches calibre 12 ➡️ 16€ la boîte, gilets fluo 20€\n"
     "Livraison possible sur Avallon", "other"),
    ("🦌 Hunting season gear sale 🦌\nBlaze orange vest $35\nTree stand $100\nTrail cam $55\n"
     "Pickup Waukesha or drop off around Brookfield, text 262-555-0144", "other"),
    ("🥧 Holiday kringle orders open 🥧\nPecan $19 • Raspberry $18 • Cream cheese $18\nLocal delivery, min order $30",
     "other"),
    ("New drop Saturday 🔥 vintage North Face puffers £55, Stone Island jackets £85, we post UK wide", "other"),
    ("🏠 Colocs étudiants 🏠 T4 à 5 min de la fac, 390€ par chambre charges comprises, frais d'agence offerts 📲 "
     "06 11 22 33 44", "other"),
    ("🇭🇹 Sunday plates 🇭🇹\nGriot + rice $16\nLegim $14\nPikliz $6\nDelivery North Miami, order 786-555-0100",
     "other"),
    ("why does every random add on my snap have 🍃❄️💊 in the name, I just want to scroll in peace 😭", "other"),
    # buyers' reviews that say how fast the drop came; mules and stash keepers wanted; a seller's warning
    ("⭐⭐⭐⭐⭐ livré en 15 min à Sens, la beuh de chez @yonne.vert est incroyable", "sale"),
    ("Cherche personnes de confiance avec garage ou cave vers Challans pour stockage, 800/mois", "recruitment"),
    ("Need people to fly out of MIA, flights paid + $4k cash when you land ✈️ no record needed", "recruitment"),
    ("Voyage tout payé + prime 💰 Cayenne ➡️ Paris, profil discret, passeport valide. Écris en privé", "recruitment"),
    ("⚠️ some fake on insta using our name asking for £20 up front, we never ask first. pay on drop ONLY", "sale"),
])
def test_verdicts_of_heldout_kx_to_lc(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "cue"), [
    ("Studio 420€ charges comprises", False),   # an amount, not the code
    ("Studio $420 a month", False),
    ("420 day special 🍃", True),
])
def test_the_code_420_is_no_amount(text: str, cue: bool) -> None:
    rules = [f.rule for f in analyze_text(text).findings if f.kind == "cue"]
    assert any(r.endswith(":420") for r in rules) is cue


@pytest.mark.parametrize(("text", "found"), [
    ("arrivé en 20 min, top", True),
    ("pulled up to my block in like 25 mins", True),
    ("Coquelles → Folkestone en 35 min", False),     # a crossing's time, no drop
    ("bus arriving in 12 min", False),
    ("la gare est à 10 min à pied", False),
])
def test_how_fast_a_drop_came(text: str, found: bool) -> None:
    rules = [f.rule for f in analyze_text(text).findings if f.kind == "cue"]
    assert ("grammar:drop_time" in rules) is found


@pytest.mark.parametrize(("text", "category"), [
    # round 52: a deals channel's backup, a surf shop's sale, crypto giveaway scams, fruit pickers wanted;
    # a seller bringing stock to a rave, a lookout for a corner
    ("📌 Canal principal : Bons Plans Vendôme\n🆘 Canal de secours : t.me/bonsplans_backup (Telegram bloque nos "
     "liens affiliés)\n🔥 Friteuse sans huile -35% (59€ au lieu de 89€)", "other"),
    ("🏄 Soldes 🏄 combis 4/3 à 119€ au lieu de 189€, leash 25€, livraison gratuite Capbreton dès 50€ "
     "📲 06 10 20 30 40", "other"),
    ("🎁 GIVEAWAY CRYPTO 🎁 envoie 0,02 BTC et reçois 0,2 BTC en retour, lien en bio #crypto", "other"),
    ("🚀 BTC GIVEAWAY 🚀 send 0.1 ETH, get 1 ETH back, first 50 only, link in bio", "other"),
    ("Cherche cueilleurs de pommes 🍎 secteur Parthenay, payé à la journée 85€, contrat saisonnier déclaré", "other"),
    ("🎧 soirée samedi vers Romorantin, je ramène : keta 40/g, md 50/g, taz 10 l'unité 💊", "sale"),
    ("need somebody to watch the corner on Dudley St tonight, one fifty, eight to two, you in?", "recruitment"),
])
def test_verdicts_of_heldout_ld_to_li(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 53: a school's talk quoting dealers' offers, a childminder wanted ("nourrice agréée"), a dog
    # rehomed, a barge timetable, a water cut, a market's produce, football chat, a Bhangra night;
    # parcels held for pay, a flat taken over (cuckooing)
    ("Message des profs : une intervention sur les réseaux aura lieu mardi, des offres de « chouf » à 100€/jour "
     "seront expliqués aux élèves.", "other"),
    ("Recherche nourrice agréée sur Trignac pour bébé de 8 mois, 3 jours/semaine, contactez-moi en MP", "other"),
    ("🐕 Free to good home: 3 yr old collie, house trained, all shots. Moving abroad, DM me", "other"),
    ("⛴️ Horaires barge dimanche : Mamoudzou ➡️ Dzaoudzi toutes les 30 min, piéton 0,75€ / voiture 15€", "other"),
    ("📢 Coupure d'eau demain 14h ➡️ 8h, secteurs Koungou et Majicavo, remplissez vos bidons 🪣", "other"),
    ("🍌 banane 2€ / 🍈 fruit à pain 2€ / 🌿 mataba 2€, panier livré samedi 🛵", "other"),
    ("what a strike that was, pure gas ⛽ wolves flying tonight 🐺", "other"),
    ("Diwali Bhangra night 🪔 doors 7pm, £12 advance, group bookings 10 for £100", "other"),
    ("Part-time gig 🔥 hold packages at your place a few days a week, $500 weekly, nothing to sign, must be "
     "discreet", "recruitment"),
    ("anyone got a flat we can use for a few weeks? £300 and we'll sort your gas, keep it quiet", "recruitment"),
])
def test_verdicts_of_heldout_lj_to_lo(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "cue"), [
    ("Livraison Champagne-Ardenne 🍾", False),   # a word of a hyphenated name
    ("Champagne et vins fins 🍾", True),
])
def test_a_word_of_a_hyphenated_name_is_no_cue(text: str, cue: bool) -> None:
    rules = [f.rule for f in analyze_text(text).findings if f.kind == "cue"]
    assert any(r.endswith(":champagne") for r in rules) is cue


@pytest.mark.parametrize(("text", "category"), [
    # round 54: friends picking each other up, tielles, a cycling club's ride, match-day chat, a parent's
    # alarm, court news, a parent's PSA, parcel firms and youth job services hiring, a Halloween party;
    # sellers wanted for a festival
    ("jsuis en bas 🚗 dépêche on va rater le début du film", "other"),
    ("outside 🚗 hurry up the movie starts at 8", "other"),
    ("🐙 Tielles sétoises la grande 12€, la petite 3€, livraison Sète 7j/7, snap 👻 traiteur.etang", "other"),
    ("🚴 Sortie club dimanche départ 8h, ravito offert 🍫🍌 licence obligatoire", "other"),
    ("tailgate was lit 🏈🔥 we won!! hmu if you're still out", "other"),
    ("ils vendent des ballons de proto à la sortie des boîtes maintenant à Flers, 5 balles le ballon, les gosses "
     "se flinguent le cerveau", "other"),
    ("Aberdeen man, 20, admits running a dial-a-deal line, selling £10 bags. Sheriff hears he was paid £80 a day",
     "other"),
    ("PSA: my 13 yo got offered £200 a week dropping parcels. drug gangs recruiting kids, check your children",
     "other"),
    ("📦 Recrutement livreurs colis auto-entrepreneurs, 120€/jour, casier judiciaire vierge exigé, envoyez votre CV",
     "other"),
    ("Tu as entre 16 et 25 ans ? La Mission Locale t'accompagne : garantie jeunes, formations, jobs", "other"),
    ("halloween at ours 🎃 🍄 mushroom soup, 💨 smoke machine, bring your own drinks", "other"),
    ("je cherche 2 personnes pour le festival 🎶 100€/jour, tu vends pour moi sur le camping, snap", "recruitment"),
])
def test_verdicts_of_heldout_lp_to_lu(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 55: hot-chicken delivery, race and theme-park tickets, a balloon fiesta, a mall's hours and sales,
    # a ferry timetable
    ("💨 Nashville hot tenders delivering in Louisville 🌶️ combo $12, family pack $38, open til 3am", "other"),
    ("Week-end à Magny-Cours 🏁 billets 30€ la journée, parking 10€, prochaine course en mai 🔥", "other"),
    ("🎢 Revends 2 billets Futuroscope date libre, 35€ le billet, remise en main propre 📞 06 12 34 56 78", "other"),
    ("🎈 Mass Ascension at 7am! General admission $15, park & ride $20, gates open 4:30am", "other"),
    ("🎄 Votre centre commercial est ouvert 10h ➡️ 21h, parking gratuit 3h, faites le plein de cadeaux 🎁", "other"),
    ("⛴️ Horaires ferries août : Nice ➡️ Bastia départ 8h, passager + voiture à partir de 99€ 🚗", "other"),
    # ...but a seller's own resale pitch to recruits stays recruitment
    ("Cherche revendeurs pour la soirée 🎧 tu prends 20 taz à 5€ tu les revends 10€, snap", "recruitment"),
])
def test_verdicts_of_heldout_lv_to_ma(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 56: couriers' texts on arrival (where they wait, the cash to bring) are sales; friends owed money,
    # a club's dues and a coach's kit list are not
    ("jsuis en bas de la tour B, scooter gris 🛵 descends avec les 40 stp je tourne pas", "sale"),
    ("here now, white polo outside the Co-op 🚗 bring £20 exact mate", "sale"),
    ("I'm in the Kroger lot on Main, black Altima. bring exact $90", "sale"),
    ("je suis devant le tabac, ramène les 15 balles que je t'ai avancées pour le ciné 😤", "other"),
    ("u about? yeah at the pier, bring £10 for chips and we'll get rock for your mum 😂", "other"),
    ("Training Thursday 6pm at the rec, bring boots & shin pads, £5 subs on the day", "other"),
    # buyers vouching for a dealer's drop time are sales; a joke about a fast food rider is not
    ("⭐⭐⭐⭐⭐ avis client : livré en 25 min à Ifs, la verte de @caen.frais est folle je recommande", "sale"),
    ("shoutout the plug on tele, dropped off in 20 mins to Hockley, proper sticky 10/10", "sale"),
    ("moi quand le livreur Uber Eats arrive en 10 min à Caen 🛵💨 meilleur plug du 14 😂", "other"),
    # a menu's conditions with no job offered are a sale, whatever "livreur" and "pas de questions" say
    ("💎 commande minimum 60€ 💎\nque du liquide, pas de questions au téléphone, pas de photos du livreur\n"
     "Vesoul / Noidans / 06 39 98 11 22", "sale"),
    # an hourly wage to the cent is a legal employer's; train and bus timetables, braids, bait, ski passes,
    # a dispensary's licence and tax, carnival punch
    ("On recrute pour la saison des huîtres à Marennes : trieurs, emballage des colis, 11,88€/h, bottes fournies",
     "other"),
    ("Hiring warehouse pickers in Dundee, $17.50/hr, weekly pay, forklift ticket a plus", "other"),
    ("TER Arles ➡️ Avignon : départs 6h10, 7h02, 8h30… dernier train 22h45, horaires modifiés, voir SNCF Connect",
     "other"),
    ("💇🏾‍♀️ Tresses par Mariam 💇🏾‍♀️ knotless mi-dos 110€ / box braids 85€ / je me déplace à domicile, "
     "acompte 20€", "other"),
    ("🎣 Arrivage appâts : vers de vase 10€ la boîte, leurres 3 pour 20€, moulinet ➡️ 79€ au lieu de 99€", "other"),
    ("Selling 2 Epic Pass vouchers, can't ski this year 😭 $400 each, meet in Golden", "other"),
    ("🌲 MENU 🌲 licensed adult-use\nBlue Dream 8th $25 | oz $120\nAll prices include tax. "
     "(Michigan license AU-R-000123)", "other"),
    ("🥥 PUNCH COCO maison pour le carnaval 🎭 1L = 15€ | 3L = 40€, livraison Fort-de-France", "other"),
])
def test_verdicts_of_heldout_mb_to_mg(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 57: more couriers' texts (the exact sum asked, "have ur 2"); mules wanted with flights paid
    ("jsuis garé devant le Lidl, clio grise 🚗 viens avec l'appoint en espèces stp, 40€", "sale"),
    ("Outside now, red Fiesta across from the Centra. Have ur 3, €90. Cash pls", "sale"),
    ("Envie de partir en métropole ? billet payé Pointe-à-Pitre → Paris + 3000€ au retour, discrétion", "recruitment"),
    # a gardener priced by the hour, a club recruiting children, night buses, pool services, a private driver,
    # kratom bars, a court report with a runner's pay, an Irish mam's chat
    ("🌿 Débroussaillage et taille de haies à partir de 25€ de l'heure, secteur Céret, CESU accepté, devis gratuit",
     "other"),
    ("Hedge trimming & green waste removed, 24/7 call-out after storms. Free quotes: 07700 900 111", "other"),
    ("🚋 Réveillon : ligne de nuit en service toute la nuit, bus relais toutes les 20 min jusqu'à 6h", "other"),
    ("💧 Pool service Mesa: weekly cleaning $110/mo, chlorine tabs bucket $85, shock 4 bags for $20", "other"),
    ("🚘 Private driver / black car service 24/7, airport ➡️ resorts $80 flat, book on WhatsApp", "other"),
    ("🍃 kratom bar 🍃 green maeng da 250g $45, kava on tap, 21+ with ID, lawful in Texas", "other"),
    ("Teen who ran drugs for a Cork gang given suspended sentence; judge says he was promised €100 a day",
     "other"),
    ("Mam: did u get the yoke for the telly?\nMe: ya, 20 quid in Argos\nMam: grand, bring it Sunday", "other"),
])
def test_verdicts_of_heldout_mh_to_mm(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 58: a chat whose speakers are named in brackets ("[vendeur]" is who speaks, no seller wanted);
    # a courier with the order ready ("got yer 2"); county lines ("going country"); THC treats shipped
    ("[client] wsh t'es dispo? jsuis à la gare\n[vendeur] ouais frr ta besoin de koi\n[client] 2 de blanc\n"
     "[vendeur] 140 stp jsuis la ds 20min", "sale"),
    ("outside mate, silver astra by the Greggs. got yer 2 🚗", "sale"),
    ("going country 🚂 week stints Leeds to Scarborough, £1k + food + room, snap county.yk", "recruitment"),
    ("🧁 THC treats 🧁 500mg gummies $25, brownies $15, Zelle first then we ship 📦", "sale"),
    # a family's chat in brackets with a time of day, a bus timetable, a parade's route and times, candles,
    # painted coconuts, border wait times, a shooting reported, tourist trips
    ("[Mum] what time's the train love?\n[Kirsty] 18:42, in Waverley for 19:20 ❄️ snowing here\n"
     "[Mum] dad'll pick you up", "other"),
    ("🚌 Horaires ligne 7 : Gare ➡️ Centre / 6h10 | 6h40 | 7h05 | 7h30 puis toutes les 10 min", "other"),
    ("🎉 PARADE SUNDAY 🎉 route & times\n12:00 ➡️ start at the park\n1:30 ➡️ stop @ the bar\n3:00 ➡️ disband",
     "other"),
    ("🕯️ BLACK FRIDAY 🕯️ candles 3 for £20, wax melts £2 each, free delivery over £25 📦", "other"),
    ("🥥 hand-painted coconuts 🥥 glitter & names, $40 each or 3 for $100, ships in the US", "other"),
    ("📰 Un adolescent de 16 ans, guetteur payé 50€ par jour, blessé par balle. Les réseaux recrutent sur Snapchat.",
     "other"),
    ("🏹 Castle tours, tickets £12 adults, 3 for £30 family deal! Forest trips daily", "other"),
])
def test_verdicts_of_heldout_mn_to_ms(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 59: couriers on the way ("2 mins away ... £30 ready", "be outside in 5, exact cash, $55"), a review
    # timing the drop ("venu en 15 min")
    ("2 mins away m8, 2 white like u said. £40 ready pls", "sale"),
    ("runner on the way 🏃 be outside in 5, exact cash, $60 for the q. red civic", "sale"),
    ("le livreur de la centrale 🔝 venu en 15 min à Ruelle un samedi soir, produit propre. 10/10 je recommande",
     "sale"),
    # a childminder's hourly rate, a driving school, farm labour, ketamine therapy, a balloon festival, a
    # chemistry class chat, glamping, stadium tickets, a fuel run
    ("Nourrice agréée à Saumur 👶 1 place dispo en septembre, 4€/h, repas fournis", "other"),
    ("🚗 Driving school: teen permit course, road test prep $60 an hour, pickups in Midtown", "other"),
    ("Hiring 15 farmworkers for the grape harvest, piece rate + hourly, transportation provided", "other"),
    ("Has anyone tried ketamine infusions for depression? insurance covered part of mine", "other"),
    ("🎈 hot air balloon rides $250 per person this weekend at the balloon festival 🎈", "other"),
    ("[Inès] t'as les résultats du TP de chimie ? les cristaux blancs ❄️\n[Tom] 2g de sulfate de cuivre, je "
     "t'envoie\n[Inès] t'es un plug 🔌", "other"),
    ("⛺ glamping at the festival: bell tent for 2 £395, charging point 🔌, early bird 10% off", "other"),
    ("🎫 2 tickets Red Bull Arena Saturday, $60 each or 2 for $100 🔥", "other"),
])
def test_verdicts_of_heldout_mt_to_my(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 60: a courier with the sum agreed ("$120 like we said", "= £40"); a trade's role opening the
    # lines of a one-sided chat is who speaks ("Runner:"), no job offered
    ("ur order is here 📦 im in the black jeep at the back of the lot. $90 like we said", "sale"),
    ("[23:10] north xpress: outside now, red fiesta by the kebab shop\n[23:10] north xpress: 2 white = £40\n"
     "[23:11] buyer: coming", "sale"),
    ("Runner: outside the Kroger on 5th, white civic\nRunner: 2 bags like u said, $40\nBuyer: omw", "sale"),
    # free drug checking, a report on how networks recruit
    ("🧪 Tu as acheté un produit ? Fais-le analyser gratuitement et anonymement. Les 💊 « Punisher » sont très "
     "dosées ⚠️", "other"),
    ("« 1000€/semaine » : comment les réseaux recrutent des collégiens sur Snapchat. Témoignage d'un ancien guetteur",
     "other"),
])
def test_verdicts_of_heldout_mz_to_ne(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 61: a courier who asks for the exact sum without naming it, or names the sum agreed ("£40 for the
    # two like we said", "60 comme convenu", "t'as les 50 ?"); a review that praises the drop without timing it
    ("jsuis en bas du bâtiment D, scooter gris. prends l'appoint stp j'ai pas de monnaie", "sale"),
    ("outside in the grey astra, hazards on. £40 for the two like we said", "sale"),
    ("livreur: jsuis devant le tabac, clio blanche. t'as les 50 ? 2 pochons comme convenu", "sale"),
    ("review from a regular 🙏 'quick drop to the campus, gas was loud, plug legit' — love u all", "sale"),
    # ... not a friend waiting, a teenager's age, nor money owed for a costume
    ("Léa: jsuis en bas 🎃 t'as les bonbons ?\nInès: oui, t'as les 10€ pour le costume ?", "other"),
    ("t'as 15 ans et tu veux 50€ par jour ? tu restes devant le hall et tu cries si les bleus arrivent",
     "recruitment"),
    # a wholesaler looking for buyers sells; crack priced by the piece after its name and emoji
    ("Cherche des clients sérieux pour plaquettes 🍫 secteur Var, 2500 le kilo, moitié d'avance", "sale"),
    ("galettes 🪨 15 | 40 les 3 | 90 les 7\nen bas du quartier, sors j'suis là", "sale"),
    # pick-your-own farms, jewellers, a cheese maker, a library's pick-up, snowfall, a market's specials
    ("🌻 U-pick sunflowers open! $5 a bundle, 3 for $12, farm open Fri-Sun", "other"),
    ("💎 turquoise rings, sterling silver, handmade by local artists, $90 each / 2 for $160, we ship 📦", "other"),
    ("🧀 brocciu frais du jour 14€ le kg, 3 faisselles pour 20, passez avant midi", "other"),
    ("📚 médiathèque : retrait de vos réservations en drive 🚗 mar-sam 10h-18h", "other"),
    ("❄️❄️ grosse frappe de neige sur le col cette nuit, 20 cm tombés, chaînes obligatoires", "other"),
    ("🧀 market specials: cashel blue €5 a wedge, fresh herbs €2 a bag 🌿 3 for €5", "other"),
])
def test_verdicts_of_heldout_nf_to_nk(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 62: couriers ("ramène l'appoint", "bring exact", "here mate, at the back of the ...") and reviews
    # that time a drop with "met me" or star it with 🌟
    ("jsuis en bas du bât A, clio noire, ramène l'appoint stp", "sale"),
    ("outside now, grey polo by the chippy, bring exact", "sale"),
    ("Courier: here mate, at the back of the takeaway on Ash Rd, got ur 2 + the 8th", "sale"),
    ("review 🌟🌟🌟🌟🌟 tabs legit, dude met me at the beach lot in 15 min 🙏", "sale"),
    # ... not a parent at a school gate
    ("outside the school now, bring exact change for the bake sale 🍪", "other"),
    # craft courses, recipes, metro timetables, warehouse hiring, clothes wholesalers, homework chats, pearl
    # farms, customs notices, fishmongers
    ("🧶 stage tapisserie 3 jours ➡️ 280€, matériel fourni, acompte 30% / DM pour s'inscrire", "other"),
    ("🥧 500g de pâte feuilletée, 1kg de pommes, 40 min au four. Un régal !", "other"),
    ("🚇 trains every 12 mins tonight, last train 23:40, replacement buses after", "other"),
    ("📦 now hiring warehouse associates, $19.25/hr, sign-on bonus, apply at amazon.jobs", "other"),
    ("la BLANCHE 🤍 est arrivée : ensembles brodés en lot de 6, dispo en gros, livraison 24h 🚚", "other"),
    ("Inès: t'as fait l'exo de maths ?\nLéo: la blanche ou la verte ?\nInès: la feuille verte 😭", "other"),
    ("💎 perles noires de culture, 5 000F la pièce, lot de 10 = 40 000F, envoi Colissimo", "other"),
    ("Rappel des douanes : l'importation de médicaments (Lyrica, codéine) sans ordonnance est interdite", "other"),
    ("🐟 pêche du jour : thon jaune 1 800F le kilo, livraison Nouméa avant midi", "other"),
])
def test_verdicts_of_heldout_nl_to_nq(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 63: a courier with the order ready ("j'ai tes 2 ...", "have it exact"), a review timing a drop
    # "under 30 min", a scam pharmacy, a network's offer to teenagers
    ("- need 2 of the usual\n- ye 2 for 110, where u at\n- outside the chippy\n- 10 mins, have it exact", "sale"),
    ("jsuis en bas du bât B, golf noire, descends stp j'ai tes 2 pochons", "sale"),
    ("review: got an 8th off the guy on wickr, showed up at my hotel under 25 min. legit", "sale"),
    ("💊 PHARMACIE DISCRÈTE nouveau canal, envoi Colissimo partout, paiement PCS uniquement", "sale"),
    ("t'es au lycée et t'en as marre de demander de la thune à ta daronne ? viens bosser avec nous sur Hyères, mp",
     "recruitment"),
    # a parcel courier at the door, airport shuttles, a Louisville dish, a feed store, a grandmother's baking,
    # a warehouse asking for a CV, orange-blossom biscuits
    ("Bonjour, c'est Amazon Flex, je suis devant le 4 rue Pasteur, sinon je dépose en point relais", "other"),
    ("🚌 navette aéroport : aller simple 16€, billets en ligne, départ 3h avant chaque vol", "other"),
    ("🦃 hot brown special $22, derby pie $8 🍫 delivery downtown", "other"),
    ("🐴 sweet feed $18 a bag, 5 bags $80, alfalfa cubes $22, delivery in the county", "other"),
    ("Nan: left a bag of flour and icing sugar ❄️ for the welshcakes by the door xx", "other"),
    ("📦 préparateurs de commandes H/F, 11€/h, envoyer CV par mail", "other"),
    ("⛵ navettes à la fleur d'oranger 12€ le kilo, livraison dans le 13e", "other"),
])
def test_verdicts_of_heldout_nr_to_nw(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 64: a review of a courier "outside in 20 mins"; train disruptions, recipes, crochet, a rocket
    # launch, balloon flights, apprenticeships, river transport
    ("shoutout the greens lads 🙌 ordered at 1am, he was outside in 15 mins, proper sticky. 10/10", "sale"),
    ("🚆 trains supprimés ce matin (mouvement social), car de substitution toutes les 30 min", "other"),
    ("Pain maison : 500g de farine, 10g de levure, pétrir 10 min, cuisson 30 min à 200°", "other"),
    ("🧶 crochet 🍄 and 🍁 keychains, $5 each or 3 for $12, ship anywhere", "other"),
    ("🚀 lancement ce soir 21h10, fenêtre de tir de 30 min, la fusée est prête 🔥", "other"),
    ("🎈 vol en montgolfière 189€/pers, bon cadeau -10% jusqu'à dimanche", "other"),
    ("👟 apprenticeships at our factory, 16+ school leavers welcome, paid training, apply by May", "other"),
])
def test_verdicts_of_heldout_nx_to_oc(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 65: couriers ("here at the gate ... have it ready €120", "bring the €150 in cash"), a review
    # timing a drop before "during ..." (not "du"), networks' job offers
    ("courier: here at the gate, black yaris. have it ready €90 thanks", "sale"),
    ("outside the spar, silver golf 🚗 bring the €120 in cash", "sale"),
    ("shoutout the plug 🙏 pulled up to my dorm in 20 min during a snowstorm, 8th was 🔥", "sale"),
    ("📦 sellers wanted, commission 30% on everything you move, session id in bio", "recruitment"),
    ("qui veut bosser pour moi cet été ? tu vends à la plage, tu gardes 30%", "recruitment"),
    # a health service's warning, a holiday market, a moving sale, palace tickets, seafood platters
    ("Pills bought online may contain fentanyl 💊⚠️ free confidential counseling, 24/7 line", "other"),
    ("🎄 holiday market: hot cocoa $4, peppermint bark 🍫 $8/bag, 3 bags for $20", "other"),
    ("moving sale 📦 everything must go! couch $100, bike $60, cash or venmo", "other"),
    ("🎟️ billets château de Versailles 30€, 2 pour 55€, livraison du billet par mail", "other"),
    ("🦞 plateaux de fruits de mer : 2 pers ➡️ 60€, 4 pers ➡️ 120€, livraison le 24", "other"),
])
def test_verdicts_of_heldout_od_to_og(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 66: a rebranded "coffee" whose old account was banned, a courier asking the cash be ready,
    # a review timing the courier, a driver chosen to escape checks, product moved on commission,
    # county lines' texts
    ("MARCQ COFFEE devient FLANDRE COFFEE ☕ même équipe, nouveau snap, l'ancien est mort, drive le soir",
     "sale"),
    ("☕ Cher Coffee sur télégram, le snap saute trop / t.me/chercoffee / commande mini 20e, cash, livraison Bourges",
     "sale"),
    ("le livreur arrive dans 5 min au parking du Lidl, merci de préparer 80€, répondre OK", "sale"),
    ("reçu en 20 min, livreur en 20 min chrono, frappe lourde je recommande @rodez.green", "sale"),
    ("recherche livreuse (moins contrôlée) avec permis sur Albi, 900/semaine, mp", "recruitment"),
    ("need 2 ppl to move product around campus 🍁 good commission, snap", "recruitment"),
    ("Bolton line open 🤍🤎 grab 2 get 1 free, ring 07700 900 116", "sale"),
    # a babysitter wanted, a snow or cyclone alert, fish by the kilo, a tech employer, teriyaki and
    # tailgate food, catnip, a history thread on coal miners
    ("Recherche baby-sitter le mercredi à Lens, 11€/h, 16 ans minimum, expérience appréciée", "other"),
    ("❄️ alerte neige Nord 59 : 3 à 8 cm attendus, soyez prudents", "other"),
    ("🌀 vigilance rouge cyclone, cellule de crise 24h/24, restez chez vous", "other"),
    ("🐟 hareng 5€ le kg, maquereau 7€ le kg, livraison gratuite dès 30€", "other"),
    ("We're hiring a senior engineer, $160k + equity, referral bonus $3k 💸 DM", "other"),
    ("🍱 teriyaki delivery till 2am, 2 plates for $20, min order $15", "other"),
    ("TAILGATE MENU 🏈 kielbasa $5, pierogies 3 for $5, 12-pack $16", "other"),
    ("mon chien devant l'herbe à chat 🍁 « 1g = 1 sieste » #catnip", "other"),
    ("1905 : les mineurs de charbon gagnaient 4 francs la journée, fil 🧵 sur l'histoire ouvrière", "other"),
])
def test_verdicts_of_heldout_oh_to_om(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 67: reviews that time the drop ("was at mine in 15 mins", "got my zip in 20 mins", "came to
    # my door ... in 20 min ... slapped"), a wine seller's accounts "tombés", errands paid per run, a
    # network's job for schoolboys, a loyalty card's "-10% pour toi" (a discount, no commission)
    ("best plug in town 🔌 5 stars, was at mine in 15 mins, bag was fat", "sale"),
    ("not me ordering off the snap guy again, £50 a g and it slapped, came to my door in 20 min", "sale"),
    ('review 🙏 "got my zip in 20 mins, $280 and fire as always" — we do Lowell 24/7 now', "sale"),
    ("comptes telegram tombés 😤 le caviste continue / sauvegarde sur signal: caviste.46 et potato: caviste46bis"
     " / Cahors et Figeac sur rdv", "sale"),
    ("easy $ for high school kids 💵 just hold a backpack and drop it off after class, $100 a run", "recruitment"),
    ("toi le collégien qui veut des sous pour ta PS5 🎮 viens taffer avec nous 2h par jour 💰", "recruitment"),
    ("🎁 carte fidélité : 10 commandes = 1 plaquette de Lyrica offerte, parrainage -10% pour toi et ton pote",
     "sale"),
    # seaside sweets, a court report on child lookouts, anglers, a weather bulletin, a warning about
    # counterfeit notes, a student's move-in sale, a diving school
    ("🍭 seaside rock 3 sticks for £5, candyfloss £3 a bag, open on the pier till 8pm", "other"),
    ("Albi : deux mineurs jugés pour avoir servi de guetteurs, ils étaient recrutés sur Snapchat pour 50 € la journée",
     "other"),
    ("jte dépose le matos de pêche ce soir, 2 cannes + les asticots, rdv au pont demain 6h", "other"),
    ("Bulletin météo ❄️ : neige attendue ce soir sur Gap, 2 à 5 cm, vigilance jaune jusqu'à demain", "other"),
    ("⚠️ counterfeit $20 bills are circulating downtown, check the security thread, call 555-0100", "other"),
    ("move-in weekend 📦 mini fridge $60, futon $80, can drop off on campus, cash or venmo", "other"),
    ("🤿 baptêmes de plongée 45€ les 30 min, 3 pour 120€, rdv base nautique", "other"),
])
def test_verdicts_of_heldout_on_to_os(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 68: a chat whose speakers are named in brackets, a courier among them; a buyer at the car
    # park with the sum said; a review timing the drop in bare minutes; the exact sum asked
    ("[Client] t'es dispo ? 20 de shit\n[Livreur] oui frérot 30 min\n[Livreur] gare de Vitré, parking du bas", "sale"),
    ("mate I'm at the Asda car park now, you said £60 for the q? bring it to the blue fiesta", "sale"),
    ('review for @gasman 👇 "was at my door on 3rd st in 15, scale was right" ⭐⭐⭐⭐⭐', "sale"),
    ("outside. black civic by the Kwik Trip. $40 exact, hurry", "sale"),
    # forest fire warnings, herbal teas, a farm drive, a siren test, a livestock auction
    ("🔥🌲 RISQUE INCENDIE 🌲🔥 accès aux massifs forestiers interdit, SDIS 33", "other"),
    ("🌿 verveine, camomille séchées 🍵 10€ les 100g, livraison offerte dès 30€", "other"),
    ("🥕 DRIVE FERMIER : commandez avant jeudi, retrait vendredi 17h-19h, commande mini 20€", "other"),
    ("🌪️ WARNING SIREN TEST first Wednesday 10 AM → if you hear it any other time go to your basement 📲",
     "other"),
    ("🐖 feeder pig auction Saturday, sale barn on Route 30, $90 a head, cash, call for consignments", "other"),
])
def test_verdicts_of_heldout_ot_to_ow(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 69: a courier asking for the sum in cash ("70 en liquide", "paie lui 80"), a review timing
    # the drop ("drop in 15 mins"); a shaved-ice stall
    ("Je suis devant le Carrefour de Gournay, voiture grise. 2 minutes max svp. 70 en liquide", "sale"),
    ("bsr, le livreur est en bas de ta résidence, paie lui 80 il a le 🍁", "sale"),
    ("10/10 service from @brownman 🤎 tiny bags but legit, two for £15. Foleshill drop in 15 mins", "sale"),
    ("🍧 ti sirop ❄️ 2€ le gobelet, 3 pour 5€, plage tous les après-midi", "other"),
])
def test_verdicts_of_heldout_ox_to_pa(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 70: menus dressed as a chippy's or a fish stall's, with a wink and prices by weight
    ("🐟 FISH BAR (not that kind 😉)\nsmall = g of 🌿 £10\nlarge = 8th £25\ndrops Belfast all weekend", "sale"),
    ("arrivage 🐟😏 poisson blanc (1g 70), poisson vert (10g 90), livré à domicile Royan", "sale"),
    # reviews praising the goods; an account gone ("ig gone") beside a festival's word; pay in crypto up front
    ("review 🙏 'met him at the mall, caps were potent, 10/10 will order again' 🍄", "sale"),
    ("ordered off notts_meds on tele, pregabs came quick, proper 300s not pressies, would use again 👍", "sale"),
    ("insta gone lads, find us on tele @green_lei or 👻 greenlei, diwali special coming soon 🪔", "sale"),
    ("4/20 PRESALE 🔥 30% off if you pay in BTC up front, shipping nationwide, DM signal cartz420", "sale"),
    # jobs told by a network's role, a commission to "u", a stint paid in full, cash for drops
    ("🐟 l'équipe de la poissonnerie s'agrandit : il manque 1 tartineur + 1 livreur, paie à la journée, "
     "07 81 22 33 44", "recruitment"),
    ("need someone to shift 💊 in the uni halls, 25% commission on everything u sell, snap: x.supply",
     "recruitment"),
    ("line needs runners in Limerick 📱 2 weeks at a time, room sorted, €1,000. whatsapp +353 85 123 4567",
     "recruitment"),
    ("£££ easy money for drops round Leeds, bike provided 🚲 over 18s only. dm snap ld.drops", "recruitment"),
    # look-alikes: a bakery, racing tips, ghost tours per adult, a pharmacy's hours, a newsagent's coupons,
    # ski rentals per day, a childminder ("nourrice"), a CBD grower stating the THC limit
    ("🍪 cookies double choco 2€ pièce, 5 pour 8€ ❄️ meringues 1€, retrait à la boutique", "other"),
    ("💊 pronostic du jour à l'hippodrome : le 4 en base, le 9 à la cote 15/1 🐴🔥", "other"),
    ("👻 ghost walks nightly 8pm, $25/adult, 2 for $45 📲 book on our snap 👻 ghostwalks", "other"),
    ("💊 Holiday hours: open till 10pm. Prescriptions incl. controlled meds (diazepam, codeine) need collecting "
     "with photo ID.", "other"),
    ("📰 Tabac-presse ouvert 7j/7 de 7h à 20h ✅ recharges PCS, Neosurf disponibles ✅ FDJ, colis relais", "other"),
    ("❄️ FRESH POW ❄️ rental packages $40/day, 4 days $150, we deliver to your condo in Vail 🚐", "other"),
    ("Cherche nounou (nourrice) pour 2 enfants à Lons, sorties d'école 16h30-19h, 11€/h, déclarée CESU", "other"),
    ("Récolte 2025 🌱 THC < 0,3% certifié par labo, fleur 'Lemon Haze' 7€/g, 10g 60€, livraison Ajaccio", "other"),
])
def test_verdicts_of_heldout_pb_to_pg(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 71: a job through an encrypted messenger, a network's role in a post the model read as a sale,
    # a commission told after its word, a review praising the goods ("la frappe elle tue"), a channel
    # closing
    ("Cherche livreur de nuit secteur Menton Roquebrune, voiture perso, 40€ la course, majeur / wickr mentonnight",
     "recruitment"),
    ("still need 2 trap sitters 🏚️ + someone to hold the pack at their crib, $$ weekly / same line 445.555.0100",
     "recruitment"),
    ("anyone at uni wanna shift some greens for me? 🍁 commission 20%, halls only", "recruitment"),
    ("le livreur de vitry il est trop rapide et la frappe elle tue 🔥 10/10 je recommande", "sale"),
    ("⚠️ canal bientôt fermé, rejoignez t.me/porcelaine_v3 / livraison Limoges + Isle 🚘 / boutique porcelaine",
     "sale"),
    # look-alikes: regatta results with boats' names, star-watching "guetteurs", a club night's dress code,
    # phone chargers, stadium concessions' jobs, a cheesesteak "whiz wit", a basketball "frappe"
    ("🏁 Résultats régate de Vannes 🏁 🥇 Snow Flake ❄️ 1h10 / 🥈 Green Leaf 🍁 1h14", "other"),
    ("🔭 On recherche des guetteurs… d'étoiles filantes ! Nuit des étoiles à Guéret, 22h-2h, même les mineurs "
     "accompagnés", "other"),
    ("🎈 soirée ballons au club samedi, dresscode blanc ❄️ entrée 10€", "other"),
    ("I'm the plug 🔌 for phone chargers lol, USB-C 3 for $10 at the market", "other"),
    ("🏈 Stadium concessions hiring! cashiers, runners, cooks / $18/hr + tips / 16+ with work permit", "other"),
    ("🥩 CHEESESTEAK SPECIAL / whiz wit $11 / 3 for $30 all weekend on DoorDash 🔥", "other"),
    ("quelle FRAPPE à 3 pts dans le dernier quart 🔥🏀 #basket", "other"),
])
def test_verdicts_of_heldout_ph_to_pm(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 72: couriers waiting by a chippy or a taco stand (a landmark, no food sold), "bring the 80 for
    # the quarter"; a review of a drop that "turned up in 15 mins"; reshippers paid per parcel; "30% de
    # commission"
    ("driver: outside now, red fiesta by the chippy on Abbeydale Rd. got ur half. £80 cash pls", "sale"),
    ("outside in the grey civic by the taco shop 🌮 bring the 60 for the half", "sale"),
    ("review 📝 'lad turned up in 15 mins to Hillsborough, bud was 🔥 10/10'", "sale"),
    ("MEDS DIRECT seeks reshippers 📦 receive & repost parcels from home, £40 per parcel", "recruitment"),
    ("CHEM 44 cherche revendeur soirées techno 🎧 / 25% de commission sur la 3 / signal chem44.rh", "recruitment"),
    # look-alikes: a heating engineer's gas, a fruit farm's crates, fuel and cigarettes over the border, a sale
    # on jumpers "comme neige", help to quit, a sound system, ice melt, beach shuttles
    ("🔥 Boiler service £65, gas safety cert £50 🔧 24/7 emergency call-outs, Gas Safe registered", "other"),
    ("🟡 MIRABELLES 🟡 cagette 5kg ➡️ 15€ / confiture 3 pour 12 🍯 / retrait à la ferme ou livraison dès 30€", "other"),
    ("Station à Schengen 🇱🇺 : cartouches de cigarettes 59€, gazole 1,42€/L, ouvert 24h/24 ⛽", "other"),
    ("🎉 SOLDES 🎉 les prix fondent comme neige ❄️❄️ 3 pour 50€ sur les pulls, livraison offerte dès 30€", "other"),
    ("Besoin d'aide pour arrêter le cannabis 🍁 ? Appelez le 39 89, gratuit et sans jugement", "other"),
    ("- t'as le matos pour samedi ? / - ouais la sono et 2 enceintes 🔊 / - top, on monte tout vers 18h", "other"),
    ("white stuff piled up to the roof? we move weight 💪 snow weight lol, ice melt $14 a bag, same day", "other"),
    ("🚌 Navettes plages gratuites tout l'été de 9h à 19h toutes les 30 min", "other"),
])
def test_verdicts_of_heldout_pn_to_ps(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 73: an offer tucked into a classified ("si tu veux autre chose 🍁"), a review timing a drop "was at
    # the station in 15 min", a courier asking for the change
    ("vélo à vendre 80€... et si tu veux autre chose 🍁🍫 demande en mp 😏", "sale"),
    ("review: 10/10 🙌 driver was at the station in 15 min, hash was proper 🍫 cash on arrival", "sale"),
    ("je suis en bas du bâtiment C 🚗 twingo grise, descends avec la monnaie", "sale"),
    # look-alikes: ferry notices open online 24/7, calissons by the gram, shave ice, plant cuttings, lobster
    # rolls, a family chat about a parcel paid in cash
    ("⛴️ Cherbourg ➡️ Portsmouth : départ 09h maintenu / retard 1h (météo) / réservations en ligne 24h/24", "other"),
    ("⛴️ Poole ➡️ Cherbourg 08:30 on time, Portsmouth ➡️ Caen delayed 30 min. Check in 24/7 online", "other"),
    ("🎄 Calissons pour les fêtes 🎄 250g ➡️ 12€ / 500g ➡️ 22€ / livraison Aix, commande par DM", "other"),
    ("❄️🌈 SHAVE ICE ❄️🌈 small $5, large $7, 3 for $12 for the keiki!", "other"),
    ("🌺 plumeria cuttings $5 each, 5 for $20, rooted $15, pickup only, also ti leaf 🌿", "other"),
    ("🦞 LOBSTER ROLLS delivered 🦞 classic $28 | 2 for $50, order on our site", "other"),
    ("- papy t'as reçu le colis ? / - oui le livreur est passé, merci ma chérie / - j'ai payé en liquide 👍", "other"),
])
def test_verdicts_of_heldout_pt_to_py(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 74: pay per watch ("80 le guet"), trap sellers wanted, a courier's "Montant : 250€ espèces"
    ("on paye 70 le guet, 140 la vente sur le four. dispo de 14h a 22h. mineurs acceptés", "recruitment"),
    ("hiring trap sellers east side 💯 weekly pay, bring ur own phone 📱", "recruitment"),
    ("Livreur arrivé devant le 8, rue Victor Hugo 🚗 voiture grise. Montant : 180€ espèces svp.", "sale"),
    # look-alikes: canoe hire by the half day, snow clearing 24h/24, farm machinery jobs, crystals and candles
    # named like drugs, theme-park tickets and passes, a newsagent's coupons and papers, drill lyrics quoted
    ("🛶 Descente de l'Ardèche en canoë / 25€ la demi-journée, 40€ la journée / réservation au 06 12 34 56 78",
     "other"),
    ("❄️ Plan neige : les services déneigent 24h/24, sel disponible aux ateliers municipaux", "other"),
    ("🌰 almond shaker operators & sweepers needed, 6 am start, $20/h, 18+ with license", "other"),
    ("💎 new crystals in! clear quartz $15, amethyst points $20, 3 for $50 ✨ open Wed-Sun", "other"),
    ("🎢 Billets Futuroscope à vendre, 2 adultes, valables jusqu'en août, 45€ le billet au lieu de 60", "other"),
    ("🎢 season passes 2026 / Gold pass $140 ➡️ now $110 flash sale this weekend only!", "other"),
    ("🕐 horaires d'hiver / lun-sam 7h-19h / recharges PCS, Neosurf dispo 💳 / jeux, presse, vapote", "other"),
    ("'trap phone ringing 24/7, white n brown for the fiends' — drill lyrics hitting different 🔥", "other"),
])
def test_verdicts_of_heldout_pz_to_qc(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 75: couriers on arrival ("5 min max sinon je repars", "60€ en cash", "here. red civic"), county
    # lines runners wanted
    ("jsuis au parking du carrefour, 206 grise. 5 min max sinon je repars, j'ai d'autres clients", "sale"),
    ("livreur en bas du bât B, scooter noir. 60€ en cash stp", "sale"),
    ("here. red civic by the cvs on 4th. $60 exact pls", "sale"),
    ("county runners needed, leeds to scarborough n back, £500 a week, we pay the train", "recruitment"),
    # look-alikes: sledding in the snow, a bus timetable, building supplies delivered, a friend's cash
    ("the snow on the hill ❄️❄️ is mad rn we're sledding, pull up 🛷", "other"),
    ("🚌 horaires : ligne 2 toutes les 15 min, dernier départ 23h10, service de nuit ven/sam", "other"),
    ("[Léo] t'as les 4 sacs de ciment ? / [Max] ouais 4 pour 30 chez Brico, je livre chez toi demain / "
     "[Léo] top je te fais un virement", "other"),
    ("t'es où ? — devant le Leclerc, on va chercher les pizzas 🍕 j'ai 20€ en cash", "other"),
])
def test_verdicts_of_heldout_qd_to_qi(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 76: a main account banned, a rebrand "changé de crèmerie", buyers' reviews (on time, "was gas",
    # "120ug legit"), a runner's "like u said, $600"
    ("⚠️ compte principal banni ⚠️ / ajoutez le backup 👻 lecellier.36 / même menu même livreurs", "sale"),
    ("on a changé de crèmerie 😎 LA FERME devient FERME EXPRESS / snap: ferme.express / livraison Lens centre",
     "sale"),
    ("avis honnête : livreur à l'heure, la beuh sent fort, 10g pour 90. je recommande ⭐⭐⭐⭐⭐", "sale"),
    ("review from a customer: 'driver was on time at the marina, $50 8th was gas, will order again'", "sale"),
    ("review: got 3 tabs off the plug, $15 each, 110ug legit, he met me at the mall. would buy again", "sale"),
    ("runner: outside in the blue camry / runner: 2 zips like u said, $560 / runner: hurry up", "sale"),
    # look-alikes: local news quoting a council, a plumber on call 24h/24, a childminder paid off the books
    ("Laughing gas ban: fewer canisters on the beach a year on, council says.", "other"),
    ("🔧 Plombier chauffagiste 24h/24 7j/7, déplacement 40€, fuite, débouchage 📞 06 11 22 33 44", "other"),
    ("Cherche baby-sitter pour 2 enfants, sortie d'école 16h30-19h, 11€/h non déclaré ou CESU", "other"),
    ("Mike: dunkin run who wants what / Sara: iced coffee / Mike: bet, $28 total, venmo me / Sara: omw outside",
     "other"),
])
def test_verdicts_of_heldout_qj_to_qo(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 77: a job for whom "personne se méfie", "on a sauté" and a backup, couriers "dans ta rue ... sors
    # avec l'espèce" and "come out w the $90"
    ("on cherche 2 livreurs pour la saison, logé + 200€/nuit, idéal si t'es saisonnier, personne se méfie",
     "recruitment"),
    ("on a sauté 🚫 ajoutez le backup 👉 neige.73.backup / num inchangé", "sale"),
    ("jsuis dans ta rue 🚗 sors avec l'espèce. c la 0.5 comme convenu", "sale"),
    ("outside on Main in a white charger, come out w the $90", "sale"),
    # look-alikes: guided outings per person, a garage's tyres, a cyclone alert, a health warning, delivery
    # platforms' couriers, snow spray for the window, a rugby win's "frappe"
    ("⛰️ Sortie guidée au lac, 1 jour 90€ par personne, matos fourni, RDV gare 7h, WhatsApp 06 12 34 56 78", "other"),
    ("Vidange à partir de 59€ 🔧 pneus 4 saisons ❄️ montés 60€ pièce, rdv par téléphone", "other"),
    ("🌀 ALERTE ROUGE cyclone : écoles fermées, faites vos réserves, urgences 112, pas de déplacements 24h/24",
     "other"),
    ("Xanax bought online is often fake. If you or someone you know needs help, call our addiction line 24/7",
     "other"),
    ("Livreurs indépendants recherchés 🛵 soyez votre propre patron, paiement chaque semaine, inscription sur l'app",
     "other"),
    ("Mam: did u get the snow spray ❄️ / Me: ya 2 for a fiver / Mam: dropping it round at 6", "other"),
    ("CO 31 - 10 🔥 les gars ont livré une frappe monumentale ce soir #Top14", "other"),
])
def test_verdicts_of_heldout_qp_to_qu(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 78: "c le livreur ... dans 5 min, prépare 70", "come out wi the £45", a review "proper sticky", a
    # rebrand with "same plug"
    ("Salut c le livreur 🛵 jsuis vers la pharmacie dans 5 min, prépare 60 en liquide stp", "sale"),
    ("Outside now mate 🚘 blue astra by the Spar, come out wi the £40", "sale"),
    ('5⭐ from a customer: "ordered an 8th at 10pm, driver there by 10.15, proper sticky 🔥" cheers 🙏', "sale"),
    ("rebrand 🔁 CAMPUS TREATS is now 'HIGH STREET BAKERY' 🧁 / same menu, same plug / freshers deal: first order "
     "20% off / Leeds only", "sale"),
    # look-alikes: a pub's pints, football scarves, a surf report, Christmas lights, a ferry, rum punch,
    # Halloween costumes, a drill verse quoted
    ("🍻 HAPPY HOUR 18h-20h / pinte 4€, shot 2€ / cocktail « Blue Ice » ❄️ 6€", "other"),
    ("bloke outside the ground shouting 'who wants gear' 😂 turns out it's scarves, £10 each", "other"),
    ("la houle monte ce soir, 1m50 à 18h, qui est chaud ? je ramène les planches, rdv parking", "other"),
    ("who got the plug for those white christmas lights 🔌🎄 ours keep blowing fuses", "other"),
    ("⛴️ Bastia ➡️ Marseille ce soir 20h / véhicule + 2 passagers dès 240€", "other"),
    ("🎆 soirée au port, 20€ l'entrée / 🍹 2 ti-punch achetés = 1 offert / ouvert toute la nuit", "other"),
    ("ma pote déguisée en champignon 🍄 et moi en pilule 💊 pour halloween mdrr", "other"),
    ('"white on the ground 🏔️ snow in December" — still the hardest drill verse ever 🔥', "other"),
])
def test_verdicts_of_heldout_qv_to_ra(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 79: goods "actually gas" in a review, a seller "dispo tt la journée" (no job's day)
    ("shoutout the greens 🙌 runtz actually gas, driver was 10 mins early. 10/10 would recommend", "sale"),
    ("📍 Allonnes / Le Mans sud / dispo tt la journée, prix en story / contact ⬇️ / 06 54 11 78 23", "sale"),
    # look-alikes: seedlings and grow lights, a harbour shuttle's timetable, a friend bringing pizzas, a
    # tobacconist's top-ups and parcel point
    ("🌱 pepper & tomato starts 3 for $10, grow lights $40, porch pickup", "other"),
    ("🚌 Horaires Bateau-bus / 6h30, 7h, puis toutes les 20 min jusqu'à 20h30 / 2€ le trajet, 10 voyages = 15€",
     "other"),
    ("Lucas: t'es où ? / Enzo: en bas du bat, j'arrive avec les pizzas 🍕 t'as les 20 balles ?", "other"),
    ("📣 Nouveau au tabac : recharges PCS, Transcash, Neosurf + retrait colis / ouvert 7h-20h", "other"),
])
def test_verdicts_of_heldout_rb_to_rg(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 80: reviews of goods weighed right ("bien pesée", "weighed a full 3.6"), a courier's "60 pile";
    # look-alikes: "cc" greeting a childminder, autocorrect's "beuh" for "beurre"
    ("le livreur il est réglé, arrivé à 21h20, la verte était bien sèche et bien pesée 10/10 je recommande",
     "sale"),
    ("shoutout the plug, ordered at 10 got to my place by 10:25, the 8th weighed a full 3.6 🔥", "sale"),
    ("Le livreur: c'est moi devant la boulangerie, capuche noire. 60 pile stp j'ai pas de monnaie", "sale"),
    ("cc ma belle, tu peux garder les petits mercredi ? je te paie 12€/h comme d'hab", "other"),
    ("- t'as récupéré la beuh pour le poulet ? / - le BEURRE 😂 correcteur de merde / - ah ouais 250g", "other"),
])
def test_verdicts_of_heldout_rh_to_rj(text: str, category: str) -> None:
    assert analyze_text(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # round 81: look-alikes: a bakery's coconut snowballs with a wink, a festival's talks and shuttles
    ("🍫❄️ coconut snowballs £1.50 each or 4 for £5! fresh out the oven, ask for the 'white stuff' 😉", "other"),
    ("📅 Festival International du film / billets conférences gratuits, navettes toutes les 20 min", "other"),
])
def test_verdicts_of_heldout_rk_to_rm(text: str, category: str) -> None:
    assert analyze_text(text).category == category
