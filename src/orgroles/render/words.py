"""The words charts add to an org's own text ("vacant", "+12 developers", ...), in en and fr.

Another language falls back to English, as titles do.

>>> folded(12, "Developer", "en"), folded(12, "Développeur", "fr")
('+12 developers', '+12 développeurs')
>>> word("vacant", "fr")
'poste vacant'
"""

from __future__ import annotations

__all__ = ["LANGS", "count", "folded", "plural", "word"]

LANGS = ("en", "fr")
"""The languages with translations of the chart words."""

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "vacant": "vacant",
        "acting": "acting",
        "below": "+{n} below",
        "more": "+{n} more",
        "vacant_one": "{n} vacant",
        "vacant_many": "{n} vacant",
        "preview": "Showing the top {layers} of {total_layers} layers: {shown} of {roles} roles.",
        "org_problems": "Problems with the whole org:",
    },
    "fr": {
        "vacant": "poste vacant",
        "acting": "par intérim",
        "below": "+{n} en dessous",
        "more": "+{n} autres",
        "vacant_one": "dont {n} poste vacant",
        "vacant_many": "dont {n} postes vacants",
        "preview": "Les {layers} premiers niveaux sur {total_layers} : {shown} postes sur {roles}.",
        "org_problems": "Problèmes de l'organisation entière :",
    },
}

# Plurals that the simple rule gets wrong, by the lower-cased singular.
_IRREGULAR: dict[str, dict[str, str]] = {
    "en": {"person": "people", "staff": "staff", "chief": "chiefs", "man": "men", "woman": "women"},
    "fr": {
        "lead développeur": "leads développeurs",
        "directeur technique": "directeurs techniques",
        "directeur produit": "directeurs produit",
        "chef de projet": "chefs de projet",
    },
}


def word(key: str, lang: str = "en") -> str:
    """Return a chart word in ``lang`` (English when there is no translation).

    >>> word("acting", "fr"), word("acting", "de")
    ('par intérim', 'acting')
    """
    return _WORDS.get(lang, _WORDS["en"]).get(key) or _WORDS["en"][key]


def count(n: int, lang: str = "en") -> str:
    """Return a number as the language writes it.

    >>> count(12345, "en"), count(12345, "fr")
    ('12,345', '12\\u202f345')
    """
    text = f"{n:,}"
    return text.replace(",", "\u202f") if lang == "fr" else text


def _lower(w: str) -> str:
    # "Developer" -> "developer", but "QA", "UX" and "iOS" keep their case.
    return w.lower() if w[:1].isupper() and w[1:] == w[1:].lower() else w


def plural(title: str, lang: str = "en") -> str:
    """Return the plural of a role title, lower-cased as in running text.

    The last word takes an ``s`` unless it already ends in s, x or z (``y`` becomes
    ``ies`` in English); a small table holds the exceptions.

    >>> plural("Developer"), plural("QA Engineer"), plural("Secretary"), plural("Boss")
    ('developers', 'QA engineers', 'secretaries', 'bosses')
    >>> plural("Lead développeur", "fr"), plural("Designer", "fr"), plural("Choix", "fr")
    ('leads développeurs', 'designers', 'choix')
    """
    words = [_lower(w) for w in title.split(" ")]
    phrase = " ".join(words)
    table = _IRREGULAR.get(lang, _IRREGULAR["en"])
    if phrase in table:
        return table[phrase]
    last = words[-1]
    if last in table:
        words[-1] = table[last]
    elif last.endswith(("s", "x", "z")):
        if lang != "fr" and last.endswith(("ss", "x", "z")):
            words[-1] = last + "es"  # boss, box: bosses, boxes; French keeps the word
    elif lang != "fr" and last[-1:] == "y" and last[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        words[-1] = last[:-1] + "ies"
    elif lang != "fr" and last[-2:] in ("ch", "sh"):
        words[-1] = last + "es"
    else:
        words[-1] = last + "s"
    return " ".join(words)


def folded(n: int, title: str, lang: str = "en") -> str:
    """Return the label of a box that stands for ``n`` roles with the same title.

    >>> folded(1, "Developer")
    '+1 developer'
    >>> folded(3, "Designer", "fr")
    '+3 designers'
    """
    noun = plural(title, lang) if n != 1 else " ".join(_lower(w) for w in title.split(" "))
    return f"+{count(n, lang)} {noun}"
