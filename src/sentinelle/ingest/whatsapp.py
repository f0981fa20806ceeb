"""WhatsApp "Export chat" text files, Android and iOS, any locale.

Two passes over the file, line by line: the first reads only the header dates to infer the
day/month order of this file (a field over 12 decides; otherwise the order that keeps the dates
in sequence; otherwise day first, with a warning), the second builds the messages. A line that
does not start with a header continues the previous message. Android system lines have no
author; iOS system lines carry the chat name as author and are recognised by their wording.
Times are the phone's wall clock with no zone: see `base.localise`.

Text: the message body with direction marks (U+200E...) removed. A media placeholder line
(`<Media omitted>`, `image omitted`, `<attached: ...>`, `IMG-...jpg (file attached)`) is not
text: it goes to meta `media`, and the caption on the following lines stays the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

from ..core import Post
from .base import BAD_RECORD, LINE_TOO_LONG, Context, Rejected, Source, localise
from .streams import TextStream

HEADER = re.compile(
    r"^(?P<br>\[)?"
    r"(?P<d1>\d{1,4})(?P<sep>[-/.])\s?(?P<d2>\d{1,2})(?P=sep)\s?(?P<d3>\d{1,4})\.?"
    r",?[ \t\xa0]+(?:[^\d\s\[\]]{1,6}[ \t]+){0,2}"  # "à", "um", "klo", "a las" between date and time
    r"(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?:[:.](?P<s>\d{2}))?"
    r"(?:[ \t\u202f\xa0]*(?P<ampm>[aApP]\.?[ \t\u202f\xa0]?[mM]\.?))?"
    r"(?(br)\][ \t]?|[ \t]?[-\u2013][ \t])"
    r"(?P<rest>.*)$"
)
_MARKS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
_STRIP = str.maketrans("", "", _MARKS)

_ANDROID_OMITTED = re.compile(
    r"^<(?:media omitted|médias omis|medien ausgeschlossen|multimedia omitido|media omessi|mídia oculta|"
    r"arquivo de mídia oculto|media weggelaten|medya dahil edilmedi|без медиафайлов|pominięto multimedia|"
    r"(?:media|médias?|medien|multimedia|mídia|medya)\b[^<>]{0,30})>$", re.I)
_ATTACHED_ANDROID = re.compile(
    r"^(?P<f>\S.{0,200}?\.\w{2,5}) \((?:file attached|fichier joint|datei angehängt|archivo adjunto|"
    r"arquivo anexado|file allegato|bestand bijgevoegd)\)$", re.I)
_ATTACHED_IOS = re.compile(
    r"^<(?:attached|pièce jointe|anhang|adjunto|anexo|allegato|bijlage): (?P<f>[^<>]+)>$", re.I)
_OMITTED_IOS = re.compile(
    r"^(?:(?P<f>.{1,200}?) )?(?P<k>image|video|audio|sticker|GIF|Contact card|document|photo|vidéo|"
    r"Fiche contact|Bild|Dokument|Kontaktkarte|imagen|documento|tarjeta de contacto)[ ]"
    r"(?:omitted|absente?|omise?|retiré|manquante?|weggelassen|omitid[oa]|ausgelassen)$", re.I)
_EDITED = re.compile(r"\s*<(?:This message was edited|Ce message a été modifié|"
                     r"Diese Nachricht wurde bearbeitet|Se editó este mensaje\.?|Mensagem editada)>$", re.I)
_DELETED = re.compile(r"^(?:This message was deleted|You deleted this message|Ce message a été supprimé|"
                      r"Vous avez supprimé ce message|Diese Nachricht wurde gelöscht|Du hast diese Nachricht "
                      r"gelöscht|Se eliminó este mensaje|Eliminaste este mensaje)\.?$", re.I)
_SYSTEM = re.compile(
    r"end-to-end encrypted|chiffrés de bout en bout|Ende-zu-Ende-verschlüsselt|cifrados de extremo a extremo|"
    r"criptografia de ponta a ponta|crittografati end-to-end|security code (?:with|changed)|code de sécurité|"
    r"Sicherheitsnummer|código de seguridad|created (?:group|this group)|a créé (?:le )?groupe|"
    r"hat (?:die )?Gruppe .{0,40}erstellt|creó el grupo|changed the (?:subject|group description)|"
    r"a modifié (?:le sujet|la description|l'objet)|changed this group's icon|a changé (?:l'icône|de numéro)|"
    r"^(?:You were added|Vous avez été ajouté)|joined using this group's invite link|"
    r"a rejoint (?:le groupe|via)|changed their phone number|changed to \+|disappearing messages|"
    r"messages éphémères|You're now an admin|Vous êtes (?:désormais|maintenant) admin", re.I)
_SYSTEM_VERB = re.compile(r"\b(?:added|removed|left|joined|created|changed|a ajouté|a retiré|est parti|"
                          r"a quitté|hinzugefügt|entfernt|verlassen|añadió|eliminó|salió)\b", re.I)
_LOCATION = re.compile(r"(?:^|\s)(?:location|localisation|standort|ubicación): (?P<u>https?://\S+)", re.I)


def infer_order(dates: list[tuple[str, str, str]]) -> tuple[str, str]:
    """"ymd", "dmy" or "mdy" for the header dates of one file, and how it was decided."""
    if not dates:
        return "dmy", "no dates"
    if all(len(d[0]) == 4 for d in dates[:50]):
        return "ymd", "year first"
    if any(int(d[0]) > 12 for d in dates):
        return "dmy", "a first field over 12"
    if any(int(d[1]) > 12 for d in dates):
        return "mdy", "a second field over 12"

    def backwards(order: str) -> int:
        seq = [_ymd(d, order) for d in dates]
        return sum(1 for a, b in zip(seq, seq[1:], strict=False) if b < a)

    dmy, mdy = backwards("dmy"), backwards("mdy")
    if dmy != mdy:
        return ("dmy", "dates in sequence") if dmy < mdy else ("mdy", "dates in sequence")
    return "dmy", "ambiguous"


def _ymd(d: tuple[str, str, str], order: str) -> tuple[int, int, int]:
    a, b, c = (int(x) for x in d)
    if order == "ymd":
        y, m, day = a, b, c
    elif order == "mdy":
        m, day, y = a, b, c
    else:
        day, m, y = a, b, c
    if y < 100:
        y += 2000
    return y, m, day


def _clean(line: str) -> str:
    return line.lstrip(_MARKS + "\xa0 ") if line[:1] in _MARKS or line[:1] == "\xa0" else line


def read(src: Source, ctx: Context) -> Iterator[Post | Rejected]:
    limits = ctx.limits
    dates: list[tuple[str, str, str]] = []
    with src.open() as fh:
        ts0 = TextStream(fh, ctx.encoding, limits.chunk_chars)
        for _, line, too_long in ts0.lines(limits.max_line_chars):
            if too_long:
                continue
            m = HEADER.match(_clean(line))
            if m:
                dates.append((m["d1"], m["d2"], m["d3"]))
    order, how = infer_order(dates)
    if how == "ambiguous":
        ctx.warn("day/month order cannot be told from the dates (no field over 12, no order fits better): "
                 "read as day/month/year")
    ctx.hints["date_order"] = order

    cur: dict | None = None
    with src.open() as fh:
        ts = TextStream(fh, ctx.encoding, limits.chunk_chars)
        for n, line, too_long in ts.lines(limits.max_line_chars):
            if too_long:
                yield src.reject(f"L{n}", LINE_TOO_LONG, f"line is {too_long:,} characters, over the "
                                 f"{limits.max_line_chars:,} limit; skipped", line)
                continue
            m = HEADER.match(_clean(line))
            if m:
                if cur is not None:
                    yield from _emit(src, ctx, cur, order)
                cur = {"n": n, "m": m, "body": [m["rest"]], "size": len(line)}
            elif cur is None:
                if line.strip(_MARKS + " \t"):
                    yield src.reject(f"L{n}", BAD_RECORD, "text before the first message header", line)
            else:
                cur["size"] += len(line)
                if cur["size"] > limits.max_record_chars:
                    yield src.reject(f"L{n}", LINE_TOO_LONG, "message longer than the record limit; "
                                     "line dropped", line)
                else:
                    cur["body"].append(line)
        if cur is not None:
            yield from _emit(src, ctx, cur, order)
        if ts.replaced > 0:
            ctx.warn(f"{ts.replaced} invalid byte sequence(s) replaced by U+FFFD")


def _emit(src: Source, ctx: Context, cur: dict, order: str) -> Iterator[Post | Rejected]:
    m: re.Match[str] = cur["m"]
    loc = f"L{cur['n']}"
    try:
        y, mo, d = _ymd((m["d1"], m["d2"], m["d3"]), order)
        h = int(m["h"])
        ampm = (m["ampm"] or "").lower()[:1]
        if ampm == "p" and h < 12:
            h += 12
        elif ampm == "a" and h == 12:
            h = 0
        naive = datetime(y, mo, d, h, int(m["mi"]), int(m["s"] or 0))
    except ValueError as exc:
        yield src.reject(loc, BAD_RECORD, f"bad date or time in the header ({exc}); read as {order}",
                         m.group(0))
        return
    date, meta = localise(naive, ctx)
    first = cur["body"][0]
    author = ""
    body_first = first
    i = first.find(": ")
    if i > 0 and not (m["br"] is None and _SYSTEM_VERB.search(first[:i]) and '"' in first[:i]):
        author, body_first = first[:i], first[i + 2:]
    else:
        sm = re.fullmatch(r"(.{1,80}?):(\.?)", first)
        if sm:
            author, body_first = sm[1], sm[2]
    lines = [body_first, *cur["body"][1:]]
    raw_first = lines[0]
    lines = [ln.translate(_STRIP) for ln in lines]
    author = author.translate(_STRIP).strip()
    marked = "\u200e" in raw_first or raw_first[:1] in _MARKS
    if not author or (marked and _SYSTEM.search(lines[0])):
        meta.append(("service", "system"))
    media = _media(lines[0].strip(), marked)
    if media is not None:
        meta.append(("media", media))
        lines = lines[1:]
    text = "\n".join(lines)
    em = _EDITED.search(text)
    if em:
        text = text[:em.start()]
        meta.append(("edited", "true"))
    if _DELETED.match(text.strip()):
        meta.append(("deleted", "true"))
    lm = _LOCATION.search(text)
    if lm:
        meta.append(("location", lm["u"]))
    meta.append(("line", str(cur["n"])))
    yield src.post(loc, text, platform="whatsapp", author=author, date=date, meta=meta)


def _media(line: str, marked: bool) -> str | None:
    """The media a placeholder line stands for, or None when the line is text.

    `marked`: the line began with a direction mark, as iOS writes its placeholders."""
    if _ANDROID_OMITTED.match(line):
        return "omitted"
    a = _ATTACHED_ANDROID.match(line) or _ATTACHED_IOS.match(line)
    if a:
        return a["f"].strip()
    o = _OMITTED_IOS.match(line)
    if o and (marked or not o["f"]):
        return f"{o['k'].lower()} omitted" + (f": {o['f']}" if o["f"] else "")
    if line == "null":
        return "view once"
    return None
