"""The words charts add to an org's own text ("vacant", "+12 developers", ...), in en and fr.

Another language falls back to English, as titles do.

Examples:
    >>> folded(12, "Developer", "en"), folded(12, "Développeur", "fr")
    ('+12 developers', '+12 développeurs')
    >>> word("vacant", "fr")
    'poste vacant'
"""

from __future__ import annotations

__all__ = ["LANGS", "count", "family_label", "folded", "plural", "reports", "ui_words", "word"]

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
        "planned": "planned",
        "planned_from": "planned from {month}",
        "preview": "Showing the top {layers} of {total_layers} layers: {shown} of {roles} roles.",
        "org_problems": "Problems with the whole org:",
        "cycle": "Reporting cycle: {path} (drawn from {top}, the line from {top} to {manager} "
        "left out)",
        "self_report": "{id} reports to itself (drawn at the top)",
        "self_reports": "{n} roles report to themselves (drawn at the top): {ids}",
        "and_more": " and {n} more",
        "not_in_file": "not in this file: {id}",
        "forest": "{n} separate groups",
        "reports_range": "reports {first}\u2013{last} of {n}",
        "smaller_groups": "+{n} smaller groups ({roles} boxes)",
        "preview_forest": "The largest of {groups} separate groups.",
        "preview_more": "To see more: org.subtree(ROLE, depth=2), or org.explore().",
        "page_of": "page {i} of {n}",
        "row_column": "row {r}, column {c}",
        "report_one": "{n} report",
        "report_many": "{n} reports",
        "in_all": "{n} below",
        "other": "other",
        "no_team": "no team",
        "none": "none",
        "others": "{n} others",
        "change_added": "new seat",
        "change_removed": "removed seat",
        "change_moved": "moved, was under {manager}",
        "changes_from": "{name}: changes from {old} to {new}",
        "change_moved_top": "moved, was at the top",
        "change_restaffed": "new holder, was {name}",
        "change_restaffed_vacant": "new holder, was vacant",
        "legend_added": "new seats ({n})",
        "legend_removed": "removed seats ({n})",
        "legend_moved": "moved seats ({n}) · old line dashed",
        "legend_dotted": "dotted line: a matrix (functional) manager",
        "dotted_to": "dotted line to {name}",
        "legend_moved_alone": "moved seats ({n})",
        "change_left": "holder left: {name}",
        "legend_restaffed": "holder changes ({n})",
    },
    "fr": {
        "vacant": "poste vacant",
        "acting": "par intérim",
        "below": "+{n} en dessous",
        "more": "+{n} autres",
        "vacant_one": "dont {n} poste vacant",
        "vacant_many": "dont {n} postes vacants",
        "planned": "poste prévu",
        "planned_from": "prévu à partir de {month}",
        "preview": "Les {layers} premiers niveaux sur {total_layers} : {shown} postes sur {roles}.",
        "org_problems": "Problèmes de l'organisation entière :",
        "cycle": "Cycle hiérarchique : {path} (dessiné à partir de {top}, sans le lien de "
        "{top} à {manager})",
        "self_report": "{id} se rend compte à lui-même (dessiné en haut)",
        "self_reports": "{n} rôles se rendent compte à eux-mêmes (dessinés en haut) : {ids}",
        "and_more": " et {n} autres",
        "not_in_file": "absent de ce fichier : {id}",
        "forest": "{n} groupes distincts",
        "reports_range": "collaborateurs {first} \u00e0 {last} sur {n}",
        "smaller_groups": "+{n} groupes plus petits ({roles} cases)",
        "preview_forest": "Le plus grand de {groups} groupes distincts.",
        "preview_more": "Pour voir la suite : org.subtree(POSTE, depth=2) ou org.explore().",
        "page_of": "page {i} sur {n}",
        "row_column": "ligne {r}, colonne {c}",
        "report_one": "{n} collaborateur direct",
        "report_many": "{n} collaborateurs directs",
        "in_all": "{n} en tout",
        "other": "autre",
        "no_team": "sans équipe",
        "none": "aucun",
        "others": "{n} autres",
        "change_added": "nouveau poste",
        "change_removed": "poste supprimé",
        "change_moved": "déplacé, était sous {manager}",
        "changes_from": "{name} : changements du {old} au {new}",
        "change_moved_top": "déplacé, était au sommet",
        "change_restaffed": "nouveau titulaire, était {name}",
        "change_restaffed_vacant": "nouveau titulaire, était vacant",
        "legend_added": "nouveaux postes ({n})",
        "legend_removed": "postes supprimés ({n})",
        "legend_moved": "postes déplacés ({n}) · ancien lien en tirets",
        "legend_dotted": "pointillés : un responsable fonctionnel",
        "dotted_to": "en pointillés sous {name}",
        "legend_moved_alone": "postes déplacés ({n})",
        "change_left": "titulaire parti : {name}",
        "legend_restaffed": "changements de titulaire ({n})",
    },
}

# The words of the HTML explorer's own interface (toolbar, details panel, help).
_UI: dict[str, dict[str, str]] = {
    "en": {
        "search": "Search",
        "search_hint": "Name, title, id or responsibility",
        "previous": "Previous match",
        "next": "Next match",
        "position": "{i} of {n}",
        "no_match": "No match",
        "fit": "Fit",
        "fit_hint": "Fit the chart in the window, as far as it stays readable",
        "download": "SVG",
        "download_hint": "Download the current view as SVG",
        "legend": "Colours",
        "problems": "Problems with the whole org",
        "help": "Keyboard shortcuts",
        "close": "Close",
        "expand": "Expand: {n} below",
        "collapse": "Collapse",
        "unfold": "Unfold",
        "fold": "Fold",
        "held_by": "Held by",
        "kind": "Kind",
        "reports": "Reports",
        "reports_count": "{direct} direct, {total} in all",
        "team": "Team",
        "team_of": "{title}'s team",
        "led_by": "led by",
        "chain": "Chain of command",
        "dotted": "Dotted-line managers",
        "responsibilities": "Responsibilities",
        "none": "none",
        "violations": "Rule violations",
        "link": "Link",
        "members": "Roles in this group",
        "strategic": "Strategic",
        "operational": "Operational (hands-on)",
        "managerial": "Managerial",
        "compliance": "Compliance",
        "other": "Other",
        "error": "error",
        "warning": "warning",
        "info": "info",
        "key_pan": "Pan the chart",
        "key_zoom": "Zoom in, zoom out",
        "key_fit": "Fit the chart, as far as it stays readable",
        "key_search": "Search",
        "key_matches": "Next, previous match (in the search box)",
        "key_toggle": "Expand or collapse the focused role, unfold a group",
        "key_details": "Details of the focused role",
        "key_tab": "Move from role to role",
        "key_close": "Close the details or this help",
        "key_help": "Show or hide this help",
        "mouse": "Drag to pan; wheel or pinch to zoom. Click a role for its details, "
        "and the circle under it to expand or collapse its reports.",
        "no_script": "This org chart needs JavaScript.",
    },
    "fr": {
        "search": "Rechercher",
        "search_hint": "Nom, titre, identifiant ou responsabilité",
        "previous": "Résultat précédent",
        "next": "Résultat suivant",
        "position": "{i} sur {n}",
        "no_match": "Aucun résultat",
        "fit": "Ajuster",
        "fit_hint": "Ajuster l'organigramme à la fenêtre, tant qu'il reste lisible",
        "download": "SVG",
        "download_hint": "Télécharger la vue actuelle en SVG",
        "legend": "Couleurs",
        "problems": "Problèmes de l'organisation entière",
        "help": "Raccourcis clavier",
        "close": "Fermer",
        "expand": "Déplier : {n} en dessous",
        "collapse": "Replier",
        "unfold": "Déplier",
        "fold": "Regrouper",
        "held_by": "Titulaire",
        "kind": "Type de poste",
        "reports": "Collaborateurs",
        "reports_count": "{direct} directs, {total} en tout",
        "team": "Équipe",
        "team_of": "Équipe : {title}",
        "led_by": "dirigée par",
        "chain": "Ligne hiérarchique",
        "dotted": "Rattachements fonctionnels",
        "responsibilities": "Responsabilités",
        "none": "aucune",
        "violations": "Règles enfreintes",
        "link": "Lien",
        "members": "Postes de ce groupe",
        "strategic": "Stratégiques",
        "operational": "Opérationnelles (pratique)",
        "managerial": "Managériales",
        "compliance": "Conformité",
        "other": "Autres",
        "error": "erreur",
        "warning": "avertissement",
        "info": "info",
        "key_pan": "Déplacer l'organigramme",
        "key_zoom": "Zoomer, dézoomer",
        "key_fit": "Ajuster l'organigramme, tant qu'il reste lisible",
        "key_search": "Rechercher",
        "key_matches": "Résultat suivant, précédent (dans la recherche)",
        "key_toggle": "Déplier ou replier le poste sélectionné, déplier un groupe",
        "key_details": "Détails du poste sélectionné",
        "key_tab": "Passer d'un poste à l'autre",
        "key_close": "Fermer les détails ou cette aide",
        "key_help": "Afficher ou masquer cette aide",
        "mouse": "Glisser pour déplacer ; molette ou pincement pour zoomer. Cliquer un poste "
        "pour ses détails, et le cercle dessous pour déplier ou replier ses rapports.",
        "no_script": "Cet organigramme a besoin de JavaScript.",
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
    """Return a chart word in `lang` (English when there is no translation).

    Examples:
        >>> word("acting", "fr"), word("acting", "de")
        ('par intérim', 'acting')
    """
    return _WORDS.get(lang, _WORDS["en"]).get(key) or _WORDS["en"][key]


def ui_words(lang: str = "en") -> dict[str, str]:
    """Return every word the HTML explorer shows: the chart words and its interface's.

    Words without a translation in `lang` are in English.

    Examples:
        >>> ui_words("fr")["search"], ui_words("de")["search"], ui_words("fr")["vacant"]
        ('Rechercher', 'Search', 'poste vacant')
    """
    found = {**_WORDS["en"], **_UI["en"]}
    found.update(_WORDS.get(lang, {}))
    found.update(_UI.get(lang, {}))
    return found


_FAMILIES: dict[str, dict[str, str]] = {
    "en": {
        "executive": "Executive",
        "tech": "Tech",
        "product": "Product",
        "sales": "Sales",
        "marketing": "Marketing",
        "finance": "Finance",
        "people": "People",
        "legal": "Legal",
        "operations": "Operations",
        "support": "Support",
    },
    "fr": {
        "executive": "Direction",
        "tech": "Technique",
        "product": "Produit",
        "sales": "Ventes",
        "marketing": "Marketing",
        "finance": "Finance",
        "people": "RH",
        "legal": "Juridique",
        "operations": "Opérations",
        "support": "Support",
    },
}


def family_label(family: str, lang: str = "en") -> str:
    """The name of a family of roles, as a chart's legend says it.

    Examples:
        >>> family_label("people"), family_label("people", "fr"), family_label("r-and-d")
        ('People', 'RH', 'R-and-d')
    """
    found = _FAMILIES.get(lang, _FAMILIES["en"]).get(family) or _FAMILIES["en"].get(family)
    return found or family[:1].upper() + family[1:]


def reports(direct: int, below: int, lang: str = "en") -> str:
    """How many reports a manager has: direct ones, and all below when more.

    Examples:
        >>> reports(12, 40), reports(1, 1), reports(3, 9, "fr")
        ('12 reports · 40 below', '1 report', '3 collaborateurs directs · 9 en tout')
    """
    text = word("report_one" if direct == 1 else "report_many", lang).format(n=count(direct, lang))
    if below > direct:
        text += " · " + word("in_all", lang).format(n=count(below, lang))
    return text


def count(n: int, lang: str = "en") -> str:
    """Return a number as the language writes it.

    Examples:
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

    The last word takes an `s` unless it already ends in s, x or z (`y` becomes
    `ies` in English); a small table holds the exceptions.

    Examples:
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
    """Return the label of a box that stands for `n` roles with the same title.

    Examples:
        >>> folded(1, "Developer")
        '+1 developer'
        >>> folded(3, "Designer", "fr")
        '+3 designers'
    """
    noun = plural(title, lang) if n != 1 else " ".join(_lower(w) for w in title.split(" "))
    return f"+{count(n, lang)} {noun}"
