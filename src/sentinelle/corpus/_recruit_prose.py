"""Recruitment written as chat rather than as a job board: a sentence or two, roles in the plural or
described without their name ("garder de la marchandise chez toi"), pay per service or per month,
often no contact at all. Without these the triage model learns that recruitment means a list of
"➡️ role : pay" lines, and that a plural role word ("guetteurs") belongs to news about seizures."""

from __future__ import annotations

from ._sale import Ctx, pick
from ._text import ch, ri
from ._world import contact_text, other_contact, say_places

# (what is asked, the pay range, how the pay is said: {n} is the amount)
_ASKS_FR = (
    ("des guetteurs", (40, 120), ("{n}€ le service", "{n} la journée", "{n}€/j", "payé {n} par jour")),
    ("guetteurs", (40, 120), ("{n}€ le service", "{n} balles la journée", "{n}€ par shift")),
    ("2 ou 3 choufs", (50, 100), ("{n} la journée", "{n}€ le créneau")),
    ("des jeunes pour surveiller l'entrée du hall", (50, 100), ("{n}€ la journée", "{n} balles par jour")),
    ("un gars de confiance pour garder de la marchandise chez lui", (300, 1200),
     ("{n} par mois sans bouger de ton canapé", "{n}€ par mois", "{n} le mois, tu bouges pas")),
    ("quelqu'un pour stocker des sacs chez lui", (200, 900), ("{n}€ par mois", "{n} la semaine")),
    ("quelqu'un pour tenir le point le soir", (100, 250), ("{n}€ la soirée", "{n} par soir")),
    ("des vendeurs", (100, 300), ("{n}€ par jour", "{n} la journée + primes")),
    ("des mecs pour faire les courses en scooter", (80, 200), ("{n}€ la soirée", "{n} par soir")),
    ("quelqu'un avec une voiture pour déposer des colis", (50, 150), ("{n}€ la course", "{n} par dépôt")),
    ("quelqu'un pour préparer les sachets", (80, 150), ("{n}€ la journée", "{n} par jour")),
    ("quelqu'un pour répondre au tel de la ligne", (80, 150), ("{n}€ la journée", "{n} par jour")),
    ("un chauffeur pour des allers-retours en Espagne", (1500, 4000), ("{n}€ le trajet", "{n} par voyage")),
    ("des livreurs", (80, 200), ("{n}€ la soirée", "{n} par soir")),
)
_OPEN_FR = ("on cherche", "cherche", "besoin de", "je cherche", "recherche", "il nous faut", "on prend",
            "qui est chaud ? on cherche", "urgent on cherche", "y'a de la place pour")
_EXTRA_FR = ("ramène tes potes 🤝", "pas de questions", "taf tranquille", "cash tous les soirs 💸",
             "pas besoin d'expérience", "discrétion", "sérieux only", "on t'explique tout")
_MINORS_FR = ("13 ans minimum", "même à 15 ans c'est bon", "t'es au collège ? pas grave",
              "après les cours ça passe", "14-17 ans ok")

_ASKS_EN = (
    ("someone to hold a bag at theirs", (200, 600), ("£{n} a week", "£{n} p/w, you don't even leave the house")),
    ("lads to keep an eye out round the estate", (40, 100), ("£{n} a shift", "£{n} a day")),
    ("lookouts", (40, 100), ("£{n} a shift", "£{n} per day")),
    ("a driver with own car for runs out of town", (150, 400), ("£{n} per trip", "£{n} a run")),
    ("someone to answer the line phone", (80, 150), ("£{n} a day", "£{n} per shift")),
    ("people for drop offs", (80, 200), ("£{n} a day", "£{n} a night")),
    ("youngers for the trap", (50, 150), ("£{n} a day", "£{n} cash daily")),
)
_OPEN_EN = ("need", "looking for", "anyone know", "we need", "after", "wanted:")
_EXTRA_EN = ("easy money", "no questions asked", "paid cash every night", "bring your mates", "no experience")
_MINORS_EN = ("14+ fine", "school kids welcome", "after school ok", "15 16 fine")


# the shortest form, a story or a comment: "guetteur 80€ la journée, 15 ans ok"
# drug-trade roles only: "livreur" or "vendeur" with an age is as often a legal job ad
_TERSE_FR = ("guetteur", "guetteurs", "chouf", "choufs", "charbonneur", "charbonneurs", "nourrice", "ravitailleur")
_TERSE_PAY_FR = ("{n}€ la journée", "{n}€/j", "{n} par jour", "{n}€ la soirée", "{n} balles la journée")
_TERSE_EN = ("runners", "lookouts", "shotters", "youngers for the line", "holder")
_TERSE_PAY_EN = ("£{n} a day", "£{n}/day", "£{n} a shift", "£{n} per day")
_TERSE_MINORS_FR = ("15 ans ok", "à partir de 14 ans", "t'as 15 ans ? viens", "jeunes du collège acceptés",
                    "âge minimum 14 ans", "même à 13 ans")
_TERSE_MINORS_EN = ("14+ ok", "must be 14 or over", "year 9s welcome", "15 and up")


def terse_recruitment(c: Ctx, minors: bool) -> None:
    rng, post = c.rng, c.post
    fr = c.fr
    role = ch(rng, _TERSE_FR if fr else _TERSE_EN)
    pay = ch(rng, _TERSE_PAY_FR if fr else _TERSE_PAY_EN).format(n=10 * ri(rng, 5, 20))
    pay = pay.replace("£", {"USD": "$", "EUR": "€"}.get(c.cur, "£"))
    lead = ch(rng, ("recrute ", "cherche ", "", "") if fr else ("need ", "hiring ", "", ""))
    post.t(f"{lead}{role} {pay}")
    if minors:
        post.minors = True
        post.t(ch(rng, (", ", " ", " • "))).t(ch(rng, _TERSE_MINORS_FR if fr else _TERSE_MINORS_EN))
    post.t(ch(rng, ("", " 📩", " dm", " 🤫", " 💸")))
    post.nl()


def prose_recruitment(c: Ctx, minors: bool) -> None:
    rng, post, v = c.rng, c.post, c.v
    fr = c.fr
    if rng.random() < 0.3:
        terse_recruitment(c, minors)
        return
    opener = ch(rng, _OPEN_FR if fr else _OPEN_EN)
    ask, (lo, hi), pays = ch(rng, _ASKS_FR if fr else _ASKS_EN)
    pay = ch(rng, pays).format(n=lo + 10 * int(rng.random() * ((hi - lo) // 10 + 1)))
    pay = pay.replace("£", {"USD": "$", "EUR": "€"}.get(c.cur, "£"))
    if rng.random() < 0.2:
        opener = opener.capitalize()
    said = f"{opener} {ask} "
    post.t(said.replace(" de des ", " de ").replace(" de un ", " d'un "))
    post.t(pick(rng, fr, ("sur ", "à ", "secteur ", "vers "), ("in ", "round ", "around ")))
    post.s(say_places(rng, post, v, ri(rng, 1, 2)))
    post.t(ch(rng, (", ", " ", ". ", "\n"))).t(pay)
    extras = [ch(rng, _EXTRA_FR if fr else _EXTRA_EN)] if rng.random() < 0.5 else []
    if minors:
        post.minors = True
        extras.append(ch(rng, _MINORS_FR if fr else _MINORS_EN))
    for e in extras:
        post.t(ch(rng, (", ", " ", "\n"))).t(e)
    r = rng.random()
    if r < 0.4:  # no contact: the answer goes to the comments or the DMs
        post.t(pick(rng, fr, ("", " dm", " 📩", " mp", " en privé"), ("", " ", " dm", " 📩", " inbox")))
    elif r < 0.7:
        oc = other_contact(rng, v, c.platform, c.author)
        if oc:
            post.t(pick(rng, fr, (" écris ", " contact ", "\n"), (" hmu ", " msg ", "\n"))).k(
                contact_text(rng, post, oc[0], oc[1], c.lang))
    else:
        post.t(ch(rng, (" 🤫", " 💶", " 🤝", "")))
    post.nl()
