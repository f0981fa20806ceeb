"""Each importer on the shared fixtures (copied in tests/fixtures/exports) and on our own edge cases."""

from __future__ import annotations

import hashlib

import pytest

from .conftest import FIX, Result

TG = FIX / "telegram"
WA = FIX / "whatsapp"
OWN = FIX / "own"


# -- Telegram ---------------------------------------------------------------------------------

def test_telegram_single_chat() -> None:
    r = Result(TG / "SYNTHETIC_single_chat_result.json")
    assert [f.format for f in r.files] == ["telegram"] and not r.rejects
    assert len(r.posts) == 8  # every message, service and unsupported included
    sha = hashlib.sha256((TG / "SYNTHETIC_single_chat_result.json").read_bytes()).hexdigest()
    svc = r.by_locator("1")
    assert dict(svc.meta)["service"] == "create_channel" and svc.author == "Canal Exemple"
    ad = r.by_locator("2")
    # entity array flattened to the visible string; hidden href kept in meta
    assert ad.text == "Menu du jour prix contact @example_user site #exemple +33 6 00 00 00 00 Jean"
    assert ("link", "https://example.org/") in ad.meta and ("signature", "Admin") in ad.meta
    # date_unixtime preferred (UTC); the local `date` (1 h ahead) kept in meta
    assert ad.date == "2024-03-12T13:05:33+00:00" and dict(ad.meta)["date_local"] == "2024-03-12T14:05:33"
    assert ad.id == f"{sha[:12]}:2" and ad.platform == "telegram"
    assert ad.provenance is not None and ad.provenance.sha256 == sha and ad.provenance.locator == "2"
    assert ad.source.endswith("SYNTHETIC_single_chat_result.json#2")
    fwd = r.by_locator("3")  # forwarded photo whose caption is the text
    assert fwd.text == "légende de la photo"
    assert dict(fwd.meta)["forwarded_from"] == "Autre Canal" and dict(fwd.meta)["media"] == "photo"
    assert dict(fwd.meta)["media_file"].startswith("(File not included.")
    vid = r.by_locator("4")
    assert vid.text == "ligne 1\nligne 2" and dict(vid.meta)["reply_to"] == "2"
    assert dict(vid.meta)["media"] == "video_file" and dict(vid.meta)["edited"] == "2024-03-12T13:09:00+00:00"
    deleted = r.by_locator("5")  # from: null -> the from_id; forwarded_from: null
    assert deleted.author == "user222222222" and dict(deleted.meta)["forwarded_from"] == "(unknown)"
    assert dict(r.by_locator("6").meta)["location"] == "48.8566,2.3522"
    unsupported = r.by_locator("7")
    assert unsupported.date == "" and dict(unsupported.meta)["service"] == "unsupported"
    big = r.by_locator("8")
    assert dict(big.meta)["file_name"] == "catalogue.pdf"
    assert "exceeds maximum size" in dict(big.meta)["media_file"]


def test_telegram_full_account() -> None:
    r = Result(TG / "SYNTHETIC_full_account_result.json")
    assert [p.provenance.locator for p in r.posts if p.provenance] == [
        "100000001/10", "333333333/20", "333333333/21", "444444444/30"]
    saved = r.posts[0]
    assert dict(saved.meta)["saved_from"] == "Canal Exemple"
    assert dict(saved.meta)["chat_type"] == "saved_messages"
    assert "chat" not in dict(saved.meta)  # saved_messages has no name
    call = dict(r.posts[2].meta)
    keys = ("service", "duration_seconds", "discard_reason")
    assert [call[k] for k in keys] == ["phone_call", "45", "hangup"]
    assert dict(r.posts[3].meta)["members"] == "Analyste Test, (unknown)"  # null member


@pytest.mark.parametrize("name", ["chatminer_single_export.json", "chatminer_batch_export.json"])
def test_telegram_chatminer_minimal(name: str) -> None:
    r = Result(TG / name)
    assert [(p.author, p.date, p.text) for p in r.posts] == [
        ("Author 1", "2018-12-05T10:39:10+00:00", "Minimal Message"),
        ("Author 2", "2018-12-05T10:49:24+00:00", "Link:https://telegram.org/"),
    ]
    assert r.posts[0].provenance and r.posts[0].provenance.locator.endswith("[0]")  # no ids: array index


def test_telegram_old_version_without_unixtime() -> None:
    r = Result(OWN / "telegram_old_version.json")
    p = r.posts[0]
    assert p.date == "2019-05-01T20:15:00" and dict(p.meta)["date_tz"].startswith("unknown")
    assert p.text == "dispo ce soir\u2028livraison"  # the \u2028 escape decoded
    assert r.posts[1].text == "Contact @vendeur_demo"
    custom = dict(r.posts[2].meta)
    assert custom["service"] == "custom" and custom["information_text"] == "Custom action text"
    tz = Result(OWN / "telegram_old_version.json", assume_tz="Europe/Paris")
    assert tz.posts[0].date == "2019-05-01T20:15:00+02:00"


def test_telegram_variants() -> None:
    r = Result(OWN / "telegram_variants.json")
    assert r.by_locator("10").text == "only entities ici"  # text "" -> text_entities
    m11 = r.by_locator("11").meta
    assert ("media_file", "(File unavailable, please try again later)") in m11
    assert ("reply_to_peer", "channel9") in m11 and ("via_bot", "@somebot") in m11
    assert ("button", "Commander -> https://example.org/x") in m11
    assert dict(r.by_locator("12").meta)["sticker_emoji"] == "🔥"
    assert ("poll", "Quel jour ?") in r.by_locator("13").meta
    assert ("contact", "Demo +33 6 00 00 00 01") in r.by_locator("14").meta
    assert [(x.code, x.where.rsplit("#", 1)[1]) for x in r.rejects] == [("SEN110", "15")]  # text: 12345
    assert "field 'text' is a int" in r.rejects[0].message
    assert r.by_locator("16").text == "après le mauvais"  # the run goes on after a bad message


@pytest.mark.parametrize("name, kind", [("telegram_truncated.json", "truncated"),
                                        ("telegram_corrupt.json", "corrupt")])
def test_telegram_damaged_keeps_what_parsed(name: str, kind: str) -> None:
    r = Result(OWN / name)
    assert [p.provenance.locator for p in r.posts if p.provenance] == ["1", "2", "3"]
    (rej,) = r.rejects
    assert rej.code == "SEN111" and f"{kind} JSON" in rej.message
    assert name in rej.where and "line" in rej.message and "the last one #3" in rej.message
    assert r.files[0].posts == 3 and r.files[0].rejected == 1


# -- Snapchat ---------------------------------------------------------------------------------

def test_snapchat_current_chat() -> None:
    r = Result(FIX / "snapchat/json/SYNTHETIC_chat_history.json")
    assert r.files[0].format == "snapchat_chat"
    first, media, erased, share = r.posts
    # Created(microseconds) holds milliseconds: 1710248733123 -> .123, not year 56000
    assert first.date == "2024-03-12T13:05:33.123+00:00" and first.author == "vendeur_x"
    assert first.text == "menu en story" and first.platform == "snapchat"
    assert [v for k, v in media.meta if k == "media_id"] == ["b~EXAMPLEMEDIAID1", "b~EXAMPLEMEDIAID2"]
    assert media.author == "analyste_test" and ("is_sender", "true") in media.meta and media.text == ""
    assert erased.text == "" and dict(erased.meta)["service"] == "STATUSERASEDMESSAGE"
    assert dict(share.meta)["conversation_title"] == "Groupe Y" and dict(share.meta)["media"] == "share"


def test_snapchat_legacy_chat() -> None:
    r = Result(FIX / "snapchat/json/SYNTHETIC_legacy_chat_history.json")
    assert r.files[0].format == "snapchat_chat_legacy"
    assert [(p.author, p.text) for p in r.posts] == [
        ("vendeur_x", "dispo 'ce soir'"), ("", "ok"), ("vendeur_x", "")]
    assert dict(r.posts[1].meta)["to"] == "vendeur_x" and r.posts[0].date == "2021-01-01T12:00:00+00:00"


def test_snapchat_microseconds_and_bad_date() -> None:
    r = Result(OWN / "snapchat_micro_chat_history.json")
    assert r.posts[0].date == "2024-04-20T01:29:22.686+00:00"  # real microseconds scaled by magnitude
    assert r.posts[0].text == "Tom & Jerry"
    assert r.posts[2].date == "2024-04-20T01:31:00+00:00"  # no Created(microseconds): the Created string
    assert [x.code for x in r.rejects] == ["SEN110"] and "friend_a[3]" in r.rejects[0].where


@pytest.mark.parametrize("path, fmt, n, media", [
    (FIX / "snapchat/json/SYNTHETIC_snap_history.json", "snapchat_snaps", 1, "snap image"),
    (OWN / "snapchat_legacy_snap_history.json", "snapchat_snaps_legacy", 2, "snap video"),
    (FIX / "snapchat/json/SYNTHETIC_story_history.json", "snapchat_stories", 1, "story"),
    (FIX / "snapchat/json/SYNTHETIC_memories_history.json", "snapchat_memories", 1, "image"),
])
def test_snapchat_histories(path, fmt: str, n: int, media: str) -> None:
    r = Result(path)
    assert r.files[0].format == fmt and len(r.posts) == n and not r.rejects
    assert dict(r.posts[0].meta)["media"] == media and r.posts[0].date.endswith("+00:00")


# -- Instagram / Messenger --------------------------------------------------------------------

def test_instagram_mojibake_repaired() -> None:
    r = Result(FIX / "instagram/SYNTHETIC_message_1_mojibake.json")
    assert [(p.author, p.text) for p in r.posts] == [
        ("analyste_test", "Liked a message"), ("Jérôme", "C’est dispo ce soir 😀"), ("Jérôme", ""),
        ("Jérôme", "Jérôme sent an attachment."),
    ]
    assert r.posts[0].date == "2024-03-12T14:10:00+00:00"  # newest first, order kept
    assert dict(r.posts[0].meta)["service"] == "system"
    assert ("reaction", "analyste_test: ❤") in r.posts[1].meta
    assert dict(r.posts[2].meta)["media_file"].startswith("your_instagram_activity/")
    assert dict(r.posts[3].meta)["share"] == "https://www.instagram.com/reel/EXAMPLE/"
    assert {p.platform for p in r.posts} == {"instagram"}


def test_instagram_minimal_and_messenger() -> None:
    r = Result(FIX / "instagram/chatminer_message_1.json")
    assert [(p.author, p.date, p.text) for p in r.posts] == [
        ("John Doe", "2020-01-17T20:49:00+00:00", "Hello Jane!"),
        ("Jane Doe", "2019-12-24T11:23:00+00:00", "Hello John!")]
    m = Result(OWN / "messenger_message_1.json")
    assert {p.platform for p in m.posts} == {"messenger"}  # `type` is Messenger's
    assert m.posts[0].text == "déjà vu" and dict(m.posts[1].meta)["media"] == "sticker"
    assert dict(m.posts[2].meta)["unsent"] == "true"
    clean = Result(OWN / "instagram_clean_utf8_message_1.json")  # already correct: left unchanged
    assert clean.posts[0].text == "déjà prêt 🌿" and clean.posts[0].author == "Zoé"


# -- X / Twitter ------------------------------------------------------------------------------

def test_twitter_archive() -> None:
    r = Result(FIX / "twitter/data/SYNTHETIC_tweets.js")
    orig, rt, reply = r.posts
    assert orig.id.endswith(":1767500000000000001") and orig.author == "analyste_test"
    assert orig.date == "2024-03-12T13:05:33+00:00" and orig.lang == "fr"
    assert ("url", "https://example.org/page") in orig.meta and dict(orig.meta)["media"] == "photo"
    assert rt.text == "RT @someone: Tom & Jerry, texte long tronqué par l’archive…"  # &amp; unescaped
    assert dict(rt.meta)["retweet_of"] == "someone"
    assert dict(reply.meta)["reply_to"] == "1767400000000000000"
    assert dict(reply.meta)["reply_to_user"] == "example_user"


@pytest.mark.parametrize("name, fmt, text, date", [
    ("tweets-part1.js", "twitter", "<3 dispo > 20h", "2025-01-01T10:00:00+01:00"),
    ("tweet_old.js", "twitter", "old style, no wrapper", "2019-01-07T08:00:00+00:00"),
    ("note-tweet.js", "twitter_note", "un texte très long & complet", "2024-06-01T12:00:00+00:00"),
])
def test_twitter_variants(name: str, fmt: str, text: str, date: str) -> None:
    r = Result(OWN / name)
    assert r.files[0].format == fmt and not r.rejects
    assert (r.posts[0].text, r.posts[0].date) == (text, date)


def test_twitter_note_links_back_and_other_files_are_silent() -> None:
    assert dict(Result(OWN / "note-tweet.js").posts[0].meta)["note_for_tweet"] == "1800000000000000001"
    like = Result(OWN / "like.js")
    assert like.files[0].format == "twitter_other" and not like.posts and not like.rejects
    assert Result(OWN / "tweets-part1.js").posts[0].lang == ""  # "und" is no language


# -- WhatsApp ---------------------------------------------------------------------------------

CHATMINER_WA = ["chatminer_test_ddmmyy_24hrs.txt", "chatminer_test_mmddyy_24hrs.txt",
                "chatminer_test_mmddyyyy_12hrs.txt", "chatminer_test_yyyymmdd_24hrs.txt",
                "chatminer_test_ios_brackets_mmddyy_24hrs.txt"]


@pytest.mark.parametrize("name", CHATMINER_WA)
def test_whatsapp_chatminer_all_orders_agree(name: str) -> None:
    r = Result(WA / name)
    assert [(p.author, p.date) for p in r.posts] == [
        ("John Doe", "2019-01-01T11:25:00"), ("John Doe", "2019-01-20T11:23:00"),
        ("Jahn Doe", "2019-01-30T20:49:00"), ("John-John Doe", "2020-06-10T15:55:00"),
        ("", "2020-06-20T00:08:00"), ("", "2020-06-30T09:10:00"), ("John Doe 🤓", "2021-12-10T10:10:00"),
        ("🤓", "2021-12-20T12:10:00"), ("John Doe", "2021-12-30T22:01:00")]
    texts = [p.text for p in r.posts]
    assert texts[1] == "." and texts[3] == "Lorem ipsum : dolor sit amet."
    assert texts[2] == "Lorem ipsum dolor sit amet,\nconsectetur adipiscing elit. Duis libero."
    assert texts[4] == '+12 345 578 created group "Groupname"'
    assert dict(r.posts[4].meta)["service"] == "system"
    assert r.posts[2].provenance and r.posts[2].provenance.locator == "L3" and r.posts[3].id.endswith(":L5")
    assert dict(r.posts[0].meta)["date_tz"].startswith("unknown")


def test_whatsapp_android_fr() -> None:
    r = Result(OWN / "wa_android_fr.txt")
    enc, omitted, attached, deleted, edited, loc, a_form = r.posts
    assert enc.author == "" and dict(enc.meta)["service"] == "system"
    assert omitted.text == "" and dict(omitted.meta)["media"] == "omitted"
    assert attached.text == "la carte du jour" and dict(attached.meta)["media"] == "IMG-20250313-WA0002.jpg"
    assert dict(deleted.meta)["deleted"] == "true"
    assert edited.text == "dispo jusqu'à 2h" and dict(edited.meta)["edited"] == "true"
    assert dict(loc.meta)["location"] == "https://maps.google.com/?q=48.85,2.35"
    assert a_form.date == "2025-03-22T15:51:00" and a_form.author == "Client Demo"  # "22/03/2025 à 15:51"
    assert enc.date == "2025-03-12T08:59:00"  # no comma between date and time


def test_whatsapp_android_12h_and_caption() -> None:
    r = Result(OWN / "wa_android_en_12h.txt")
    assert [p.date for p in r.posts] == ["2016-08-06T13:23:00", "2016-08-06T13:24:00", "2016-08-07T00:05:00",
                                         "2016-08-07T12:30:00"]
    assert r.posts[1].text == "caption on the next line" and dict(r.posts[1].meta)["media"] == "omitted"
    # a system line with ": " inside quotes is not mistaken for an author
    assert r.posts[3].author == "" and r.posts[3].text == 'Alice created group "Demo: group"'


def test_whatsapp_ios_en_crlf_lrm() -> None:
    r = Result(OWN / "wa_ios_en_crlf.txt")
    sysmsg, photo, hello, img, doc, pm, nnbsp = r.posts
    # iOS: system messages carry an author
    assert sysmsg.author == "Demo Chat" and dict(sysmsg.meta)["service"] == "system"
    assert "\u200e" not in sysmsg.text and "\r" not in hello.text
    assert photo.text == "" and dict(photo.meta)["media"] == "00000035-PHOTO-2022-03-27-21-41-55.jpg"
    assert hello.text == "Hello World\nsecond line" and hello.date == "2022-03-27T21:42:00"
    assert dict(img.meta)["media"] == "image omitted"
    assert doc.text == "" and dict(doc.meta)["media"] == "document omitted: menu.pdf"
    assert pm.date == "2022-03-28T21:05:10" and nnbsp.date == "2023-12-25T10:30:45"


def test_whatsapp_ios_fr_de_fi() -> None:
    fr = Result(OWN / "wa_ios_fr.txt")
    assert [dict(p.meta).get("media") for p in fr.posts] == [
        "image omitted", "00000036-PHOTO-2022-03-18-14-57-00.jpg", None, None]
    # a leading LRM before the header
    assert fr.posts[2].text == "bonjour " and fr.posts[2].author == "Vendeur Demo"
    assert dict(fr.posts[3].meta)["deleted"] == "true"
    de = Result(OWN / "wa_android_de.txt")
    assert [(p.date, p.text) for p in de.posts] == [
        ("2016-04-15T15:04:00", "Hallo"), ("2016-04-15T15:05:00", ""), ("2016-04-16T09:00:00", "Tschüss")]
    fi = Result(OWN / "wa_ios_fi.txt")
    assert [p.date for p in fi.posts] == ["2022-03-12T14:08:18", "2022-03-12T14:09:00"]


def test_whatsapp_day_month_inference_per_file() -> None:
    amb = Result(OWN / "wa_ambiguous.txt")  # nothing tells: day first, with a warning
    assert amb.posts[0].date == "2021-02-01T10:00:00" and "day/month order" in amb.files[0].warnings[0]
    seq = Result(OWN / "wa_ambiguous_sequence.txt")  # only month-first keeps the dates in order
    assert [p.date[:10] for p in seq.posts] == ["2021-01-02", "2021-01-03", "2021-02-01"]
    assert not seq.files[0].warnings


def test_whatsapp_assume_tz() -> None:
    r = Result(WA / "chatminer_test_ddmmyy_24hrs.txt", assume_tz="Europe/Paris")
    assert r.posts[0].date == "2019-01-01T11:25:00+01:00" and r.posts[5].date == "2020-06-30T09:10:00+02:00"


# -- generic ----------------------------------------------------------------------------------

def test_jsonl() -> None:
    r = Result(OWN / "posts.jsonl")
    assert r.files[0].format == "jsonl"
    p1, p2, p6 = r.posts
    assert (p1.text, p1.author, p1.date, p1.platform, p1.lang) == (
        "première annonce", "@demo", "2025-01-01T10:00:00+01:00", "telegram", "fr")
    assert (p2.text, p2.author, p2.date) == ("epoch ms", "demo2", "2025-01-01T09:00:00+00:00")
    assert dict(p1.meta)["source_id"] == "p1" and p1.id.endswith(":L1")
    assert p6.date == "2025-01-01T10:00:00" and "date_tz" in dict(p6.meta)
    assert [x.where.rsplit(":", 1)[1] for x in r.rejects] == ["4", "5", "6"]
    assert "not JSON" in r.rejects[0].message and "no text field" in r.rejects[1].message


def test_csv_bom_semicolon_multiline() -> None:
    r = Result(OWN / "posts_bom_semicolon.csv")
    assert r.files[0].format == "csv"
    assert [(p.text, p.author, p.date) for p in r.posts] == [
        ("annonce; avec point-virgule", "demo", "2025-01-01T10:00:00+00:00"),
        ("sur deux\nlignes", "demo", ""),
        ("", "demo", "")]
    assert [p.provenance.locator for p in r.posts if p.provenance] == ["L2", "L3", "L5"]
    tab = Result(OWN / "posts_tab.csv")
    assert [(p.text, p.author) for p in tab.posts] == [("bonjour", "demo")]


def test_whole_fixture_tree_and_licence_kept() -> None:
    assert (FIX / "LICENSE.chat-miner.MIT.txt").exists()
    r = Result(FIX)
    formats = {f.format for f in r.files}
    assert {"telegram", "snapchat_chat", "meta", "twitter", "whatsapp", "jsonl", "csv"} <= formats
    assert all(f.sha256 and len(f.sha256) == 64 for f in r.files)
    ids = [p.id for p in r.posts]
    assert len(ids) == len(set(ids))  # ids are unique across the tree
    # the only unknown files are the licence texts
    unknown = {x.where.rsplit("/", 1)[1] for x in r.rejects if x.code == "SEN120"}
    assert unknown == {"LICENSE.chat-miner.MIT.txt"}
