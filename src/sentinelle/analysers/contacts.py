"""Contacts advertised in a post: messaging handles and phone numbers.

Handles (`handles`, value `{"platform", "handle"}`) are read with a small grammar around the
platform cues of `data/common/platforms.toml`:

- links whose path is the handle: "t.me/NAME", "instagram.com/NAME", "tiktok.com/@NAME";
  "wa.me/NUMBER" is a WhatsApp number and goes to `phones`, never to `handles`;
- cue then handle: "👻 Snap: name", "tg @name", "Telegram 👉 @name", "Signal only: name",
  "snap ➡️ name", "Snapchat 👇" then the handle at the start of the next line. Between the cue
  and the handle may stand separators (":", arrows, emoji) and filler words ("only",
  "officiel"); a word of the sentence ("👻 pour le menu", "stories Snapchat avec...") is not a
  handle: after a bare space the token must look like a handle (dots, underscores, digits) or,
  after a strong cue, stand alone at the end of the phrase in lower case;
- handle then cue: "la.ferme.rns sur snap", "@name (insta)";
- two cues joined by "et"/"or"/"/" share the handle ("snap et tg : name"); a cue reached
  through filler words hands the handle over ("tt est sur snap: name" is Snapchat only);
- after an account word ("nouveau compte : name", "new acc: name") a handle-shaped name takes
  the platform of a cue on the same or previous line ("ancien snap ban"), else the post's;
- a bare "@name" after a contact word ("Orders 👉 @name", "DM @name") takes the platform of
  the post itself; an "@" mention without any cue is not a contact;
- Session IDs (66 hex digits starting 05) and, after a Threema cue, Threema IDs.

The posting account itself is never reported.

Phones (`phones`, E.164) are read from runs of digit groups of the normalised text (keycaps
are digits there; every letter O is read as 0) with the separators people write (space, dot,
dash, slash, "(0)"). A run is a phone when its shape fits a numbering plan: French national
numbers (10 digits, 0 then 1-9, fiction ranges included), British ones (11 digits), Belgian
and Swiss ones when the post speaks of those countries (data/common/phone_regions.toml) and the
number is valid there, US 3-3-4 numbers in English posts (a bare 10-digit one after "call",
"📞"...), and any "+CC"/"00CC" number that `phonenumbers` finds possible. Dates, prices (digits
glued to a unit or currency), long identifiers (SIRET, IBAN) and numbers after an identifier
word ("SIRET", "réf") are not phones; short and emergency numbers never reach 8 digits.
The phone rules live in contact_phones.py (a mixin of `ContactAnalyser`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from functools import partial
from itertools import compress
from typing import Any, NamedTuple

from ..core import HANDLE_PLATFORMS, Analysis
from ..gazetteer import load_gazetteer
from ..lexicon import Entry, lexicon_file, load_groups
from ..normalize import fold, tokenize
from .base import ANY_LANGUAGE, Analyser, new_finding
from .contact_phones import _CAND_O_RE, _GLUED_ZERO_RE, PhoneRules
from .phone_words import spoken_digits

WORD_LANGS = ("fr", "en")
WORD_KINDS = ("filler", "contact", "account", "phone_cue", "not_handle", "not_phone", "dead_after", "former_before")
REGIONS = ("BE", "CH", "US", "GB", "IE", "NZ", "AU", "DE", "PF", "NC")
TOWN_REGIONS = frozenset({"IE", "NZ", "AU", "BE"})  # a town of these names its country (see ContactAnalyser)


class _Town(NamedTuple):
    value: str  # the country code a town abroad names, for the region hints
# --- handles -----------------------------------------------------------------------------

_HANDLE_CORE = r"[a-z0-9_](?:[a-z0-9_]|[.\-](?=[a-z0-9_])){0,39}"
_TOKEN_RE = re.compile(r"(?<![\w@#/])(@)?(" + _HANDLE_CORE + r")")
_CORE_RE = re.compile(r"(@)?(" + _HANDLE_CORE + r")")
_ACCOUNT_RE = re.compile(r"[ \t]*(?:[:=>\-→➜➝➡👉][ \t]*)*(@)?(" + _HANDLE_CORE + r")")
# a person thanked or tagged, not a contact ("thanks @mike", "merci @lea", "cc @sam")
_THANKED_RE = re.compile(r"\b(?:thanks|thank you|thx|ty|merci|cc|shoutout|shout out|with|avec|by|par|feat|ft)\W*$")
_AT_RE = re.compile(r"(?<![\w@#/.])@(" + _HANDLE_CORE + r")")
# a buyer's review names its vendor ("shoutout @mke.greenline", "merci @auxerre.frais89", "avis 5⭐ pour @x",
# "la frappe de @x", "5/5 on @x"): with a drug named or a drop told, the vendor's account
_REVIEWED_RE = re.compile(r"\b(?:shout ?outs?(?: to)?(?: (?:my|the) (?:guy|plug))?|big up(?: a| à| to)?|merci(?: a| à)?"
                          r"|thanks?(?: to)?|thank you|reviews?(?: of| for)?|avis(?: [^@\n]{0,6})?(?: sur| pour| de)"
                          r"|de chez|frappe de|sorted by|ordered (?:from|off)|[1-5]/[1-5]0? on)\W{0,3}$", re.I)
_ON_GAP_RE = re.compile(r"\W*\b(?:on|sur)\b\W*")
_DROP_TOLD = ("plug", "drop", "livr", "pulled up", "came thru", "came through", "recommend", "ordered")
# a user name with a dot or an underscore between letters ("etx.exotic5", "touraine_noct2"), not in a link,
# an e-mail address or a web address; read as a handle only near a platform cue (see `_handles`)
_DOTTED_RE = re.compile(r"(?<![\w@#/.])[a-z][a-z0-9]+(?:[._][a-z0-9]+)*[._][a-z0-9]{2,}(?![\w@/]|\.[a-z0-9])")
_SESSION_RE = re.compile(r"05[0-9a-fA-F]{64}")
_REVERSED_RE = re.compile(
    r"(?<![\w@#/.])(@)?(" + _HANDLE_CORE + r")[ \t]*(?:[(\[][ \t]*|(?:sur|on|via|at|dans|en)[ \t]+"
    r"(?:(?:le|mon|notre|my|our|the)[ \t]+)?)?$")
# separators that make the link between a cue and a handle explicit
_EXPLICIT = set(":=>~-*\"()[]{}«»→⇒⇨➔➙➛➜➝➞➟➠➡➢➣➤➥➦➧➨⟶⟹▶►▸⏩⤵⤴👉👇⬇↘↓")
# characters that end the search for a handle after a cue
_STOP = set("|,;.!?/#\n+&")
_QTY_RE = re.compile(r"\d+[a-z]{1,3}|[a-z]{1,2}\d+|\d+[a-z]{1,3}\d+")
_HAS_SEP_RE = re.compile(r"[a-z][._]|[._][a-z]")
_REFUSALS = frozenset("🚫❌⛔✖🙅")
_DOMAIN_RE = re.compile(r"^www\.|\.(?:com|fr|net|org|io|co|uk|eu|be|ch|de|es|it|info|biz|html?|php)$")
_WEB_RE = re.compile(r"^www\.|\.(?:com|net|org|html?|php)$")
_ORIG_HANDLE_RE = re.compile(r"@?[A-Za-z0-9_.\-]+")
# link paths that are not accounts
_RESERVED_PATHS = {
    "joinchat", "addstickers", "share", "s", "c", "p", "reel", "reels", "explore", "stories", "tv",
    "i", "home", "search", "hashtag", "intent", "login", "accounts", "add", "t", "discover", "spotlight",
}
_STRIP_PATH_PREFIX = {"s", "stories"}  # t.me/s/NAME, instagram.com/stories/NAME/


def _is_strict(tok: str) -> bool:
    """A token that can only be a handle: letters with dots/underscores, or letters and digits."""
    n = len(tok)
    if n < 3 or n > 40:
        return False
    letters = sum(map(str.isalpha, tok))
    if letters < 2 or _DOMAIN_RE.search(tok):
        return False
    if _HAS_SEP_RE.search(tok):
        return True
    if any(map(str.isdigit, tok)):
        return letters >= 3 and not _QTY_RE.fullmatch(tok)
    return False


def _is_loose(tok: str) -> bool:
    """A token that may be a handle when the text says so explicitly ("snap: name"). After "snap:"
    a name ending like a country domain ("hull.shipping.co", "lyon.frais.fr") is a username; only
    web addresses proper (www., .com, .net, .org, pages) are not."""
    return 2 <= len(tok) <= 40 and any(map(str.isalpha, tok)) and not _WEB_RE.search(tok)


class _Cue(NamedTuple):
    platform: str
    strong: bool
    start: int
    end: int
    rule: str
    term: str


# `_Cue(...)` and `_Group(...)` run a Python-level `__new__`; these build the same tuples in C
_new_cue = partial(tuple.__new__, _Cue)


class _Scan(NamedTuple):
    """What the word lists found in one post."""

    cues: Sequence[_Cue]
    contact: Sequence[int]  # starts of contact words
    account: Sequence[int]  # ends of account words ("nouveau compte", "new acc")
    phone_cue: Sequence[int]  # starts of phone cues ("call", "📞")
    not_phone: Sequence[int]  # ends of identifier words ("SIRET", "réf")
    regions: AbstractSet[str]  # region codes the post speaks of


_NO_TERMS = _Scan((), (), (), (), (), frozenset())  # what most posts hold


class ContactAnalyser(PhoneRules, Analyser):
    name = "contacts"
    languages = (ANY_LANGUAGE,)
    provides = ("handles", "former_handles", "phones")

    def __init__(self, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(options)
        entries = load_groups(lexicon_file("common", "platforms"), values=HANDLE_PLATFORMS,
                              extra_keys=("domains",))
        self.cue_words = {fold(e.term) for e in entries}
        domains: list[tuple[str, Entry]] = []
        for e in entries:
            for d in e.get("domains") or ():
                domains.append((str(d).lower(), e))
        domains.sort(key=lambda x: -len(x[0]))
        self.domain_entry = {d: e for d, e in domains}
        self.domain_marks = {d[d.rfind(".", 0, d.index("/")):d.index("/") + 1] for d, _ in domains}
        self.domain_re = re.compile(
            r"(?<![\w.])(?:https?://)?(?:www\.)?(" + "|".join(re.escape(d) for d, _ in domains) + r")"
            r"\+?(" + _HANDLE_CORE + r")")
        words: dict[str, list[Entry]] = {k: [] for k in WORD_KINDS}
        for lang in WORD_LANGS:
            path = lexicon_file(lang, "contacts")
            if path.exists():
                for e in load_groups(path, values=WORD_KINDS):
                    words[e.value].append(e)
        self.fillers = {fold(e.term) for e in words["filler"]}
        # an account announced gone: "le snap x a sauté", "l'ancien snap x" (see `_former`)
        self.dead_re = _phrase_re(words["dead_after"], r"[ \t]*[)\]»\"'’]?[ \t,:]*", r"(?!\w)")
        self.former_re = _phrase_re(words["former_before"], r"(?<!\w)",
                                    r"(?:[ \t]+[^\s]+){0,2}?[ \t]*[:\-–➡➜→👉]*[ \t]*$")
        # words never taken for a handle after a platform cue: function words and the like, and the
        # words that invite contact ("rejoins", "écris"), which stand next to platform names
        self.not_handle = {fold(e.term) for e in words["not_handle"]} | {
            fold(e.term) for e in words["contact"] if e.term.replace("'", "").replace(" ", "").isalpha()}
        # number words, but for the articles that double as "1" (see _spelt_phones)
        self.spoken = spoken_digits().all - {"un", "une", "one"}
        region_entries = load_groups(lexicon_file("common", "phone_regions"), values=REGIONS, extra_keys=("mobile",))
        # the countries whose national numbers a post naming them may hold, in file order, with
        # their mobile prefixes (empty: any number of their plan); US numbers have their own rule
        self.national: dict[str, tuple[str, ...]] = {}
        for e in region_entries:
            if e.value not in ("US", "GB"):
                self.national[e.value] = tuple(e.get("mobile") or ())
        # one matcher for every word list, so that a post's tokens are walked once
        self.kind_of: dict[int, str] = {}
        for kind, group in (("cue", entries), ("contact", words["contact"]), ("account", words["account"]),
                            ("phone_cue", words["phone_cue"]),
                            ("not_phone", words["not_phone"]), ("region", region_entries)):
            for e in group:
                self.kind_of[id(e)] = kind
        # longest whole-token match of every word list (lexicon.TermMatcher's rule), indexed by
        # first word; each term's entries come with their kind
        self._table: dict[tuple[str, ...], list[tuple[str, Any]]] = {}  # (kind, Entry or _Town)
        for e in [*entries, *words["contact"], *words["account"], *words["phone_cue"], *words["not_phone"],
                  *region_entries]:
            key = tuple(tokenize(fold(e.term)))
            if key:
                self._table.setdefault(key, []).append((self.kind_of[id(e)], e))
        # towns abroad of the countries whose mobiles look like French numbers once the country is
        # known ("Thurles, Clonmel ... 0874129936" is Irish): their one-word names name the country
        for key, named in load_gazetteer().abroad.items():
            for n in named:
                if len(key) == 1 and len(key[0]) >= 4 and not n.weak and n.country in TOWN_REGIONS:
                    self._table.setdefault(key, []).append(("region", _Town(n.country)))
        sizes: dict[str, set[int]] = {}
        for k in self._table:
            sizes.setdefault(k[0], set()).add(len(k))
        self._sizes = {w: tuple(sorted(v, reverse=True)) for w, v in sizes.items()}
        self._first_words = frozenset(self._sizes)
        # the same, split for _scan: one-word terms by word; for a first word of longer terms,
        # their lengths (longest first) and the words that may follow it (most lookups stop there);
        # a cue's hit carries the fields of its _Cue but the span
        self._one: dict[str, list[tuple[str, Any]]] = {}
        self._longer: dict[str, tuple[tuple[int, ...], frozenset[str]]] = {}
        self._hits: dict[tuple[str, ...], list[tuple[str, Any]]] = {}
        for k, hits in self._table.items():
            compiled = [(kind, (e.value, e.strength == "strong", e.rule, e.term) if kind == "cue" else e.value)
                        for kind, e in hits]
            if len(k) == 1:
                self._one[k[0]] = compiled
            else:
                self._hits[k] = compiled
                lens, seconds = self._longer.get(k[0], ((), frozenset()))
                self._longer[k[0]] = (tuple(sorted({*lens, len(k)}, reverse=True)), seconds | {k[1]})

    # -- entry point ----------------------------------------------------------------------

    def analyse(self, a: Analysis) -> None:
        text = a.norm.text
        if not text:
            return
        words = a.norm.words
        # Most posts have no contact at all: each step is called only when the post holds what it
        # needs, tested here in C (a Python call costs as much as several of these tests).
        sc = _NO_TERMS if self._first_words.isdisjoint(words) else self._scan(a, words)
        slash = "/" in text
        # a WhatsApp link (see _WA_RE), or a candidate run for `_runs` (digits or O, 8 characters or more)
        has_wa = slash and ("wa.me/" in text or "whatsapp.com/" in text)
        if has_wa or _CAND_O_RE.search(text) is not None:
            self._phones(a, text, sc, has_wa)
        # number words: a phone written out?
        if ((not self.spoken.isdisjoint(words) and sum(map(self.spoken.__contains__, words)) >= 2)
                or ("zero" in text and _GLUED_ZERO_RE.search(text))):  # ... or "zero6 . 51 . 07"
            self._spelt_phones(a, text, sc)
        # what each handle rule needs ("95€/g" has a "/", "05 61..." a "05")
        links = slash and any(map(text.__contains__, self.domain_marks))  # each mark ends with "/"
        session = "05" in text and _SESSION_RE.search(a.post.text) is not None
        if sc.cues or sc.account or "@" in text or links or session:
            self._handles(a, text, sc, links, session)

    def _scan(self, a: Analysis, words: list[str]) -> _Scan:
        cues: list[_Cue] = []
        contact: list[int] = []
        account: list[int] = []
        phone_cue: list[int] = []
        not_phone: list[int] = []
        regions: set[str] = set()
        # the tokens that start a term, picked in C: few
        idx = list(compress(range(len(words)), map(self._sizes.__contains__, words)))
        toks = a.norm.tokens
        text = a.norm.text
        one, longer, multi, n = self._one, self._longer, self._hits, len(words)
        after = 0  # words before this index are part of a term already found
        for i in idx:
            if i < after:
                continue
            w = words[i]
            hits = None
            size = 1
            more = longer.get(w)
            if more is not None and i + 1 < n and words[i + 1] in more[1]:  # the longest term first
                for size in more[0]:
                    if i + size <= n:
                        hits = multi.get(tuple(words[i:i + size]))
                        if hits:
                            break
            if not hits:
                hits = one.get(w)
                size = 1
                if not hits:
                    continue
            start, end = toks[i].start, toks[i + size - 1].end
            for kind, x in hits:
                if kind == "cue":
                    if _inside_handle(text, start, end):  # "snap.62_off" is a handle, not a cue
                        continue
                    platform, strong, rule, term = x
                    cues.append(_new_cue((platform, strong, start, end, rule, term)))
                elif kind == "contact":
                    contact.append(start)
                elif kind == "account":
                    account.append(end)
                elif kind == "phone_cue":
                    phone_cue.append(start)
                elif kind == "not_phone":
                    not_phone.append(end)
                elif kind == "region":
                    regions.add(x)
            after = i + size
        return _Scan(cues, contact, account, phone_cue, not_phone, regions)

    # -- handles --------------------------------------------------------------------------

    def _handles(self, a: Analysis, text: str, sc: _Scan, links: bool, session: bool) -> None:
        """Handles; `links`: the text may hold a link (see analyse), `session`: a Session ID."""
        author = a.post.author.lower().lstrip("@")
        own_platform = a.post.platform.lower()
        seen: set[tuple[str, str]] = set()

        def emit(platform: str, s: int, e: int, rule: str, why: str) -> None:
            tok = text[s:e].lstrip("@")
            s = e - len(tok)
            if not tok or tok.isdigit() or tok.startswith("flag_"):
                return  # (a flag emoji, as the normaliser writes it: "commande sur snap 🇫🇷")
            if tok == author and (platform in (own_platform, "other") or not own_platform):
                return  # the posting account itself (the same name on another platform is another account)
            key = (platform, tok)
            if key in seen or (platform == "session" and any(v.startswith(tok) for p, v in seen if p == "session")):
                return  # (a Session ID's first characters, cut at the handle length, are no other handle)
            seen.add(key)
            a0, a1 = a.norm.span(s, e)
            orig = a.post.text[a0:a1]
            orig = orig.lstrip("@")
            value = orig if _ORIG_HANDLE_RE.fullmatch(orig) else tok
            gone = self._former(text, s, e)
            if gone:  # a former account, kept for the networks (a rebrand links the two)
                a.findings.append(new_finding(("former_handles", {"platform": platform, "handle": value}, a0, a1,
                                               self.name, rule + ":former", 1.0, f"{why}; announced gone ({gone!r})")))
                return
            a.findings.append(new_finding(("handles", {"platform": platform, "handle": value}, a0, a1, self.name,
                                           rule, 1.0, why)))

        # links: t.me/NAME, instagram.com/NAME, wa.me/NUMBER (a phone, handled in _phones)
        if links:
            for m in self.domain_re.finditer(text):
                entry = self.domain_entry[m.group(1)]
                if entry.value == "whatsapp":
                    continue
                s, e = m.start(2), m.end(2)
                name = m.group(2)
                if name in _STRIP_PATH_PREFIX and e < len(text) and text[e] == "/":
                    nm = _CORE_RE.match(text, e + 1)
                    if not nm or nm.group(1):
                        continue
                    s, e, name = nm.start(2), nm.end(2), nm.group(2)
                if name in _RESERVED_PATHS or name.isdigit():
                    continue
                emit(entry.value, s, e, f"contacts:link:{m.group(1)}",
                     f"link {m.group(1)}{name} names a {entry.value} account")

        # Session IDs, read on the original text (normalisation collapses "ccc" to "c")
        if session:
            orig = a.post.text
            for m in _SESSION_RE.finditer(orig):
                s, e = m.span()
                if (s and orig[s - 1].isalnum()) or (e < len(orig) and orig[e].isalnum()):
                    continue
                value = m.group().lower()
                if ("session", value) not in seen:
                    seen.add(("session", value))
                    a.add("handles", {"platform": "session", "handle": value}, s, e, analyser=self.name,
                          rule="contacts:session_id",
                          explanation="66 hexadecimal digits starting 05: a Session messenger ID")

        cues = sc.cues
        cue_at = {c.start: c for c in cues}
        for c in cues:
            also: list[_Cue] = []
            found = self._after_cue(text, c, cue_at, a, also)
            back = self._before_cue(text, c) if also else None
            if back is not None:  # "DM @name on tg or 👻 other": the cue is the handle's before it
                emit(c.platform, back[0], back[1], c.rule,
                     f"handle written just before the {c.platform} cue {c.term!r}")
            if found is not None:
                s, e, how = found
                if back is None:
                    emit(c.platform, s, e, c.rule,
                         f"{how} after the {c.platform} cue {c.term!r}")
                for o in also:  # "snap et tg : name", "Insta/Snap: name"
                    emit(o.platform, s, e, o.rule, f"{how} after the {o.platform} cue {o.term!r}")
                continue
            back = self._before_cue(text, c)
            if back is not None:
                emit(c.platform, back[0], back[1], c.rule,
                     f"handle written just before the {c.platform} cue {c.term!r}")

        # "nouveau compte : name", "new acc: name": the platform of a nearby cue, else the post's
        for p in sc.account:
            am = _ACCOUNT_RE.match(text, p)
            if am is None:
                continue
            tok = am.group(2)
            e = am.end()
            if (tok.isdigit() or tok in self.cue_words or any(k[1] == tok for k in seen)
                    or (e < len(text) and (text[e] in "@/" or text[e].isalnum()))):
                continue
            if not (am.group(1) or _is_strict(tok)):
                continue
            c2 = self._near_cue(text, cues, p)
            if c2 is not None:
                emit(c2.platform, am.start(2), e, c2.rule,
                     f"account name after an account word, near the {c2.platform} cue {c2.term!r}")
            else:
                plat = self._post_platform(a, tok)
                emit(plat, am.start(2), e, "contacts:account_word",
                     f"account name after an account word, on the post's own platform ({plat})")

        # bare @name: platform from a cue on the same or previous line, else from a contact word
        if "@" in text:
            for m in _AT_RE.finditer(text):
                tok = m.group(1)
                if any(k[1] == tok for k in seen) or (m.end() < len(text) and text[m.end()] == "@"):
                    continue
                c3 = self._near_cue(text, cues, m.start())
                if c3 is not None:
                    emit(c3.platform, m.start(), m.end(), c3.rule,
                         f"@handle on the line of the {c3.platform} cue {c3.term!r}")
                    continue
                prev_start = self._prev_line_start(text, m.start())
                if any(prev_start <= p < m.start() for p in sc.contact):
                    plat = self._post_platform(a, tok)
                    emit(plat, m.start(), m.end(), "contacts:at_after_contact_word",
                         f"@handle after a contact word, on the post's own platform or a bot's ({plat})")
                elif _REVIEWED_RE.search(text, max(0, m.start() - 24), m.start()) and (
                        any(f.kind == "products" for f in a.findings) or any(w in text for w in _DROP_TOLD)):
                    on = next((c.platform for c in cues if m.end() < c.start <= m.end() + 8
                               and _ON_GAP_RE.fullmatch(text, m.end(), c.start)), None)  # "@x 🔌 on snap"
                    plat = on or self._post_platform(a, tok)
                    emit(plat, m.start(), m.end(), "contacts:at_reviewed",
                         f"@handle a buyer's review names, on the post's own platform ({plat})")
                elif (not any(ch.isalnum() for ch in text[m.end():]) and m.start() > 0
                      and not _THANKED_RE.search(text, max(0, m.start() - 14), m.start())):
                    plat = self._post_platform(a, tok)  # "... uni lot hit us up ⏎ @ponty_party_tg"
                    emit(plat, m.start(), m.end(), "contacts:at_closing",
                         f"@handle closing the post, on the post's own platform or a bot's ({plat})")

        # a dotted or underscored user name after a cue on its line or the line before, with no cue
        # word right before it: "new one is etx.exotic5", "snap de secours si ça saute : touraine.noct2"
        if cues and ("." in text or "_" in text):
            for m in _DOTTED_RE.finditer(text):
                tok = m.group()
                if (any(k[1] == tok for k in seen) or _DOMAIN_RE.search(tok) or tok in self.cue_words
                        or tok.startswith("flag_")):  # (a flag emoji, as the normaliser writes it)
                    continue
                c4 = self._near_cue(text, cues, m.start())
                if c4 is not None:
                    emit(c4.platform, m.start(), m.end(), c4.rule,
                         f"a user name ({tok!r}) after the {c4.platform} cue {c4.term!r}")

    @staticmethod
    def _prev_line_start(text: str, pos: int) -> int:
        line_start = text.rfind("\n", 0, pos) + 1
        return text.rfind("\n", 0, max(line_start - 1, 0)) + 1 if line_start else 0

    def _near_cue(self, text: str, cues: Sequence[_Cue], pos: int) -> _Cue | None:
        """The last platform cue before `pos` on its line or the line before."""
        lo = self._prev_line_start(text, pos)
        near = [c for c in cues if lo <= c.start < pos]
        return near[-1] if near else None

    @staticmethod
    def _post_platform(a: Analysis, handle: str = "") -> str:
        """The platform of a handle no cue names: the post's own, unless the name is a Telegram
        bot's (Telegram bot names end in "bot": "bot : @lecluse_bot")."""
        if handle.endswith("bot") and len(handle) > 3:
            return "telegram"
        plat = a.post.platform.lower()
        return plat if plat in HANDLE_PLATFORMS else "other"

    def _after_cue(self, text: str, c: _Cue, cue_at: dict[int, _Cue], a: Analysis,
                   also: list[_Cue]) -> tuple[int, int, str] | None:
        n = len(text)
        i = c.end
        if text.startswith("-", i) and i + 1 < n and text[i + 1].isalpha() and text[i - 1].isalpha():
            return None  # "télé-opérateur": a compound word, no platform
        line_end = text.find("\n", i)
        if line_end < 0:
            line_end = n
        explicit = False
        consumed = False
        worded = False  # filler words skipped since the cue
        steps = 0
        while steps < 8:
            steps += 1
            while i < line_end and text[i] in " \t":
                i += 1
            if i >= line_end:
                break
            ch = text[i]
            other = cue_at.get(i)
            if other is not None:
                if worded and other.platform != c.platform:
                    return None  # "tt est sur snap: name": the handle belongs to the later cue
                if other.platform != c.platform:
                    also.append(other)
                i = other.end
                consumed = True
                continue
            conj = 1 if ch in "/&+" else (3 if text.startswith(("et ", "ou ", "or "), i) else
                                          (4 if text.startswith("and ", i) else 0))
            if conj:  # "snap et tg : name": a second cue shares the handle
                j = i + conj
                while j < line_end and text[j] in " \t":
                    j += 1
                if j in cue_at:
                    i = j
                    continue
                return None
            if ch == "'":  # "c'est", "it's": an apostrophe links nothing
                i += 1
                continue
            if ch in _EXPLICIT:
                explicit = True
                consumed = True
                i += 1
                continue
            if ch in _STOP:
                return None
            m = _TOKEN_RE.match(text, i)
            if m is None:
                if ch in "£$€¥":  # "50 x £20s": an amount follows, no handle
                    return None
                if not c.term[:1].isalnum() and ch not in _POINTERS and not ch.isspace():
                    # "🍗🥔🥕 delivered": an icon among emoji points to nothing by itself; only a
                    # handle-shaped name may follow ("👻🔥 lyon.drive")
                    i += 1
                    consumed = True
                    continue
                if ch in _REFUSALS:  # "snap 🚫", "insta ❌": the platform is refused, no handle follows
                    return None
                if "\U0001f600" <= ch <= "\U0001f64f":  # a face ends the phrase: "sur son snap 😭 on vit"
                    return None
                if not ch.isalnum() and not ch.isspace():  # an emoji or symbol between cue and handle
                    explicit = True
                    consumed = True
                    i += 1
                    continue
                return None
            tok = m.group(2)
            s, e = m.start(), m.end()
            if tok in ("http", "https", "www"):  # a link: read by the link rule
                return None
            if e < n and (text[e] in "@/" or text[e].isalnum()):  # e-mail, link path, too long
                return None
            if tok in self.fillers and not m.group(1):
                i = e
                consumed = True
                worded = True
                continue
            if tok.isdigit():
                return None
            if m.group(1):
                return (s, e, "@handle")
            if len(c.term) == 1 and c.term.isalpha() and not explicit:  # "X : @name", not "x 2"
                return None
            if c.platform == "threema" and len(tok) == 8:  # Threema IDs: 8 capitals and digits
                orig = a.norm.original_text(s, e)
                if orig.isalnum() and orig.upper() == orig:
                    return (s, e, "Threema ID")
            if (_is_strict(tok) or _is_strict(a.norm.original_text(s, e))) and tok not in self.cue_words:
                return (s, e, "handle-shaped token")  # (as written: "bl0wup", not the "blowup" read)
            if tok in self.not_handle or tok in self.cue_words:
                return None
            if explicit and _is_loose(tok):
                return (s, e, "handle after an explicit separator")
            # (or after "signal", a weak cue since it is a word too, a name of six letters or more:
            # "signal tcexotics", "hit the signal desertplugaz"; 83 of 95 such in hand-written posts)
            if ((c.strong or (c.platform == "signal" and len(tok) >= 6)) and _is_loose(tok) and len(tok) >= 4
                    and self._alone(text, e, line_end)):
                orig = a.norm.original_text(s, e)
                if orig == orig.lower():
                    return (s, e, "lower-case name standing alone")
            return None
        # end of line: "Snapchat 👇" / "Telegram :" then the handle on the next line
        if (explicit or not consumed) and line_end < n:
            j = line_end + 1
            while j < n and (text[j] in " \t" or text[j] in _EXPLICIT):
                j += 1
            m = _TOKEN_RE.match(text, j)
            if m is not None and (m.group(1) or _is_strict(m.group(2))):
                e = m.end()
                if not (e < n and text[e] in "@/"):
                    return (m.start(), e, "handle on the line after")
        return None

    def _former(self, text: str, s: int, e: int) -> str:
        """The words that say the handle at [s, e) is a former account ("x a sauté", "l'ancien snap
        x", "old snap x got banned"), or "" when none do."""
        line_end = text.find("\n", e)
        m = self.dead_re.match(text, e, min(e + 30, len(text) if line_end < 0 else line_end))
        if m is not None:
            return m.group(1)
        line_start = text.rfind("\n", 0, s) + 1
        m = self.former_re.search(text, max(line_start, s - 30), s)
        return m.group(1) if m is not None else ""

    @staticmethod
    def _alone(text: str, e: int, line_end: int) -> bool:
        """Nothing word-like follows the token on its phrase (end of line, punctuation, emoji)."""
        j = e
        while j < line_end and text[j] in " \t":
            j += 1
        return j >= line_end or not text[j].isalnum()

    def _before_cue(self, text: str, c: _Cue) -> tuple[int, int] | None:
        line_start = text.rfind("\n", 0, c.start) + 1
        lo = max(line_start, c.start - 60)
        m = _REVERSED_RE.search(text, lo, c.start)
        if m is None:
            return None
        tok = m.group(2)
        if tok.isdigit() or tok in self.cue_words:
            return None
        if m.group(1) or _is_strict(tok):
            return m.start(), m.end(2)
        return None

    # -- phones ---------------------------------------------------------------------------

def _phrase_re(entries: Sequence[Entry], head: str, tail: str) -> re.Pattern[str]:
    """One regex for the (folded) phrases of `entries` (group 1), longest first, any run of spaces
    between their words, after `head` and before `tail`."""
    phrases = sorted({fold(e.term) for e in entries}, key=len, reverse=True)
    body = "|".join(r"[ \t]+".join(map(re.escape, p.split())) for p in phrases) or r"(?!)"
    return re.compile(f"{head}({body}){tail}")


# emoji that point from a platform icon to its handle ("👻👉 name", "👻➡️ name")
_POINTERS = frozenset("👉👇⬇➡➜→⤵☞")


def _inside_handle(text: str, s: int, e: int) -> bool:
    """A cue word glued to a handle by a dot or underscore ("snap.62_off", "la_snap")."""
    if e < len(text) - 1 and text[e] in "._" and text[e + 1].isalnum():
        return True
    return s >= 2 and text[s - 1] in "._@" and text[s - 2].isalnum()
