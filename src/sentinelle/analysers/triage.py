"""Triage: sale, recruitment or other, with a calibrated score and the evidence behind it.

The verdict comes from the triage model (`model/triage_model.py`) over the facts the earlier
analysers found and the post's own words. The evidence is the set of findings that pushed the
verdict: cue findings of the meanings the model weighed most, and, when a word of the post
itself weighed, a `cue` finding on that word naming the model feature.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache, partial
from typing import Any

from ..core import CATEGORIES, CUE, Analysis, Finding
from ..lexicon import data_dir
from ..model.features import fact_features
from ..model.quick import Found, quick_features
from ..model.triage_model import TriageModel
from ..normalize import tokenize
from .base import Analyser
from .conditions import token_words
from .cues import ERRAND_RE
from .price_grammar import voice_note

_FACT_KINDS = ("products", "prices", "handles", "phones", "places", "departments", "min_order", "payment",
               "delivery", "always_open", "prepayment", "promotion", "scam_signals", "minors_signals")


LEGAL_RETAIL_SCORE = 0.4  # the score of a sale the legal-retail rule overturns


# The rules below read the findings of the earlier analysers grouped by kind (`_by_kind`): the
# findings triage adds itself (a word of the post, see `_because`) are cues whose meaning is a
# category and whose rule names the model, which no rule looks for.


def _legal_retail(a: Analysis, by_kind: dict[str, list[Finding]]) -> list[Finding]:
    """The legal-retail cues of a post that reads as legal recreational retail: the legal THC limit
    stated ("THC < 0,3%", a CBD grower's strain priced by the gram), or two legal-shop cues or more,
    one of them the legal-retail grammar (licensed store, 19+/21+ gate, government of Canada); and no
    handle or phone to message (dealers posing as dispensaries give one)."""
    legal = [f for f in by_kind.get(CUE, _NONE) if f.value == "cbd_legal"]
    if not legal:
        return []
    if not THC_LIMIT_RE.search(a.norm.text) and (len({(f.start, f.end) for f in legal}) < 2 or not any(
            f.rule == "grammar:legal_retail" for f in legal)):
        return []
    if "handles" in by_kind or "phones" in by_kind:
        return []
    return legal


BUSINESS_SCORE = 0.4  # the score of a sale the legal-business rule overturns
# a price per gram or for a few grams ("80 le g", "2g 150"): what no food or drink is sold by
_GRAM_PRICE_RE = re.compile(r"\b(?:le|la|per|a|the)\s?(?:g|gr|gramme)\b|(?<![\d.,])(?:[1-9]|10)(?:[.,]5)?\s?(?:g|gr)\b")
_BUSINESS_CUES = frozenset({"food_delivery", "legit_commerce", "personal"})
_WINKS = ("😏", "😉", "😜", "🤫", "(les habitués", "if you know", "who know")


def _priced_sale(a: Analysis, by_kind: dict[str, list[Finding]]) -> list[Finding]:
    """The price findings of a post the model reads as a job offer but that prices products, or sets a
    minimum order, and offers no job: no pay, no network's work, no errand ("Un chauffeur vient à vous
    en berline ... 100 € le gramme", "commande minimum 50€ ... pas de photos au livreur" are sales).
    Empty otherwise."""
    prices = by_kind.get("prices", _NONE)
    # (a menu: two price points at least, "payé 0,50€ le pochon" is one; or a minimum order)
    sold = prices if len(prices) >= 2 else by_kind.get("min_order", _NONE)
    if not sold or any(f.rule in _PAY_RULES for f in by_kind.get(CUE, _NONE)):
        return []
    text = a.norm.text
    if _trade_job(text) or ERRAND_RE.search(text):
        return []
    if sold is not prices and _PAID_RE.search(text):
        return []  # "payé à la semaine, 800€ mini", "100€ minimum par soir": a wage's minimum
    return list(sold)


# words of a wage ("payé à la course", "minimum 10 courses", "par soir"): a minimum that is no order's
_PAID_RE = re.compile(r"\b(?:paye|payee|payes|paid|pay|salaire|remunere|remuneration|gagne|gagnes|courses|par soir"
                      r"|par jour|la semaine|per night|per day|a night|a day)\b")


def _legal_business(a: Analysis, by_kind: dict[str, list[Finding]]) -> list[Finding]:
    """The business cues of a post that sells food, drink, vapes or goods, or a person's own post,
    and names no drug: a strong cue of a legal business ("burger", "e-liquide", "chocolat") or of
    a personal post (a dating profile, a lost account), and no product found, not
    even by an emoji, nor a wink at a hidden meaning ("la vraie neige 😏"). Empty otherwise."""
    text = a.norm.text
    cues = by_kind.get(CUE, _NONE)
    if ("products" in by_kind or any(w in a.post.text for w in _WINKS) or _GRAM_PRICE_RE.search(text)
            # an account lost to a ban or to reports ("l'ancien est mort", "suite aux signalements"):
            # a dealer's, not a café's or a shop's (see cues.BANNED_ACCOUNT_RE)
            or "signalements" in text or any(f.rule == "grammar:banned_account" for f in cues)
            # "same plug": a dealer's word, said of a rebrand ("UNI TREATS is now 'BRAYFORD BAKERY' / same
            # menu, same plug": 204 hand-written posts say it, all sales or jobs)
            or "same plug" in text or "meme plug" in text
            # paid in crypto up front to a contact given: an advance-fee seller's terms, no shop's
            or (any(f.value == "crypto" for f in by_kind.get("payment", _NONE))
                and any(f.value == "full" for f in by_kind.get("prepayment", _NONE))
                and ("handles" in by_kind or "phones" in by_kind))):
        return []
    return [f for f in cues if f.value in _BUSINESS_CUES and f.score >= 1.0]


def _legal_job(a: Analysis, by_kind: dict[str, list[Finding]]) -> list[Finding]:
    """The cues of a job offer from a legal employer: two different strong cues of legal work or
    trade ("CDI", "envoyez CV", "full UK licence", "weekly pay", "U13"), no drug named, no network's
    work nor errand told, no wink. Empty otherwise."""
    if "products" in by_kind or any(w in a.post.text for w in _WINKS):
        return []
    found = [f for f in by_kind.get(CUE, _NONE) if f.value in _BUSINESS_WORDS and f.score >= 1.0
             and f.rule != "grammar:legal_retail"]  # (an age gate, "21+ only", is no employer's word)
    if len({f.rule for f in found}) < 2:
        return []
    text = a.norm.text
    if _trade_job(text) or ERRAND_RE.search(text) or _SHADY_JOB_RE.search(text):
        return []
    return found


OFFER_SCORE = 0.6  # the score of a post the seller's-offer rule makes a sale
# a seller speaking of their own stock, price or drop ("j'ai de la blanche", "jpeux te faire 5g a
# 40", "got the white back in", "can drop Barking in 15", "I'm round Dudley in twenty minutes")
_SELLER_RE = re.compile(
    r"\b(?:j'?ai (?:de la|du|des|recu|reçu|rentre|encore)|jai (?:de la|du|des)|moi j'?ai\b"
    r"|j'?peux te (?:faire|passer|deposer|laisser)"
    r"|je (?:peux|te) (?:te )?(?:faire|passer|deposer|livrer|deplace)|je te (?:fais|depose|laisse|le fais)"
    r"|jte (?:fais|depose|laisse)|si tu (?:en )?prends|t'en prends"
    r"|je (?:la|le|les) vends|je vends (?:aussi |egalement )?(?:de la|du|des|ma|mon|mes)|je laisse le tout"
    r"|j'? ?en ai (?:encore|du|de la|des)|(?:^|\n)vends? (?:des |mes |de la |du )?(?:cachets|comprimes|gelules|boites)"
    r"|i'?m selling|selling (?:some|homegrown)|can'?t go (?:any )?lower|lowest (?:is|i can)|best i can (?:do|dae)"
    r"|(?:c'?est )?pas negociable"
    r"|i(?:'ve)? got (?:the|some|it|u|you)|got the \w+ (?:back|in)|got (?:u|you) bro|i can (?:do|drop|sort)|can drop"
    r"|(?:^|still up\W+)got (?:the|some)|can bring (?:em|it|them|u|you|to)"
    r"|i'?m (?:round|about|outside|in) \w+ (?:in|till|until)|i(?:'ll| will) drop)\b")
_NOT_AN_OFFER = frozenset({"news", "prevention", "buyer", "harm_reduction", "humor", "health", "legit_commerce",
                           "food_delivery", "cbd_legal", "conversation", "personal"})
_BUSINESS_LEGIT = frozenset({"legit_commerce", "food_delivery"})


def _seller_offer(a: Analysis, by_kind: dict[str, list[Finding]]) -> list[Finding]:
    """The price findings of a post in which a seller offers their own product at a price, in the
    first person ("de la blanche, le gramme à soixante-dix, je peux passer à Hayange"): a sale the
    model misses when the words around are a chat's. Empty when a cue of a report, a warning, a
    buyer, a joke or a legal trade stands in the post, or no product is priced."""
    prices = by_kind.get("prices", _NONE)
    if not prices or "products" not in by_kind:
        return []
    # a drug named by its own strong word ("space cake", "résine de cannabis", "codéine") outweighs the
    # words of a trade or a kitchen around it ("gâteau", "vends", "tomatoes 😉")
    text = a.post.text
    named = any(f.score >= 1.0 and any(c.isalpha() for c in text[f.start:f.end]) for f in by_kind["products"])
    blockers = _NOT_AN_OFFER - _BUSINESS_LEGIT if named else _NOT_AN_OFFER
    blocking = [f for f in by_kind.get(CUE, _NONE) if f.value in blockers and f.score >= 1.0]
    seller = _SELLER_RE.search(a.norm.text)
    if blocking:
        # a buyer's question answered by a seller ("quelqu'un a du lyrica ? — moi j'ai, 5€ la gélule"):
        # the offer comes after every buyer's word
        start = a.norm.span(seller.start(), seller.end())[0] if seller else -1
        if not (seller and all(f.value == "buyer" and f.end <= start for f in blocking)):
            return []
    if not (seller or voice_note(a.norm.text)):
        return []  # (a voice note that prices a product is the seller's: buyers ask in writing)
    return list(prices)


# a chat between a seller and a buyer, each line opened by their role ("Client: 3g de kush / Moi: 25")
# (or in brackets: "[Client] wesh t'es dispo ? / [Livreur] oui frérot 30 min"; a courier sells too)
_SELLER_WORDS = r"(?:vendeur|vendeuse|moi|me|seller|runner|dealer|plug|livreur|livreuse|driver|courier|centrale)"
_SELLER_ROLE = r"^(?:" + _SELLER_WORDS + r"\s?:|\[" + _SELLER_WORDS + r"\])"
_SELLER_TURN_RE = re.compile(_SELLER_ROLE, re.I | re.M)
_PRICE_TURN_RE = re.compile(_SELLER_ROLE + r"\D{0,30}\d", re.I | re.M)  # the seller's turn names a figure
_BUYER_WORDS = r"(?:client|cliente|customer|buyer|acheteur|acheteuse)"
_BUYER_LINE_RE = re.compile(r"^(?:" + _BUYER_WORDS + r"\s?:|\[" + _BUYER_WORDS + r"\]).*$", re.I | re.M)


# what a buyer asks a dealer for when no drug is named: grams, an eighth or a Q, pills, bags ("3
# b's and a w"), the street's packets ("2 balles de 20", "une barrette")
_DEAL_QTY_RE = re.compile(
    r"(?<![\w.,])(?:\d+(?:[.,]5)?\s?(?:g|gr|grammes?|grams?|oz|pills?|tabs?|caps|points?|balles?|barr?ett?es?"
    r"|pochons?|plaquettes?|boulettes?|bags?|b'?s|w'?s|teeners?|zips?)(?!\s+of\s)"
    r"|(?:a|an|one|half an?|une?|demi|1/2|1/4)\s(?:q|quarter|eighth|8th|oz|ounce|zip|teener|nine|plaquette"
    r"|barrette|boulette|pochon|balle|b|w)(?!\s+(?:of|de|d')\s))\b", re.I)  # (not "a quarter of beef")


def _haggling(a: Analysis, by_kind: dict[str, list[Finding]]) -> list[Finding]:
    """The product findings of a chat in which a seller and a buyer, named by their roles, haggle
    over a drug ("Client: 3g de kush / Moi: 25"); when no drug is named, a cue on the quantity the
    buyer asks for, when it is a dealer's ("Buyer: how much for a Q / Me: 55 / Buyer: 50") and the
    seller answers with a figure: a sale, whatever the model makes of a conversation's words. Empty
    otherwise, and when a strong cue of a legal trade or a report stands in the post."""
    products = by_kind.get("products", _NONE)
    text = a.post.text
    if not _SELLER_TURN_RE.search(text) or not _BUYER_LINE_RE.search(text):
        return []
    if products:
        return list(products)
    if any(f.value in _NOT_AN_OFFER and f.value != "conversation" and f.score >= 1.0 for f in by_kind.get(CUE, _NONE)):
        return []  # (a chat's own cue does not count: it is one)
    if not _PRICE_TURN_RE.search(text):
        return []
    for line in _BUYER_LINE_RE.finditer(text):
        if m := _DEAL_QTY_RE.search(text, line.start(), line.end()):
            why = f"a buyer asks a seller for {m.group(0)!r}, a dealer's quantity, and the seller names a figure"
            return [_new_finding((CUE, "sale", m.start(), m.end(), "triage", "rule:haggling_quantity", 1.0, why))]
    return []


# the grammar cues of a sale whatever the words around: a courier's text on arrival, a buyer's review
# of a drop (see cues.COURIER_RE and cues.REVIEW_RE)
_TOLD_SALE_RULES = frozenset({"grammar:courier_arrival", "grammar:vendor_review"})
_NOT_A_TOLD_SALE = frozenset({"news", "prevention", "harm_reduction", "humor", "food_delivery", "legit_commerce",
                              "cbd_legal", "personal"})


_BROUGHT = ("avec les ", "avec la ", "avec le ", "avec tes ", "avec ta ", "avec ton ", "with the ", "with ur ",
            "with your ")


def _told_sale(a: Analysis, by_kind: dict[str, list[Finding]]) -> list[Finding]:
    """The cues of a sale told rather than advertised: a courier waiting with the cash to bring ("en
    bas du bât C ... descends avec les 60"), a buyer's review of how fast a drop came ("avis client
    ⭐⭐⭐⭐⭐ livré en 20 min"). Empty when a strong cue of a report, a joke, a legal trade or a
    person's own post stands outside them (a joke's word does when no contact is given)."""
    cues = by_kind.get(CUE, _NONE)
    told = [f for f in cues if f.rule in _TOLD_SALE_RULES]
    if not told:
        return []
    # (a joke's word beside a vendor's contact is the review's: "la frappe de @nancy.greenz")
    blockers = _NOT_A_TOLD_SALE - {"humor"} if "handles" in by_kind else _NOT_A_TOLD_SALE
    text = a.post.text
    for f in cues:
        # (inside the courier's words a cue names where they wait, "outside the chippy", unless it is
        # what they bring: "j'arrive avec les pizzas")
        if f.value in blockers and f.score >= 1.0 and (
                (f.value == "food_delivery" and text.endswith(_BROUGHT, 0, f.start)) or not any(
                t.start <= f.start and f.end <= t.end for t in told)) \
                and any(c.isalpha() for c in text[f.start:f.end]):  # (an emoji names a landmark: "taco bell 🌮")
            return []
    return told


WARNING_SCORE = 0.3  # the score of a verdict the warning rule overturns
# (not harm reduction: dealers add its advice to their menus, "pressed so go slow, narcan on hand")
_WARNING_CUES = frozenset({"prevention", "news", "buyer"})


def _warning(a: Analysis, by_kind: dict[str, list[Finding]]) -> list[Finding]:
    """The cues of a post that reports, warns or asks rather than offers: two different strong
    words of a warning, a news report or a buyer ("that's exploitation, not a
    job ... our youth workers", "c'est mon coloc qui m'a dit ... ils ont mis"); three when the
    post states pay. Emoji do not count (dealers use 🚨👮 too). Empty otherwise."""
    text = a.post.text
    cues = by_kind.get(CUE, _NONE)
    found = [f for f in cues if f.value in _WARNING_CUES and f.score >= 1.0
             and any(c.isalpha() for c in text[f.start:f.end])]
    # a job offer with its pay needs three: "anyone know people for drop offs, $130 a day, school kids
    # welcome" is an offer whatever its words of a buyer and of a warning
    paid = any(f.rule in _PAY_RULES for f in cues)
    needed = 3 if paid else 2
    if not paid and any(f.rule.endswith("#reported_offer") for f in found) and not _SELLER_RE.search(a.norm.text):
        needed = 1  # "some guy tried to sell me flake at £50 a g": the offer is told by whoever got it
    if len({f.rule for f in found}) < needed:
        return []
    return found


MENU_SCORE = 0.6  # the score of a post the winked-menu or the network-role rule sets
# a wink in words ("not that kind 😉", "ceux qui savent"), beside the emoji of _WINKS
_WINK_WORDS_RE = re.compile(r"\b(?:not that kind|not the (?:\w+ ){1,2}kind|not the kind (?:you think|on|in|at|from)"
                            r"|ceux qui savent"
                            r"|if you know|who know"
                            r"|pas (?:ce|celle|celui) que vous (?:croyez|pensez)"
                            # ("LA BOULANGERIE (on vend pas du pain 😂)")
                            r"|on (?:ne )?vend pas (?:du|de|des|le|la) \w+)\b")
# a price by weight ("1g 70", "10g = 90", "g of 🍁 £10", "8th £25"): what no kitchen or chippy sells by
_WEIGHT_PRICE_RE = re.compile(r"(?<![\d.,])\d{1,3}(?:[.,]\d)?\s?(?:g|gr|grammes?)\b\)?\s?[=:\-→>(]*\s?[€£$]?\s?\d{2,4}"
                              r"(?![\d.,]?\d)(?!\s?(?:g|gr|kg|ml|cl|%|mg))"
                              r"|\b(?:g|8th|eighth|q|quarter|oz|half) (?:of \S+ )?[€£$]\d{2,4}")
_NOT_A_MENU = frozenset({"news", "prevention", "harm_reduction", "cbd_legal"})


def _winked_menu(a: Analysis, by_kind: dict[str, list[Finding]]) -> list[Finding]:
    """Cues of a menu in a shop's or a kitchen's disguise: a wink ("(not that kind 😉)", "poisson blanc
    🐟😏") and two prices by weight or more ("1g 70", "8th £25"); none when a strong cue of news,
    prevention, harm reduction or a CBD shop stands (78 hand-written posts hold both, all sales)."""
    text = a.norm.text
    # (every _WINK_WORDS_RE match holds "kind", "know", "savent" or "que vous": most posts hold none)
    if not (any(w in a.post.text for w in _WINKS) or (
            ("kind" in text or "know" in text or "savent" in text or "que vous" in text or "vend pas" in text)
            and _WINK_WORDS_RE.search(text))):
        return []
    found = list(_WEIGHT_PRICE_RE.finditer(text))
    if len(found) < 2 or any(f.value in _NOT_A_MENU and f.score >= 1.0 for f in by_kind.get(CUE, _NONE)):
        return []
    return [a.add_norm(CUE, "sale", m.start(), m.end(), analyser="triage", rule="grammar:winked_menu", score=1.0,
                       explanation=f"a price by weight {m.group()!r} beside a wink: a menu in disguise")
            for m in found]


# the roles only drug networks hire for ("tartineur", "détailleur", "shotters", "trap sitter"): 465
# hand-written posts name one, all job offers but a few reports (which the strong cues of news or
# prevention tell)
_NETWORK_ROLE_RE = re.compile(r"\b(?:tartineurs?|detailleurs?|d?jobeurs?|ravitailleurs?|gerants? de (?:four|point)"
                              r"|shotters?|trap sitters?|trap sellers?|charbonneurs?|county (?:lines? )?runners?"
                              r"|drop (?:boys|lads))\b")
_ROLE_STEMS = ("tartin", "detaill", "jobeur", "ravitaill", "gerant", "shotter", "trap s", "charbon",
               "county", "drop boys", "drop lads")  # (a prefilter)
_NOT_A_ROLE_OFFER = frozenset({"news", "prevention", "harm_reduction", "humor", "buyer"})


def _network_role(a: Analysis, by_kind: dict[str, list[Finding]]) -> list[Finding]:
    """A cue of a network's job named by its role ("il manque 1 livreur soir + 1 tartineur"), with
    no strong cue of a report, a warning or a joke, and no menu's price or offer ("shotters on 07...,
    free bag with 3" is a sale). Empty otherwise."""
    text = a.norm.text
    if not any(w in text for w in _ROLE_STEMS):
        return []
    m = _NETWORK_ROLE_RE.search(text)
    if m is None or "prices" in by_kind or "promotion" in by_kind or any(
            f.value in _NOT_A_ROLE_OFFER and f.score >= 1.0 for f in by_kind.get(CUE, _NONE)):
        return []
    return [a.add_norm(CUE, "recruitment", m.start(), m.end(), analyser="triage", rule="grammar:network_role",
                       score=1.0, explanation=f"a role only drug networks hire for {m.group()!r}: a job offer")]


_DRUG_EMOJI = frozenset("🌿🍃🥦❄🍫💊🍄")
# what "also got some green" may be of the garden or the kitchen
_GREENS = frozenset({"beans", "tea", "peppers", "pepper", "onions", "veg", "vegetables", "salad", "apples", "olives",
                     "plants", "paint", "wellies"})


def _tucked_offer(a: Analysis, by_kind: dict[str, list[Finding]]) -> list[Finding]:
    """The findings of an offer of a drug tucked into an ordinary post: a seller's words that add
    it ("also got some green if anyone's after it", "il me reste des 💊 ecsta de la soirée", "et
    pour les connaisseurs j'ai de l'afghan") with the drug named or drawn right after, and no word
    of a report or a warning. Empty otherwise."""
    cues = by_kind.get(CUE, _NONE)
    # (one word of a parent's is no warning: "selling my son's old Xbox ... also got some weed")
    if (any(f.value in ("news", "harm_reduction") and f.score >= 1.0 for f in cues)
            or len({f.rule for f in cues if f.value == "prevention" and f.score >= 1.0}) >= 2):
        return []
    text = a.post.text
    tucked = [f for f in cues if f.rule.endswith("#tucked_offer") and _after(text, f.end) not in _GREENS
              and ("products" in by_kind or not _DRUG_EMOJI.isdisjoint(text))]
    if tucked:
        return tucked
    products = by_kind.get("products", _NONE)
    if not products:
        return []
    priced = "prices" in by_kind  # ("also got a bit of green about ... £10 a g": a weak word, priced)
    for m in _TUCKED_LEAD_RE.finditer(text.lower()):  # "also got some home grown 🍃 weed"
        named = [f for f in products if m.end() <= f.start <= m.end() + 40 and (f.score >= 1.0 or priced)
                 and any(c.isalpha() for c in text[f.start:f.end]) and _after(text, f.end) not in _GREENS]
        if named:
            return named
    return []


def _after(text: str, end: int) -> str:
    """The word right after `end`, in lower case, punctuation stripped."""
    words = text[end:end + 16].split()
    return words[0].lower().strip(".,!?") if words else ""


_TUCKED_LEAD_RE = re.compile(r"\b(?:also (?:got|have|selling|sell|doing)|j'?ai aussi|il me reste|me reste aussi)\b")


JOB_RULE_SCORE = 0.8  # the score of a post the job-offer rule makes a recruitment
_PAY_RULES = frozenset({"grammar:pay_per_time", "grammar:pay_per_run", "grammar:pay_for_errand",
                        "grammar:pay_for_time", "grammar:commission"})
# the legal limit of THC stated ("THC < 0,3%", "moins de 0,3 % de THC", "<0.2% delta-9 THC", Swiss
# "THC < 1%"): 757 hand-written posts state it, all of them legal shops' (a THC content above the
# limit cancels the legal-shop cues, see cues.THC_PCT_RE)
THC_LIMIT_RE = re.compile(
    r"\b(?:thc|delta.?9)\s?(?:<|≤|inferieure? a|moins de|under|below|less than|max\.?|maximum)\s?0?[.,][0-3]\s?%"
    r"|(?:<|≤|\bunder|\bbelow|\bless than|\bmoins de|\bmax\.?)\s?0?[.,][0-3]\s?%\s?(?:de\s|d'|of\s)?(?:thc|delta)\b"
    r"|\bthc\s?(?:<|≤|moins de|under)\s?1\s?%")
# the work of a drug network, named or told ("tenir le terrain", "stocker chez toi", mules)
_TRADE_JOB_RE = re.compile(
    r"\b(?:guetteurs?|guetter|gadiens?|choufs?|charbonneurs?|charbon|nourrices?(?! agre)|ravitailleurs?|ravitos?"
    r"|detailleurs?|tartineurs?"
    r"|gerants? de four|vigies?|runners?|lookouts?|shotters?|grafters?|youngers|jobeurs?|djobeurs?|go-fast|go fast"
    r"|mules?|tenir le (?:point|terrain|hall|four)|stocker|garder (?:de la|des|la) marchandise|garder (?:du|le) matos"
    r"|passeurs?|reshippers?|reshipping|receive (?:&|and) repost"
    r"|(?:run|running|runs) (?:a|the|my|our) line|line (?:that )?needs? running"
    r"|(?:do|doing|make|making|for) runs|runs after school|on the trap|in (?:the|a) trap|trap house|watch the door"
    r"|county (?:lines? )?work|trips (?:to|out to|between|[a-z]+ (?:to|->|→)) "  # ("trips Cork to Limerick")
    r"|trap sitters?|sit (?:the|a|my) trap|trap sitting"
    r"|fais tourner|faire tourner|vendre a tes potes|vends a tes potes|sell(?:ing)? to your (?:own )?mates"
    r"|move my product|move product|you move it|we supply|campus reps?|revendeurs?|marchandise avancee"
    r"|front you|on te depanne|everything you (?:sell|shift)|what you (?:sell|shift)"
    r"|ce que tu (?:vends|ecoules)|tu prends les commandes|tu revends|revendre"
    r"|tenir le (?:tel|telephone|phone)|tenir la ligne|hold the phone|run the line|(?:u|you) take orders"
    r"|for the phone"
    r"|peser|tu peses|faire des pochons|tu mets en pochons?|conditionner"
    r"|tenue de la vente|tenir la vente|(?:veut|veux|veulent|cherche|cherchons) du ter)\b")
# what no legal employer writes: a job with no questions, discretion, easy money
_SHADY_JOB_RE = re.compile(
    r"\b(?:pas de questions?|sans (?:poser de )?questions?|aucune question|no questions?(?: asked)?|ask no questions"
    r"|(?:just |be |stay |rester |sois |soyez )discre(?:et|te|t)|argent (?:rapide|facile)|#?argentrapide"
    r"|discreet (?:people|person|lads|guys|drivers|ones) only|must be discreet|personnes? discretes?"
    r"|easy money|quick cash|fast cash|money fast|gagne ta journee"
    # a worker chosen for looking ordinary ("idéal si t'es saisonnier, personne se méfie")
    r"|personne (?:ne )?se mefie|nobody suspects|no one suspects"
    # a worker chosen to escape police checks ("fille de préférence, moins contrôlée")
    r"|moins control\w*|less likely to (?:get )?(?:stopped|pulled over|searched)"
    r"|activites? discretes?|(?:travail|job|taf|boulot) discret|non declarees?|non declares?"
    # people lending their health card to fetch prescribed drugs for someone else
    r"|(?:avec|ta|votre|leur|sa) carte vitale|with (?:your|their) (?:own )?prescriptions?"
    # a dealer named as the employer ("for the tj plug", "pour le plug")
    r"|(?:for|pour) (?:the|da|our|my|le|notre|mon) (?:\w+ )?plug)\b")
# minors taken on whatever the law says ("même mineur c'est ok", "under 18s welcome"): with pay and
# no legal business's word, a network's job
_MINORS_OK_RE = re.compile(r"\b(?:meme (?:si t'es |si tu es )?mineurs?|mineurs? (?:ok|acceptes?|bienvenus?|pas grave)"
                           r"|under[ -]18s? (?:ok|welcome|accepted|fine)|school ?kids (?:welcome|ok|wanted))\b")
# a childminder wanted or offered ("nounou (nourrice) ... pour 2 enfants", "sorties d'école", CESU): the
# "nourrice" of a nursery, not a network's stash keeper (whose posts say "pas d'enfants chez toi")
_CHILDCARE_RE = re.compile(r"\b(?:pour|nos|mes|de) (?:\d|un|une|deux|trois) (?:enfants?|bebes?)\b|\bbebe de \d"
                           r"|\bsorties? (?:d'|de l')ecoles?|\bcesu\b|\bassistantes? maternelles?|\bperiscolaire")


def _trade_job(text: str) -> re.Match[str] | None:
    """The first words of a network's work in `text` (see _TRADE_JOB_RE), a childminder's "nourrice" aside."""
    for m in _TRADE_JOB_RE.finditer(text):
        if not (m.group().startswith("nourri") and _CHILDCARE_RE.search(text)):
            return m
    return None


# the encrypted messengers no employer gives as the way to apply (a job offer through Wickr or Signal is
# a network's)
_CIPHER_APPS = frozenset({"wickr", "signal", "threema", "potato", "session"})
_BUSINESS_WORDS = frozenset({"legit_commerce", "food_delivery", "cbd_legal"})  # perks and words of trade
_NOT_A_JOB_OFFER = frozenset({"news", "prevention", "buyer", "harm_reduction", "humor", "legit_commerce",
                              "food_delivery", "cbd_legal"})


def _job_offer(a: Analysis, by_kind: dict[str, list[Finding]]) -> list[Finding]:
    """The pay cues of a post that offers a drug network's job whatever its wording: pay for the
    time, the run or the errand, with the work of a network named or told, a drug named, or an
    encrypted messenger to apply through ("40€ la course ... wickr cagnesparty"), and no strong cue
    of news, prevention, humour or a legal business. Empty when it does not."""
    cues = by_kind.get(CUE, _NONE)
    pay = [f for f in cues if f.rule in _PAY_RULES]
    if not pay:
        return []
    text = a.norm.text
    # (a childminder paid off the books, "non déclaré ou CESU", is no network's job: it needs the trade's word)
    trade = _trade_job(text) or (None if _CHILDCARE_RE.search(text) else _SHADY_JOB_RE.search(text))
    for f in cues:
        if f.score < 1.0 or f.value not in _NOT_A_JOB_OFFER or f.rule == "grammar:legal_retail":
            continue  # (an age gate alone, "19+", is no legal business)
        if any(p.start <= f.start and f.end <= p.end for p in pay):
            continue  # inside the pay: "25% sur ce que tu vends"
        if trade and f.value in _BUSINESS_WORDS:
            continue  # the network's work named: "charbon ... 100€/j + repas"
        return []
    if not (trade or ERRAND_RE.search(text) or "products" in by_kind or _MINORS_OK_RE.search(text)
            or any(h.value["platform"] in _CIPHER_APPS for h in by_kind.get("handles", _NONE))):
        return []
    return pay


def _overturn(a: Analysis, found: list[Finding], category: str, score: float) -> None:
    """Set the verdict a rule gives, its findings first in the evidence."""
    a.category, a.score = category, score
    a.because = found + [f for f in (a.because or []) if f not in found]


def _model(options: Mapping[str, Any], default: str) -> tuple[TriageModel, str]:
    """The model an analyser's `model` option names (a path under the data folder), and its version."""
    model = _load(str(data_dir() / str(options.get("model", default))))
    return model, str(model.meta.get("version", "1"))


@lru_cache(maxsize=4)
def _load(path: str) -> TriageModel:
    from pathlib import Path

    return TriageModel.load(Path(path))


class TriageAnalyser(Analyser):
    name = "triage"
    languages = ("*",)
    requires = ("products", "prices", "handles", "phones", "payment", "delivery", CUE)
    provides = ("category",)

    def __init__(self, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(options)
        self.model, self.version = _model(self.options, "models/triage.json.gz")
        self._how: dict[str, tuple[int, str]] = {}  # feature name -> what it points to (see _how)
        # (word, token feature, category) -> the score and explanation of its finding (see _because)
        self._said: dict[tuple[str, str, str], tuple[float, str]] = {}

    def analyse(self, a: Analysis) -> None:
        facts = fact_features(a)
        facts["bias"] = 1.0
        pred, spans = self.model.predict_words(facts, token_words(a), explain=8)
        category = pred.category
        contributions = pred.contributions
        a.category = category
        a.score = pred.score
        # (for whoever reads the notes: nothing in the output; the contributions as the model gives
        # them, unrounded, as rounding them cost more than any other step of this method)
        a.notes["triage"] = {"probabilities": pred.probabilities, "features": contributions}
        # the findings of the earlier analysers by kind, in order: read by the features that point
        # to them (see `_because`) and by the rules
        by_kind = _by_kind(a.findings, len(a.findings))
        a.because = self._because(a, contributions, spans, category, by_kind)
        # rules that overturn the model's verdict, each with the findings that say why
        if category == "sale" and (found := _legal_retail(a, by_kind)):
            # a licensed store with an age gate, and no private contact: legal recreational retail
            _overturn(a, found, "other", min(a.score, LEGAL_RETAIL_SCORE))
        if a.category != "other" and (found := _warning(a, by_kind)):
            # a report, a warning or a buyer's question quotes the offer it is about
            _overturn(a, found, "other", min(a.score, WARNING_SCORE))
        if a.category == "recruitment" and (found := _priced_sale(a, by_kind)):
            _overturn(a, found, "sale", a.score)  # a menu, whoever delivers it
        if a.category == "sale" and (found := _legal_business(a, by_kind)):
            # food, drink or goods sold with the same words and emoji, and no drug named
            _overturn(a, found, "other", min(a.score, BUSINESS_SCORE))
        if a.category == "other" and category == "other" and (found := _seller_offer(a, by_kind)):
            # a seller's own offer, in the first person, with its price
            _overturn(a, found, "sale", max(a.score, OFFER_SCORE))
        if a.category == "other" and (found := _tucked_offer(a, by_kind)):
            # an offer tucked into an ordinary post ("selling my ps4 ... also got some green 🌿")
            _overturn(a, found, "sale", max(a.score, OFFER_SCORE))
        if a.category == "other" and (found := _winked_menu(a, by_kind)):
            # a menu dressed as a chippy's or a fish stall's, with a wink
            _overturn(a, found, "sale", max(a.score, MENU_SCORE))
        if a.category != "recruitment" and (found := _network_role(a, by_kind)):
            # a job only a network offers, named by its role ("still looking for 2 trap sitters")
            _overturn(a, found, "recruitment", max(a.score, MENU_SCORE))
        if a.category != "sale" and (found := _told_sale(a, by_kind)):
            # a courier's text on arrival, a buyer's review of a drop
            _overturn(a, found, "sale", max(a.score, OFFER_SCORE))
        if a.category != "sale" and (found := _haggling(a, by_kind)):
            # a seller and a buyer haggling, named by their roles
            _overturn(a, found, "sale", max(a.score, OFFER_SCORE))
        if a.category == "recruitment" and (found := _legal_job(a, by_kind)):
            # a legal employer's offer (a contract, a CV, a licence): the same words as a network's
            _overturn(a, found, "other", min(a.score, BUSINESS_SCORE))
        if category != "recruitment" and (found := _job_offer(a, by_kind)):
            # pay for a network's work, told in words the model did not learn: a job offer
            _overturn(a, found, "recruitment", max(a.score, JOB_RULE_SCORE))

    def _because(self, a: Analysis, contributions: list[tuple[str, float]], spans: dict[str, tuple[int, int]],
                 category: str, by_kind: dict[str, list[Finding]]) -> list[Finding]:
        """The findings behind the features that pushed the verdict most, strongest first.
        `by_kind`: the findings of the earlier analysers by kind (words found here come after them)."""
        out: list[Finding] = []
        seen: set[tuple[int, int]] = set()
        findings = a.findings
        hows = self._how
        for name, weight in contributions:
            how = hows.get(name)
            if how is None:
                how = _how(name)
                if len(hows) < 100_000:
                    hows[name] = how
            what, arg = how
            # findings are indexed rather than named below (f[0] is f.kind, f[1] f.value, f[2:4]
            # (f.start, f.end)): quicker, in loops that run for every post
            if what in (_KIND, _CUE):
                if what == _KIND:
                    found = by_kind.get(arg, _NONE)
                else:
                    found = [f for f in by_kind.get(CUE, _NONE) if f[1] == arg]
            elif what == _WORD:
                at = spans.get(name)
                if at is None:
                    continue
                norm = a.norm
                toks = norm.tokens
                start, end = toks[at[0]].start, toks[at[1]].end
                word = norm.text[start:end]
                # a token feature's contribution toward a category is the same in every post (its
                # value is fixed), so its finding's score and explanation depend on these three only
                key = (word, name, category)
                said = self._said.get(key)
                if said is None:
                    said = (_round3(weight), f"the triage model weighs {word!r} toward {category} (+{weight:.2f})")
                    if len(self._said) < 100_000:
                        self._said[key] = said
                f = _new_finding((CUE, category, *norm.span(start, end), self.name, arg, *said))
                findings.append(f)
                found = [f]
            else:
                continue
            for f in found:
                span = f[2:4]
                if span not in seen:
                    seen.add(span)
                    out.append(f)
        return out


_NONE: list[Finding] = []  # (never filled)


def _by_kind(findings: list[Finding], n: int) -> dict[str, list[Finding]]:
    """The first `n` findings by kind, each kind's in order."""
    out: dict[str, list[Finding]] = {}
    get = out.get
    for i in range(n):
        f = findings[i]
        fs = get(f[0])
        if fs is None:
            out[f[0]] = [f]
        else:
            fs.append(f)
    return out


# What a feature of the model points to in the post (see TriageAnalyser._because): findings of a
# kind, cues of a meaning, the post's own word(s), or nothing to show
_KIND, _CUE, _WORD, _NOTHING = range(4)


def _how(name: str) -> tuple[int, str]:
    if name.startswith("f:cue:"):
        return _CUE, name.split(":")[2]
    if name.startswith("f:"):
        return (_KIND, name[2:]) if name[2:] in _FACT_KINDS else (_NOTHING, "")
    if name.startswith(("t:", "b:")) and any(c.isalpha() for c in name[2:]):
        return _WORD, f"model:{name}"
    return _NOTHING, ""


EXPLAIN_QUICK = 6  # the features that explain a triage-only verdict (each with at most two places)
RECENT_POSTS = 20_000  # the verdicts remembered for posts seen again (see `QuickTriageAnalyser.analyse`)


class QuickTriageAnalyser(Analyser):
    """Triage alone, on features that cost a lexicon pass and a few patterns (`model/quick.py`):
    the pipeline of `sentinelle analyze --triage-only`. Its evidence is the terms, patterns and
    words behind the features that pushed the verdict; it extracts nothing else."""

    name = "quick_triage"
    languages = ("*",)
    reads_language = False  # its lexicon pass and model cover both languages at once
    provides = ("category",)

    def __init__(self, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(options)
        self.model, self.version = _model(self.options, "models/triage_quick.json.gz")
        self.features = quick_features()
        self._why = {c: f"a sign of {c} for the triage-only model" if c != "other" else
                     "a sign of an ordinary post for the triage-only model" for c in CATEGORIES}
        self._letters: dict[str, bool] = {}  # see `_wordy`
        self._recent: dict[tuple[str, str], tuple[str, float, tuple[Finding, ...]]] = {}  # see `analyse`

    def analyse(self, a: Analysis) -> None:
        # The same ad is posted again and again (groups, reposts, spam waves): a post whose text and
        # language were just seen gets the verdict and evidence computed then, which depend on
        # nothing else.
        key = (a.post.text, a.lang)
        seen = self._recent.get(key)
        if seen is not None:
            a.category, a.score, because = seen
            a.findings.extend(because)
            a.because = list(because)
            return
        self._verdict(a)
        if len(self._recent) >= RECENT_POSTS:  # bounded: start afresh rather than grow
            self._recent.clear()
        self._recent[key] = (a.category, a.score, tuple(a.because or ()))

    def _verdict(self, a: Analysis) -> None:
        words = tokenize(a.norm.text)  # the texts of a.norm.tokens, without building the tokens
        facts, where = self.features.facts(a, words)
        facts["bias"] = 1.0
        pred, spans = self.model.predict_words(facts, words, explain=EXPLAIN_QUICK)
        a.category = pred.category
        a.score = pred.score
        category = pred.category
        # the places of the features that pushed the verdict (a feature's first two are enough)
        places: list[tuple[float, list[Found]]] = []
        needed = -1  # the last token an explanation shows
        for name, weight in pred.contributions:
            found = where.get(name)
            if found is None:
                at = spans.get(name)
                if at is None or not self._wordy(name):
                    continue
                found = [(True, at[0], at[1], f"model:{name}")]
            elif not found:
                continue
            else:
                found = found[:2]
            places.append((weight, found))
            for in_tokens, _s, e, _r in found:
                if in_tokens and e > needed:
                    needed = e
        offsets = token_offsets(a.norm.text, words, needed) if needed >= 0 else []
        span = a.norm.span
        why = self._why[category]
        analyser = self.name
        out: list[Finding] = []
        seen: set[tuple[int, int]] = set()
        for weight, found in places:
            score = _round3(weight)
            for in_tokens, s, e, rule in found:
                if in_tokens:
                    s, e = offsets[s][0], offsets[e][1]
                if (s, e) not in seen:
                    seen.add((s, e))
                    start, end = span(s, e)
                    out.append(_new_finding((CUE, category, start, end, analyser, rule, score, why)))
        a.findings.extend(out)
        a.because = out

    def _wordy(self, name: str) -> bool:
        """Whether a token feature ("t:", "b:") holds a letter: only those explain (a digit or an
        emoji alone says little). Remembered per feature: explanations reuse few features."""
        wordy = self._letters.get(name)
        if wordy is None:
            wordy = name.startswith(("t:", "b:")) and any(c.isalpha() for c in name[2:])
            if len(self._letters) < 100_000:
                self._letters[name] = wordy
        return wordy


# `Finding(...)` runs a Python-level `__new__`; `tuple.__new__(Finding, fields)` builds the same
# object in C
_new_finding = partial(tuple.__new__, Finding)


_ROUNDED: dict[float, float] = {}


def _round3(x: float) -> float:
    """`round(x, 3)`, remembered for positive numbers: the contributions that explain verdicts
    recur (a token feature has one per class) and rounding to digits is slow (it goes through
    decimal digits). Zeros are not remembered (0.0 and -0.0 are one key but round apart)."""
    r = _ROUNDED.get(x)
    if r is None:
        r = round(x, 3)
        if x > 0.0 and len(_ROUNDED) < 100_000:
            _ROUNDED[x] = r
    return r


def token_offsets(text: str, words: list[str], last: int) -> list[tuple[int, int]]:
    """(start, end) in `text` of its tokens `words` (`normalize.tokenize(text)`) up to index `last`.
    Tokens cover every character but white space, so each is the next occurrence of its text."""
    out: list[tuple[int, int]] = []
    pos = 0
    find = text.find
    for w in words[:last + 1]:
        pos = find(w, pos)
        out.append((pos, pos + len(w)))
        pos += len(w)
    return out
