"""Triage cues: words and emoji that point to a sale, a recruitment, or a legitimate kind of post.

Each cue is a finding of kind "cue" whose value is the cue's meaning (`sale`, `recruitment`,
`news`, `cbd_legal`...). Cues are evidence for the verdict; the triage model weighs them with the
other findings. Lexicons: `data/<lang>/cues.toml` and `data/common/cues.toml`.

Grammar cues add what word lists cannot say:
- pay per unit of time ("150€ la soirée", "£500/week", "80€ la garde", "60€ pa jou"): recruitment;
  a bare amount ("guetteur 80/j") needs a job-role word near it;
- pay per run ("15€ la course", "300€ l'aller-retour") or for a stated time ("£50 for 2 hrs"):
  recruitment when the errand offered or a role stands near it (otherwise a delivery fee or a
  rental); pay for an errand named in the same phrase ("30€ pour déposer un sac");
- legal recreational retail (a licensed store, a 19+/21+ gate);
- a negated CBD ("de la vraie, pas du CBD") gives no legal-shop cue;
- a chat transcript (names taking turns, "Dana: ... / Mike: ... / Dana: ...", or a group's header):
  a `conversation` cue, people talking rather than an ad (see `conversation`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..core import CUE, Analysis
from ..lexicon import Entry, lexicon_file, load_merged
from ..normalize import alternation
from .base import Analyser, new_finding
from .price_grammar import load_grammar, voice_note, whole_words

# Pay by the day, evening, week or month ("150€ la soirée", "200€/j", "£500/week", "$90 a day"):
# the signature of a job offer. A price per gram never matches (no time unit).
# _AMOUNT: a currency sign before ("£500") or a currency after ("150€", "200 balles"). Its
# first character, a sign or a digit, is read once before the two branches (which look back at
# it): a pattern that starts with a character class lets the regex engine skip to the signs and
# digits of a post instead of trying every position.
# (Swiss "200.-" and "200 CHF" too; "quid" and "bucks")
_AMOUNT = (r"[€£$\d](?:(?<=[€£$])\s?\d[\d ]{0,5}(?:[.,]\d+)?"
           r"|(?<=\d)[\d ]{0,5}(?:[.,]\d+)?\s?(?:€|e\b|eur\b|euros?\b|balles?\b|£|\$|k\b|\.-|chf\b|francs?\b"
           r"|quid\b|bucks\b|dollars?\b))")
# ("l'heure" and SMS "lheure" too: "20 balles lheure"; the half day, the afternoon, the watch; Antillean
# Creole "pa jou", "lannuit" ("pa" is read "pas" by the SMS spellings), Réunion "lo zour", "la swaré")
_SEPS = ("/", "par", "pa", "la", "le", "lo", "de l'", "l'", "l", "per", "a", "an", "each", "chaque", "tous les",
         "/ ?")  # (regexes)
_UNITS = ("j|jour|jours|jou|journee|demi-journee|demi journee|soir|soirs|soiree|soirees|nuit|nuits|semaine|sem|mois"
          "|week-end|week end|weekend|week|wk|session"
          "|day|night|shift|month|h|heure|hour|half day|half-day|creneau|creneaux|garde|aprem|apres-midi|matinee|zour"
          "|sware|swaree|zournen|zournee|zourne|lannwit")
_PER = r"(?:(?:" + "|".join(_SEPS) + r")\s?(?:" + _UNITS + r")|lheure|lannuit|pas? jou)\b"
PAY_RE = re.compile(_AMOUNT + r"\s?(?:cash\s)?" + _PER)  # ("70€ cash tous les soirs")
# A time unit after a separator, which every PAY_RE and BARE_PAY_RE match holds, and most posts
# have none. It is _PER written as one alternative per separator: a pattern whose alternatives
# all start with a literal lets the regex engine skip to the characters that may start a match
# (twice as fast as _PER itself, which starts with a group). The units are a trie (`alternation`):
# "a" and "l" are common letters, and after each the engine walks one branch per character
# rather than trying some forty units in turn. Only whether it matches is read, which the order
# of the alternatives does not change.
_PER_RE = re.compile("|".join(sep + r"\s?(?:" + alternation(_UNITS.split("|")) + r")\b" for sep in _SEPS)
                     + r"|lheure\b|lannuit\b|pas? jou\b")
# what someone spent, not what a job pays ("used to spend £300 a week", "je claquais 200€ la semaine")
_SPENT_RE = re.compile(r"\b(?:spend|spent|spending|spends|blew|blow|wasted|depens\w*|claqu\w*|cramai\w*)\b[^.!?\n]*$")
# What is rented or guided by the day or the week ("heated huts $95/day", "guided trips ... $450/day",
# "location de vélos 15€ la journée"): a price, not pay (58 hand-written posts, none a job offer)
_RENTED_RE = re.compile(r"\b(?:huts?|cabins?|rentals?|hire|boats?|kayaks?|canoes?|e-?bikes?|guided|charters?|lessons?"
                        r"|location|nuitees?|gites?|stages?|forfaits?|sejours?|excursions?|per person|pp|par personne"
                        r"|admission)\b[^\n.!?]{0,25}$")
# Job offers often drop the currency ("guetteur 80/j", "120 la journee"): a bare amount per day,
# evening, night, week or shift counts when a job-role word stands near it (same clause).
# (The first digit comes before the look-behinds, which look past it: same reason as _AMOUNT.)
BARE_PAY_RE = re.compile(r"\d(?<![\d.,/€£$]\d)(?<![€£$] \d)\d{1,3}" + r"\s?(?:/|par|la|le|per|a|an|each|chaque)\s?"
                         r"(?:j|jour|journee|demi[ -]journee|soir|soiree|nuit|semaine|sem|week-end|week end|weekend"
                         r"|week|wk|day|half[ -]day|night|shift)\b")
# Pay for the day's work handed over the same day ("£150 cash same day", "100€ payé le soir même"):
# a job offer when a role or an errand is near (read with BARE_PAY_RE)
# Pay named after the shift ("12hr shifts $200"), read like SAME_DAY_PAY_RE (a role or errand near)
SHIFT_PAY_RE = re.compile(r"\bshifts?,? [£$€]\d{2,4}(?!\d|[.,]\d)")
SAME_DAY_PAY_RE = re.compile(_AMOUNT + r"\s?(?:cash\s|paid\s|paye\s|payes?\s|en liquide\s)?"
                             r"(?:same day|on the day|le jour meme|le soir meme|the same night)\b")
JOB_ROLE_RE = re.compile(
    r"\b(?:guet|guetteurs?|gadiens?|choufs?|charbonneurs?|charbon|vendeurs?|vendeuses?|livreurs?|livreuses?|nourrices?|ravitailleurs?|watchers?"
    r"|detailleurs?|tartineurs?|gerants?|secu|securite|runners?|drivers?|lookouts?|shotters?|workers?"
    r"|taf|job|poste|point|recrute|hiring|coursiers?|chauffeurs?|conducteurs?|vigies?|remplacants?|tenir le tel"
    r"|(?:do|doing|for|make) runs|runs after school"
    r"|ravitaillement|tenue de la vente|tenir la vente|(?:veut|veux|veulent|cherche|cherchons) du ter"
    r"|trap sitters?|county (?:lines? )?work|in (?:a|the) trap|trap house)\b")
# Pay per run, round or trip ("15€ la course", "20€ la tournée", "1500€ le voyage"): a job offer when
# the same clause says what the job is: a role, or the errand offered to the reader ("tu déposes",
# "tu livres", "you drop"). Without it, it may be a delivery fee.
RUN_PAY_RE = re.compile(r"\d(?<![\d.,/€£$]\d)\d{0,3}(?:\s?(?:€|e\b|eur\b|euros?\b|balles?\b|£|\.-|chf\b))?"
                        r"\s?(?:a chaque|la|le|l'|par|per|a|each|chaque|/)\s?"
                        r"(?:course|courses|tournee|trajet|voyage|mission|run|drop|aller-retour|aller retour|go|fois"
                        r"|passage|livraison|delivery|aller|guet)\b"
                        r"|[£$€]\d{1,4}\s?(?:a|per|each|/)\s?(?:run|drop|trip|go)\b")
# Pay for a stated time ("£50 for 2 hrs", "1500 en 2 semaines") or for an errand in the same phrase
# ("30€ pour déposer un sac"): the errand or a role must be near for the first (a rental also has a
# price for two days); the second says it itself.
SPAN_PAY_RE = re.compile(r"\d(?<![\d.,/€£$]\d)\d{1,4}(?:\s?(?:€|e\b|eur\b|euros?\b|balles?\b|£|\$))?"
                         r"\s?(?:for|pour|en)\s?\d{1,2}\s?(?:hrs?|hours?|h|heures?|days?|jours?|weeks?|semaines?"
                         r"|nights?|nuits?)\b|[£$]\d{1,4}\s?for\s?\d{1,2}\s?(?:hrs?|hours?|days?|weeks?|nights?)\b"
                         # the stint told first ("2 weeks at a time, accommodation sorted, €1,200")
                         r"|\b(?:\d{1,2}|two|three|deux|trois) (?:weeks?|days?|nights?|semaines?|jours?|nuits?)"
                         r" (?:at a time|d'affilee|de suite|straight|on end)\b[^.\n]{0,40}?"
                         r"(?:[€£$] ?\d[\d,.]{1,5}|\d[\d,.]{1,5} ?(?:€|e\b|euros?\b))"
                         # ("stay in a trap for 7 days, £800", "pendant 5 jours : 600€")
                         r"|\b(?:for|pendant) \d{1,2} (?:weeks?|days?|nights?|semaines?|jours?|nuits?)[,:]? ?"
                         r"(?:[€£$] ?\d[\d,.]{1,5}|\d[\d,.]{1,5} ?(?:€|e\b|euros?\b))")
ERRAND_PAY_RE = re.compile(r"\d(?<![\d.,/€£$]\d)\d{0,4}\s?(?:€|e\b|eur\b|euros?\b|balles?\b|£|\$)\s?(?:pour|for|to)\s"
                           r"(?:deposer|livrer|ramener|porter|garder|transporter|surveiller|guetter|carry|drop|hold|mind"
                           r"|deliver|watch)\b|[£$]\d{1,4}\s?(?:to|for)\s(?:carry|drop|hold|mind|deliver|watch)\b"
                           # pay with no amount ("£££ quick cash for drops round Belfast")
                           r"|\b(?:quick|easy|fast) (?:cash|money|£+|\$+) for (?:drops|runs|drop ?offs|deliveries)\b")
# Pay per parcel received or passed on ("£50 per parcel", "100€ par colis réceptionné"), with the errand
# told (32 of 34 hand-written posts with such pay are job offers; the others ask 1€ or $2)
PARCEL_PAY_RE = re.compile(r"(?:[£$€]\s?\d{2,4}|\b\d{2,4}\s?(?:€|e\b|euros?\b|£|\$))\s?(?:par|per|le|a|each|/)\s?"
                           r"(?:colis|parcel|package|box)\b")
_PARCEL_ERRAND_RE = re.compile(r"\b(?:recevoir|receptionne\w*|recup\w*|receive|receiving|reship\w*|repost|repack"
                               r"|remettre|redonner|deposer|poster|pass them on|ship (?:them )?out)\b")
# A minimum order just before an amount ("minimum 40€ pour livrer", "min £20 to drop", "min order $40 to
# drop off")
_THRESHOLD_BEFORE_RE = re.compile(r"\b(?:(?:minimum|mini|min)(?: order| spend| commande| de commande)?|a partir de"
                                  r"|des|from|over|commande de|order of|commande min(?:imum)?|order min(?:imum)?)"
                                  r"\s?(?:de\s)?$")
# A seller's commission offered to the reader ("tu gardes 30% sur tout ce qui part", "you keep a
# third of everything you shift"): recruitment of a seller when a product or the selling is told
# (see triage._job_offer)
COMMISSION_RE = re.compile(
    r"\b(?:tu gardes|tu touches|tu prends|you keep|you get|keep|on te laisse)\s"
    r"(?:\d{1,2}\s?%|un tiers|le tiers|la moitie|a third|half|\d{1,2}\s?percent)"
    r"|\b\d{1,2}\s?%\s(?:(?:commission|cut)\s)?(?:of|de|sur|on)\s(?:everything (?:you|u)|all (?:you|u)|tout ce que tu"
    r"|tout ce qui part|ce que tu|what (?:you|u)"
    r"|tes ventes|your sales|chaque vente|each sale"
    r"|(?:chaque|each|every) (?:pochon|barrette|boulette|bag|g|gramme|gram|pack|sachet)s? (?:vendu|sold)e?s?)"
    r"(?:\s(?:vends|ecoules|sell|shift))?"
    r"|(?<![-−])\b\d{1,2}\s?%\s(?:pour toi|for you|to you)\b"  # (not a discount, "-10% pour toi")
    r"|\bmarge (?:de )?\d{1,2}\s?%|\bcommission (?:de )?\d{1,2}\s?%|\+ commission\b|plus commission\b"
    r"|\b\d{1,2}\s?% de com(?:mission)?\b"
    r"|\b[4-7]0/[3-6]0 split\b"
    r"|%\s(?:sur|on) (?:les|tes|the|your) ventes?\b|%\s(?:on|of) (?:the |your )?sales\b|\b\d{1,2}\s?% cut\b"
    r"|pourcentage sur (?:les|tes) ventes|\bcommission sur (?:chaque|les|tes) ventes?\b"
    r"|\bcommission on (?:every|each|your) sales?\b"
    # "commission 15€ par gramme vendu", "£5 for every bag sold"
    r"|\b\d{1,3}\s?(?:€|e|eur|euros?|£|\$)?\s?(?:par|per|a|each|chaque|/|for every|pour chaque)\s?"
    r"(?:gramme|gram|g|pochon|barrette|boulette|bag|pack|sachet|pill|cachet|plaquette|box)s?\s(?:vendue?s?|sold)\b")
# A cheap prefilter: what each alternative of COMMISSION_RE holds (a percentage followed by the word
# after it, a verb of keeping, "marge", "commission", a split, "sold"...). COMMISSION_RE, its many
# alternatives opening on a word boundary, takes 40 µs to fail on a post; most posts holding a "%"
# (a THC rate, a discount) hold none of these.
_MAYBE_COMMISSION_RE = re.compile(r"%\s(?:(?:commission|cut)\s)?(?:of|de|sur|on|pour toi|for you|to you)\b|% cut|keep"
                                  r"|you get|tu gardes|tu touches|tu prends|on te laisse|marge |commission|0 split"
                                  r"|pourcentage|vendu|sold")
ERRAND_RE = re.compile(
    r"\b(?:tu (?:deposes|livres|ramenes|gardes|transportes|deplaces|montes|le poses|les poses|recup|recuperes)"
    r"|deposer|livrer|ramener|transporter|faire l'aller retour|faire l'aller-retour|siffler (?:qd|quand|si)"
    r"|les commissions|you (?:drop|deliver|carry|hold|run)"
    r"|drop(?:ping)? (?:a few |some )?(?:off|bags|parcels|packs|bits|stuff)|deliver(?:ing)? (?:bags|parcels)"
    r"|garder (?:des|un|une|les) (?:cartons|sacs?|colis|affaires)|standing on a corner"
    r"|aller chercher (?:des|les|un|une) (?:ordonnances?|colis|sacs?|paquets?)|faire (?:des|les) livraisons"
    r"|(?:text|tell|call|ring) (?:us|me) if (?:you|u) see|keep (?:an eye out|watch|a lookout)"
    r"|tu (?:sers|restes|te poses|siffles|surveilles|tiens l'entree|cries quand|guettes)|carry a bag|serve the"
    r"|rester devant|crier (?:si|quand)|tu cries (?:si|quand)|watch the (?:corner|block|door|estate|entrance)"
    r"|watch the \w+ entrance|ride with (?:my|the) driver"
    r"|(?:faire|tu fais) (?:des|2-3|deux|quelques) courses|tu stockes"
    r"|hold a bag|mind a bag|hold (?:the )?stock|keep (?:the )?stock|(?:hold|carry) a backpack|drop it off after"
    r"|bring (?:a few |some )?(?:bits|parcels|packages|packs|bags|stuff)"
    r"|run (?:packs|bags|parcels)|(?:a spot|somewhere) to keep (?:product|stuff|bags)|pou vann"
    r"|(?:walk|carry|move|take) (?:parcels|packages|bags|packs)(?: about| around| round)?"
    r"|(?:drop|deliver|carry|hold) a (?:parcel|package|bag)|train trips|trips? (?:up|down) to)\b")
# a cheap prefilter: every RUN_PAY_RE, SPAN_PAY_RE and ERRAND_PAY_RE match holds one of these words
# (as a whole token; "2 jours" counts, "2j" is read by PAY_RE)
# pay per delivery or per trip ("20€/livraison", "100€ par aller"): the words alone are in most sale posts
_PER_DELIVERY_RE = re.compile(r"(?:/|par |per |each |chaque |la )(?:livraison|delivery|aller)\b")
_RUN_WORDS = frozenset({"course", "courses", "tournee", "trajet", "voyage", "mission", "run", "drop", "trip", "aller",
                        "passage",
                        "go", "fois", "hrs", "hr", "hours", "heures", "days", "jours", "weeks", "semaines", "nights",
                        "nuits",
                        "deposer", "livrer", "ramener", "porter", "garder", "transporter", "surveiller", "guetter",
                        "carry", "hold", "mind", "deliver", "watch", "guet"})
# ... and the words of pay with no amount ("quick cash for drops") or per parcel, looked for apart
# (most sale posts hold "drops" or "colis")
_ERRAND_WORDS_RE = re.compile(r" for (?:drops|runs|drop ?offs|deliveries)\b|colis|parcel|package")
ROLE_BEFORE, ROLE_AFTER = 100, 40  # characters around the amount where a role word counts

# A stated THC content above the legal 0.3 % ("THC 25%", "22% de THC") is no CBD product: the
# legal-shop cues (cbd_legal, legit_commerce) of such a post are dropped. Neither are "THC edibles",
# "THC gummies": the food words of a THC product are no bakery or sweet shop.
THC_PCT_RE = re.compile(r"\bthc\s?[:=(]?\s?(?<![<≤])(\d{1,2}(?:[.,]\d+)?)\s?%"
                        r"|(?<![<≤\d.,])(?<![<≤] )\s?(\d{1,2}(?:[.,]\d+)?)\s?%\s?(?:de\s|d'|of\s)?thc\b")
THC_LIMIT = 0.3
THC_PRODUCT_RE = re.compile(r"\bthc\s(?:edibles?|gummies|gummy|chocolates?|bonbons?|carts?|vapes?|infused|syrup|puffs?"
                            r"|treats?|brownies?|cookies?|pods?)\b"
                            r"|\b(?:edibles?|gummies|chocolates?|bonbons?|carts?|vapes?|infused|puffs?|pods?)"
                            r"\s(?:(?:au|a|with|de)\s?)?thc\b")  # ("Puffs THC 2ml 40€")
# a vehicle's mileage ("112 000 km", "85k miles", "63,000 miles"): a car or a bike for sale
MILEAGE_RE = re.compile(r"\b(?:\d{1,3}[ .,]\d{3}|\d{2,3} ?k) ?(?:km|kms|miles|mi)\b")
# How fast a drop came ("arrivé en 20 min", "pulled up to Bay View in like 25 min"): a buyer's review
# (a flat "en 10 min à pied" from the station is no drop)
DROP_TIME_RE = re.compile(r"\b(?:arrive|arrivee|livre|livree|livreur|drop|dropped|dropped off|pulled up|came|delivered"
                          r"|showed up|turned up|rocked up|arrived|venu|venue|met me|was outside|was there"
                          r"|were outside|were there|was at|got my \w+)"
                          r"\b[^.!?\n]{0,40}?\b(?:(?:en|in)\s(?:like\s|genre\s|moins de\s|under\s|less than\s)?"
                          r"|(?:en moins de|under|less than)\s)"
                          r"\d{1,2}\s?(?:min|mins|minutes|mn)\b"
                          r"(?!\.?\s?(?:a pied|walk(?:ing)?|en voiture|driv(?:e|ing)|by car|from|de la|du|des)\b)"
                          # ("was at my door on 1st ave in 15, scale was right": minutes unsaid)
                          r"|\b(?:was|were|got|pulled up) (?:at|to) my (?:door|place|spot|house|gaff|flat|dorm)\b"
                          r"[^.!?\n]{0,25}?\bin \d{1,2}(?=\s?[,.!]|\s?$)"
                          # a parcel received within hours or days ("reçu mon colis à Roquebrune en 48h", "got my
                          # pack in 3 days")
                          r"|\b(?:recu|received|got) (?:mon|ma|le|my|the) (?:colis|commande|pack|parcel|order)\b"
                          r"[^.!?\n]{0,25}?\b(?:en|in) \d{1,2} ?(?:h|heures|hours|jours|days)\b")
# A buyer's review that says so ("avis client", "shoutout", "10/10", "je recommande", ⭐): with a drop's
# time, a review of a dealer's delivery (see DROP_TIME_RE)
REVIEW_RE = re.compile(r"\b(?:avis|reviews?|shout ?outs?|petit retour|je recommande|i recommend|highly recommend"
                       r"|recommande|def ordering again|merci|cheers|[1-5] stars?|five stars|slapped"
                       r"|order(?:ed|ing) (?:off|from)|(?:will|would|gonna|def) (?:order|use|buy|cop) (?:again|from)"
                       r"|(?:will|would|gonna|def) re-?up|copped (?:\w+ ){0,3}(?:from|off))\b"
                       r"|10/10|⭐|🌟")
# A drop praised ("fast drop", "plug legit", "livreur sympa"): with a review's words, a review too
PRAISED_DROP_RE = re.compile(r"\b(?:fast|quick|speedy|rapid) (?:drop|delivery|dropoff)\b"
                             r"|\b(?:drop|delivery) was (?:fast|quick|speedy)\b|\bplug (?:is )?legit\b"
                             r"|\blivraison (?:rapide|eclair|au top)\b|\blivreur (?:rapide|au top|sympa)\b"
                             # on time, met at a spot ("livreur à l'heure", "driver was on time", "he met me at")
                             r"|\blivreur (?:a|etait a) l.heure\b|\b(?:driver|runner|courier) was on time\b"
                             r"|\b(?:he|she|they) met me (?:at|in|by|outside)\b")
# The goods praised as a drug's are ("caps were potent", "proper 300s not pressies", "de la frappe"): with a
# review's words, a review too (17 hand-written posts, all sales)
PRAISED_GOODS_RE = re.compile(r"\b(?:were|was|is|are|proper|super|tres|vraiment|etait|etaient) (?:potent|legit|lourde?"
                              r"|de la bombe|de la frappe)\b|\bnot pressies\b"
                              r"|\bla frappe (?:elle )?(?:tue|dechire|est folle|est de ouf)\b"
                              # ("8th was gas", "120ug legit")
                              r"|\b(?:was|were|is|are|actually) gas\b|\b\d{2,3}\s?(?:ug|µg) legit\b|\bproper sticky\b"
                              r"|\bgas (?:is|was) (?:real|fire|legit)\b"  # ("the gas is real")
                              # ("smoked crazy", "the gear was actually decent")
                              r"|\bsmoked (?:crazy|so good|smooth|lovely)\b"
                              r"|\bgear (?:was|is) (?:actually )?(?:decent|proper|good|mint|class)\b"
                              r"|\b(?:white|brown|ket|coke|bud|weed|za|pack|8th|q|g) (?:was|were|is)"
                              r" (?:proper|clean|pure)\b"
                              # weighed right ("bien pesée", "the 8th weighed a full 3.6")
                              r"|\bbien pesee?s?\b|\bweighed (?:a full|out|right)\b|\bbien dosee?s?\b"
                              r"|\bweight (?:was )?(?:on point|spot on|right)\b")
# ... unless it warns others off ("je recommande pas", "avoid", "arnaque")
DISOWNED_RE = re.compile(r"\b(?:recommande pas|ne recommande|recommend(?:e|s)? pas|(?:not|don'?t|wouldn'?t) recommend"
                         r"|arnaque|scam|evitez|avoid)\b")
# A plug offered to all ("anyone in OP need a plug", "who needs a plug in Runcorn"): a seller's words
_PLUG_OFFERED_RE = re.compile(r"\b(?:anyone|any1|anybody|who)\b(?: \w+){0,3} (?:need|needs|want|wants) a plug\b")
# A courier's text on arrival: where they wait and the cash to bring ("en bas du bât C ... descends
# avec les 60", "outside now, black golf ... bring £30 exact", "in the Meijer lot ... bring exact $140");
# not money owed or shared ("ramène les 20 balles que j't'ai passé", "bring £10 for chips")
_ARRIVED = (r"(?:\boutside\b|\ben bas\b|\bdevant\b|\bin the [\w ]{1,20}(?:lot|car ?park|parking)\b"
            r"|\bj?e? ?suis la\b|\bpulled up\b|\bhere now\b|\bsuis arrive|\bau parking\b|\bacross from\b"
            r"|\b\d{1,2} mins? away\b|\bnearly there\b|\bhere (?:mate|bro|fam|pal|m8)\b|\bat the back of the\b"
            r"|\bhere at the\b|\barrive dans \d{1,2} ?(?:min|mn)|\bat the [\w' ]{1,20}(?:lot|car ?park|parking)\b"
            r"|\b(?:ur|your|ta) (?:order|commande) (?:is|est) (?:here|la)\b"
            r"|(?:^|[\n.!?] ?)(?:i'?m |im )?here[.!,]"  # ("here. blue tacoma by the walgreens")
            r"|^(?:i'?m |im )?here\b(?!')"  # ("here 📍 Chena Pump rd turnout, grey tacoma")
            r"|\b(?:dans ta rue|devant chez toi|en bas de chez toi)\b"
            # on the way ("on the way 🚗 5 mins ... have the £60 ready"), with the cash to bring after it
            r"|\bon (?:the|my) way\b|\bomw\b"
            # "c le livreur ... dans 5 min": the courier on the way
            r"|\bc.?(?:est)? (?:le|ton|ta) livreu(?:r|se)\b[^.!?\n]{0,60}?\bdans \d{1,2} ?(?:min|mn)\b)")
# (the verb and the amount, "descends avec les 60", "have ur 2, €130", "tu donnes les 50 en espèces"; or the
# exact sum asked, "viens avec l'appoint en espèces stp, 60€")
_CASH_TO_BRING = (r"(?:\b(?:bring|ramene|descends? avec|viens avec|sors avec|sort avec|prepare|preparer|preparez|have"
                  r"|donnes?|come (?:out|down) (?:with|wi|w))\s"
                  r"(?:ur \d+\W{1,3})?"
                  r"(?:the\s|le compte exact\s|l.appoint\s|les\s)?(?:exact\s)?(?:[£$€]\s?\d{2,4}|\d{2,4}(?:\s?(?:€|£|\$"
                  r"|e\b|quid|balles|cash|en liquide|en especes|tout rond))?)(?!\d|[.,]\d)"
                  # (not "bring £10 for chips"; but "bring the 80 for the quarter" is a drug's price)
                  r"(?!\s?(?:€|£|\$|e|quid|balles)?\s?(?:pour|for(?! the (?:quarter|half|q|8th|eighth|oz|zip|ball|g"
                  r"|gram|bag|bags)\b)|que|to|in(?! cash)|de|par)\b)"
                  r"|\b(?:got|have) (?:yer|ur|your) (?:\d{1,2}|order|bits)\b"  # "got yer 2": the order ready
                  r"|\bj.?ai (?:tes|ta|ton) (?:\d{1,2}\b|commande)"  # "j'ai tes 2 galettes", "j'ai ta commande"
                  # the exact sum asked for, with or without the sum ("t'as l'appoint ? jai pas de monnaie")
                  r"|\b(?:sors?|sort|descends?|viens) avec (?:l.espece|les especes|le liquide|la thune|l.argent"
                  r"|le cash)\b"
                  r"|\b(?:t.?as|as.tu|prevois|prepare[sz]?|prends|viens avec|descends? avec|ramene|amene) l.appoint\b"
                  r"(?! (?:pour|for|de)\b)"
                  r"|\b(?:bring|have) (?:it |the )?exact(?: cash| change| money)?\b(?! (?:for|to)\b)"
                  r"|\bhave (?:it|the cash|the money) ready\b|\b(?:ramene|descends? avec|viens avec) la monnaie\b"
                  r"|\b(?:ramene|descends? avec|viens avec|prepare) l.enveloppe\b"  # (the cash in an envelope)
                  # the sum for the order counted ("£50 cash for the 2 bags yeah")
                  r"|[£$€]\s?\d{2,4}\s?(?:cash\s)?for (?:the|ur|your) \d{1,2} ?(?:bags?|g|grams?|baggies|pills?|tabs?"
                  r"|caps?|rocks?|stones?|white|brown|of each)\b"
                  r"|\b\d{2,4}\s?(?:€|e|euros?)? pile\b"  # ("60 pile stp j'ai pas de monnaie")
                  # "t'as les 60 ?" (not "t'as 15 ans", "t'as les 10€ pour le costume")
                  r"|\b(?:t.?as|as.tu) (?:les|tes) \d{2,4}\b"
                  r"(?!\s?(?:€|e\b|balles)?\s?(?:ans|piges|-|h\b|min|pour|de)\b)"
                  r"|\b(?:l.appoint|exact change|exact cash|le compte exact)\b[^.!?\n]{0,30}?"
                  r"(?:\d{2,4}\s?(?:€|e\b)|[£$€]\s?\d{2,4})"
                  r"|(?:[£$€]\s?\d{2,4}|\b\d{2,4}\s?(?:€|£|\$)) (?:ready|pret|prets|prete|exact)\b"
                  r"|\b(?:you|u) said [£$€]\s?\d{2,4}\b"  # "you said £80 for the half?"
                  # "70 en liquide" alone, "paie lui 80" (not "payé 80 en liquide")
                  r"|(?<!paye )(?<!ai )\b\d{2,4}\s?(?:€|e|euros?)?\s?en (?:liquide|especes|cash)\b"
                  r"|\bmontant\s?:?\s?\d{2,4}\s?(?:€|e\b|euros?)\s?(?:en )?(?:especes|liquide|cash)\b"
                  r"|\b(?:paie|paye|payez|pay)[- ](?:lui|le|him|the driver) [£$€]?\d{2,4}\b"
                  # the sum agreed ("$120 like we said", "2 white 2 brown = £40")
                  r"|[£$€]\s?\d{2,4}[^.!?\n]{0,25}?like (?:we|u|you) said\b|= ?[£$€]\s?\d{2,4}\b"
                  r"|\blike (?:we|u|you) said\b[^.!?\n]{0,12}?[£$€]\s?\d{2,4}\b"
                  # ("£50 for the half like we said", "70 stp, c la 1g de blanche comme prévu"; not a time,
                  # "séance de 21h comme prévu")
                  r"|\b\d{2,4}(?!\d|\s?(?:h\b|h\d|min|mn|:|ans))\s?(?:€|e\b|balles|euros)?[^.!?\n]{0,30}?"
                  r"comme (?:dit|convenu|prevu)\b"
                  # or no sum but the courier's hurry to the next drop ("5min max sinon je repars, j'ai
                  # d'autres clients", "not waiting, got other drops")
                  r"|\bsinon je (?:repars|me casse|bouge|pars)\b|\bj.?ai (?:d.?|\d )autres (?:clients|livraisons)\b"
                  r"|\bgot other (?:drops|customers|deliveries)\b|\bleaving in \d{1,2}\b"
                  r"|\bje (?:peux|peut) pas rester longtemps\b|\bje reste pas longtemps\b|\bcan.?t stay long\b)")
COURIER_RE = re.compile(r"(?s)" + _ARRIVED + r".{0,200}?" + _CASH_TO_BRING + r"|" + _CASH_TO_BRING + r".{0,200}?"
                        + _ARRIVED)
# Prefilters: every COURIER_RE match holds an _ARRIVED match, and every _ARRIVED match one of the
# substrings of _MAYBE_ARRIVED_RE (most posts hold none; COURIER_RE is slow to fail, some 90 µs a post:
# it tries the cash to bring at every word)
_ARRIVED_RE = re.compile(_ARRIVED)
_MAYBE_ARRIVED_RE = re.compile(r"outside|en bas|devant|lot|park|suis la|pulled up|here|suis arrive|across from"
                               r"|away|nearly there|back of the|arrive dans|order|commande|dans ta rue|livreu"
                               r"|way|omw")
# A timetable: three clock times or more and a word of a line, a route or departures ("départs 6h12, 7h04,
# 8h30", "12:00 ➡️ start Basin St / 1:30 ➡️ stop"); not a chat's stamps ("[23:31]", "[5/9/25, 11:31 PM]")
_CLOCK_RE = re.compile(r"(?<!\[)\b\d{1,2}(?:h|:)\d{2}\b(?!\s?(?:am|pm)?\])")
# a cheap prefilter: every _CLOCK_RE match holds a digit, "h" or ":", and a digit (most posts have none;
# _TIMETABLE_WORD_RE, which starts with a word boundary, is slow to scan)
_MAYBE_CLOCK_RE = re.compile(r"\d[h:]\d")
_TIMETABLE_WORD_RE = re.compile(r"\b(?:ligne|lignes|departs?|horaires|bus|train|trains|tram|trams|navette|ferry"
                                r"|ferries|route|times|timetable|stop|disband|arrivee)\b")
# An account lost to a platform's ban ("l'ancien est mort", "le snap saute trop", "comptes telegram
# tombés", "old ig got nuked"): dealers' accounts, not a café's or a shop's
BANNED_ACCOUNT_RE = re.compile(r"\b(?:l'?ancien|snap|comptes?|canal|insta|ig|page|acc|account|old one)"
                               r"(?: (?:principal|principale|main|officiel|officielle|perso|prive|privee))?"
                               r"(?: (?:snap|telegram|tg|insta|whatsapp))?"
                               r"(?: (?:a|est|a ete|got|was|has been|is|sont|bientot|va))?"
                               r" (?:saute|sautee|sautes|mort|tombe|tombes|tombee|ban|banni|bannie|banned|nuked"
                               r"|locked|deleted|gone|dead|suspended|disabled|desactive|desactivee|supprime"
                               r"|supprimee|suspendu|suspendue|ferme|fermee|fermer)\b"
                               # ("on a sauté 🚫 ajoutez le backup", "on s'est fait ban")
                               r"|\bon a saute\b|\bon s.est fait (?:ban|bannir|sauter)\b")
# Legal recreational retail: a licensed store or an age gate above 18 ("19+ only", "21+"), an adult-use
# licence, taxes included
LEGAL_RETAIL_RE = re.compile(r"\blicen[cs]ed(?:\s[\w.']+){0,3}?\s"
                             r"(?:store|shop|retailer|dispensary|provisioning cent(?:er|re))\b"
                             r"|\b(?:19|21)\s?\+(?:\s?only)?(?!\w)|\bgovernment of canada\b"
                             r"|\blicen[cs]ed by (?:the )?(?:agco|aglc|ocs|sqdc|olcc|lcb|state|province)\b"
                             # an adult-use licence, its number, taxes included ("licensed adult-use",
                             # "Michigan license AU-R-0000", "all prices include tax")
                             r"|\badult[- ]use\b|\blicen[cs]e (?:#|number|n°|[a-z]{1,3}-[a-z]?-?\d)"
                             r"|\bprices include (?:all )?tax(?:es)?\b|\btax(?:es)? included\b")

CUE_VALUES = ("sale", "recruitment", "buyer", "news", "prevention", "harm_reduction", "cbd_legal",
              "food_delivery", "humor", "legit_commerce", "health", "personal", "conversation")
# a group may give its cues a role the triage looks for, whatever their terms: a seller's words that
# add a drug to an ordinary post, a buyer's that tell of an offer made to them
CUE_KEYS = {"role": ("tucked_offer", "reported_offer")}


_CURRENCY_SIGNS = frozenset("€£$")


def _words(a: Analysis, text: str, m: re.Match[str]) -> tuple[int, int]:
    """The span of a match, widened to whole words when `text` spells a voice note's numbers out
    (" 150 a day" stands where "one-fifty a day" is written)."""
    return (m.start(), m.end()) if text is a.norm.text else whole_words(a.norm.text, m.start(), m.end())


class CueAnalyser(Analyser):
    name = "cues"
    languages = ("fr", "en")
    provides = (CUE, "delivery")  # (a courier's text on arrival tells of a delivery)

    def __init__(self, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(options)
        # French and English cues both apply: posts mix the two languages
        self.matcher = load_merged("cues", self.languages, values=CUE_VALUES, extra_keys=CUE_KEYS)
        # per term's entries (by identity: the matcher keeps them): the cues it gives (_cues_of)
        self._cues: dict[int, list[tuple[str, str, float, str]]] = {}

    def analyse(self, a: Analysis) -> None:
        text = a.norm.text
        if voice_note(text):
            # a voice note says its pay in words ("one-fifty a day"): in digits, same offsets
            text = load_grammar(str(lexicon_file("common", "units"))).spell_out(text, everywhere=True)
        if _PER_RE.search(text) or "same day" in text or "r meme" in text or "shift" in text:
            self._pay(a, text)
        # (the substrings tested first are what every match of the regex after them holds)
        if (not _RUN_WORDS.isdisjoint(a.norm.words)  # (most posts hold none)
                or (("livraison" in text or "delivery" in text or "aller" in text) and _PER_DELIVERY_RE.search(text))
                or (("for " in text or "colis" in text or "parcel" in text or "package" in text)
                    and _ERRAND_WORDS_RE.search(text) and (" for " in text or _PARCEL_ERRAND_RE.search(text)))):
            self._run_pay(a, text)
        if ("%" in text or "tiers" in text or "third" in text or "moitie" in text or "half" in text
                or "commission" in text or "split" in text or "vendu" in text or "sold" in text) and (
                _MAYBE_COMMISSION_RE.search(text)):
            for cm in COMMISSION_RE.finditer(text):
                a.add_norm(CUE, "recruitment", cm.start(), cm.end(), analyser=self.name, rule="grammar:commission",
                           score=0.5, explanation=f"a seller's commission {cm.group()!r}")
        # what each LEGAL_RETAIL_RE match holds ("+" is common, "19+" and "21+" are not)
        if ("licen" in text or ("+" in text and ("19" in text or "21" in text)) or "government" in text
                or "adult" in text or "tax" in text):
            for lm in LEGAL_RETAIL_RE.finditer(text):
                if text.endswith(("no ", "without ", "pas de ", "sans "), 0, lm.start()):
                    continue  # "no 21+ check ❌": a seller boasting of no age gate
                a.add_norm(CUE, "cbd_legal", lm.start(), lm.end(), analyser=self.name, rule="grammar:legal_retail",
                           score=1.0, explanation=f"legal recreational retail {lm.group()!r}")
        dropped = False
        if ("min" in text or "mn" in text or " at my " in text or " to my " in text or "recu" in text
                or "received" in text or "got my" in text or "got the" in text):
            for dm in DROP_TIME_RE.finditer(text):
                a.add_norm(CUE, "sale", dm.start(), dm.end(), analyser=self.name, rule="grammar:drop_time", score=0.5,
                           explanation=f"how fast a drop came {dm.group()!r}: a buyer's review")
                dropped = True
        if (("drop" in text or "deliver" in text or "legit" in text or "livr" in text or "on time" in text
             or "met me" in text) and PRAISED_DROP_RE.search(text)
                or ("potent" in text or "legit" in text or "lourd" in text or "bombe" in text or "frappe" in text
                    or "pressies" in text or "gas" in text or "sticky" in text or "pese" in text
                    or "weighed" in text or "proper" in text or "clean" in text or "pure" in text
                    or "smoked" in text or "gear" in text or "dose" in text or "weight" in text)
                and PRAISED_GOODS_RE.search(text)):
            dropped = True
        if dropped and (rm := REVIEW_RE.search(text)) and not DISOWNED_RE.search(text):
            a.add_norm(CUE, "sale", rm.start(), rm.end(), analyser=self.name, rule="grammar:vendor_review",
                       score=1.0, explanation=f"a review ({rm.group()!r}) of how fast or well a drop came: a "
                                              "buyer vouching for a dealer")
        if ("bring" in text or "ramene" in text or "descend" in text or "prepare" in text or "have" in text
                or "liquide" in text or "especes" in text or "paie" in text or "paye" in text or "pay " in text
                or "viens" in text or "donne" in text or "appoint" in text or "exact" in text or "got" in text
                or "sors" in text or "sort " in text or "come" in text or "pile" in text
                or "ready" in text or "pret" in text or "said" in text or "=" in text or "t'as" in text
                or "tas " in text or "as tu" in text or "as-tu" in text or "j'ai t" in text or "jai t" in text
                or "j ai t" in text
                or "comme dit" in text or "comme convenu" in text or "comme prevu" in text or "cash" in text
                or "longtemps" in text or "stay long" in text
                or "sinon" in text or "autres" in text or "other" in text or "enveloppe" in text
                or "leaving" in text or "for " in text) and (
                _MAYBE_ARRIVED_RE.search(text) and _ARRIVED_RE.search(text)
                and (courier := COURIER_RE.search(text))):
            a.add_norm(CUE, "sale", courier.start(), courier.end(), analyser=self.name, rule="grammar:courier_arrival",
                       score=1.0, explanation="a courier's text on arrival: where they wait and the cash to bring")
            a.add_norm("delivery", True, courier.start(), courier.end(), analyser=self.name,
                       rule="grammar:courier_arrival", score=1.0,
                       explanation="a courier waiting at the buyer's place: the order is delivered")
        if ("h" in text or ":" in text) and _MAYBE_CLOCK_RE.search(text) and (
                tw := _TIMETABLE_WORD_RE.search(text)) and len(_CLOCK_RE.findall(text)) >= 3:
            a.add_norm(CUE, "legit_commerce", tw.start(), tw.end(), analyser=self.name, rule="grammar:timetable",
                       score=1.0, explanation=f"a timetable: three clock times or more and {tw.group()!r}")
        if ("saute" in text or "mort" in text or "tombe" in text or "ban" in text or "nuked" in text
                or "locked" in text or "deleted" in text or "gone" in text or "dead" in text or "suspend" in text
                or "disabled" in text or "desactive" in text or "supprime" in text or "ferm" in text) and (
                bm := BANNED_ACCOUNT_RE.search(text)):
            a.add_norm(CUE, "sale", bm.start(), bm.end(), analyser=self.name, rule="grammar:banned_account",
                       score=1.0, explanation=f"an account lost to a ban {bm.group()!r}: a dealer's, not a shop's")
        if "km" in text or "mi" in text:
            for vm in MILEAGE_RE.finditer(text):
                a.add_norm(CUE, "legit_commerce", vm.start(), vm.end(), analyser=self.name, rule="grammar:mileage",
                           score=1.0, explanation=f"a vehicle's mileage {vm.group()!r}: a vehicle for sale")
        labels: frozenset[int] = _NO_LABELS
        stamps: list[tuple[int, int]] = []
        if "\n" in text and (":" in text or "[" in text):
            if "[" in a.post.text:
                stamps = [m.span() for m in _LINE_STAMP_RE.finditer(a.post.text)]
            found = _speakers(a.post.text)  # (read once for the three uses below)
            speakers = _conversation(a.post.text, found)
            if speakers:
                a.add(CUE, "conversation", 0, len(a.post.text), analyser=self.name, rule="grammar:conversation",
                      score=1.0, explanation=f"a conversation between {', '.join(speakers)}: people talking, not an ad")
                labels = _speaker_labels(found)
            else:  # a trade's role opening lines is who speaks, even in a one-sided chat ("Runner: outside ...")
                labels = frozenset(start for start, name in found if name.lower() in _TRADE_ROLES)
            if "(" in text:  # "Transcription vocal (vendeur) : « ... »": who speaks
                labels = labels | {m.start(1) for m in _ROLE_IN_PARENS_RE.finditer(a.post.text)
                                   if m.group(1).lower() in _TRADE_ROLES}
            for fm in _FAMILY_SPEAKER_RE.finditer(a.post.text):
                a.add(CUE, "personal", fm.start(1), fm.end(1), analyser=self.name, rule="grammar:family_chat",
                      score=1.0, explanation=f"a family member speaks ({fm.group(1)!r}): a family's chat")
                break
        runs = self.matcher.runs(a.norm.words)
        if not runs:
            return
        drop = _thc_sold(text) if "thc" in text else _NOTHING  # (tested here: most posts have no THC)
        toks = a.norm.tokens
        span = a.norm.span
        add = a.findings.append
        name = self.name
        # the places read (the places analyser runs first): a word of a town's name is no cue
        # ("Champagne-sur-Seine", "Bowling Green")
        # and a word of a strain's name is no cue of a bakery or a wedding ("Wedding Cake", "Lemon Cherry")
        names = [(f.start, f.end) for f in a.findings if f.kind == "places" or (
            f.kind == "products" and f.score >= 1.0 and " " in a.post.text[f.start:f.end])]
        post_text = a.post.text
        # what the two tests below need in the post, read once (most posts hold no quotation mark or
        # no hyphen: the test is then always false)
        quotes = any(q in post_text for q in _OPEN_QUOTES)
        hyphen = "-" in post_text
        for first, last, entries in runs:
            cues = self._cues.get(id(entries))
            if cues is None:
                cues = self._cues[id(entries)] = _cues_of(entries)
            s, e = span(toks[first].start, toks[last].end)
            if s in labels:
                continue  # "Vendeur: oui 350€": a speaker's role in a chat, no seller wanted
            if names and any(ps <= s and e <= pe for ps, pe in names):
                continue
            if quotes and _quoted(post_text, s, e):
                continue  # "Vends « chocolat » et « brocolis » maison 😉": a word in quotes is a code word
            if stamps and any(a0 <= s < b0 for a0, b0 in stamps):
                continue  # "[5/10/25, 10:41 PM]": a chat's date and time, no "5/10" rating
            if hyphen and _in_proper_compound(post_text, s, e):
                continue  # "Champagne-Ardenne", "Saint-Vin": a word of a hyphenated name
            if post_text[s:e].isdigit() and _amount(post_text, s, e):
                continue  # "Studio 420€", "$420": an amount of money, not the code "420"
            for value, rule, score, why in cues:
                # (food is denied only "here": "pas de kebab ici 🥙❌ mais 🍁 15€/g"; "jamais alcool et benzos"
                # still speaks of drink)
                if value not in drop and not (value in _DENIABLE and _denied(
                        a.norm.words, first, value != "food_delivery" or a.norm.words[last + 1:last + 2] in _HERE)):
                    add(new_finding((CUE, value, s, e, name, rule, score, why)))
        if "plug" in text and (om := _PLUG_OFFERED_RE.search(text)):
            # "anyone in OP need a plug 🔌 dms open": a plug offered to whoever needs one, no buyer asking
            os_, oe = a.norm.span(om.start(), om.end())
            a.findings[:] = [f for f in a.findings if not (f.kind == CUE and f.value == "buyer"
                                                           and os_ <= f.start and f.end <= oe)]
            a.add_norm(CUE, "sale", om.start(), om.end(), analyser=self.name, rule="grammar:plug_offered", score=1.0,
                       explanation=f"a plug offered to whoever needs one {om.group()!r}: a seller's post")

    def _run_pay(self, a: Analysis, text: str) -> None:
        """Recruitment cues of pay per run, or for a stated time, next to the errand or the role it
        pays for; and of pay for an errand named in the same phrase."""
        for pm in ERRAND_PAY_RE.finditer(text):
            if _THRESHOLD_BEFORE_RE.search(text, max(0, pm.start() - 24), pm.start()):
                continue  # "minimum 40€ pour livrer sur Rodez": a minimum order, not pay
            a.add_norm(CUE, "recruitment", *_words(a, text, pm), analyser=self.name, rule="grammar:pay_for_errand",
                       score=1.0, explanation=f"pay for an errand {text[pm.start():pm.end()]!r}: a job offer")
        if ("colis" in text or "parcel" in text or "package" in text or " box" in text) and (
                _PARCEL_ERRAND_RE.search(text)):
            for pm in PARCEL_PAY_RE.finditer(text):
                a.add_norm(CUE, "recruitment", *_words(a, text, pm), analyser=self.name, rule="grammar:pay_for_errand",
                           score=1.0, explanation=f"pay per parcel {text[pm.start():pm.end()]!r} for receiving or "
                                                  "passing parcels on: a job offer")
        for regex, rule, how in ((RUN_PAY_RE, "grammar:pay_per_run", "per run"),
                                 (SPAN_PAY_RE, "grammar:pay_for_time", "for a stated time")):
            for pm in regex.finditer(text):
                lo, hi = max(0, pm.start() - ROLE_BEFORE), min(len(text), pm.end() + ROLE_AFTER)
                what = JOB_ROLE_RE.search(text, lo, hi) or ERRAND_RE.search(text, lo, hi)
                if what is None:
                    continue
                a.add_norm(CUE, "recruitment", *_words(a, text, pm), analyser=self.name, rule=rule, score=1.0,
                           explanation=f"pay {how} {text[pm.start():pm.end()]!r} for {what.group()!r}: a job offer")

    def _pay(self, a: Analysis, text: str) -> None:
        """Recruitment cues of pay per unit of time."""
        for pm in PAY_RE.finditer(text):
            if _SPENT_RE.search(text, max(0, pm.start() - 24), pm.start()):
                continue  # "used to spend £300 a week on white": money spent, not pay
            if _RENTED_RE.search(text, max(0, pm.start() - 40), pm.start()):
                continue  # "heated huts $95/day", "location VAE 25€ la journée": a rental's price, not pay
            if text[pm.end() - 1] == "h" and _PRICE_NEXT_RE.match(text, pm.end()):
                continue  # "Q £45 / H £85 / Z £160": a menu's half ounce and its price, not an hourly wage
            if _WAGE_RE.search(pm.group()):
                a.add_norm(CUE, "legit_commerce", *_words(a, text, pm), analyser=self.name, rule="grammar:hourly_wage",
                           score=1.0, explanation=f"an hourly wage to the cent {pm.group()!r}: a legal employer's")
                continue
            a.add_norm(CUE, "recruitment", *_words(a, text, pm), analyser=self.name, rule="grammar:pay_per_time",
                       score=1.0, explanation=f"pay per unit of time {text[pm.start():pm.end()]!r}: a job offer")
        same_day = SAME_DAY_PAY_RE.finditer(text) if ("same day" in text or "r meme" in text) else ()
        shift = SHIFT_PAY_RE.finditer(text) if "shift" in text else ()
        for pm in (*BARE_PAY_RE.finditer(text), *same_day, *shift):
            lo, hi = max(0, pm.start() - ROLE_BEFORE), min(len(text), pm.end() + ROLE_AFTER)
            role = JOB_ROLE_RE.search(text, lo, hi) or ERRAND_RE.search(text, lo, hi)  # ("tu surveilles le hall")
            if role is None:
                continue
            a.add_norm(CUE, "recruitment", *_words(a, text, pm), analyser=self.name, rule="grammar:pay_per_time",
                       score=1.0, explanation=f"pay per unit of time {text[pm.start():pm.end()]!r} near the job "
                       f"word {role.group()!r}: a job offer")


_PRICE_NEXT_RE = re.compile(r" ?[£$€]? ?\d")  # a price right after a unit letter
# an hourly wage to the cent ("11,88€/h", "$17.50/hr", "£12.21 an hour"): what payrolls write, not networks
# (in the hand-written posts, 150 legal job offers and no network's)
_WAGE_RE = re.compile(r"\d[.,]\d\d\D{0,12}(?:h|hr|hour|heure)$")
# "Dana: heads up — ...": a line a person's name opens, then a sentence (field labels such as
# "Poste :", "Livraison :" open lines of ads too: see `conversation`)
_SPEAKER_RE = re.compile(r"^(?:\[[^\]\n]{1,60}\]\s*)?([A-ZÀ-Ý][\w'’-]{1,20}(?: [A-ZÀ-Ý][\w'’-]{1,20})?) ?: +"
                         r"(?:\S+[ \t]+){2,}\S", re.M)
# any line a name and a colon open (a turn of a speaker found elsewhere)
_SHORT_TURN_RE = re.compile(r"^(?:\[[^\]\n]{1,60}\]\s*)?([A-ZÀ-Ý][\w'’-]{1,20}(?: [A-ZÀ-Ý][\w'’-]{1,20})?) ?: +\S",
                            re.M)
# the date and time that open a chat's line ("[5/10/25, 10:41 PM]")
_LINE_STAMP_RE = re.compile(r"^\[[^\]\n]{1,60}\]", re.M)
# a chat line a time opens ("[10:02] Vendeur: oui"): a speaker's turn however short the message
# a name in brackets opening a line, as some exports write who speaks ("[client] wsh t'es dispo?")
_BRACKET_SPEAKER_RE = re.compile(r"^\[([A-Za-zÀ-ÿ][\w'’-]{0,20}(?: [A-Za-zÀ-ÿ][\w'’-]{0,20})?)\] +\S", re.M)
_TIMED_SPEAKER_RE = re.compile(r"^\[[^\]\n]{1,60}\]\s*([A-ZÀ-Ý][\w'’-]{1,20}(?: [A-ZÀ-Ý][\w'’-]{1,20})?) ?: +\S", re.M)
_GROUP_HEADER_RE = re.compile(r"^\[(?:group|groupe|chat|conversation|discussion)\b"
                              r"|^(?:> ?)?(?:sujet|topic|thread|objet) ?:", re.I | re.M)


def conversation(text: str) -> list[str]:
    """The speakers of a chat transcript, or [] when the text is none: lines opened by names, where
    a name speaks again after another one ("Dana: ... / Mike: ... / Dana: ..."), or under a group's
    header ("[Groupe « Coloc »]", a forum's "Sujet :"). An ad's field labels never take turns."""
    return _conversation(text, _speakers(text))


def _conversation(text: str, found: list[tuple[int, str]]) -> list[str]:
    """`conversation(text)`, with `_speakers(text)` read already."""
    turns = [name for _, name in found]
    names = list(dict.fromkeys(turns))
    if len(names) < 2:
        return []
    takes_turns = any(turns[j] in turns[:j - 1] and turns[j] != turns[j - 1] for j in range(2, len(turns)))
    return names if takes_turns or _GROUP_HEADER_RE.search(text) else []


_NO_LABELS: frozenset[int] = frozenset()
# a chat line a parent, grandparent or neighbour speaks ("[18:40] Maman: il reste du 🥦"): a family's chat
# (or in brackets: "[Mum] what time's the train?")
_FAMILY_SPEAKER_RE = re.compile(r"^(?:\[[^\]\n]{1,40}\]\s*)?\[?(maman|papa|mamie|papi|mum|mom|mam|mammy|dad|da|nan"
                                r"|nana|grandma|grandad|grandpa|tata|tonton|tatie|auntie|voisin|voisine|neighbour|neighbor)"
                                r"(?:(?: [A-ZÀ-Ý][\w'’-]{1,20})? ?: |\] )",  # ("Tata Nadia: ...")
                                re.I | re.M)


_WHO_RECRUITS = frozenset({"recruteur", "recruteuse", "recruiter", "recrutement", "recruitment"})
# the parties of any trade and their couriers, as chats label their speakers (normalised)
_TRADE_ROLES = frozenset({"vendeur", "vendeuse", "acheteur", "acheteuse", "client", "cliente", "buyer", "seller",
                          "customer", "vendor", "driver", "courier", "livreur", "livreuse", "runner", "dealer"})


# a role in brackets before a colon, as transcripts name who speaks ("Vocal (vendeur) :")
_ROLE_IN_PARENS_RE = re.compile(r"\((\w+)\) ?:")


def speaker_labels(text: str) -> frozenset[int]:
    """Where the speakers' names of a chat start: who speaks is no cue, a trade's role ("Vendeur:
    oui 350€") nor a name ("Jordan: ..."); but a recruiter still tells who recruits ("Recruteur:")."""
    return _speaker_labels(_speakers(text))


def _speaker_labels(found: list[tuple[int, str]]) -> frozenset[int]:
    """`speaker_labels(text)`, with `_speakers(text)` read already."""
    return frozenset(start for start, name in found if name.lower() not in _WHO_RECRUITS)


def _speakers(text: str) -> list[tuple[int, str]]:
    """(start, name) of each speaker's turn, in order: a line a name opens with a sentence, or
    any line a time and a name open."""
    found = {m.start(1): m.group(1) for m in _SPEAKER_RE.finditer(text)}
    if "[" in text:
        found.update({m.start(1): m.group(1) for m in _TIMED_SPEAKER_RE.finditer(text)})
        found.update({m.start(1): m.group(1) for m in _BRACKET_SPEAKER_RE.finditer(text)})
    if found:  # a speaker's every turn, however short ("Vendeur : oui 650€" once "Vendeur :" spoke)
        found.update({m.start(1): m.group(1) for m in _SHORT_TURN_RE.finditer(text) if m.group(1) in found.values()})
    return sorted(found.items())


def _cues_of(entries: list[Entry]) -> list[tuple[str, str, float, str]]:
    """(meaning, rule, score, explanation) of the cues a term gives: one per meaning, the first
    entry's (the same word may stand in the French and the English lexicon)."""
    out: dict[str, tuple[str, str, float, str]] = {}
    for e in entries:
        if e.value not in out:
            role = e.get("role")  # a group's role rides on its rule: "...:also got green#tucked_offer"
            out[e.value] = (e.value, f"{e.rule}#{role}" if role else e.rule, 1.0 if e.strength == "strong" else 0.5,
                            f"{e.strength} {e.value} cue {e.term!r}")
    return list(out.values())


_NOTHING: frozenset[str] = frozenset()


_OPEN_QUOTES = frozenset("«\"“'‘")
_CLOSE_QUOTES = frozenset("»\"”'’")


def _quoted(text: str, s: int, e: int) -> bool:
    """The words text[s:e] stand alone between quotation marks ("« chocolat »", '"snow"')."""
    i = s - 1
    while i >= 0 and text[i] in " \u00a0\u202f":
        i -= 1
    j = e
    while j < len(text) and text[j] in " \u00a0\u202f":
        j += 1
    return i >= 0 and j < len(text) and text[i] in _OPEN_QUOTES and text[j] in _CLOSE_QUOTES and (
        text[i] != "'" or i == 0 or not text[i - 1].isalpha())  # not the elision of "l'chocolat"


# "de la vraie, pas du CBD", "not your CBD", "no CBD here": a dealer saying what the goods are not;
# "rien à vendre, juste surveiller": a lookout's job, no classified; "outside the chippy": a meeting point
_DENIABLE = frozenset({"cbd_legal", "legit_commerce", "food_delivery"})
_NEGATIONS = frozenset({"pas", "not", "no", "non", "jamais", "ni", "nor", "never", "aucun", "aucune", "zero",
                        "rien", "nothing"})
_HERE = (["ici"], ["here"])
_DETERMINERS = frozenset({"du", "de", "d", "la", "le", "les", "des", "ton", "ta", "ce", "cette", "that", "your",
                          "ur", "the", "some", "any", "un", "une", "a"})


# "devant la pharmacie", "outside the chemist": a business named as a meeting point
_LANDMARK = frozenset({"devant", "derriere", "outside", "behind", "opposite", "pres", "near", "vers", "cote", "by"})
_PLAIN_LANDMARK = _LANDMARK - {"pres", "vers", "cote"}  # (not "mis de côté les deux pneus neige")


def _amount(text: str, s: int, e: int) -> bool:
    """Whether the number at text[s:e] is an amount: a currency sign next to it ("420€", "£420", "420 €")."""
    return text[e:e + 2].lstrip()[:1] in _CURRENCY_SIGNS or text[max(0, s - 2):s].rstrip()[-1:] in _CURRENCY_SIGNS


def _in_proper_compound(text: str, s: int, e: int) -> bool:
    """Whether text[s:e], capitalised, is part of a hyphenated name: a capitalised word after its hyphen
    ("Champagne-Ardenne"), or any word before it ("Saint-Vin")."""
    if not text[s:s + 1].isupper():
        return False
    return ((text[e:e + 1] == "-" and text[e + 1:e + 2].isupper())
            or (s >= 2 and text[s - 1] == "-" and text[s - 2].isalpha()))


def _denied(words: list[str], first: int, negated: bool = True) -> bool:
    """The cue at token `first` is negated (a negation right before it, or before its
    determiner), or names a meeting point ("devant la pharmacie"); a meeting point only when not
    `negated` ("jamais alcool et benzos" still speaks of drink)."""
    j = first - 1
    if (j >= 2 and words[j].isalpha() and words[first].isalpha() and words[j] not in _DETERMINERS
            and words[j - 1] in _DETERMINERS and words[j - 2] in _PLAIN_LANDMARK):
        return True  # "by the water taxi stop", "devant la petite boulangerie": a meeting point
    if j >= 0 and words[j] in _DETERMINERS:
        j -= 1
    return j >= 0 and ((negated and words[j] in _NEGATIONS) or words[j] in _LANDMARK)


def _thc_sold(text: str) -> frozenset[str]:
    """The legal-shop cue meanings a post selling THC cancels ("(THC 25%)", "THC gummies")."""
    if "thc" not in text:
        return frozenset()
    for m in THC_PCT_RE.finditer(text) if "%" in text else ():  # (each match holds a "%")
        value = float((m.group(1) or m.group(2)).replace(",", "."))
        if m.group(2) and "cbd" in text[max(0, m.start() - 6) : m.start()]:
            continue  # "CBD 15% THC <0.2%": the percentage is the CBD's
        if value > THC_LIMIT:
            return frozenset({"cbd_legal", "legit_commerce"})
    if THC_PRODUCT_RE.search(text):
        return frozenset({"legit_commerce", "food_delivery"})
    return frozenset()
