"""Catalogue listings for people (text, Markdown) and programs (JSON), in a language.

>>> from orgroles.catalog import builtin_catalog
>>> print(catalog_text(builtin_catalog(), "fr").splitlines()[2])
  ceo                  PDG / CEO (executive)
"""

from __future__ import annotations

from typing import Any

from orgroles._internal.text import printable
from orgroles.catalog import Catalog
from orgroles.model import Responsibility

__all__ = ["catalog_data", "catalog_markdown", "catalog_page", "catalog_text"]


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


def catalog_data(catalog: Catalog, lang: str = "en") -> dict[str, Any]:
    """The catalogue as JSON data, with labels in ``lang`` (English where none exists)."""
    known = catalog.responsibilities
    return {
        "lang": lang,
        "kinds": [
            {
                "id": k.id,
                "title": k.text(lang),
                "family": k.family,
                "description": k.describe(lang),
                "career_from": list(k.career_from),
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
    }


def catalog_text(catalog: Catalog, lang: str = "en") -> str:
    """The catalogue for a terminal: kinds with their default duties, then every duty.

    Control characters in the catalogue's text are shown as ``\\xNN``: a title cannot
    retitle the window, clear the screen or print a line of its own.
    """
    known = catalog.responsibilities
    lines = [f"Kinds ({len(catalog.kinds)})", ""]
    for k in catalog.kinds.values():
        family = f" ({k.family})" if k.family else ""
        lines.append(printable(f"  {k.id:<20} {k.text(lang)}{family}"))
        for rid in k.responsibilities:
            r = known.get(rid)
            label = r.text(lang) if r else rid
            category = f"[{r.category}]" if r and r.category else "[?]"
            lines.append(printable(f"      {category:<14} {label}"))
        if k.career_from:
            lines.append(printable(f"      {'grows from':<14} {', '.join(k.career_from)}"))
    lines += ["", f"Responsibilities ({len(known)})", ""]
    for r in known.values():
        source = r.source or ""
        lines.append(printable(f"  {r.id:<28} {r.category or '':<12} {source:<4} {r.text(lang)}"))
    return "\n".join(lines)


def catalog_markdown(catalog: Catalog) -> str:
    """The catalogue as Markdown tables, English and French side by side (docs/catalog.md)."""
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
            f"| `{k.id}` | {k.text('en')} | {k.text('fr')} | {k.family or ''} | {k.source or ''} | "
            f"{', '.join(f'`{c}`' for c in k.career_from)} | {defaults} |"
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
    return "\n".join(out) + "\n"


_PAGE = """\
# The catalogue

A role's `kind` (such as `cto`) gives it a title, a family and default
responsibilities. The built-in catalogue holds the executive, tech and product roles of
the source article on the CTO and CPO jobs: every responsibility that comes from it
carries the tag of the fact it encodes (C1 to C12 for the CTO, P1 to P11 for the CPO),
written in our own words, in English and French. This page is generated from the
catalogue's data (`python -m orgroles.catalog.listing > docs/catalog.md`).

```console
$ orgroles catalog --lang fr
Kinds (9)
...
  cto                  Directeur technique (executive)
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
    return _PAGE + catalog_markdown(catalog)


if __name__ == "__main__":
    from orgroles.catalog import builtin_catalog

    print(catalog_page(builtin_catalog()), end="")
