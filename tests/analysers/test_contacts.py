"""Contacts analyser: handles and phones advertised in a post."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sentinelle.analysers.contacts import ContactAnalyser
from sentinelle.api import analyze_text
from sentinelle.core import Analysis, Post
from sentinelle.lexicon import load_sms
from sentinelle.normalize import normalise

AN = ContactAnalyser()
SMS = {lang: load_sms([lang]) for lang in ("fr", "en")}


def run(text: str, lang: str = "fr", author: str = "", platform: str = "") -> Analysis:
    a = Analysis(Post(id="t", text=text, author=author, platform=platform),
                 normalise(text, SMS[lang]), lang)
    AN.analyse(a)
    return a


def handles(a: Analysis) -> set[tuple[str, str]]:
    return {(h["platform"], h["handle"].lower()) for h in a.values("handles")}


# --- handles -----------------------------------------------------------------------------

HANDLE_CASES = [
    # (text, lang, post platform, expected {(platform, handle)})
    # a nationality after a platform is no handle
    ("il livrait via un numéro WhatsApp belge.", "fr", "", set()),
    ("ordered through an Irish WhatsApp number, then a british one", "en", "", set()),
    ("👻 Snap: brum.greens", "en", "", {("snapchat", "brum.greens")}),
    ("👻 commande par snap : la.ferme.rns", "fr", "", {("snapchat", "la.ferme.rns")}),
    ("📞 06 39 98 63 01 | 👻 volcan.drive63", "fr", "", {("snapchat", "volcan.drive63")}),
    ("Passe sur notre snap 👻 docks.du.havre pour le menu 🍁", "fr", "", {("snapchat", "docks.du.havre")}),
    ("snap ➡️ laferme.rns.v2", "fr", "", {("snapchat", "laferme.rns.v2")}),
    ("DM ou snap : missions.mtp", "fr", "", {("snapchat", "missions.mtp")}),
    ("add me on snap: Kush_King420", "en", "", {("snapchat", "kush_king420")}),
    ("sc: greenzone_ldn", "en", "", {("snapchat", "greenzone_ldn")}),
    ("Snapchat 👇\nfrappe.paris.nord", "fr", "", {("snapchat", "frappe.paris.nord")}),
    ("ajoute moi la.ferme.rns sur snap 🙏", "fr", "", {("snapchat", "la.ferme.rns")}),
    ("👻 brumgreens", "en", "", {("snapchat", "brumgreens")}),
    ("Contact Telegram 👉 @frexpress_shop", "fr", "", {("telegram", "frexpress_shop")}),
    ("tg @cali_kg_direct", "fr", "", {("telegram", "cali_kg_direct")}),
    ("dm 📩 ou tg : cali_kg_direct", "fr", "", {("telegram", "cali_kg_direct")}),
    ("Telegram :\n@lyon_drive_69", "fr", "", {("telegram", "lyon_drive_69")}),
    ("Menu complet 👉 t.me/dijon_express_off", "fr", "", {("telegram", "dijon_express_off")}),
    ("https://t.me/s/B_Town_Menu", "en", "", {("telegram", "b_town_menu")}),
    ("insta: la.weed.family", "fr", "", {("instagram", "la.weed.family")}),
    ("ig @plug.exotics", "en", "", {("instagram", "plug.exotics")}),
    ("www.instagram.com/frappe.lyon/", "fr", "", {("instagram", "frappe.lyon")}),
    ("Signal only: runner_jobs_wm", "en", "", {("signal", "runner_jobs_wm")}),
    ("potato : drive_marseille13", "fr", "", {("potato", "drive_marseille13")}),
    ("wickr me: snowman_uk", "en", "", {("wickr", "snowman_uk")}),
    ("Threema ID: K7PX4QZM", "en", "", {("threema", "K7PX4QZM".lower())}),
    ("Session : 05" + "a1" * 32, "fr", "", {("session", "05" + "a1" * 32)}),
    ("tiktok.com/@frappe_officiel", "fr", "", {("tiktok", "frappe_officiel")}),
    ("Orders 👉 @ukwide_drops", "en", "telegram", {("telegram", "ukwide_drops")}),
    ("Postulez : @tp_jobs_rh", "fr", "telegram", {("telegram", "tp_jobs_rh")}),
    ("snap: brum.greens2 | text 07700 900862", "en", "", {("snapchat", "brum.greens2")}),
    ("Seul vrai snap : dij.express (méfiez-vous des fakes)", "fr", "", {("snapchat", "dij.express")}),
    ("mon snap c'est frappe.lyon", "fr", "", {("snapchat", "frappe.lyon")}),
    ("my snap is realplugldn", "en", "", {("snapchat", "realplugldn")}),
    ("same crew, snap is still toon.greens", "en", "", {("snapchat", "toon.greens")}),
    ("commande sur le signal habituel 👉 citrusclub.06", "fr", "", {("signal", "citrusclub.06")}),
    # an icon among emoji points to nothing by itself: only a handle-shaped name may follow it
    ("sunday menu 🍗🥔🥕 delivered to any grandchild", "en", "", set()),
    ("👻🔥 lyon.drive", "fr", "", {("snapchat", "lyon.drive")}),
    ("Prices in the signal chat: limestone_k", "en", "", {("signal", "limestone_k")}),
    ("$100 a day, paid daily. snap me back", "en", "", set()),
    ("hiring house sitters. sig: kc_hold_jobs", "en", "", {("signal", "kc_hold_jobs")}),
    ("50 x £20s ➜ £250, tele @queens_heads", "en", "", {("telegram", "queens_heads")}),  # "x" multiplies
    ("Dispo sur snap et tg : drive69", "fr", "", {("snapchat", "drive69"), ("telegram", "drive69")}),
    ("Insta/Snap: plug.ldn", "en", "", {("instagram", "plug.ldn"), ("snapchat", "plug.ldn")}),
    ("tt est sur snap: mistral.lv", "fr", "", {("snapchat", "mistral.lv")}),
    ("sur X : @clubpanda_nmr", "fr", "", {("twitter", "clubpanda_nmr")}),
    ("TT : @kraken_68", "fr", "", {("tiktok", "kraken_68")}),
    ("tt est sur threema TMVUPHXQ", "fr", "", {("threema", "tmvuphxq")}),
    ("⚠️ ancien snap ban ⚠️\nnv compte real_chezlulu_shop", "fr", "snapchat",
     {("snapchat", "real_chezlulu_shop")}),
    ("main acc got banned 🙄\nnew acc: mrwolf_phlx", "en", "telegram", {("telegram", "mrwolf_phlx")}),
    ("nouveau snap 👉 corp_xx.new", "fr", "instagram", {("snapchat", "corp_xx.new")}),
    ("Snapchat: https://snapchat.com/add/lyon.drive", "fr", "", {("snapchat", "lyon.drive")}),
    ("session id 05ca69b061214599b812a96d69ed0c7ac03ccc1fc75734339c087ed24bdf65de88", "en", "",
     {("session", "05ca69b061214599b812a96d69ed0c7ac03ccc1fc75734339c087ed24bdf65de88")}),
    # hard negatives
    ("snap c'est la vie", "fr", "", set()),
    ("sur snap demain soir", "fr", "", set()),
    ("notre snap officiel de la team", "fr", "", set()),
    ("Filtré x3 ➝ 8€/g, x 2 pour 15", "fr", "", set()),
    ("snap ou whatsapp, comme tu veux", "fr", "", set()),
    ("follow us on insta for updates", "en", "", set()),
    ("compte bloqué, merci de patienter", "fr", "", set()),
    ("Vous voyez passer des stories Snapchat avec 🍁🍫❄️ ?", "fr", "", set()),
    ("👻 pour le menu", "fr", "", set()),
    ("snap ou whatsapp, comme tu veux", "fr", "", set()),
    ("⚠️ ANCIEN SNAP BAN ⚠️", "fr", "", set()),
    ("snap only, no calls", "en", "", set()),
    ("Un réseau de vente sur Snapchat démantelé par la police.", "fr", "", set()),
    ("écrivez à contact@cbd-shop.fr ou sur snap", "fr", "", set()),
    ("#snap #rennes #frappe", "fr", "", set()),
    ("Merci à @PoliceNationale et @prefet69 pour leur action", "fr", "twitter", set()),
    ("Boutique en ligne : www.chanvre-shop.fr", "fr", "", set()),
    ("whatsapp wa.me/33639981742", "fr", "", set()),  # a WhatsApp number is a phone only
    ("10g 70e sur snap", "fr", "", set()),
    ("commande sur le snap de la team", "fr", "", set()),
    ("t.me/joinchat/AAAAAEx", "fr", "", set()),
    ("Pense à ta session de révision ce soir", "fr", "", set()),
    # words that invite contact are not names, even right after a platform
    ("Sunset est sur Telegram 🌅 rejoins le canal 👉 t.me/lr_sunset17", "fr", "", {("telegram", "lr_sunset17")}),
    ("on est sur telegram rejoignez nous", "fr", "", set()),
    # after "snap:" a name ending like a country domain is a username; a web address is not
    ("snap: hull.shipping.co", "en", "", {("snapchat", "hull.shipping.co")}),
    ("snap : lyon.frais.fr", "fr", "", {("snapchat", "lyon.frais.fr")}),
    ("snap : monsite.com", "fr", "", set()),
    # a refused platform has no handle; a Session ID is one handle, not also its first characters
    ("on quitte snap 🚫 trop de bans", "fr", "", set()),
    ("l'autre snap est mort, appelle", "fr", "", set()),
    ("il ose mettre promo sur son snap 😭 on vit une époque", "fr", "", set()),
    ("my son is getting messages on snap offering $100 a day", "en", "", set()),
    # a dotted user name after a cue, not a flag nor an e-mail or web address
    ("old snap got deleted smh 🙄 new one is etx.exotic5 — same number", "en", "", {("snapchat", "etx.exotic5")}),
    ("🎁 carte fidélité\nsnap de secours si ça saute : touraine.noct2", "fr", "", {("snapchat", "touraine.noct2")}),
    ("🇫🇷 livré partout, commande sur snap 🇫🇷", "fr", "", set()),
    ("jean.dupont@gmail.com ou sur snap", "fr", "", set()),
    ("Tout passe par Session maintenant 👇\n05a3f9c1d7e2b48f6a0c9e1d2b3f4a5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b", "fr",
     "", {("session", "05a3f9c1d7e2b48f6a0c9e1d2b3f4a5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b")}),
    # who the writer talks to, or which account, after "new snap": no handle; a name that starts so is one
    ("new snap lads, last one got deleted, add this one", "en", "", set()),
    ("new snap 🌵 prior one got nuked. same plug", "en", "", set()),
    ("new snap: lads.plug22", "en", "", {("snapchat", "lads.plug22")}),
    # "tombé" says the account fell; "point" is voice-to-text punctuation; "suffit" stands between
    ("⚠️ snap principal tombé ⚠️ c'est ici maintenant", "fr", "", set()),
    ("envoi moi un message sur le snap point", "fr", "", set()),
    ("un message Threema suffit : 8K2PXD4T", "fr", "", {("threema", "8k2pxd4t")}),
    # "wickr" is no everyday word: a lower-case name alone after it is a handle
    ("we drive out to the stations once a fortnight\nwickr cqgreens", "en", "snapchat", {("wickr", "cqgreens")}),
    ("got my wickr on, snap me", "en", "snapchat", set()),
    # Telegram bot names end in "bot": such a name no cue names is a Telegram account
    ("LA CALE devient L'ÉCLUSE / bot : @lecluse_bot", "fr", "instagram", {("telegram", "lecluse_bot")}),
    # "en priv", "en pv": in private, no account
    ("Besoin d'1 vendeur sur Brive, 10% sur chaque vente. Snap en priv", "fr", "", set()),
    ("snap en pv pour le menu 🍁", "fr", "", set()),
    # a link-in-bio page; an @name closing the post is its contact, unless someone is thanked
    ("Fresh in 🌿 link in bio for the menu 👉 linktr.ee/swanseaplug", "en", "", {("other", "swanseaplug")}),
    ("EASTER FLASH SALE MDMA caps £5, ket £25g, uni lot hit us up\n@ponty_party_tg", "en", "telegram",
     {("telegram", "ponty_party_tg")}),
    ("great night, thanks @mike 🙏", "en", "instagram", set()),
    ("@mike lol same", "en", "twitter", set()),
]


@pytest.mark.parametrize("text,lang,platform,expected", HANDLE_CASES)
def test_handles(text: str, lang: str, platform: str, expected: set[tuple[str, str]]) -> None:
    assert handles(run(text, lang, platform=platform)) == expected


@pytest.mark.parametrize(("text", "lang", "advertised", "former"), [
    ("le snap juine.drive91 a sauté, le nouveau c'est 👻 juine.drive.bis", "fr",
     {("snapchat", "juine.drive.bis")}, {("snapchat", "juine.drive91")}),
    ("ancien snap perigord.noir.drive SUPPRIMÉ / nouveau ici 👉 snap pnd.bis", "fr",
     {("snapchat", "pnd.bis")}, {("snapchat", "perigord.noir.drive")}),
    ("old snap brum.greens got banned, new one 👻 brum.greens2", "en",
     {("snapchat", "brum.greens2")}, {("snapchat", "brum.greens")}),
    # "down" after other words is no announcement
    ("👻 lyon.drive dispo 24/7, down to meet", "fr", {("snapchat", "lyon.drive")}, set()),
])
def test_former_handles_are_apart(text: str, lang: str, advertised: set[tuple[str, str]],
                                  former: set[tuple[str, str]]) -> None:
    """An account the post says is gone is a former handle, not an advertised one."""
    a = run(text, lang)
    assert handles(a) == advertised
    assert {(h["platform"], h["handle"]) for h in a.values("former_handles")} == former


@pytest.mark.parametrize("post_platform,expected", [
    ("telegram", {("snapchat", "la.ferme.rns")}),  # the posting account itself
    ("", {("snapchat", "la.ferme.rns")}),  # platform unknown: the same name is taken for the author
    # posted on Snapchat, the Telegram account of the same name is another account to contact
    ("snapchat", {("snapchat", "la.ferme.rns"), ("telegram", "lafermerennes")}),
])
def test_author_is_not_a_contact(post_platform: str, expected: set[tuple[str, str]]) -> None:
    a = run("👻 snap : la.ferme.rns | tg @LaFermeRennes", author="LaFermeRennes", platform=post_platform)
    assert handles(a) == expected


def test_handle_span_rule_and_case() -> None:
    text = "commandes 👻 Snap: Brum.Greens ✅"
    a = run(text, "en")
    (f,) = a.of("handles")
    assert f.value == {"platform": "snapchat", "handle": "Brum.Greens"}
    assert text[f.start:f.end] == "Brum.Greens"
    assert f.rule.startswith("common/platforms.toml:snapchat:")
    assert f.explanation


def test_handle_keeps_original_spelling_through_sms_expansion() -> None:
    # "cmd" is an SMS spelling of "commande": the handle is read from the original text
    a = run("commandes sur le snap : apero.lh.cmd")
    assert handles(a) == {("snapchat", "apero.lh.cmd")}


# --- phones ------------------------------------------------------------------------------

PHONE_CASES = [
    ("📞 06 39 98 17 42", "fr", ["+33639981742"]),
    # one digit at a time, in North American blocks
    ("got the Zoap back in, text 5 1 9 - 5 5 5 - 0 1 4 8", "en", ["+15195550148"]),
    # a British mobile whose first group has two digits is no North American number read from its
    # second digit on (the whole is not read yet either)
    ("new number save it 07 4 1 2 6 5 0 9 3 8 8", "en", []),
    ("appel ou sms 0639987624", "fr", ["+33639987624"]),
    ("meme numero qu'avant 06.39.98.17.42", "fr", ["+33639981742"]),
    ("tel 06-39-98-17-42", "fr", ["+33639981742"]),
    ("0️⃣6️⃣ 3️⃣9️⃣ 9️⃣8️⃣ 1️⃣7️⃣ 4️⃣2️⃣", "fr", ["+33639981742"]),
    ("O6 39 98 17 42", "fr", ["+33639981742"]),
    ("📲 07700 9OO 391", "en", ["+447700900391"]),
    ("+33 6 39 98 17 42", "fr", ["+33639981742"]),
    ("0033 6 39 98 17 42", "fr", ["+33639981742"]),
    ("+33 (0)6 39 98 17 42", "fr", ["+33639981742"]),
    ("07 00 00 12 34", "fr", ["+33700001234"]),
    ("04 65 71 38 20", "fr", ["+33465713820"]),
    ("call or txt 07700 900417", "en", ["+447700900417"]),
    ("+44 7700 900417", "en", ["+447700900417"]),
    ("+44 (0)7700 900862", "en", ["+447700900862"]),
    ("hit me up (313) 555-0147", "en", ["+13135550147"]),
    ("text 313-555-0147 anytime", "en", ["+13135550147"]),
    ("Bruxelles 🇧🇪 0470 12 34 56", "fr", ["+32470123456"]),
    ("+32 470 12 34 56", "fr", ["+32470123456"]),
    ("Genève, 079 123 45 67", "fr", ["+41791234567"]),
    ("wa.me/33639981742", "fr", ["+33639981742"]),
    ("on bouge sur Charleroi, commandes 👉 06.39.98.34.30", "fr", ["+33639983430"]),
    ("same number 215-555-0163", "en", ["+12155550163"]),
    ("+1 (215) 555-0163", "en", ["+12155550163"]),
    ("commandes 👉 O6399847O5", "fr", ["+33639984705"]),
    ("(+33) 6 39 98 17 42", "fr", ["+33639981742"]),
    ("Tél.06 39 98 17 42", "fr", ["+33639981742"]),
    ("+212 6 12 34 56 78", "fr", ["+212612345678"]),
    ("06 39 98 17 42 / 07 00 00 12 34", "fr", ["+33639981742", "+33700001234"]),
    ("📞 06 39 98 17 42 24/7", "fr", ["+33639981742"]),
    ("+33 6 39 98 17 42 24/7", "fr", ["+33639981742"]),
    ("06/39/98/17/42", "fr", ["+33639981742"]),
    # French overseas departments: national form, own country code (06 39 98 stays fiction +33)
    ("WhatsApp 0690 00 45 12", "fr", ["+590690004512"]),
    ("☎️ 0692 00 31 77", "fr", ["+262692003177"]),
    ("📞 0694 00 27 15", "fr", ["+594694002715"]),
    ("tel 0696 12 34 56", "fr", ["+596696123456"]),
    ("fixe 05 90 12 34 56", "fr", ["+590590123456"]),
    ("Mayotte 0639 01 23 45", "fr", ["+262639012345"]),
    # hard negatives: prices, dates, times, postcodes, identifiers, short numbers
    ("🍁 10g 100€ | 20g 180€ | 50g 400€ | 100g 750€", "fr", []),
    ("Le 14/03/2025 à 21h30, 75018 Paris", "fr", []),
    ("ouvert du 01.03.2025 au 31.03.2025", "fr", []),
    ("SIRET 812 345 678 00014", "fr", []),
    ("SIRET : 0639981742", "fr", []),
    ("IBAN FR76 3000 6000 0112 3456 7890 189", "fr", []),
    ("appelez le 15, le 17 ou le 112, écoute 3114", "fr", []),
    ("commande n° 0639981742", "fr", []),
    ("1 000 000 de vues, 250 000 abonnés", "fr", []),
    ("0,5g 40 | 1g 70 | 2g 130 | 5g 300", "fr", []),
    ("£10 bags, 3.5g £30, 7g £55, 28g £180", "en", []),
    ("100 200 300 400 500", "en", []),
    ("01000 01100 01200", "fr", []),
    ("my order 2155550163 never came", "en", []),
    ("call 555-0163", "en", []),
    # the country a post names decides a national number (mobile prefixes where two plans overlap)
    ("LIMERICK 🇮🇪 drops Southill to Castletroy. ring 087 412 3398", "en", ["+353874123398"]),
    ("Cork city, text 085 123 4567", "en", ["+353851234567"]),
    ("livraison sur Dublin, tel 07 12 34 56 78", "fr", ["+33712345678"]),  # an Irish 07 is no mobile
    ("Sydney 🇦🇺 text 0412 345 678", "en", ["+61412345678"]),
    ("Sarrebruck, 0151 23456789", "fr", ["+4915123456789"]),
    ("Montréal 🍁 texte 514 555 0199", "fr", ["+15145550199"]),
    ("QC 🍁 coke dispo à soir, textez-moé au 418 555-0123", "fr", ["+14185550123"]),
    ("yverdon + martigny le week end, appelle le 079 612 40 58", "fr", ["+41796124058"]),
    # no country named: an English post's mobile grouped the way its country writes it
    ("mind the gaff, €150 a week, ring 086 317 4429", "en", ["+353863174429"]),
    ("bud delivered, text 0412 345 678", "en", ["+61412345678"]),
    ("weed delivered, text 04 12 34 56 78", "en", ["+33412345678"]),  # in pairs: French
    ("Menu inchangé 🍁, commande au 0471/55.20.18", "fr", ["+32471552018"]),  # 4-2-2-2: Belgian
    # numbers written in words, in pairs (French) or digit by digit (English)
    ("☎️ zero six . 44 . 81 . 20 . 39", "fr", ["+33644812039"]),
    ("appelle le zéro six, quarante-quatre, quatre-vingt-un, vingt, trente-neuf", "fr", ["+33644812039"]),
    ("zéro sept soixante-dix-huit douze quatre-vingt-dix-neuf zéro cinq", "fr", ["+33778129905"]),
    ("text oh seven seven double oh nine double zero one two three", "en", ["+447700900123"]),
    ("un deux trois soleil, six sept huit", "fr", []),
    ("zéro six douze", "fr", []),
    ("📲 zero6 . 51 . 07 . 93 . 40", "fr", ["+33651079340"]),  # a number word glued to digits
    ("text five one three, five five five, zero one seven two", "en", ["+15135550172"]),  # North American
    # a town of the country names it: an Irish mobile written without spaces, a Belgian one in pairs
    ("Thurles tonight, Clonmel tomorrow 🍀❄️ usual 👍 0874129936", "en", ["+353874129936"]),
    ("Charleroi 🍁 04 70 58 21 94", "fr", ["+32470582194"]),
    ("livraison Lyon 🍁 06 12 34 56 78", "fr", ["+33612345678"]),
    ("heading over to Rotorua sat bro, same number 021 555 0187", "en", ["+64215550187"]),
    ("On couvre Versoix aussi 🚗 Nouveau numéro : 079 412 63 08", "fr", ["+41794126308"]),  # Swiss grouping
    ("livraison Lyon 07 94 12 63 08", "fr", ["+33794126308"]),
    ("📲 07•53•18•44•92", "fr", ["+33753184492"]),  # bullets between the pairs
    # one digit at a time: the whole run is the number (eleven digits: a British mobile)
    ("snap or 0 7 7 0 4 8 1 5 2 6 3", "en", ["+447704815263"]),
    ("appel 0 6 1 2 3 4 5 6 7 8", "fr", ["+33612345678"]),
]


@pytest.mark.parametrize("text,lang,expected", PHONE_CASES)
def test_phones(text: str, lang: str, expected: list[str]) -> None:
    assert run(text, lang).values("phones") == expected


def test_phone_span_and_rule() -> None:
    text = "commandes 👉 06.39.98.63.01 !"
    a = run(text)
    (f,) = a.of("phones")
    assert text[f.start:f.end] == "06.39.98.63.01"
    assert f.rule == "contacts:phone:FR"
    text = "📲 +44 7700 900417"
    (f,) = run(text, "en").of("phones")
    assert text[f.start:f.end] == "+44 7700 900417"
    assert f.rule == "contacts:phone:intl:GB"


def test_keycap_span_covers_the_emoji() -> None:
    text = "☎️ 0️⃣6️⃣3️⃣9️⃣9️⃣8️⃣1️⃣7️⃣4️⃣2️⃣"
    (f,) = run(text).of("phones")
    assert text[f.start:f.end] == text[3:]


def test_whatsapp_number_is_a_phone_not_a_handle() -> None:
    a = run("WhatsApp 👉 wa.me/447700900417", "en")
    assert a.values("phones") == ["+447700900417"]
    assert a.values("handles") == []


# --- robustness --------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(
    [*"0123456789 +().-/:@_#\nabcosnapOl👻👉➡️⃣\ufe0f🇫🇷€£", "snap", "tg", "t.me/", "06 ", "+33", "wa.me/"]),
    max_size=60).map("".join) | st.text(max_size=200))
def test_never_crashes_and_spans_index_the_text(text: str) -> None:
    for lang in ("fr", "en"):
        a = run(text, lang, author="x", platform="telegram")
        for f in a.findings:
            assert 0 <= f.start <= f.end <= len(text)
            assert f.kind in ("handles", "phones")


def test_a_pronoun_after_a_platform_is_no_handle() -> None:
    text = "même drive qu'sur tg 🔌 ceux qui ont perdu le canal ➡️ t.me/maxdrive_83_v2"
    rec = analyze_text(text, lang="fr").to_record()
    assert [h["handle"] for h in rec["handles"]] == ["maxdrive_83_v2"]


@pytest.mark.parametrize(("text", "phones"), [
    # a plus sign before a national number is emphasis ("discret ++"); before a country code, the prefix
    ("Cherche qqn de confiance, 80€ le trajet, discret ++ 07 66 21 05 73", ["+33766210573"]),
    ("appel +33 6 12 34 56 78", ["+33612345678"]),
    ("text + 44 7700 900123", ["+447700900123"]),
])
def test_a_plus_before_a_national_number(text: str, phones: list[str]) -> None:
    assert analyze_text(text, lang="fr").values("phones") == phones


@pytest.mark.parametrize(("text", "handles"), [
    # a platform word with its handle before it ("@name on tg") names no platform of the next handle;
    # two platform words before one handle still share it
    ("DM @steelcityexo on tg or 👻 steelcity.exotics2",
     [("telegram", "steelcityexo"), ("snapchat", "steelcity.exotics2")]),
    ("add rvaplug.2 on snap and tg rvaplug_vault", [("snapchat", "rvaplug.2"), ("telegram", "rvaplug_vault")]),
    ("snap ou tg : fresh.hay", [("snapchat", "fresh.hay"), ("telegram", "fresh.hay")]),
])
def test_a_platform_word_after_its_handle_is_not_shared(text: str, handles: list[tuple[str, str]]) -> None:
    rec = analyze_text(text).to_record()
    assert [(h["platform"], h["handle"]) for h in rec["handles"]] == handles


@pytest.mark.parametrize(("text", "phones"), [
    # French Polynesia's 8-digit and New Caledonia's 6-digit numbers have no trunk 0: read in a post
    # that names a place there, never elsewhere; amounts in Pacific francs are no phones
    ("livreur Papeete / Pirae, contact 87 24 61 93", ["+68987246193"]),
    ("dispo Faa'a, 📲 89-31-07-55 pas de msg bizarre", ["+68989310755"]),
    ("Nouméa, même tel : 78.41.26", ["+687784126"]),
    ("Lyon 87 24 61 93", []),
    ("livraison Nouméa, 750 000 le kilo, 30 000 la journée", []),
])
def test_pacific_numbers_without_a_trunk_zero(text: str, phones: list[str]) -> None:
    assert analyze_text(text).to_record()["phones"] == phones


@pytest.mark.parametrize(("text", "handles"), [
    # after "signal" (a word too, so a weak cue) a lower-case name of six letters or more standing alone is
    # the account; a word is not
    ("need a driver for the weekend runs, $1000/wk. signal barsnlean", [("signal", "barsnlean")]),
    ("holiday gas just landed 🎄 hit the signal tcexotics", [("signal", "tcexotics")]),
    ("Vous avez un signal suspect ? appelez le 17", []),
    ("no signal tonight lads", []),
])
def test_a_name_alone_after_signal(text: str, handles: list[tuple[str, str]]) -> None:
    rec = analyze_text(text).to_record()
    assert [(h["platform"], h["handle"]) for h in rec["handles"]] == handles


@pytest.mark.parametrize(("text", "handles"), [
    # a platform word joined by a hyphen to the next word is a compound word ("télé-opérateur")
    ("- télé-opérateur (répondre au tel) 120€/j", []),
    ("tele: drive.nord59", [("telegram", "drive.nord59")]),
])
def test_a_platform_word_in_a_compound(text: str, handles: list[tuple[str, str]]) -> None:
    rec = analyze_text(text).to_record()
    assert [(h["platform"], h["handle"]) for h in rec["handles"]] == handles


@pytest.mark.parametrize(("text", "handles"), [
    # "livré" after a platform cue is a review's word, not the account; "pour les commandes" stands
    # between a cue and its handle
    ("avis ⭐⭐⭐⭐⭐ pour @bigmama.42 sur snap: livré en 30 min", [("snapchat", "bigmama.42")]),
    ("snap pour les commandes : lyon.drive", [("snapchat", "lyon.drive")]),
    # a hacked account is said so, the word is no handle
    ("compte insta piraté, suivez le nouveau @boulangerie.martin", [("instagram", "boulangerie.martin")]),
    ("insta hacked, follow the new one @bakery.martin", [("instagram", "bakery.martin")]),
])
def test_a_reviews_words_and_a_phrase_before_the_handle(text: str, handles: list[tuple[str, str]]) -> None:
    rec = analyze_text(text).to_record()
    assert [(h["platform"], h["handle"]) for h in rec["handles"]] == handles


@pytest.mark.parametrize(("text", "handles"), [
    # a verb after a platform word and an icon is no handle: the @name before "on tg" is
    ("shoutout @crescentplug on tg 🔌 came thru at 3am", [("telegram", "crescentplug")]),
])
def test_a_verb_after_the_platform_and_an_icon(text: str, handles: list[tuple[str, str]]) -> None:
    rec = analyze_text(text).to_record()
    assert [(h["platform"], h["handle"]) for h in rec["handles"]] == handles


@pytest.mark.parametrize(("text", "platform", "expected"), [
    # the vendor a buyer's review names ("shoutout @x", "avis pour @x", "la frappe de @x"), on the post's
    # platform or the one named after it; a photographer thanked is no contact
    ("shoutout @mke.greenline pulled up in 20 min 10/10", "twitter", {("twitter", "mke.greenline")}),
    ("avis 5⭐ pour @ketaa.chamb, livré rapide, je recommande", "snapchat", {("snapchat", "ketaa.chamb")}),
    ("shoutout to @newportsnow 🔌 on snap, fastest drop in town", "twitter", {("snapchat", "newportsnow")}),
    ("merci @julie.photo pour les photos du mariage 📸 trop belles", "instagram", set()),
])
def test_the_vendor_a_review_names(text: str, platform: str, expected: set[tuple[str, str]]) -> None:
    assert handles(run(text, platform=platform)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a review's praise after the platform is no handle ("@x on snap is legit")
    ("got my 8th in 10 mins, @denver.dank on snap is legit", {("snapchat", "denver.dank")}),
    ("@peak.greens on snap is fire, quick too", {("snapchat", "peak.greens")}),
])
def test_praise_after_the_platform_is_no_handle(text: str, expected: set[tuple[str, str]]) -> None:
    assert handles(run(text, lang="en", platform="twitter")) == expected
