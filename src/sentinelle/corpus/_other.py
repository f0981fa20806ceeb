# ruff: noqa: E501  (data tables: one entry per line)
"""Hard negatives (category other): they share the sellers' vocabulary but sell nothing illicit.

Templates use placeholders that record their own labels when filled:
{T} main town, {T2} neighbouring town (places); {D} department number, {DN} department name, {PC} postcode
(departments); {PH} fictional landline, {M} fictional mobile (phones); {SNAP} {IG} {TG} handles;
{Q} neighbourhood (never labelled); {N1} {N2} {N3} {N4} small numbers; {S} strain; {NAME} first name.
"""

from __future__ import annotations

import random

from . import _geo as geo
from ._lex import HERB_FR
from ._text import Post, ch, fr_landline, fr_mobile, phone_text, ri, uk_mobile, us_phone

KINDS = (
    "news",
    "cbd_legal",
    "harm_reduction",
    "food_delivery",
    "police",
    "chat",
    "lyrics",
    "pharmacy",
    "classified",
    "health",
    "humor",
    "other",
)
KIND_W = (12, 11, 8, 10, 7, 15, 4, 5, 9, 5, 7, 11)

_FR: dict[str, tuple[str, ...]] = {
    "news": (
        "💊 {T} : un pharmacien condamné pour avoir délivré du Lyrica et du Subutex sans ordonnance, revendus 5 € le cachet dans la rue.",
        "Faux billets : la gendarmerie du {DN} met en garde les commerçants, des coupures de 50 € circulent sur les marchés.",
        "« Uber shit » : la justice de {T} condamne une centrale de livraison qui promettait la « frappe » en 30 minutes. {N1} ans de prison pour le gérant.",
        "🔴 {T} : un réseau de vente de stupéfiants sur Snapchat démantelé. {N3} kg de résine et {N2}00 g de cocaïne saisis. La résine était vendue {N1} € le gramme, « livrée 7j/7 » dans tout le {D}.",
        "Trafic de drogue à {T} : {N1} personnes interpellées, la « centrale » prenait les commandes par WhatsApp et livrait jusqu'à {T2}.",
        "FAITS DIVERS | Un livreur de cannabis de 17 ans arrêté à {T} avec {N2}0 pochons et 1 200 €. Le réseau recrutait sur les réseaux sociaux. #{DN}",
        "Saisie record au port : {N3} tonnes de cocaïne. Au détail, la marchandise aurait rapporté plus de {N2}0 millions d'euros. ❄️",
        "📰 {DN} : le prix du gramme de cocaïne est passé sous les 60 € dans certains points de deal, selon l'OFDT. Le cannabis reste autour de 10 € le gramme.",
        "Procès du « drive » de {T} : les prévenus vendaient de l'herbe à {N1}0 € les 10 g et de la coke à 70 € le gramme. Jugement attendu le {N2} du mois prochain.",
        "Démantèlement d'un point de deal quartier {Q} à {T} : guetteurs payés {N2}0 € la journée, selon le parquet. {N1} mineurs parmi les interpellés.",
        "Protoxyde d'azote : la mairie de {T} interdit la vente de bonbonnes aux mineurs après plusieurs accidents 🎈⚠️",
        "[{PC}] Opération anti-stups ce matin à {T} : {N1} perquisitions, armes et {N2} kg d'herbe saisis.",
        "Les policiers de {T} ont interpellé un automobiliste en go-fast sur l'A{N2} : {N3}0 kg de résine dans le coffre.",
        "Un couple jugé à {T} pour avoir écoulé des faux billets de 50 € sur les marchés du {D}.",
    ),
    "cbd_legal": (
        "🍁 ARRIVAGE FLEURS CBD 🍁\n{S} CBD — {N1}€/g\n{S} CBD — {N2}€/g\nRésine CBD « Pollen » — {N1}€/g\nTHC < 0,3 % ✅ Vente interdite aux mineurs.\nBoutique ouverte du lundi au samedi 10h-19h à {T} 📍",
        "Happy hour CBD ce samedi 🌿 -20% sur toutes nos fleurs ! {S} CBD à {N1}€/g seulement. Produits légaux (THC < 0,3 %), analyses labo dispo. {T} centre.",
        "🌿 CBD SHOP {T} 🌿\nFleurs, résines, huiles 10% et 20%\nLivraison offerte dès 40€ 🚚\nSIRET 9{N4} 00012 — produits conformes à la réglementation",
        "Nouvelle variété en boutique : {S} (CBD 18%, THC < 0,3 %) 🍃 {N1},90€ le gramme, pack 10g = {N3}0€. Réservé aux +18. 📍 {T}",
        "Votre magasin de CBD à {T} ({D}) vous accueille 7j/7 de 11h à 20h 🌱 tisanes, fleurs, gummies CBD, huiles. Paiement CB accepté.",
        "🍫 Hash CBD « Jaune mousseux » légal, {N1}€/g 🍫 THC < 0,2%. Click & collect sur notre site, retrait en boutique {T}.",
        "CBD : pourquoi nos fleurs {S} ne sont pas du cannabis illégal ? Taux de THC contrôlé < 0,3 %, traçabilité, producteurs français 🇫🇷 #cbd #{t}",
        "🌿 -15% sur les huiles CBD ce week-end, boutique {T} ☎️ {PH}",
    ),
    "harm_reduction": (
        "🧪 ANALYSE DE PRODUITS gratuite & anonyme ce {DAY} de 17h à 20h à notre local de {T}. Un doute sur ta MD, ta ké ou ta coke ? On analyse, on ne juge pas 💬 Infos : {PH}",
        "⚠️ ALERTE PRODUIT — {T} ⚠️ Des comprimés d'ecstasy 💊 {COLOR}, logo « {LOGO} », très fortement dosés circulent. Fractionne, attends avant de reprendre, ne reste pas seul·e.",
        "Réduction des risques en festival 🎶 : stand {ASSO} avec roule-ta-paille, bouchons d'oreilles, éthylotests et infos sur le proto 🎈. On est à l'entrée du site !",
        "💉 Distribution de naloxone gratuite au CAARUD de {T}. Overdose d'opioïdes = appeler le 15. Formation de 20 min, sans rendez-vous.",
        "Cathinones (3MMC, 4MMC) : risques de dépendance rapide et de craving. Si tu consommes en chemsex, notre ligne d'écoute est ouverte : {PH} 🏳️‍🌈",
        "🎈 Le protoxyde d'azote n'est pas un gaz rigolo : troubles neurologiques, paralysies. Parlez-en à vos ados. Campagne {ASSO} {DN}.",
        "Tu as pris un carton ou des champis 🍄 et ça part mal ? Endroit calme, quelqu'un de confiance, et le 15 si besoin. #RdR #{t}",
        "Drug checking : {N2} échantillons analysés ce mois-ci à {T}. {N1} « MDMA » contenaient en réalité des cathinones. Faites analyser ! 🧪",
    ),
    "food_delivery": (
        "🍕🍔🍺 LIVRAISON DE NUIT 🌙 {T} & {T2}\nDu jeudi au dimanche, 22h ➜ 5h\nBurgers, pizzas, bières, softs, snacks 🍫🍟\nMinimum de commande : {N3}€\n📞 {PH}",
        "🍾 APÉRO EXPRESS {TU} 🍾 ouvert 24h/24 7j/7 🔥 bières, rosé, chips, glaces 🍦 mini {N2}€ de commande, livré en 30 min ⏱️ Lydia ou CB 📲 snap : {SNAP} 🔞 alcool réservé aux majeurs",
        "Tacos de nuit 🌮 livraison {T} jusqu'à 4h du mat, menu {N1},50€ ! cmd sur insta @{IG}",
        "🥐 Petit-déj livré chez toi ce dimanche sur {T} ! Croissants, pains au choc 🍫, jus frais. Commande avant samedi 20h. Paiement Lydia.",
        "🍰 Les brownies {NAME} 🍫 maison, 3€ la part, 10€ les 4 ! Livraison à vélo sur {T} le mercredi. Sans gluten dispo 🌿",
        "Épicerie de nuit 🌙 {T} {Q} : ouvert 7j/7 de 20h à 6h, livraison dès {N2}€, 📲 {M}",
        "Sushis à volonté 🍣 livrés sur {T}, {T2} — -20% avec le code NUIT 🌙 commande mini {N3}€",
        # the operational notices of legal businesses: the same words as a network's notices, the trade named
        "🍕 Pizza {NAME} : livreur en route sur {T}, soyez devant la porte dans 10 min svp 🙏",
        "Fermé ce soir pour inventaire 🔒 la boulangerie rouvre demain 6h30. Bonne soirée à tous !",
        "🍔 Nouveau ! On livre aussi {T2} à partir de ce soir, même numéro {PH}, commande mini {N3}€",
        "Le food truck sera à {T} {DAY} midi 🚚 paiement CB ou espèces, pensez à précommander",
        "Les 2 livreurs sont débordés ce soir 🍕 comptez 1h d'attente sur {T}, merci de votre patience",
        "Fermeture exceptionnelle du restaurant le {DAY}, on se repose aussi 😅 retour mercredi midi !",
        "Nouveau compte insta du kebab, l'ancien a été piraté 😡 suivez @{IG}, même numéro",
        "🥖 La tournée du pain passe maintenant aussi à {T2} le {DAY} matin, même horaire",
    ),
    "police": (
        "👮 PRÉVENTION — {DN}\nVous voyez passer des stories avec 🍁🍫❄️, des « menus » et des numéros de livraison à {T} ? Derrière ces comptes il y a des réseaux qui exploitent des mineurs. Signalez sur PHAROS.",
        "🚨 « {N2}0€ par jour juste pour surveiller une rue » : ce n'est pas un job étudiant, c'est du recrutement pour les points de deal. Parents, parlez-en avec vos ados. #{t} #prévention",
        "La Police nationale du {D} rappelle : acheter des stupéfiants, même livrés, c'est financer la violence. Amende forfaitaire de 200 €. 🚔",
        "Opération « place nette » à {T} ce matin : {N1} interpellations, {N2} kg de résine saisis. Merci aux habitants pour leurs signalements. 👮‍♀️",
        "⚠️ Arnaque : de faux comptes proposent de l'herbe « envoyée par la poste » contre des coupons PCS. Ne payez jamais en coupons ! Gendarmerie du {DN}",
        "Les émojis 🔌❄️🍁 dans les messages de vos enfants ? Notre guide pour les parents est dispo en mairie de {T}. 📘",
        "Brigade de prévention de la délinquance juvénile du {D} : intervention au collège de {T} sur le recrutement des mineurs par les trafiquants.",
    ),
    "chat": (
        "qui a du 🍁 sur {T} ?? dm moi svp 🙏",
        "vous connaissez un plan 🔌 fiable sur {T2} ? celui d'avant répond plus 😩",
        "cherche 🍫 ou 🍁 sur {T} ce soir, je me déplace, mp",
        "y a qlq1 qui livre à {T} ou pas ?? je paye bien 💶",
        "wsh la team vous êtes où ce soir ? on est au {Q} avec {NAME} 🍻",
        "jsuis en PLS depuis la soirée d'hier, plus jamais le mélange vodka-redbull 😵",
        "wsh t chaud ce soir ?? grosse frappe de soirée chez {NAME} 🔥🔥 ramène du coca et des chips stp jsuis a sec 😭",
        "qlq1 a un plan beuh sur {T} ?? 🙏 jsuis nouveau ici",
        "quelqu'un sait où acheter du CBD pas cher sur {T} ? le tabac en bas a fermé 😩",
        "la frappe de {PLAYER} hier soir 🚀⚽ lucarne direct, le gardien a rien vu",
        "mdr le prof de maths nous a donné {N1} exos pour demain, c'est une dinguerie 😭",
        "on se fait une soirée raclette samedi à {T} ? 🧀❄️ il neige en plus",
        "qui a un plug 🔌 pour des places {ARTIST} au Zénith de {T} ?? je paie cash",
        "besoin d'un dealer de bonne humeur ce lundi 😩☕",
        "trop bien la soirée d'hier, {NAME} on te kiffe 🥳🍾 par contre ma tête ce matin 💀",
        "quelqu'un vend un chargeur de trottinette sur {T} ?? le mien a lâché",
        "jsuis à {T2} ce weekend si qlq veut boire un verre 🍻",
        "vous connaissez un bon coiffeur sur {T} ? 💈 pas trop cher svp",
    ),
    "lyrics": (
        "🎶 « j'ai grandi entre le béton et la neige qui tombe pas du ciel » 🎶 nouveau son dispo partout 🔥",
        "« ils vendent la blanche au pied des tours, moi j'vends des rêves en studio » 🎤 #rap #{t}",
        "🎵 « la frappe est lourde, le cœur est lourd, maman prie pour que j'rentre » — clip dispo ce soir 🎬",
        "« dans ma tess y a que des choufs et des rêves brisés » 🎶 extrait du prochain projet",
        "🎧 « j'roule un pétard de nostalgie, fumée blanche sur le périph » — {NAME} ft. {ARTIST}",
        "« on charbonne la nuit pour pas finir comme eux » 🎤 freestyle dispo sur YouTube",
        # lyrics that quote a menu: prices, products and the city, framed as a song
        "🎤 « 50 le pochon, la kichta qui gonfle, les sirènes en bas de chez moi » 🎶 clip ce soir 23h",
        "couplet 2 👇\n« 🍫 la plaquette à 300 et le cœur en hiver, livraison sur {T} mais personne pour ma mère »\n#rapfr #{t}",
        "« j'ai fait des allers-retours, 4 grammes dans la chaussette » 🎶 {NAME} ft. {ARTIST} — extrait",
        "🎵 refrain : « snap dans la poche, le tel qui sonne, 24/7 le four il tourne » 🎵 sortie vendredi",
        "« guetteur à 13 ans, charbonneur à 15 » — le morceau le plus sombre de l'album de {ARTIST} 🖤",
    ),
    "pharmacy": (
        "💊 Pharmacie de garde ce dimanche à {T} : Pharmacie {NAME}, ouverte 24h/24. ☎️ {PH}",
        "Rappel : la prégabaline (Lyrica) est désormais délivrée sur ordonnance sécurisée. Votre pharmacien reste à votre écoute. 🏥",
        "La pharmacie du centre de {T} sera fermée lundi pour inventaire. Merci de votre compréhension 🙏",
        "🧴 Promo -20% sur les crèmes solaires en pharmacie à {T} jusqu'à samedi ☀️",
        "Vaccination grippe sans rendez-vous à la pharmacie {NAME} ({T}) du lundi au samedi 9h-19h 💉",
    ),
    "classified": (
        "🚕 Taxi {NAME} : dispo 24h/24 sur {T} et {T2}, gares et aéroport, {PH}",
        "Plombier dépannage 7j/7 sur {T} et environs, intervention en 1h, devis gratuit {M}",
        "Ramonage : je passe sur {T2} la semaine prochaine, il reste des créneaux, réservez au {M}",
        "Vends bonbonne de gaz butane 13kg vide, 20€, {T} 🔥",
        "Vends lot de pochons cadeaux en tissu 🎁 x50 pour 15€, idéal mariage",
        "Vends balance de cuisine précise au gramme, 10€, jamais servie ⚖️ {T}",
        "Vends billets concert {ARTIST} x2, 45€ pièce, envoi par mail ou main propre {T}",
        "Vends vélo de ville bon état {N3}0€ à récupérer sur {T} 🚲",
        "iPhone 11 64 Go, écran nickel, {N2}50€ ferme. Remise en main propre sur {T} 📱",
        "Vends canapé 3 places {N3}0€, à venir chercher {T2}. Pas d'envoi.",
        "À donner : cartons de déménagement 📦 sur {T}, dispo ce weekend",
        "Vends PS5 + 2 manettes {N2}00€, ⚠️ pas d'échange. Contact {M}",
        "Cherche colocataire sur {T} ({PC}), chambre 20m² {N2}50€ CC 🏠",
        "Vends scooter 50cc 2019, {N3} 000 km, 900€ à débattre, {T} 🛵",
        "Lot de 10 plants de tomates 🍅 5€ à récupérer sur {T}",
    ),
    "health": (
        "Addiction au cannabis : vous n'êtes pas seul·e. Consultations jeunes consommateurs gratuites et anonymes à {T}. ☎️ {PH}",
        "Le sevrage de la cocaïne, ça s'accompagne 🤝 CSAPA de {T} : accueil sans rendez-vous le mardi. {PH}",
        "Arrêter le tabac en janvier ? Votre médecin et Tabac Info Service vous accompagnent 🚭",
        "Insomnie : les benzodiazépines (Xanax, Rivotril) ne doivent pas être prises plus de quelques semaines. Parlez-en à votre médecin. 🩺",
        "Mois sans alcool 🍷❌ : on vous accompagne ! Atelier gratuit à la maison de santé de {T}.",
    ),
    "humor": (
        "ma mère a découvert les stories snap avec ❄️🍁 et elle croit que c'est la météo 😭",
        "« livraison 24/7, mini 20€, paiement Lydia » — le menu de ma coloc qui vend ses cookies 🍪😂",
        "dealer officiel de mauvaises blagues depuis 2009 🔌😂",
        "mon dealer de {FOOD} {E} ouvert 24/7, livraison à vélo, minimum 3 boîtes, paiement en {PAY} 😂",
        "ma grand-mère qui m'envoie ❄️🍁🍫 sur WhatsApp pour dire qu'il fait froid et qu'elle fait un gâteau 💀",
        "le plug 🔌 de la machine à café du bureau est HS, on est en PLS 😩☕",
        "moi à 3h du mat : « je vais juste regarder 1 épisode » 😂 la frappe de cette série",
        "mon chat qui me regarde comme si j'étais son dealer de croquettes 🐱🔌",
        "« dealer de bonheur » c'est écrit sur le camion de glaces en bas de chez moi 🍦😂 {T}",
    ),
    "other": (
        "❄️❄️❄️ {N2}5 cm de poudreuse fraîche cette nuit ! Ouverture des pistes à 9h, forfait journée {N3}6€ 🎿 On vous attend en {DN} ⛷️",
        "🍁 Arrivage de sirop d'érable du Québec 🍁 250 ml ➜ 9,90€ / 500 ml ➜ 16€. Retrait à la boutique de {T} 🥞",
        "🍄 Sortie cueillette de champignons dimanche en forêt près de {T} ! Cèpes, girolles 🍂 RDV 9h parking de la mairie.",
        "Recette du jour 🍫 : fondant au chocolat en 15 min, 200g de chocolat noir, 100g de beurre, 3 œufs. Miam !",
        "🌿 Atelier jardinage : plantez vos aromatiques (menthe, basilic) ce samedi aux jardins partagés de {T} 🌱",
        "Quelle frappe de balle 🔥⚽ le but de la semaine en Ligue 1 est pour {PLAYER} !",
        "🎆 Feu d'artifice du 14 juillet à {T} : tirs à 23h depuis les quais. Navettes gratuites 🚌",
        "Marché de Noël de {T} ❄️⛄ : vin chaud, crêpes, artisans locaux jusqu'au 24 décembre 🎄",
        "Concert ce soir 🎸 {ARTIST} en live à {T}, ouverture des portes 19h. Derniers billets en caisse !",
        "🐟 Arrivage poissonnerie : bar de ligne {N2}5€/kg, moules {N1}€/kg. Marché de {T} ce samedi.",
        # legitimate job ads: the same "cherche ... X€ la journée" as a dealer's, for legal work
        "Cherche baby-sitter sérieuse pour récupérer 2 enfants après l'école à {T}, 12€/h, lundi et jeudi.",
        "On cherche des livreurs à vélo pour notre pizzeria de {T} 🍕 {N2}€ la soirée + pourboires, étudiants bienvenus, CV en MP",
        "Boulangerie de {T} recrute apprenti(e) 16-18 ans 🥖 horaires 5h-12h, contrat d'apprentissage",
        "Besoin de bras pour les vendanges près de {T} 🍇 {N2}0€ la journée, logement possible, débutants acceptés",
        "je cherche quelqu'un pour m'aider à déménager samedi sur {T}, 50€ + pizza 😅 dm",
        "Agence d'intérim de {T} recrute agents de sécurité et manutentionnaires, {N2}€/h, permis B apprécié",
        "cherche du monde pour distribuer des flyers au centre de {T} samedi, 60€ la journée, payé en chèque emploi service",
        "Recherche étudiants pour garder des chiens le week-end à {T} 🐕 15€ la garde",
        "Pizzeria de {T} recrute livreur scooter, 16 ans minimum, {N1}0€ la soirée + pourboires",
        "Boulangerie recrute apprenti(e) dès 16 ans à {T}, 900€ par mois, CV en boutique",
        "Le supermarché de {T} cherche des jeunes de 16 ans et plus pour la mise en rayon le samedi, 11€ de l'heure",
        "Club de foot de {T} cherche arbitres dès 14 ans, 20€ le match ⚽",
        # news that describe a network's jobs and pay
        "Procès à {T} : le réseau payait ses guetteurs {N2}0 € la journée et une nourrice {N3}00 € par mois pour cacher la marchandise, a rappelé le parquet.",
        "{T} : un adolescent de {N1}5 ans, guetteur pour un point de deal, interpellé. Il touchait {N2}0 € par jour selon les enquêteurs.",
        "Le tribunal de {T} a condamné le gérant d'un four : vendeurs payés {N3}0 € par jour, choufs recrutés dès 13 ans sur Snapchat.",
    ),
}

_EN: dict[str, tuple[str, ...]] = {
    "news": (
        "Teenager stabbed in {T} over drug debt linked to county lines, police say. Three arrested.",
        "Cannabis factory with {N3}00 plants found in {T} loft, street value {CUR}{N2}00,000 🌿",
        "Nitrous oxide is now a Class C drug: {T} police remind festival-goers that possession can be prosecuted 🎈",
        "Police in {T} have shut down a Snapchat dealing network that advertised cannabis at {CUR}10 a gram and cocaine at {CUR}80 a gram with \u201c24/7 drop-offs\u201d. {N1} men charged.",
        "County lines gang jailed: teenagers from {T} were sent to sell crack and heroin in coastal towns, court hears.",
        "{N2} kg of cocaine seized in {T} raid, street value estimated at {CUR}{N3} million.",
        "DEA warns parents in {T} about emoji codes used to sell counterfeit pills 💊🔌",
    ),
    "harm_reduction": (
        "Drug checking at {T} this weekend 🧪 know what's in your bag. Free and confidential.",
        "Mixing ket and alcohol = bad time. Look after your mates tonight ❤️ #{t}",
        "⚠️ High strength pills circulating in {T} — orange, \u2018{LOGO}\u2019 logo. Start low, go slow, don't mix. Free testing at our stall this weekend 🧪",
        "Free naloxone kits at our {T} office, no questions asked 💉 Carry it, save a life.",
        "Ket bladder is real 🐴 if you're using regularly and it hurts to pee, see your GP. No judgement.",
    ),
    "food_delivery": (
        "🍗 Wings & shakes delivered till 3am, {T} only, {CUR}5 off with code NIGHT 🌙",
        "🍕 Late night pizza delivery {T} till 4am 🌙 min order {CUR}15, card or cash",
        "🍩 Donut drop this Saturday across {T}! Pre-order by Thursday 🍫",
        "🍕 Driver on his way to {T} with your pizzas, be outside in 10 mins please",
        "Chippy closed tonight 🔒 back tomorrow 5pm, sorry folks!",
        "Our old page got hacked 😡 this is the new bakery page, same number as always {PH}",
        "Takeaway busy tonight, 45 min wait on deliveries to {T}, thanks for your patience 🙏",
        "🍛 Now delivering to {T2} too! Curry house open till midnight, card or cash on the door",
    ),
    "police": (
        "We seized {N2} kg of cannabis and {CUR}{N3}0,000 in cash in {T} today. Report dealing anonymously.",
        "If you're worried a child is being exploited through county lines in {T}, call Crimestoppers anonymously. 🚔",
        "Parents: 🔌❄️🍁 emojis can be used to advertise drugs on social media. Talk to your kids. #{t}",
    ),
    "chat": (
        "anyone know where to get bud in {T}? just moved here lol 🙏",
        "my plug for trainers 👟 just got the new Jordans, {CUR}120 a pair, need a size 9",
        "this new album is pure gas 🔥🔥",
        "who's coming out in {T} saturday? pres at mine, bring your own drinks 🍻",
        "bro the frost this morning ❄️ scraped my car for 20 mins",
        "anyone got a plug 🔌 for {ARTIST} tickets saturday?? need 2, paying cash, can pick up anywhere in {T} 🙏",
        "oh shit I forgot my keys again 🤦‍♂️ anyone home?",
        "that strike from {PLAYER} 🚀 what a hit",
        "where do people even buy CBD in {T}? asking for my mum's back pain lol",
        "holy shit the snow is mental in {T} today ❄️❄️",
    ),
    "lyrics": (
        "🎶 \u201cwhite on the mirror, black in my soul\u201d 🎶 new single out friday",
        "\u201cjugging on the block till the sun come up\u201d 🎤 snippet, full track soon",
        "bag of white, bag of green, fifty for the eighth and the phone don't stop 📞 / new single out friday 🔥",
        "\u201cten pound bags on the corner, mum don't know what I'm on\u201d 🎶 {NAME} ft. {ARTIST}, video tonight",
        "verse 2: \u201cyoungers on the line, £100 a day, county to county\u201d 🎤 drill snippet #ukdrill",
        "\u201cserving zips at 250, delivery in {T}\u201d 🎵 the hook goes crazy, full song on all platforms",
        "\U0001f3b6 \u201cpills at a tenner, Molly by the gram, snow in July\u201d \U0001f3b6 lyric video out now",
    ),
    "pharmacy": ("Late night pharmacy in {T} open till midnight this week 💊",),
    "classified": (
        "🚕 {T} Taxis now covering {T2} too, same number {PH}, 24/7 airport runs",
        "Plumber available 24/7 across {T} & {T2}, no callout fee this weekend {PH}",
        "Mobile dog groomer 🐶 in {T} on {DAY}s now, a few slots left, text {PH}",
        "Free sofa, collection only {T} 🛋️",
        "Selling 2 tickets for {ARTIST}, face value, {T}",
        "Selling my bike {CUR}{N3}0, collection only {T} 🚲",
        "PS5 for sale {CUR}{N2}00 ono, {T} area, text {M}",
    ),
    "health": ("Struggling with cocaine use? Free confidential support in {T}. You're not alone 🤝",),
    "humor": (
        "me at 2am ordering a kebab like it's an emergency 🚑😂 my dealer (the kebab man) never sleeps",
        "plug in bio 🔌 (it's literally phone chargers, I sell chargers, calm down)",
        "my nan sending ❄️🍁🔌 emojis in the family chat thinking she's cute 💀",
        "my dealer of dad jokes is open 24/7 😂",
    ),
    "cbd_legal": (
        "🌿 New CBD flowers in store, {S} CBD {CUR}{N1} a gram, THC under 0.2%, 18+ only. {T} high street.",
    ),
    "other": (
        "Winter wonderland at the {T} Christmas market ❄️⛄ mulled wine {CUR}5 🍷",
        "Bake sale 🍫🧁 brownies {CUR}2 each at {T} community centre Saturday",
        "❄️ Snow day! Schools closed across {T} ⛄",
        "🍁 Maple pancakes all weekend at the café, {T} 🥞",
        "🍄 Foraging walk Sunday near {T}, bring a basket 🧺",
        "Looking for delivery riders for our takeaway in {T} 🍔 {CUR}12/hr plus tips, evenings and weekends",
        "Need a babysitter after school in {T}, 2 kids, {CUR}11 an hour, DM me",
        "Warehouse in {T} hiring pickers and packers, {CUR}{N2}0 a day, no experience needed, 16+ for weekend shifts",
        "Court hears {T} gang paid lookouts {CUR}{N2}0 a day and kept drugs at a teenager's flat for {CUR}{N3}00 a week",
        "anyone need help moving house in {T} this weekend? {CUR}60 and I bring the van 🚚",
        "Paper round available in {T}, 13+ welcome, {CUR}25 a week 📰",
        "Chip shop in {T} hiring counter staff, 16 and over, {CUR}9 an hour",
    ),
}

_NAMES = (
    "Inès",
    "Lucas",
    "Yanis",
    "Léa",
    "Mehdi",
    "Sarah",
    "Hugo",
    "Nina",
    "Karim",
    "Jade",
    "Théo",
    "Lina",
    "Rayan",
    "Chloé",
    "Enzo",
    "Manon",
    "Adam",
    "Camille",
    "Ilyes",
    "Zoé",
)
_PLAYERS = ("Mbappé", "Dembélé", "Griezmann", "Cherki", "Barcola", "Thuram", "Olise", "Saka", "Rashford")
_ARTISTS = (
    "Ninho",
    "Jul",
    "Aya Nakamura",
    "PNL",
    "SCH",
    "Tiakola",
    "Angèle",
    "Gazo",
    "Stormzy",
    "Dave",
    "Central Cee",
    "Orelsan",
)
_ASSOS = (
    "Techno+",
    "Spiritek",
    "Fêtez Clairs",
    "Keep Smiling",
    "AIDES",
    "Bus 31/32",
    "Le Tipi",
    "Sida Paroles",
)
_FOOD = (
    ("camembert", "🧀"),
    ("croissants", "🥐"),
    ("tacos", "🌮"),
    ("raclette", "🧀"),
    ("chocolatines", "🍫"),
    ("kouign-amann", "🥮"),
    ("saucisson", "🥓"),
)
_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi")


def _handle(rng: random.Random, kind: str, short: str) -> str:
    stem = {
        "news": ("actu", "infos", "journal", "direct"),
        "cbd_legal": ("cbd", "chanvre", "greenleaf"),
        "harm_reduction": ("rdr", "asso", "prevention"),
        "food_delivery": ("apero", "nuit", "snack", "tacos"),
        "police": ("police", "gendarmerie", "prev"),
        "pharmacy": ("pharma", "pharmacie"),
        "health": ("sante", "csapa", "addicto"),
    }.get(kind)
    if stem:
        return (
            f"{ch(rng, stem)}{ch(rng, '._')}{short}{ch(rng, ('', '', '.off', '_info', str(ri(rng, 1, 99))))}"
        )
    first = ch(rng, _NAMES).lower().translate(str.maketrans("éèëï", "eeei"))
    return f"{first}{ch(rng, '._')}{ch(rng, (short, str(ri(rng, 1, 99)), 'x', 'off'))}"


def other(rng: random.Random, post: Post, kind: str, lang: str) -> tuple[str, str, str]:
    """Writes one hard negative into post. Returns (platform, author, tz)."""
    if lang == "en":
        cl = ch(rng, geo.UK_CLUSTERS if rng.random() < 0.7 else geo.US_CLUSTERS)
        tmpl = ch(rng, _EN.get(kind) or _EN["chat"])
    else:
        cl = ch(rng, geo.FR_CLUSTERS)
        tmpl = ch(rng, _FR[kind])
    if lang == "fr" and kind in ("cbd_legal", "food_delivery") and rng.random() < 0.5:
        text = gen_menu(rng, post, kind, cl)
    else:
        text = fill(rng, post, tmpl, cl)
    post.t(text)
    if kind in ("chat", "health", "harm_reduction") and rng.random() < 0.06:
        plat = "forum"
    elif kind in ("news", "police", "health", "pharmacy"):
        plat = ch(rng, ("twitter", "facebook", "instagram"))
    elif kind in ("chat", "humor"):
        plat = ch(rng, ("twitter", "snapchat", "tiktok", "instagram", "whatsapp"))
    else:
        plat = ch(rng, ("instagram", "facebook", "snapchat", "tiktok", "twitter", "telegram"))
    author = _handle(rng, kind, cl.short)
    if plat in ("twitter", "telegram"):
        author = author.replace(".", "_")[:15]
    if any(h["handle"].lower() == author.lower() for h in post.handles):
        author = f"{author[:11]}_{ri(rng, 10, 99)}"
    return plat, author, cl.tz


_LAZY = (
    ("{Q}", lambda rng, cl: ch(rng, cl.quarters) if cl.quarters else "centre"),
    ("{N1}", lambda rng, cl: str(ri(rng, 2, 9))),
    ("{N2}", lambda rng, cl: str(ri(rng, 1, 9))),
    ("{N3}", lambda rng, cl: str(ri(rng, 1, 9))),
    ("{N4}", lambda rng, cl: str(ri(rng, 10000000, 99999999))),
    ("{S}", lambda rng, cl: ch(rng, HERB_FR[:34])),
    ("{NAME}", lambda rng, cl: ch(rng, _NAMES)),
    ("{PLAYER}", lambda rng, cl: ch(rng, _PLAYERS)),
    ("{ARTIST}", lambda rng, cl: ch(rng, _ARTISTS)),
    ("{ASSO}", lambda rng, cl: ch(rng, _ASSOS)),
    ("{PAY}", lambda rng, cl: ch(rng, ("cidre", "bisous", "tickets resto", "pièces jaunes"))),
    ("{DAY}", lambda rng, cl: ch(rng, _DAYS)),
    ("{COLOR}", lambda rng, cl: ch(rng, ("orange", "roses", "bleus", "verts", "jaunes"))),
    (
        "{LOGO}",
        lambda rng, cl: ch(rng, ("Tesla", "Punisher", "Rolex", "Domino", "Bugatti", "Heineken", "Kinder")),
    ),
)


def fill(rng: random.Random, post: Post, tmpl: str, cl: geo.Cluster) -> str:
    if "{" not in tmpl:
        return tmpl
    vals: dict[str, str] = {}
    if "{T}" in tmpl or "{TU}" in tmpl:
        t = cl.main
        post.place(t.canon)
        form = ch(rng, t.forms) if rng.random() < 0.3 else t.canon
        vals["T"], vals["TU"] = form, form.upper()
    if "{T2}" in tmpl:
        t2 = ch(rng, cl.neighbours) if cl.neighbours else cl.main
        post.place(t2.canon)
        vals["T2"] = ch(rng, t2.forms)
    if "{t}" in tmpl:
        vals["t"] = cl.main.canon.lower().replace(" ", "").replace("-", "").replace("'", "")
    if "{D}" in tmpl:
        if cl.dept:
            post.dept(cl.dept)
        vals["D"] = cl.dept or "secteur"
    if "{DN}" in tmpl:
        if cl.dept:
            post.dept(cl.dept)
        vals["DN"] = cl.dept_name or cl.main.canon
    if "{PC}" in tmpl:
        if cl.dept:
            post.dept(cl.dept)
        vals["PC"] = cl.postcode or cl.main.canon
    if "{PH}" in tmpl:
        e = (
            fr_landline(rng)
            if cl.country == "FR"
            else uk_mobile(700 + int(rng.random() * 300))
            if cl.country == "UK"
            else us_phone(cl.area or "555", 70 + int(rng.random() * 30))
        )
        post.phone(e)
        vals["PH"] = phone_text(rng, e)
    if "{M}" in tmpl:
        e = (
            fr_mobile(8000 + int(rng.random() * 2000))
            if cl.country == "FR"
            else uk_mobile(700 + int(rng.random() * 300))
            if cl.country == "UK"
            else us_phone(cl.area or "555", 70 + int(rng.random() * 30))
        )
        post.phone(e)
        vals["M"] = phone_text(rng, e)
    if "{SNAP}" in tmpl:
        h = f"{ch(rng, ('apero', 'nuit', 'drinks', 'bar'))}.{cl.short}.{ch(rng, ('cmd', 'livraison', 'express'))}"
        post.handle("snapchat", h)
        vals["SNAP"] = h
    if "{IG}" in tmpl:
        h = f"{ch(rng, ('tacos', 'snack', 'food'))}_{cl.short}{ri(rng, 1, 99)}"
        post.handle("instagram", h)
        vals["IG"] = h
    for key, fn in _LAZY:
        if key in tmpl:
            vals[key[1:-1]] = fn(rng, cl)
    if "{CUR}" in tmpl:
        vals["CUR"] = "$" if cl.country == "US" else "£"
    if "{FOOD}" in tmpl:
        vals["FOOD"], vals["E"] = ch(rng, _FOOD)
    return tmpl.format(**vals)


_CBD_ITEMS = (
    "Amnesia CBD",
    "Gelato CBD",
    "OG Kush CBD",
    "Lemon Haze CBD",
    "Critical CBD",
    "Strawberry CBD",
    "Orange Bud CBD",
    "Pollen CBD",
    "Hash CBD",
    "Charas CBD",
    "Résine CBD 20%",
    "Moonrock CBD",
)
_FOOD_ITEMS = (
    ("🍔", "burger", 8, 13),
    ("🍕", "pizza", 10, 15),
    ("🌮", "tacos", 7, 12),
    ("🍟", "frites", 3, 5),
    ("🍫", "brownie", 2, 4),
    ("🍪", "cookie", 2, 3),
    ("🥤", "soda 33cl", 2, 3),
    ("🍺", "pack 6 bières", 9, 15),
    ("🍾", "rosé 75cl", 10, 16),
    ("🥃", "whisky 70cl", 25, 40),
    ("🍷", "vin rouge", 9, 15),
    ("🧃", "jus 1L", 3, 5),
    ("🍦", "glace", 4, 7),
    ("🥐", "croissant", 1, 2),
    ("🚬", "feuilles + briquet", 3, 5),
)


def gen_menu(rng: random.Random, post: Post, kind: str, cl: geo.Cluster) -> str:
    """A priced menu that is legal (CBD shop, night food / alcohol delivery): prices are NOT labelled."""
    arrow = ch(rng, ("➜", "➡️", ":", "—", "....", "="))
    lines = []
    town = cl.main.canon if rng.random() < 0.7 else ch(rng, cl.main.forms)
    post.place(cl.main.canon)
    if kind == "cbd_legal":
        lines.append(
            ch(
                rng,
                (
                    f"🌿 MENU CBD {town.upper()} 🌿",
                    "🍃 Nos fleurs CBD du moment 🍃",
                    f"CBD SHOP {town} ✅",
                    "📋 carte CBD de la semaine",
                ),
            )
        )
        for name in rng.sample(_CBD_ITEMS, ri(rng, 2, 4)):
            q = ch(rng, (1, 3, 5, 10, 20))
            p = round(q * rng.uniform(4, 9) * (q**-0.1))
            lines.append(f"{ch(rng, ('🍁', '🌿', '🍫', '🍃', '•'))} {name} {q}g {arrow} {p}€")
        lines.append(
            ch(
                rng,
                (
                    "THC < 0,3 % ✅ produits légaux",
                    "taux de THC conforme (< 0,3 %)",
                    "100 % légal, THC < 0,3 %, analyses dispo",
                    "produits conformes à la loi française 🇫🇷",
                ),
            )
        )
        lines.append(
            ch(
                rng,
                (
                    "🚚 livraison offerte dès 50€",
                    "📦 envoi 24/48h partout en France",
                    "retrait en boutique 10h-19h",
                    "click & collect ou livraison",
                    "paiement CB, espèces, Lydia",
                ),
            )
        )
        lines.append(
            ch(rng, ("🔞 interdit aux mineurs", "réservé aux +18", "vente interdite aux moins de 18 ans"))
        )
        if rng.random() < 0.4:
            lines.append(f"SIRET {rng.randrange(100000000, 999999999)} {rng.randrange(10000, 99999)}")
    else:
        lines.append(
            ch(
                rng,
                (
                    f"🌙 LIVRAISON DE NUIT {town.upper()} 🌙",
                    f"🍾 APÉRO DRIVE {town} 🍾",
                    "🍔 snack de nuit 🍟",
                    f"🚗 on livre {town} jusqu'à 5h",
                    "🛵 petite faim ? on arrive",
                ),
            )
        )
        for emo, name, lo, hi in rng.sample(_FOOD_ITEMS, ri(rng, 3, 5)):
            lines.append(f"{emo} {name} {arrow} {ri(rng, lo, hi)}€")
        lines.append(
            ch(
                rng,
                (
                    f"mini {ch(rng, (15, 20, 25, 30))}€ de commande",
                    "commande minimum 20€",
                    "pas de commande en dessous de 15€",
                ),
            )
        )
        lines.append(ch(rng, ("Lydia, CB ou espèces 💳", "paiement Lydia / cash", "CB acceptée 💳")))
        lines.append(ch(rng, ("ouvert 7j/7 de 20h à 5h", "24h/24 le weekend 🔥", "jeudi → dimanche 21h-4h")))
        if "alcool" not in lines[0] and rng.random() < 0.6:
            lines.append("🔞 l'alcool est réservé aux majeurs, pièce d'identité demandée")
    if rng.random() < 0.5:
        e = fr_landline(rng) if rng.random() < 0.5 else fr_mobile(8000 + int(rng.random() * 2000))
        post.phone(e)
        lines.append(f"📞 {phone_text(rng, e)}")
    elif rng.random() < 0.5:
        h = f"{ch(rng, ('cbd', 'green', 'apero', 'nuit', 'snack'))}.{cl.short}.{ch(rng, ('shop', 'cmd', 'off', 'store'))}"
        post.handle("snapchat" if kind != "cbd_legal" else "instagram", h)
        lines.append(f"{'👻 snap' if kind != 'cbd_legal' else '📸 insta'} : {h}")
    return "\n".join(lines)
