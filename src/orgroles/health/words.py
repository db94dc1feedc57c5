"""Every word of the health report, its page, PDF and plots, in English and French, and
numbers written the way each language writes them.

A test checks that both languages have the same keys and that no English text of the
table shows on a French page. The org's own text (names, titles) and the rules' messages
are data: they are shown as they are.

Examples:
    >>> word("vacancies", "fr"), number(12345, "en"), number(12345, "fr")
    ('Postes vacants', '12,345', '12\\u202f345')
    >>> decimal(4.5, "fr"), decimal(4.0, "en"), decimal(None, "en")
    ('4,5', '4', '–')
"""

from __future__ import annotations

__all__ = ["LANGS", "WORDS", "decimal", "number", "percent", "word"]

LANGS = ("en", "fr")
"""The languages of the report."""

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Org health report",
        "subtitle": "{roles} roles",
        "as_of": "as of {day}",
        "generated": "Made with orgroles {version}.",
        # headline
        "headcount": "Headcount",
        "headcount_hint": "people in seats",
        "seats": "Seats",
        "seats_hint": "seats that exist",
        "vacancies": "Vacancies",
        "vacancies_hint": "seats nobody holds",
        "planned": "Planned",
        "planned_hint": "seats still to open",
        "layers": "Layers",
        "layers_hint": "target {low}–{high} for this size",
        "layers_hint_one": "target {high} for this size",
        "median_span": "Median span",
        "mean_span": "Mean span",
        "span_hint": "direct reports per manager",
        "manager_ratio": "Manager ratio",
        "manager_ratio_hint": "ICs per manager",
        "since_delta": "{delta} since {day}",
        # spans
        "spans_title": "Span of control",
        "spans_lead": (
            "{managers} managers. {in_band} have {low} to {high} direct reports (the target "
            "band), {narrow} have {narrow_max} or fewer, {wide} have more than {high}."
        ),
        "spans_x": "direct reports (span of control)",
        "spans_y": "managers",
        "band": "target {low}–{high}",
        "narrow_zone": "narrow (1–{n})",
        "median_line": "median {value}",
        "span": "Span",
        "managers": "Managers",
        # layers
        "layers_title": "Layers by function",
        "layers_lead": (
            "{roles} roles on {layers} layers; an org of this size needs {target}. "
            "Each bar is a layer, from the top; its colours are the functions."
        ),
        "layers_target_range": "{low} to {high} layers",
        "layers_target_one": "{high} layers",
        "layers_x": "roles",
        "layer": "Layer {n}",
        "layer_short": "L{n}",
        "target_layers_line": "target: at most {n} layers",
        "unlayered": "{n} roles in a reporting cycle have no layer.",
        "function": "Function",
        "roles": "Roles",
        "ics": "ICs",
        "ratio": "ICs per manager",
        "deepest": "Deepest layer",
        "unknown": "unknown",
        # narrow
        "narrow_title": "Managers with narrow spans",
        "narrow_lead": "{n} managers have {narrow_max} or fewer direct reports.",
        "narrow_none": "No manager has {narrow_max} or fewer direct reports.",
        "role": "Role",
        "holder": "Held by",
        "reports": "Reports",
        "manager": "Manager",
        "not_in_file": "{id} (not in this file)",
        "more": "and {n} more",
        # teams
        "teams_title": "Vacancies and planned seats by team",
        "teams_lead": "{vacancies} vacant and {planned} planned seats, in {teams} teams.",
        "teams_none": "Every seat is filled and none is planned.",
        "team": "Team",
        "team_of": "reports of {lead}",
        "vacant": "vacant",
        "planned_seat": "planned",
        "teams_x": "seats",
        # findings
        "findings_title": "Rule findings",
        "findings_lead": "{total} findings: {errors} errors, {warnings} warnings, {infos} infos.",
        "findings_none": "No rule finds anything.",
        "code": "Rule",
        "severity": "Severity",
        "count": "Count",
        "examples": "First cases",
        "docs": "docs",
        "whole_org": "the whole org",
        "error": "error",
        "warning": "warning",
        "info": "info",
        "findings_x": "findings",
        # coverage
        "coverage_title": "Who owns the critical duties",
        "coverage_lead": (
            "The catalogue's required and single-owner duties, and the seats that hold "
            "them. ● a filled seat holds it, ○ a vacant or planned seat carries it."
        ),
        "duty": "Duty",
        "status": "Status",
        "owners": "Held by",
        "others": "others",
        "required": "required",
        "single_owner": "single owner",
        "status_ok": "owned",
        "status_uncovered": "nobody",
        "status_vacant": "vacant seat only",
        "status_shared": "several owners",
        "status_unassigned": "not assigned",
        # time
        "trends_title": "Quarter by quarter",
        "trends_lead": "The org on the last day of each quarter.",
        "quarter": "Quarter",
        "trend_after": "after {day}: planned",
        "changes_title": "Changes since {day}",
        "changes_lead": "{total} changes from {since} to {until}.",
        "changes_none": "Nothing changed from {since} to {until}.",
        "then_now": "Then and now",
        "then": "{day}",
        "now": "now",
        "date": "Date",
        "change": "Change",
        "change_seat-opened": "seat opened",
        "change_seat-closed": "seat closed",
        "change_holder-in": "holder in",
        "change_holder-out": "holder out",
        "change_acting-start": "interim starts",
        "change_acting-end": "interim ends",
        "change_moved": "moved",
        # roles appendix
        "cited_title": "Roles named in this report",
        "layer_col": "Layer",
        "contents": "Contents",
        "targets_note": (
            "Targets: a span of {low} to {high} direct reports; narrow means {narrow_max} "
            "or fewer; layers from the org's size. See the docs for the sources."
        ),
        "page": "Page {n}",
        "data_of": "The numbers of this chart",
    },
    "fr": {
        "title": "Bilan de santé de l'organisation",
        "subtitle": "{roles} postes",
        "as_of": "au {day}",
        "generated": "Réalisé avec orgroles {version}.",
        "headcount": "Effectif",
        "headcount_hint": "personnes en poste",
        "seats": "Postes",
        "seats_hint": "postes existants",
        "vacancies": "Postes vacants",
        "vacancies_hint": "postes sans titulaire",
        "planned": "Prévus",
        "planned_hint": "postes encore à ouvrir",
        "layers": "Niveaux",
        "layers_hint": "cible {low} à {high} pour cette taille",
        "layers_hint_one": "cible {high} pour cette taille",
        "median_span": "Étendue médiane",
        "mean_span": "Étendue moyenne",
        "span_hint": "subordonnés directs par manager",
        "manager_ratio": "Taux d'encadrement",
        "manager_ratio_hint": "contributeurs par manager",
        "since_delta": "{delta} depuis le {day}",
        "spans_title": "Étendue du contrôle",
        "spans_lead": (
            "{managers} managers. {in_band} ont de {low} à {high} subordonnés directs (la "
            "fourchette cible), {narrow} en ont {narrow_max} ou moins, {wide} plus de {high}."
        ),
        "spans_x": "subordonnés directs (étendue du contrôle)",
        "spans_y": "managers",
        "band": "cible {low} à {high}",
        "narrow_zone": "étroite (1 à {n})",
        "median_line": "médiane {value}",
        "span": "Étendue",
        "managers": "Managers",
        "layers_title": "Niveaux par fonction",
        "layers_lead": (
            "{roles} postes sur {layers} niveaux ; une organisation de cette taille en "
            "demande {target}. Chaque barre est un niveau, depuis le sommet ; ses couleurs "
            "sont les fonctions."
        ),
        "layers_target_range": "de {low} à {high}",
        "layers_target_one": "{high}",
        "layers_x": "postes",
        "layer": "Niveau {n}",
        "layer_short": "N{n}",
        "target_layers_line": "cible : {n} niveaux au plus",
        "unlayered": "{n} postes pris dans une boucle de rattachement n'ont pas de niveau.",
        "function": "Fonction",
        "roles": "Postes",
        "ics": "Contributeurs",
        "ratio": "Contributeurs par manager",
        "deepest": "Niveau le plus bas",
        "unknown": "inconnue",
        "narrow_title": "Managers à l'étendue étroite",
        "narrow_lead": "{n} managers ont {narrow_max} subordonnés directs ou moins.",
        "narrow_none": "Aucun manager n'a {narrow_max} subordonnés directs ou moins.",
        "role": "Poste",
        "holder": "Titulaire",
        "reports": "Subordonnés",
        "manager": "Responsable",
        "not_in_file": "{id} (absent de ce fichier)",
        "more": "et {n} de plus",
        "teams_title": "Postes vacants et prévus par équipe",
        "teams_lead": "{vacancies} postes vacants et {planned} prévus, dans {teams} équipes.",
        "teams_none": "Tous les postes sont pourvus et aucun n'est prévu.",
        "team": "Équipe",
        "team_of": "rattachés à {lead}",
        "vacant": "vacants",
        "planned_seat": "prévus",
        "teams_x": "postes",
        "findings_title": "Constats des règles",
        "findings_lead": (
            "{total} constats : {errors} erreurs, {warnings} avertissements, {infos} remarques."
        ),
        "findings_none": "Aucune règle ne relève rien.",
        "code": "Règle",
        "severity": "Gravité",
        "count": "Nombre",
        "examples": "Premiers cas",
        "docs": "doc",
        "whole_org": "toute l'organisation",
        "error": "erreur",
        "warning": "avertissement",
        "info": "remarque",
        "findings_x": "constats",
        "coverage_title": "Qui porte les responsabilités clés",
        "coverage_lead": (
            "Les responsabilités obligatoires ou à titulaire unique du catalogue, et les "
            "postes qui les portent. ● un poste pourvu la porte, ○ un poste vacant ou prévu."
        ),
        "duty": "Responsabilité",
        "status": "État",
        "owners": "Portée par",
        "others": "autres",
        "required": "obligatoire",
        "single_owner": "titulaire unique",
        "status_ok": "portée",
        "status_uncovered": "personne",
        "status_vacant": "poste vacant seulement",
        "status_shared": "plusieurs titulaires",
        "status_unassigned": "non attribuée",
        "trends_title": "Trimestre par trimestre",
        "trends_lead": "L'organisation au dernier jour de chaque trimestre.",
        "quarter": "Trimestre",
        "trend_after": "après le {day} : prévu",
        "changes_title": "Changements depuis le {day}",
        "changes_lead": "{total} changements du {since} au {until}.",
        "changes_none": "Rien n'a changé du {since} au {until}.",
        "then_now": "Avant et maintenant",
        "then": "{day}",
        "now": "maintenant",
        "date": "Date",
        "change": "Changement",
        "change_seat-opened": "poste ouvert",
        "change_seat-closed": "poste fermé",
        "change_holder-in": "arrivée",
        "change_holder-out": "départ",
        "change_acting-start": "début d'intérim",
        "change_acting-end": "fin d'intérim",
        "change_moved": "rattachement changé",
        "cited_title": "Postes cités dans ce bilan",
        "layer_col": "Niveau",
        "contents": "Sommaire",
        "targets_note": (
            "Cibles : de {low} à {high} subordonnés directs ; étroite veut dire {narrow_max} "
            "ou moins ; niveaux selon la taille. Les sources sont dans la documentation."
        ),
        "page": "Page {n}",
        "data_of": "Les chiffres de ce graphique",
    },
}


def word(key: str, lang: str, **values: object) -> str:
    """The text of `key` in `lang` (English for another language), filled in."""
    table = WORDS.get(lang, WORDS["en"])
    text = table[key]
    return text.format(**values) if values else text


def number(n: int, lang: str) -> str:
    """A whole number with the language's thousands separator (a narrow no-break space
    in French)."""
    text = f"{n:,}"
    return text.replace(",", "\u202f") if lang == "fr" else text


def decimal(x: float | None, lang: str, places: int = 1) -> str:
    """A number with at most `places` decimals (none when whole), "–" for None."""
    if x is None:
        return "–"
    text = f"{x:,.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if lang == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def percent(part: int, whole: int, lang: str) -> str:
    """`part` of `whole` in per cent, rounded."""
    value = round(100 * part / whole) if whole else 0
    return f"{value}\u202f%" if lang == "fr" else f"{value}%"
