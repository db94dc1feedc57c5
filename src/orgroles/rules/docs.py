"""The rules reference (docs/rules.md), generated from the rule classes themselves.

`python -m orgroles.rules.docs > docs/rules.md` regenerates it; a test fails when the
committed page differs from what the rules say.
"""

from __future__ import annotations

import inspect
import re
from typing import Any

from orgroles.rules.base import FAMILIES, Rule, all_rules, example

__all__ = ["markdown", "plain", "rules_markdown"]

_PREAMBLE = """\
# Rules

`orgroles check` runs every rule below. Each has a stable code, a name, a family and a
default severity: only violations of `error` severity make `orgroles check` exit 1.
This page is generated from the rules themselves (`python -m orgroles.rules.docs`).

## Choosing and configuring rules

In the org file:

```yaml title="configured.yaml"
rules:
  select: [S, H, C, K]          # codes, names or families (letters or names); all if absent
  ignore: [C002]                # never run these
  severity: {C001: error}       # make a rule fail the check
  params:
    C001: {max_span: 8}         # by code or by name
    hands-on-cto: {max_team: 4}
roles:
  - {id: ceo, kind: ceo}
```

On the command line, `--select` replaces the file's `select`, and `--ignore` adds to its
`ignore`; both take comma-separated codes, names or families:

```console
$ orgroles check examples/scaleup_cto_cpo.yaml --select K --ignore K006
examples/scaleup_cto_cpo.yaml: no problems (20 roles)
```

In Python, `org.check(select=..., ignore=..., params=..., severity=...)` does the same and
returns a `Report`.

A typo in a code, a name or a parameter is a load error, with its line:

```yaml title="bad-rules.yaml"
rules:
  params: {C001: {max_spn: 8}}
```

```console
$ orgroles check bad-rules.yaml
bad-rules.yaml:2:19: rules.params.C001.max_spn: C001 has no parameter 'max_spn' (did you mean 'max_span'?) (parameters: max_span)
```

## Silencing a rule for one role

A role's `noqa` silences rules for that role only: a list of codes or names, or a mapping
from code to the reason. Reports keep what was silenced, with the reason (`Report.suppressed`,
and `suppressed` in the JSON output). A code or name that is no rule's is a load error
at its place, with a did-you-mean: a typo would silence nothing.

```yaml title="noqa.yaml"
roles:
  - {id: ceo, kind: ceo}
  - id: cto
    kind: cto
    reports_to: ceo
    noqa: {C002: "The platform team is being hired; one report for now."}
  - {id: em, kind: engineering-manager, reports_to: cto}
  - {id: dev-1, kind: developer, reports_to: em}
  - {id: dev-2, kind: developer, reports_to: em}
```

## Rules of your own

`rules.custom` declares rules with selectors (see [Queries](queries.md)), each with a code
of your own such as `X001`, an optional `name`, `message` and `severity` (`error` by
default). Four types exist:

| type | keys | holds when |
|---|---|---|
| `must_report_to` | `select`, `under`, `direct` | every role matching `select` is below (directly, with `direct: true`) a role matching `under` |
| `max_span` | `select`, `max` | every role matching `select` has at most `max` direct reports |
| `requires` | `select`, `responsibilities` | every role matching `select` holds each listed responsibility |
| `exclusive` | `responsibilities`, `select` | no person holds two of the listed responsibilities (over the roles matching `select`, all by default) |

A `message` may use `{role}` and `{title}`, plus `{span}` and `{max}` (`max_span`) or
`{missing}` (`requires`).

```yaml title="custom-rules.yaml"
rules:
  custom:
    - code: X001
      name: pms-under-cpo
      type: must_report_to
      select: "kind:product-manager"
      under: "kind:cpo"
      message: "{title} {role} is outside the CPO's line"
    - {code: X002, type: max_span, select: "kind:engineering-manager", max: 7, severity: warning}
    - {code: X003, type: requires, select: "kind:cto", responsibilities: [data-protection]}
    - {code: X004, type: exclusive, responsibilities: [approve-payments, make-payments]}
responsibilities:
  - {id: approve-payments, category: compliance}
  - {id: make-payments, category: operational}
roles:
  - {id: ceo, kind: ceo}
  - {id: cpo, kind: cpo, reports_to: ceo}
  - {id: pm, kind: product-manager, reports_to: ceo}
```

```console
$ orgroles check custom-rules.yaml --select X
custom-rules.yaml:18:5: X001 error pm: Product Manager pm is outside the CPO's line [pms-under-cpo]
custom-rules.yaml: 1 error (3 roles)
     1  X001 pms-under-cpo (error)
```

## Output formats

`--format text` (the default) writes one line per violation, `file:line:col: CODE
severity role: message [name]`, in file order, then a summary by rule. Colour is used
only on a terminal. `--format json` writes the stable shape below, and `--format sarif`
writes SARIF 2.1.0 for GitHub code scanning. `-o FILE` writes the report to a file, and
`--exit-zero` exits 0 even when there are errors (bad input still exits 2). `--fail-on
warning` exits 1 on warnings too, and `--fail-on info` on any violation.

```json
{
  "format": 1,
  "orgroles": "0.2.0",
  "ok": false,
  "reports": [
    {
      "org": "Tiny Startup",
      "path": "org.yaml",
      "roles": 4,
      "ok": false,
      "summary": {"error": 1, "warning": 0, "info": 0},
      "counts": {"S002": 1},
      "rules": ["C001", "C002"],
      "violations": [
        {
          "code": "S002",
          "name": "unknown-reference",
          "severity": "error",
          "role": "dev-1",
          "message": "reports_to 'ctoo' names no role (did you mean 'cto'?)",
          "related": [],
          "location": {"path": "org.yaml", "line": 12, "column": 5}
        }
      ],
      "suppressed": []
    }
  ]
}
```

`format` changes only when this shape does. `location` is null for an org built in
Python; `role` is null for a violation of the whole org (R001, or S003 with no top).
`suppressed` lists what `noqa` silenced, each with a `reason`.

A file that cannot be read (bad YAML, an unknown key) exits 2 and is in no report: the
JSON then has `"ok": false` and an `unreadable` list, each file with its `problems`
(`message`, `code`, `location`), and the SARIF log a run that was not successful
(`executionSuccessful: false`), with one error notification per problem, at its place.

A check keeps at most 1,000,000 violations (`orgroles.limits.MAX_VIOLATIONS`), so that
no file, however hostile, can fill the memory with them. Beyond that, `violations` lists
the first ones kept, while `summary`, `counts` and `ok` still count them all; the text
report adds a line `... and N more violations`, and SARIF a tool notification.

To upload to GitHub code scanning, write `orgroles check org.yaml --format sarif -o
orgroles.sarif` in a workflow step and pass the file to `github/codeql-action/upload-sarif`.

## The rules

| code | name | family | severity | what |
|---|---|---|---|---|
"""


def plain(text: str) -> str:
    """Docstring text for places that show no markup: code spans lose their backquotes.

    Examples:
        >>> plain("at most `max_span` reports")
        'at most max_span reports'
    """
    return text.replace("`", "")


def markdown(text: str) -> str:
    """Docstring text as Markdown: docstrings are Markdown already (see CONTRIBUTING.md),
    and older ones with double backquotes get single ones.

    Examples:
        >>> markdown("at most ``max_span`` reports")
        'at most `max_span` reports'
    """
    return text.replace("``", "`")


def _params_table(rule: Rule) -> list[str]:
    fields = rule.params_type.model_fields
    if not fields:
        return ["No parameters."]
    rows = ["| parameter | default |", "|---|---|"]
    for name, info in fields.items():
        default: Any = info.get_default(call_default_factory=True)
        if isinstance(default, tuple):
            default = list(default)
        rows.append(f"| `{name}` | `{default}` |")
    doc = inspect.cleandoc(rule.params_type.__doc__ or "")
    return [markdown(doc), "", *rows] if doc else rows


def _body(rule: Rule) -> str:
    """The docstring without its summary (first paragraph) and its two examples."""
    doc = rule.doc.split("\n\n", 1)[1] if "\n\n" in rule.doc else ""
    doc = re.split(r"\*\*Anti-pattern\*\*", doc)[0]
    return markdown(doc.strip())


def rules_markdown() -> str:
    """The whole docs/rules.md page."""
    out = [_PREAMBLE.rstrip("\n")]
    for rule in all_rules():
        anchor = f"{rule.code.lower()}-{rule.name}"
        out.append(
            f"| [{rule.code}](#{anchor}) | {rule.name} | {rule.family} | {rule.severity} "
            f"| {markdown(rule.summary)} |"
        )
    current = ""
    for rule in all_rules():
        if rule.code[0] != current:
            current = rule.code[0]
            out += ["", f"## {current}: {FAMILIES[current]}"]
        out += [
            "",
            f"### {rule.code} {rule.name}",
            "",
            f"**{markdown(rule.summary)}** Default severity: `{rule.severity}`.",
            "",
            _body(rule),
            "",
            "**Parameters.** " + "\n".join(_params_table(rule)),
            "",
            "**Anti-pattern**",
            "",
            f'```yaml title="anti-pattern-{rule.code}.yaml"',
            example(rule, "Anti-pattern").rstrip("\n"),
            "```",
            "",
            "**Best practice**",
            "",
            f'```yaml title="best-practice-{rule.code}.yaml"',
            example(rule, "Best practice").rstrip("\n"),
            "```",
        ]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(rules_markdown(), end="")
