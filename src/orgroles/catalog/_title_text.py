"""How a job title is read: its words, its segments, and the words that are not the job.

Titles and catalogue patterns go through the same `words()`, so a pattern matches a
title whatever their case, accents and punctuation. Words that carry no job ("of",
"de la"), decorations ("Interim", "II", "(EMEA)", "H/F") and single letters are dropped;
seniority words ("Senior", "Head of", "VP") are kept, since patterns use them ("Staff
Engineer", "Head of Sales"), and `LEVELS` says what each one means.
"""

from __future__ import annotations

import html
import re
import unicodedata

from orgroles.catalog._title_scripts import LEVEL_WORDS, SCRIPT_TOKENS, script_word, split_scripts
from orgroles.model import Seniority

__all__ = [
    "ABBREVIATIONS",
    "FALSE_FRIENDS",
    "LEVELS",
    "PARTS",
    "SECONDS_AFTER",
    "SECONDS_BEFORE",
    "SERVES",
    "STAFF_LADDER",
    "TEACHES",
    "in_a_shop",
    "fold",
    "joins_jobs",
    "names_a_part",
    "segments",
    "segments_of_folded",
    "without_acronyms",
    "words",
]

# A word ("R&D" and "FP&A" are one: "rd", "fpa"), or what splits a title into segments:
# commas, brackets, "|", a spaced dash, " at " / " @ " / " chez ".
# "Manager, Support Engineering (EMEA) - Remote" has four segments. A character of
# Chinese, Japanese or Korean is a word, and so is an Arabic word (see `_title_scripts`).
_TOKEN = re.compile(
    r"([a-z0-9]+(?:&[a-z0-9]+)*)|[,;|()\[\]{}\u3001]|\s[-\u2013\u2014]+\s|\s(?:at|@|chez)\s|"
    + SCRIPT_TOKENS
)


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOP_WORDS = _word_set(
    "of the for in on and an de du des la le les et en au aux "  # English, French
    "der das dem den von vom zur zum fur und "  # German
    "del el los las y "  # Spanish
    "het voor "  # Dutch
    "do da dos das ao "  # Portuguese
    "di della dello dei delle degli il "  # Italian
    "ds spraw dla oraz "  # Polish ("Specjalista ds. kadr": do spraw, "in charge of")
    "och inom"  # Swedish
)
"""Words that link the words of a job and name nothing themselves. ("to" is kept: what
follows it names whom the job serves, as in "Assistant to the CEO"; see `SERVES`.)"""

SERVES = "to"
"""The word after which a title names whom the job serves, not the job ("Advisor to the
CEO"), unless a pattern goes across it ("assistant to ceo", "record to report") or it
is the "to" of "go-to-market"."""

SECONDS_BEFORE = _word_set(
    "deputy vice assistant former ex stellvertretender stellvertretende vize adjunto adjunta "
    "office bureau buro oficina gabinete ufficio "
    "zastepca zastepczyni bitradande stallforetradande till"
)
"""Words before a C-level title that make its holder someone else than the chief: a
Deputy CTO, a Vice CEO, an Assistant CFO, a Former CTO, someone in the Office of the
CTO, a Polish "Zastępca" or a Swedish "Vice VD"; and the Swedish "till" ("to"): a
"Rådgivare till VD" serves the CEO."""

SECONDS_AFTER = _word_set(
    "adjoint adjointe adjunto adjunta aggiunto aggiunta "
    "advisor adviser coach evangelist ambassador technologist"
)
"""The same after the title: a Directeur technique adjoint, a CTO Advisor, a Chief
Technology Evangelist (who speaks for the technology, and leads no one)."""

DECORATIONS = _word_set(
    """
    interim interimaire acting temporary temp freelance freelancer contractor remote hybrid
    ii iii iv vi vii
    emea apac apj amer americas latam anz asean dach benelux nordics uk us usa eu na
    europe france global international regional worldwide
    north south east west central northeast northwest southeast southwest
    """
)
"""Words around the job that do not change it: interim, grades, regions."""

_SKIPPED = STOP_WORDS | DECORATIONS

_IN = "em"
"""Portuguese "in" ("Técnico em Enfermagem"), a stop word between two words; first or
last, it is the Engineering Manager's abbreviation ("EM - Mobile", "Senior EM")."""

PARTS = _word_set(
    """
    emea apac apj amer americas latam anz asean dach benelux nordics uk us usa eu na
    europe france regional region country division field
    north south east west central northeast northwest southeast southwest
    """
)
"""Words that name a part of the company (a region, a country, a division, the field):
a chief's title with one is the head of that part, not the company's chief ("President,
EMEA", "Regional CEO", "Field CEO"). "Global", "international" and "worldwide" name the
whole company ("Global CEO")."""

# A phrase here says its level alone: the seniority words inside it do not count ("chef
# d'équipe" is a lead, not a "chef"; a "Head Nurse" leads a ward, and is no head of a
# function). German and Swedish compounds are one word: "Abteilungsleiter", "Avdelningschef";
# a Polish "Kierownik zespołu" leads a team, a "Kierownik" manages.
_LEVEL_WORDS: dict[Seniority, str] = {
    "junior": "junior, jr, jnr, intern, internship, trainee, graduate, apprentice, stagiaire, "
    "commis, commis chef, "
    "alternant, alternante, apprenti, apprentie, debutant, debutante, "
    "praktikant, praktikantin, werkstudent, werkstudentin, auszubildender, auszubildende, "
    "azubi, becario, becaria, practicante, stagiair, estagiario, estagiaria, stagista, "
    "tirocinante, praticante, mlodszy, mlodsza, stazysta, stazystka, praktykantka, aplikant, "
    "aplikantka, larling, examensarbetare, senior house officer",
    "senior": "senior, sr, snr, experienced, confirme, confirmee, experimente, experimentee, "
    "starszy, starsza, glowny, glowna, erfaren",
    "staff": "staff",
    "principal": "principal, distinguished",
    "lead": "lead, leader, chef equipe, cheffe equipe, responsable equipe, "
    "teamleiter, teamleiterin, teamleitung, teamleider, lider, jefe equipo, jefa equipo, "
    "chefe equipe, capo squadra, schichtleiter, schichtleiterin, vorarbeiter, vorarbeiterin, "
    "encarregado, encarregada, sous chef, head nurse, head waiter, head waitress, head server, "
    "head cashier, head teller, head gardener, head groundskeeper, head groundsman, "
    "charge nurse, head coach, head housekeeper, head barista, head bartender, head cook, "
    "head baker, "
    "head porter, head concierge, head sommelier, head receptionist, head mechanic, "
    "head technician, head custodian, head lifeguard, "
    "liderka, lider zespolu, liderka zespolu, kierownik zespolu, kierowniczka zespolu, "
    "kierownik zmiany, kierowniczka zmiany, brygadzista, brygadzistka, "
    "teamledare, gruppledare, arbetsledare, skiftledare, forman, foreman, forewoman, "
    "foreperson, leading hand, chargehand, ward sister, head year, capoturno, capocantiere, "
    "mestre obras, coordenador, coordenadora, schichtfuhrer, schichtfuhrerin, capataz, "
    "capataza, shift boss",
    "manager": "manager, mgr, supervisor, supervisory, supervisora, matron, superviseur, "
    "superviseuse, responsable, chef, cheffe, "
    "leiter, leiterin, gerente, jefe, jefa, chefe, capo, responsabile, encargado, encargada, "
    "abteilungsleiter, abteilungsleiterin, gruppenleiter, gruppenleiterin, filialleiter, "
    "filialleiterin, standortleiter, standortleiterin, head chef, executive chef, chef cuisine, "
    "kierownik, kierowniczka, menedzer, menedzerka, menadzer, menadzerka, szef, szefowa, "
    "naczelnik, naczelniczka, avdelningschef, enhetschef, sektionschef, gruppchef, ansvarig, "
    "forestandare, agm, dgm, managing editor, filialleitung, stationsleitung, "
    "standortleitung, bedrijfsleider, bedrijfsleidster",
    "director": "director, directeur, directrice, head, direktor, direktorin, directora, "
    "diretor, diretora, direttore, direttrice, hoofd, leitung, bereichsleiter, "
    "bereichsleiterin, dyrektor, dyrektorka, wicedyrektor, wicedyrektorka, headteacher, "
    "headmaster, headmistress, dean, hod, rektor, caporedattore",
    "vp": "vp, svp, evp, avp, vice president, vice presidente, vicepresidente, vizeprasident, "
    "vizeprasidentin, wiceprezes, wiceprezeska",
    "chief": "chief, managing partner",
}

_FALSE_FRIENDS = """
    chef partie, capo partita, chef rang, chef cuisinier, chef cuisiniere, chef patissier,
    chef patissiere,
    pastry chef, private chef, personal chef, personal banker, personal shopper,
    personal trainer, personal care, personal stylist, personal lines,
    referentin,
    interior designer, fashion designer, kitchen designer, lighting designer, set designer,
    landscape designer, garden designer, floral designer, jewelry designer,
    jewellery designer, textile designer, costume designer,
    landscape architect, project architect, building architect, licensed architect,
    registered architect,
    property developer, real estate developer, curriculum developer, content developer,
    training developer, course developer, learning developer,
    bath designer, cad designer, mechanical designer, piping designer, architectural designer,
    structural designer, electrical designer, hair designer, event designer,
    exhibition designer, sound designer, learning experience designer,
    naval architect, interior architect, cnc programmer, plc programmer,
    medical coder, clinical coder, professional coder, inpatient coder, outpatient coder,
    coder abstractor, billing coder,
    qa technician, qa inspector, qa nurse,
    supplier quality engineer, manufacturing quality engineer, process quality engineer,
    plant quality engineer, production quality engineer, incoming quality engineer,
    vendor quality engineer,
    gas tester, water tester, water quality tester,
    traffic controller, air traffic controller, quality controller, flight controller,
    po clerk, po coordinator, em physician, em dept, em department, em debt, em equity,
    front office manager, front office supervisor, student recruitment, student recruiter,
    hr utvecklare, deweloper nieruchomosci, support worker, learning support,
    principal 1re classe, principal 2e classe, principal 1ere classe, principal 2eme classe,
    redacteur territorial, redactrice territoriale,
    assistant vice president, avp, department chair, chair department, professor and chair,
    chair of the department, chair of department, endowed chair, research chair,
    programme chair, program chair,
    narrative designer, urban designer, business relationship manager
"""
FALSE_FRIENDS: tuple[tuple[str, ...], ...] = tuple(
    tuple(phrase.split()) for phrase in _FALSE_FRIENDS.split(",")
)
"""Jobs outside the catalogue whose words it reads otherwise: in a kitchen, a "chef" is a
cook ("Chef de partie", "Pastry Chef"), not a boss; a "Personal Banker" is no job of the
people function (German "Personal"); a German "Referentin" is a specialist, not the
French "référent", a lead; an Interior Designer, a Landscape Architect, a Property
Developer, a CNC Programmer and a Medical Coder work outside software; a Supplier or a
Manufacturing Quality Engineer in a plant; a QA Inspector,
a Traffic Controller and a "PO Clerk" (of purchase orders) are no QA engineer,
controller of finance or Product Owner, and "EM" is emergency medicine or emerging
markets beside "Physician" or "Debt"; a Swedish "HR-utvecklare" develops the staff, a
Polish "Deweloper nieruchomości" builds houses; a bank's "Assistant Vice President" (AVP)
is a middle grade, no VP, and a university's department chair no board's chair; a
"Support Worker" cares for people, and "Learning Support" helps pupils, no customers; a
French civil servant's "principal de 2e classe" is a step of a grade, and a "rédacteur
territorial" a grade of a town's administration, no writer; a game's Narrative Designer
writes its story, an Urban Designer plans towns, and an IT department's Business
Relationship Manager speaks for it to the business, and sells nothing.
The words inside such a phrase name no job, family or seniority."""

TEACHES = _word_set(
    "professor lecturer instructor teacher tutor docent dozent dozentin lehrer lehrerin "
    "enseignant enseignante professeur professeure profesor profesora professora docente "
    "maestro maestra leraar lerares nauczyciel nauczycielka wykladowca wykladowczyni "
    "lektor lektorka larare"
)
"""Words of a teacher: a title with one in its first segment names no kind of the
catalogue, only the family of the subject it names ("Professor of Software Engineering",
"Data Science Instructor")."""

ABBREVIATIONS: dict[str, str] = {
    "mgr": "manager",
    "mngr": "manager",
    "mgmt": "management",
    "dir": "director",
    "engr": "engineer",
    "engrg": "engineering",
    "asst": "assistant",
    "exec": "executive",
    "acct": "account",
    "acctnt": "accountant",
    "mktg": "marketing",
    "cust": "customer",
    "svc": "service",
    "svcs": "services",
    "rep": "representative",
    "prod": "product",
    "proj": "project",
    "coord": "coordinator",
    "coordr": "coordinator",
    "fin": "finance",
    "accts": "accounts",
    "acctg": "accounting",
    "supv": "supervisor",
    "supvr": "supervisor",
    "supvsr": "supervisor",
    "spvr": "supervisor",
    "dept": "department",
    "adm": "administrative",
    "spec": "specialist",
    "assoc": "associate",
    "anlst": "analyst",
}
"""Words that titles shorten, as HR systems' short fields do ("Sr. Mgr, Engineering",
"DIR PRODUCT MGMT", "CUST SVC REP", "Sr. Fin. Analyst", "MGR, ACCTS PAYABLE", "Mktg
Coord.", "Adm. Asst."), read as the words they stand for."""

_AMPERSAND_WORDS = {"po": "hr"}
"""Words written with an "&" that do not read as their letters: the Dutch "P&O"
(personeel en organisatie) is the HR department, not a Product Owner."""

STAFF_LADDER = frozenset({"tech", "product", "marketing", "sales", "support"})
"""The families whose individual contributors climb to a "staff" level at the companies
that have one: a Staff Engineer, a Staff Product Designer, a Staff Solutions Architect.
Elsewhere "staff" is a grade or the personnel, not a level: a Staff Accountant, a Staff
Attorney, a Staff Nurse; and after the job it is its people: Support Staff."""

# Letters that Unicode does not decompose into a base letter and an accent, written as
# the base letters readers take them for: "Przełożony", "Nærmeste leder", and Turkish's
# dotless i ("Yaz\u0131l\u0131m").
_LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "þ": "th", "\u0131": "i"}
)


_KANA_MARKS = frozenset("\u3099\u309a")  # the voicing marks of kana: part of the letter


def fold(text: str) -> str:
    """Lower case without accents: how titles are compared.

    Examples:
        >>> fold("Développeuse Full-Stack"), fold("CHEFFE de Produit")
        ('developpeuse full-stack', 'cheffe de produit')
        >>> fold("Główny Księgowy"), fold("Nærmeste leder"), fold("Försäljningschef")
        ('glowny ksiegowy', 'naermeste leder', 'forsaljningschef')
        >>> fold("퇴직"), fold("従業員コード"), fold("\uff23\uff34\uff2f")  # full-width CTO
        ('퇴직', '従業員コード', 'cto')
    """
    text = text.casefold()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c) or c in _KANA_MARKS)
    if bare.isascii():
        return bare.translate(_LETTERS)
    # Put back together what is no accent: Hangul syllables (NFKD writes them as their
    # letters) and voiced kana ("ド", whose mark is kept): "퇴직", "コード" as written.
    return unicodedata.normalize("NFC", bare).translate(_LETTERS)


LEVELS: dict[tuple[str, ...], Seniority] = {
    tuple(split_scripts(fold(phrase))): level
    for words_of in (_LEVEL_WORDS, LEVEL_WORDS)
    for level, phrases in words_of.items()
    for phrase in phrases.split(", ")
}
"""Seniority words and phrases (as `words()` gives them) and the seniority each means."""


def words(text: str) -> list[str]:
    """The words of a folded piece of title that can name a job, in order.

    Examples:
        >>> words("vp of engineering & co-founder")
        ['vp', 'engineering', 'co', 'founder']
        >>> words("directrice de l'ingenierie (h/f)"), words("fp&a analyst ii")
        (['directrice', 'ingenierie'], ['fpa', 'analyst'])
    """
    return [w for part in segments_of_folded(text) for w in part]


def segments(title: str) -> list[list[str]]:
    """The words of each segment of a title; the job is usually in the first.

    Examples:
        >>> segments("Senior Backend Engineer, Secure:Dynamic Analysis")
        [['senior', 'backend', 'engineer'], ['secure', 'dynamic', 'analysis']]
        >>> segments("Manager, Customer Success Managers (EMEA) - Remote")
        [['manager'], ['customer', 'success', 'managers']]
        >>> segments("FP&amp;A Analyst, R&amp;D")
        [['fpa', 'analyst'], ['rd']]
    """
    return segments_of_folded(_folded(title))


# Inclusive writing: "Chargé(e)", "Développeur·euse", "Desarrollador/a", "Recruiter:in",
# "Mitarbeiter*innen". What follows the word is its feminine (or plural) ending.
_INCLUSIVE = re.compile(
    r"(?<=[a-z])(?:\((?:e|a|o|es|as|in|innen|ne|se|euse|rice|ere)\)"
    r"|[/*:_\u00b7](?:e|a|in|innen|ne|se|euse|rice|ere)\b)"
)

_MARKS = "(/*:_\u00b7"


def _folded(title: str) -> str:
    """`fold()` of a title, its HTML entities read first (some exports write "R&amp;D"),
    without the endings of inclusive writing.

    Examples:
        >>> _folded("Chargé(e) de recrutement"), _folded("Développeur·euse")
        ('charge de recrutement', 'developpeur')
        >>> _folded("Personalreferent/in"), _folded("CEO/Founder")
        ('personalreferent', 'ceo/founder')
    """
    folded = fold(html.unescape(title) if "&" in title else title)
    if any(c in folded for c in _MARKS):
        folded = _INCLUSIVE.sub("", folded)
    return folded


def names_a_part(title: str) -> bool:
    """Whether a title names a part of the company (one of `PARTS`).

    Examples:
        >>> names_a_part("President, EMEA"), names_a_part("Regional CEO")
        (True, True)
        >>> names_a_part("President & CEO"), names_a_part("Global CEO")
        (False, False)
    """
    return any(m.group(1) in PARTS for m in _TOKEN.finditer(_folded(title)))


_BOTH = re.compile(r"/|(?<![a-z0-9])[&+]|[&+](?![a-z0-9])|\b(?:and|et|und|y|e|en|i|oraz|och)\b")


def joins_jobs(title: str) -> bool:
    """Whether a title joins two jobs ("CEO & Founder", "CEO / Product", "President and
    COO", "Prezes i założyciel", "VD och grundare"): "/", an "&" or "+" between words (not
    the one of "R&D"), or "and" in one of the languages read.

    Examples:
        >>> joins_jobs("CEO / Product"), joins_jobs("President of Sales")
        (True, False)
        >>> joins_jobs("CEO & Founder"), joins_jobs("President, R&D")
        (True, False)
    """
    return _BOTH.search(_folded(title)) is not None


def segments_of_folded(text: str) -> list[list[str]]:
    """`segments()` of a title already folded (one pass of one regular expression)."""
    parts: list[list[str]] = [[]]
    skipped = _SKIPPED
    abbreviations = ABBREVIATIONS
    for match in _TOKEN.finditer(text):
        word = match.group(1)
        if word is None:
            other = script_word(match, 2)
            if other is not None:  # Chinese, Japanese, Korean, Arabic
                parts[-1].append(other)
            elif parts[-1]:  # a segment break
                parts.append([])
        else:
            if "&" in word:
                word = word.replace("&", "")
                word = _AMPERSAND_WORDS.get(word, word)
            word = abbreviations.get(word, word)
            if len(word) > 1 and word not in skipped and not word.isdigit():
                parts[-1].append(word)
    if not parts[-1]:
        parts.pop()
    for part in parts:
        if _IN in part:
            part[1:-1] = [w for w in part[1:-1] if w != _IN]
    return parts


_SHOPS = frozenset(
    fold(
        "retail store stores shop boutique outlet showroom supermarket grocery einzelhandel "
        "filiale laden loja tienda winkel magasin negozio supermarché supermercado "
        "sklep sklepu sklepie salon salonu salonie butik butiken"
    ).split()
)
_SELLERS = frozenset(
    fold(
        "associate assistant clerk salesperson verkäufer verkäuferin vendedor vendedora vendeur "
        "vendeuse verkoper verkoopster verkoopmedewerker venditore venditrice commesso commessa "
        "sprzedawca sprzedawczyni ekspedient ekspedientka säljare"
    ).split()
)


def in_a_shop(parts: list[list[str]]) -> bool:
    """Whether the words of a title (its segments) name a salesperson of a shop ("Retail
    Sales Associate", "Vendedor de Loja", "Verkäuferin (Einzelhandel)"): a shop's word and
    a salesperson's. Such a seller is of the sales family, but no kind that sells to
    businesses, such as an account executive.

    Examples:
        >>> in_a_shop(segments("Retail Sales Associate")), in_a_shop(segments("Sales Associate"))
        (True, False)
        >>> in_a_shop(segments("Retail Account Executive"))
        False
    """
    said = {word for part in parts for word in part}
    return not _SHOPS.isdisjoint(said) and not _SELLERS.isdisjoint(said)


def without_acronyms(parts: list[list[str]]) -> list[list[str]]:
    """The segments of a title but one that only abbreviates another: "Chief Medical
    Officer (CMO)" is the chief medical officer, whatever else "CMO" may stand for.

    Examples:
        >>> without_acronyms([["chief", "medical", "officer"], ["cmo"]])
        [['chief', 'medical', 'officer']]
        >>> without_acronyms([["cmo"], ["emea"]])
        [['cmo'], ['emea']]
    """
    if len(parts) < 2:
        return parts
    initials = {"".join(w[0] for w in part) for part in parts if len(part) >= 2}
    if not initials:
        return parts
    kept = [part for part in parts if len(part) != 1 or part[0] not in initials]
    return kept or parts
