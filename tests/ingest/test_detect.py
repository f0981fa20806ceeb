"""Detection by content: every fixture to its format, near-misses to unknown, names never trusted."""

from __future__ import annotations

import codecs
import json

import pytest

from sentinelle.ingest import detect

from .conftest import FIX

OWN = FIX / "own"

TABLE = [
    ("telegram/SYNTHETIC_single_chat_result.json", "telegram"),
    ("telegram/SYNTHETIC_full_account_result.json", "telegram"),
    ("telegram/chatminer_single_export.json", "telegram"),
    ("telegram/chatminer_batch_export.json", "telegram"),
    ("own/telegram_old_version.json", "telegram"),
    ("own/telegram_variants.json", "telegram"),
    ("own/telegram_truncated.json", "telegram"),
    ("snapchat/json/SYNTHETIC_chat_history.json", "snapchat_chat"),
    ("snapchat/json/SYNTHETIC_legacy_chat_history.json", "snapchat_chat_legacy"),
    ("snapchat/json/SYNTHETIC_snap_history.json", "snapchat_snaps"),
    ("own/snapchat_legacy_snap_history.json", "snapchat_snaps_legacy"),
    ("snapchat/json/SYNTHETIC_story_history.json", "snapchat_stories"),
    ("snapchat/json/SYNTHETIC_memories_history.json", "snapchat_memories"),
    ("instagram/SYNTHETIC_message_1_mojibake.json", "meta"),
    ("instagram/chatminer_message_1.json", "meta"),
    ("own/messenger_message_1.json", "meta"),
    ("twitter/data/SYNTHETIC_tweets.js", "twitter"),
    ("own/tweets-part1.js", "twitter"),
    ("own/tweet_old.js", "twitter"),
    ("own/note-tweet.js", "twitter_note"),
    ("own/like.js", "twitter_other"),
    *[(f"whatsapp/{n}", "whatsapp") for n in (
        "chatminer_test_ddmmyy_24hrs.txt", "chatminer_test_mmddyy_24hrs.txt",
        "chatminer_test_mmddyyyy_12hrs.txt",
        "chatminer_test_yyyymmdd_24hrs.txt", "chatminer_test_ios_brackets_mmddyy_24hrs.txt")],
    *[(f"own/{n}", "whatsapp") for n in ("wa_android_fr.txt", "wa_android_en_12h.txt", "wa_android_de.txt",
                                         "wa_ios_en_crlf.txt", "wa_ios_fr.txt", "wa_ios_fi.txt")],
    ("own/posts.jsonl", "jsonl"),
    ("own/posts_bom_semicolon.csv", "csv"),
    ("own/posts_tab.csv", "csv"),
    ("LICENSE.chat-miner.MIT.txt", "unknown"),
]


@pytest.mark.parametrize("rel, fmt", TABLE)
def test_fixture_detected(rel: str, fmt: str) -> None:
    data = (FIX / rel).read_bytes()
    assert detect(data, "renamed.bin", complete=True).format == fmt


@pytest.mark.parametrize("rel, fmt", [r for r in TABLE if r[1] not in ("unknown", "csv")])
def test_detected_from_a_cut_head(rel: str, fmt: str) -> None:
    """Detection sees only the head of a big file: cut mid-document, it must still decide."""
    data = (FIX / rel).read_bytes()
    head = data[: max(200, len(data) * 2 // 3)]
    assert detect(head, "x", complete=False).format == fmt


NEAR_MISSES = [
    b'{"messages": "hello"}',  # messages not a list of messages
    b'{"chats": 3}',
    b'{"participants": [], "title": "x"}',
    b'{"Your Story": []}',
    b'{"user": [{"a": 1}]}',  # dict of lists, but no Snapchat fields
    b"[1, 2, 3]",
    b'{"id": 1, "title": "no text field"}\n{"id": 2, "title": "x"}\n',
    b"2020-01-01 hello there\nnot a chat line\n",
    b"12/03/2025 is the date of the meeting\nand more prose\n",
    b"name,age\nbob,3\n",  # CSV without a text column
    b"window.YTDX = []",
    b"Just some notes about a case.\n",
]


@pytest.mark.parametrize("data", NEAR_MISSES)
def test_near_misses_are_unknown(data: bytes) -> None:
    det = detect(data, "x.json", complete=True)
    assert det.format == "unknown", det
    assert det.reason


@pytest.mark.parametrize("data, fmt", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 20, "image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image"),
    (b"GIF89a\x01\x00", "image"),
    (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "image"),
    (b"\x00\x00\x00\x18ftypmp42\x00\x00", "media"),
    (b"%PDF-1.7\n", "media"),
    (b"PK\x03\x04\x14\x00", "zip"),
    (b"\x1f\x8b\x08\x00", "compressed"),
    (b"<!DOCTYPE html><html><body><div class=\"message default clearfix\">", "html"),
    (b"", "empty"),
    (b"  \n\r\n", "empty"),
    (codecs.BOM_UTF8, "empty"),
    (b"\x00\x01\x02\x03binary\xff\xfe\x00", "unknown"),
])
def test_magic(data: bytes, fmt: str) -> None:
    assert detect(data, "x", complete=True).format == fmt


def test_name_is_not_trusted() -> None:
    tg = (FIX / "telegram/chatminer_single_export.json").read_bytes()
    det = detect(tg, "photo.png", complete=True)
    assert det.format == "telegram" and "named like an image (.png)" in det.warnings[0]
    assert detect(b"\xff\xd8\xff\xe0", "chat.txt", complete=True).format == "image"


@pytest.mark.parametrize("encoding, warned", [
    ("utf-16", "UTF-16 (byte order mark)"), ("utf-16-le", "UTF-16 LE"), ("utf-8-sig", ""),
    ("cp1252", "not valid UTF-8")])
def test_encodings(encoding: str, warned: str) -> None:
    text = "12/03/2025 08:59 - Vendeur: café à 10€\n13/03/2025 09:00 - Vendeur: dispo\n"
    det = detect(text.encode(encoding), "x", complete=True)
    assert det.format == "whatsapp"
    assert (warned in " ".join(det.warnings)) if warned else not det.warnings


def test_json_jsonl_one_line_telegram() -> None:
    one_line = json.dumps(json.loads((FIX / "telegram/SYNTHETIC_single_chat_result.json").read_text("utf-8")))
    assert detect(one_line.encode(), "x", complete=True).format == "telegram"
