"""Catalogue listings for people (text, Markdown) and programs (JSON), in a language.

Examples:
    >>> from orgroles.catalog import builtin_catalog
    >>> print(catalog_text(builtin_catalog(), "fr").splitlines()[2])
      ceo                        PDG / CEO (executive)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from orgroles._internal.text import printable
from orgroles.catalog.catalogs import Catalog
from orgroles.model import Family, Responsibility, RoleKind

__all__ = ["catalog_data", "catalog_markdown", "catalog_page", "catalog_text", "titles_text"]


def _responsibility(r: Responsibility, lang: str) -> dict[str, Any]:
    return {
        "id": r.id,
        "label": r.text(lang),
        "category": r.category,
        "description": r.describe(lang),
        "source": r.source,
        "required": r.required,
        "single_owner": r.single_owner,
        "conflicts_with": list(r.conflicts_with),
    }


def _family(f: Family, lang: str) -> dict[str, Any]:
    return {
        "id": f.id,
        "title": f.text(lang),
        "description": f.descriptions.get(lang) or f.description or "",
        "titles": {code: list(patterns) for code, patterns in f.titles.items()},
    }


def catalog_data(catalog: Catalog, lang: str = "en") -> dict[str, Any]:
    """The catalogue as JSON data, with labels in `lang` (English where none exists)."""
    known = catalog.responsibilities
    return {
        "lang": lang,
        "kinds": [
            {
                "id": k.id,
                "title": k.text(lang),
                "family": k.family,
                "description": k.describe(lang),
                "source": k.source,
                "sources": dict(k.sources),
                "career_from": list(k.career_from),
                "profile": [{"id": q.id, "label": q.text(lang)} for q in k.profile],
                "seniority": list(k.seniority),
                "refines": list(k.refines),
                "departments": list(k.departments),
                "titles": {code: list(patterns) for code, patterns in k.titles.items()},
                "responsibilities": [
                    _responsibility(known[r], lang)
                    if r in known
                    else {"id": r, "label": r, "category": None}
                    for r in k.responsibilities
                ],
            }
            for k in catalog.kinds.values()
        ],
        "responsibilities": [_responsibility(r, lang) for r in known.values()],
        "families": [_family(f, lang) for f in catalog.families.values()],
    }


def catalog_text(catalog: Catalog, lang: str = "en") -> str:
    """The catalogue for a terminal: kinds with their default duties and profile, then
    every duty, then the families.

    Control characters in the catalogue's text are shown as `\\xNN`: a title cannot
    retitle the window, clear the screen or print a line of its own.
    """
    known = catalog.responsibilities
    lines = [f"Kinds ({len(catalog.kinds)})", ""]
    for k in catalog.kinds.values():
        family = f" ({k.family})" if k.family else ""
        lines.append(printable(f"  {k.id:<26} {k.text(lang)}{family}"))
        for rid in k.responsibilities:
            r = known.get(rid)
            label = r.text(lang) if r else rid
            category = f"[{r.category}]" if r and r.category else "[?]"
            lines.append(printable(f"      {category:<14} {label}"))
        if k.career_from:
            lines.append(printable(f"      {'grows from':<14} {', '.join(k.career_from)}"))
        if k.profile:
            profile = ", ".join(q.text(lang) for q in k.profile)
            lines.append(printable(f"      {'profile':<14} {profile}"))
    lines += ["", f"Responsibilities ({len(known)})", ""]
    for r in known.values():
        source = r.source or ""
        lines.append(printable(f"  {r.id:<28} {r.category or '':<12} {source:<16} {r.text(lang)}"))
    if catalog.families:
        lines += ["", f"Families ({len(catalog.families)})", ""]
        lines += [printable(f"  {f.id:<12} {f.text(lang)}") for f in catalog.families.values()]
    return "\n".join(lines)


def titles_text(kind: RoleKind) -> str:
    """The job titles a kind goes by, per language, as the catalogue writes them.

    Examples:
        >>> from orgroles.catalog import builtin_catalog
        >>> print(titles_text(builtin_catalog().kinds["cto"]))
        cto: Chief Technical Officer (title), Directeur technique (fr label)
          en: cto; chief technical|technology officer; chief technology; technical director; ...
          fr: cto; directeur|directrice technique; directeur|directrice technologique; ...
    """
    own = [f"{kind.title} (title)"] if kind.title else []
    own += [f"{label} ({code} label)" for code, label in kind.labels.items()]
    lines = [f"{kind.id}: {', '.join(own)}"]
    lines += [f"  {code}: {'; '.join(patterns)}" for code, patterns in kind.titles.items()]
    return "\n".join(lines)


def _cell(patterns: Iterable[str]) -> str:
    """Patterns in a Markdown table cell, each in code and with its `|` escaped."""
    return ", ".join("`" + p.replace("|", "\\|") + "`" for p in patterns)


def _sources(k: RoleKind) -> str:
    notes = [f"{field}: {source}" for field, source in k.sources.items()]
    return (k.source or "") + (f" ({'; '.join(notes)})" if notes else "")


def catalog_markdown(catalog: Catalog) -> str:
    """The catalogue as Markdown tables, English and French side by side, with the titles
    of every language (docs/catalog.md)."""
    known = catalog.responsibilities
    out = [
        "## Kinds",
        "",
        "| kind | title | French | family | source | grows from | default responsibilities |",
        "|---|---|---|---|---|---|---|",
    ]
    for k in catalog.kinds.values():
        defaults = ", ".join(f"`{r}`" for r in k.responsibilities)
        out.append(
            f"| `{k.id}` | {k.text('en')} | {k.text('fr')} | {k.family or ''} | {_sources(k)} | "
            f"{', '.join(f'`{c}`' for c in k.career_from)} | {defaults} |"
        )
    out += ["", "## Profiles", "", "| kind | source | qualities | French |", "|---|---|---|---|"]
    for k in catalog.kinds.values():
        if k.profile:
            out.append(
                f"| `{k.id}` | {k.source_of('profile') or ''} | "
                f"{', '.join(q.text('en') for q in k.profile)} | "
                f"{', '.join(q.text('fr') for q in k.profile)} |"
            )
    out += [
        "",
        "## Responsibilities",
        "",
        "| responsibility | source | category | label | French | description |",
        "|---|---|---|---|---|---|",
    ]
    for r in known.values():
        flags = []
        if r.single_owner:
            flags.append("single owner")
        if r.required:
            flags.append("required")
        extra = f" *({', '.join(flags)})*" if flags else ""
        out.append(
            f"| `{r.id}` | {r.source or ''} | {r.category or ''} | {r.text('en')}{extra} | "
            f"{r.text('fr')} | {r.describe('en')} |"
        )
    out += [
        "",
        "## Families",
        "",
        "| family | title | French | words that name it |",
        "|---|---|---|---|",
    ]
    for f in catalog.families.values():
        words = "; ".join(f"{code}: {_cell(p)}" for code, p in f.titles.items())
        out.append(f"| `{f.id}` | {f.text('en')} | {f.text('fr')} | {words} |")
    out += [
        "",
        "## Titles",
        "",
        "| kind | seniority | refines | English titles | French titles |",
        "|---|---|---|---|---|",
    ]
    for k in catalog.kinds.values():
        out.append(
            f"| `{k.id}` | {', '.join(k.seniority)} | {', '.join(f'`{r}`' for r in k.refines)} | "
            f"{_cell(k.titles.get('en', ()))} | {_cell(k.titles.get('fr', ()))} |"
        )
    return "\n".join(out) + "\n"


_PAGE = """\
# The catalogue

A role's `kind` (such as `cto`) gives it a title, a family and default
responsibilities. The built-in catalogue holds the executive, tech and product roles of
the source article on the CTO and CPO jobs: every responsibility that comes from it
carries the tag of the fact it encodes (C1 to C12 for the CTO, P1 to P11 for the CPO),
written in our own words, in English and French. Around them it holds the rest of a
company: the C-suite, the VP and director levels, the other trades of tech, design and
data, and sales, marketing, finance, people, legal, operations and support. This page is
generated from the catalogue's data (`python -m orgroles.catalog.listing > docs/catalog.md`).

```console
$ orgroles catalog --lang fr
Kinds ({kinds})
...
  cto                        Directeur technique (executive)
...
      profile        Organisation, Rigueur, Goût du risque, Capacités de management, En général un bac+5 et de l'expérience
...
```

`orgroles catalog --format json` gives the same for programs, and `orgroles catalog
ORG` lists the catalogue an org file sees (the built-in one, the ones it uses, and its own).

## Kinds and responsibilities in a role

A role of kind `cto` takes the kind's title and its default responsibilities. It can add
responsibilities and drop defaults; `org.responsibilities_of(role)` gives the effective
set: defaults, minus `drop`, plus `responsibilities`.

```python
import orgroles

org = orgroles.load("examples/three_person_tech_team.yaml")
held = {r.id: r.category for r in org.responsibilities_of("cto")}
assert held["hands-on-coding"] == "operational"  # added by the role: a hands-on CTO
assert held["data-protection"] == "compliance"  # a default of the kind (fact C5)
```

No default of the CTO kind is operational, so a CTO is "hands-on" exactly when a role
adds an operational responsibility, which is what rule K004 looks for.

## Where each fact comes from

A kind's `source` says where the kind comes from: fact tags of the article (`C1-C12,
D1-D3`), `article` for what the article says without a tag, or `general practice` for
what is common practice and not in the article. `sources` overrides it for one field:
the CPO's `career_from: [product-manager]` is general practice, while the rest of the
kind comes from the article.

```yaml title="cpo-sources.yaml"
kinds:
  - id: cpo
    source: P1-P11, D1-D2
    sources: {career_from: general practice, profile: article}
    career_from: [product-manager]
```

A kind may also carry a `profile`: the qualities the job asks for, each with an id and
labels. The CTO's and the CPO's come from the article (organisation, rigour, appetite for
risk; market knowledge, empathy, resilience).

## Families

Every kind has a `family`, the company function it belongs to. The ids `executive`,
`tech`, `product`, `sales`, `marketing`, `finance`, `people`, `legal`, `operations` and
`support` are fixed, so that rules, selectors and charts can rely on them. The C-suite
(CEO, CTO, CPO, CFO...) is `executive`; its `departments` name the function each one
heads. A catalogue file lists its families under `families:`, with labels and the words
that name the function ("Sales", "Comptabilité").

## From job titles to kinds

HR exports carry a job title and no kind. Each kind lists the titles it goes by, per
language, and `infer_kind` reads a title as written:

```pycon
>>> from orgroles.catalog import infer_kind
>>> infer_kind("Directrice technique & co-fondatrice").kind
'cto'
>>> match = infer_kind("Sr. Backend Engineer II, Payments (EMEA)")
>>> match.kind, match.seniority, match.pattern
('developer', 'senior', 'backend|back-end|frontend|front-end|fullstack|full-stack engineer|engineering')
>>> infer_kind("Product Marketing Manager").family
'marketing'
>>> infer_kind("Comptabilité")  # a function, no kind
KindMatch(kind=None, family='finance', pattern='comptabilité', seniority=None, source='title', refined_from=None)
>>> print(infer_kind("CPO"))  # the Chief Product or the Chief People Officer?
None
>>> infer_kind("CPO", department="Human Resources").kind
'chief-people-officer'
>>> infer_kind("CPO", reports=["product", "product", "tech"]).kind  # over PMs, designers
'cpo'
```

Titles are matched in English and French, the catalogue's two languages, and also in German,
Spanish, Dutch, Portuguese, Italian, Polish and Swedish for the common jobs (the `de`, `es`, `nl`,
`pt`, `it`, `pl` and `sv` titles of the kinds and families below: "Softwareentwickler (m/w/d)",
"Jefa de Producto", "Ekonomichef"), with their seniority words ("Leiter", "Praktikant",
"Teamledare"), and for a few dozen in Turkish, Arabic, Chinese, Japanese and Korean (`tr`, `ar`,
`zh`, `ja`, `ko`: "Müşteri Temsilcisi", "مدير المبيعات", "高级软件工程师", "인사팀장"; a
pattern is found in a title written without spaces). Swedish compounds are whole words
("Försäljningschef"), and a hyphen splits them as it does any word ("IT-chef" is "IT chef"). Labels
and descriptions stay in English and French.

How a title is read:

- Case, accents and punctuation do not matter, and neither do the words around the job:
  "Senior", "II", ", Payments", "(EMEA)", "Interim", "Acting", "(H/F)". Small words
  ("of", "de la", Portuguese "em" between two words, Polish "ds.", Swedish "och") are
  skipped, so "VP of Engineering" is "VP Engineering" and "Specjalista ds. marketingu"
  "Specjalista marketingu". HTML entities are read as the characters they stand for
  ("R&amp;D" is "R&D"), and the endings of inclusive writing are left out
  ("Chargé(e)", "Développeur·euse", "Desarrollador/a", "Recruiter:in"); German
  feminine forms are read as their masculine ("Recruiterin"). The abbreviations of HR
  systems' short fields are read as the words they stand for ("Sr. Mgr, Engineering",
  "DIR PRODUCT MGMT", "CUST SVC REP", "Sr. Fin. Analyst", "MGR, ACCTS PAYABLE": `mgr`,
  `dir`, `engr`, `mgmt`, `asst`, `exec`, `acct`, `accts`, `acctg`, `mktg`, `cust`, `svc`,
  `rep`, `prod`, `proj`, `coord`, `fin`, `supv`, `supvr`, `dept`, `adm`, `spec`, `assoc`),
  and the Dutch "P&O" (personeel en organisatie) is HR.
- A teacher's title names the subject taught, not a job: a "Professor of Software
  Engineering" or a "Data Science Instructor" has the subject's family and no kind.
- A shop's seller ("Retail Sales Associate", "Vendedor de Loja", "Verkäuferin
  (Einzelhandel)") has the sales family and no kind: the catalogue's sellers (account
  executives, account managers) sell to businesses. A "Retail Account Executive" still
  is one.
- Quality work in a regulated plant or laboratory (GMP, GxP, HACCP, food safety, sterile,
  pharmaceutical, clinical, manufacturing, ISO 13485) tests no software: a "QA Specialist
  - GMP" or a "QA Manager (Food Safety)" has the operations family and no tech kind.
- A title's context tells what its words mean: a "Restaurant General Manager" runs the site, not
  the company; a "Director of Development" of "Major Gifts" raises funds; a "Chair, Department of
  Mathematics" heads no board; a bank's VP, AVP, ED, MD are grades ("VP, Software Engineer" is a
  developer); a hotel's "Director of Engineering" no tech, a "Technical Director, Structural
  Engineering" no CTO; a "Vice Principal" a director; a "Referent" no lead.
- What follows "to" names whom the job serves, not the job: an "Advisor to the CEO" is
  no CEO, an "Assistant to the CTO" is an executive assistant (a pattern may go across
  "to": `assistant to *`, `record to report`), and an "EA to the Chief Executive
  Officer" or an "Executive Assistant to the VP of Engineering" has no chief's or VP's
  seniority.
- A word that makes the holder a second to a chief ("Deputy CTO", "Vice CEO", "Assistant
  CFO", "Former CTO", "Directeur technique adjoint", the "Office of the CTO", a "CTO
  Advisor", a "Chief Technology Evangelist") leaves the family and no C-level kind: the org has one CTO, and the rules that count chiefs see
  one.
- So does a chief's title that names a part of the company, a region, a country or a
  division ("President, EMEA", "Regional CEO", "CFO Europe"; not "Global CEO"). The
  company's chief (a chief kind with no department of its own, such as the CEO) in a
  title that names a function is the head of that function ("President of Sales" is in
  sales), unless the title joins two jobs ("CEO / Product", "CEO and Co-founder").
- The job is looked for in the title's first segment (before a comma, a bracket or a
  spaced dash). When that names none, as in "Manager, Customer Success", each later
  segment is read with it, in front of it ("Customer Success Manager"); a first segment
  of seniority words alone is also read in front, if a kind then ends the title
  ("Sr. Director, Engineering" is a director of engineering, "Director, Sales Strategy"
  no head of sales), and so is the rest of a first segment without its grade ("Senior
  Engineer, Data" is a senior data engineer). When the first names only a function, the two read together may
  name a job ("Engineer, Data" is a data engineer); else, as a department does in
  "Finance - Data Analyst", the first later segment that names a job wins.
- The most specific pattern wins: one that contains another ("Product Marketing Manager"
  over "Marketing Manager"), then a kind over a family alone, then the pattern with more
  words that say the job. Two different answers that tie are ambiguous: the title stays
  unknown, unless the department settles it, or, in an import (and `infer_kinds()`),
  the role's direct reports do: a "CPO" over product managers and designers is the Chief
  Product Officer, over recruiters the Chief People Officer (`kind_from: reports`).
  It is never guessed. Two jobs of one family joined ("CFO & COO", "CEO / CTO") keep
  that family, and a chief's seniority, with no kind.
- A title that names only a function ("Sales", "Comptabilité", "Marketing Operations
  Specialist") gets the family and no kind. A title that names no job ("Consultant",
  "Program Manager") gets the department's family when a department is given.
- The seniority is one of `junior`, `senior`, `staff`, `principal`, `lead`, `manager`,
  `director`, `vp` and `chief`, read from the title's words ("Sr.", "Head of",
  "Confirmée", "Stagiaire") and from the kind itself: an Engineering Manager is a
  `manager`, a Product Manager is not. The level of someone who leads that a kind's
  title says is kept, even when the kind is at others (a "Call Centre Team Leader" is a
  `support-manager` at `lead`, a "Leiter Vertrieb" a `vp-sales` at `manager`), but not
  in a chief's title ("Directeur technique" is a `chief`), and the last part of a compound
  says its level ("Vertriebsleiter", "Försäljningschef"). The words of a head (manager,
  director, VP, chief) in a family's pattern count (a "Store Manager" is a `manager`, a
  "Chief Strategy Officer" a `chief`; a "Lead Generation Specialist" is no lead). A later
  segment of seniority words only says the job's ("Software Engineer (Senior)"). A
  seniority phrase says its level alone: "Chef d'équipe" and "Jefe de equipo" are
  leads, not the "chef" or "jefe" in them; a "Head Nurse" or a "Head Waiter" is a lead,
  a "Head Chef" a manager ("Head of" names a director). "Staff" is a level on the
  ladders of tech, product, marketing, sales and support (a Staff Engineer), and not
  elsewhere: a Staff Accountant, a Staff Attorney or a Staff Nurse has no seniority, and
  "Support Staff" are people. Some jobs outside the catalogue use its words otherwise,
  and name nothing: a "Chef de partie" or a "Pastry Chef" is a cook, a "Personal Banker"
  no one in HR (German "Personal"), an "Interior Designer", a "Landscape Architect" or a
  "Property Developer" no one in software. A kind whose
  `refines` names the kind found, at one of its seniorities, is the answer instead: a
  "Lead Backend Engineer" is a `lead-developer`, a "Manager, Fullstack Engineering" an
  `engineering-manager`.

In the catalogue, a pattern is words separated by spaces; `a|b` is either word (each may
be several words, joined by a hyphen: `vp|vice-president`), and `*` is any one word.
Feminine forms are written out. A kind's own `title` and `labels` count as titles too.

```yaml title="growth-catalogue.yaml"
uses: [builtin]
kinds:
  - id: growth-hacker
    title: Growth Hacker
    labels: {fr: Growth hacker}
    family: marketing
    titles:
      en: [growth hacker, growth * engineer]
      fr: [growth hacker, responsable acquisition]
```

A catalogue of your own adds kinds with their titles, and replaces a built-in kind's
titles by redefining the kind (a kind is replaced whole). When two kinds claim the same
title, it is ambiguous.

`infer_role(role, catalog)` fills a `Role` from its title: `kind` (or only `family`),
`seniority`, and `kind_from` (`title`, `department` or `reports`), which tells an
inferred kind from one the author declared. A declared kind is never changed.

## Unknown kinds and responsibilities

An unknown kind or responsibility id does not stop a file from loading: real exports name
job codes that no catalogue knows, and the file should still load to be examined. They are
rule violations of `error` severity, with a did-you-mean: S002 for a kind, R004 for a
responsibility, so `orgroles check` exits 1 until they are fixed or defined.

```yaml title="typo.yaml"
roles:
  - {id: cto, kind: ctoo, responsibilities: [hands-on-codng]}
```

```console
$ orgroles check typo.yaml --select S002,R004
typo.yaml:2:5: R004 error cto: responsibilities: responsibility 'hands-on-codng' is in no catalogue (did you mean 'hands-on-coding'?) [unknown-responsibility]
typo.yaml:2:5: S002 error cto: kind 'ctoo' names no kind in the catalogue (did you mean 'cto'?) [unknown-reference]
typo.yaml: 2 errors (1 role)
     1  R004 unknown-responsibility (error)
     1  S002 unknown-reference (error)
```

## Catalogues of your own

An org file can define `kinds` and `responsibilities` of its own, and replace built-in
ones by using the same id. To share them between org files, put them in a catalogue file
and list it under `uses:` (paths are relative to the file that names them, and lead to
files under the org file's folder; `catalog_dirs=` in Python, or `--catalog-dir` on the
command line, allows more folders, so that no org file can make orgroles read a file
elsewhere on the machine). `uses:` lists catalogues in order, later ones overriding
earlier ones, and the org's own definitions override them all. The default is `uses: [builtin]`; `uses: []` turns the built-in
catalogue off. A catalogue may itself use others; a catalogue that uses itself, directly
or not, is refused with the chain of files.

```yaml title="company-catalogue.yaml"
name: Acme catalogue
uses: [builtin]
responsibilities:
  - {id: on-call, label: Be on call, labels: {fr: Assurer l'astreinte}, category: operational}
kinds:
  - id: sre
    title: Site Reliability Engineer
    labels: {fr: Ingénieur fiabilité}
    family: tech
    responsibilities: [on-call, code-review]
```

```yaml title="team.yaml"
uses: [company-catalogue.yaml]
roles:
  - {id: cto, kind: cto, responsibilities: [hands-on-coding]}
  - {id: sre-1, kind: sre, reports_to: cto}
```

```python
import orgroles

org = orgroles.load("team.yaml")
assert org.title_of("sre-1", lang="fr") == "Ingénieur fiabilité"
assert [r.id for r in org.responsibilities_of("sre-1")] == ["on-call", "code-review"]
assert org.title_of("cto") == "Chief Technical Officer"  # the built-in kinds still apply
```

`orgroles schema --catalog` prints the JSON Schema of catalogue files.

## Languages

Labels exist in English and French. `title_of(role, lang="fr")`, `orgroles catalog
--lang fr` and the charts take a language; a label missing in a language falls back to
English.

"""


def catalog_page(catalog: Catalog) -> str:
    """The whole docs/catalog.md page: the prose above, then the generated tables."""
    return _PAGE.replace("{kinds}", str(len(catalog.kinds))) + catalog_markdown(catalog)


if __name__ == "__main__":
    from orgroles.catalog import builtin_catalog

    print(catalog_page(builtin_catalog()), end="")
