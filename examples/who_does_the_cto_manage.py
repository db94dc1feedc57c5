"""The article's scenario: whom does the hands-on CTO of a three-person tech team manage?

Run it from anywhere: ``python examples/who_does_the_cto_manage.py``. It loads the
bundled org, prints whom the CTO manages and what makes them hands-on, prints the check
result, then checks a variant where the CTO no longer codes, which rule K004 reports.
"""

from __future__ import annotations

from pathlib import Path

import orgroles
from orgroles.rules.output import format_text

HERE = Path(__file__).resolve().parent


def describe(org: orgroles.Org) -> None:
    cto = org.roles["cto"]
    names = ", ".join(p.display_name for p in org.holders_of(cto)) or "nobody"
    team = org.team("cto")
    seats = len(team.members) + 1
    print(f"{org.title_of(cto)} ({names}) leads a team of {seats} seats, the CTO's included:")
    for report in org.reports(cto):
        holder = ", ".join(p.display_name for p in org.holders_of(report)) or "vacant"
        print(f"  - {org.title_of(report)}: {holder}")
    hands_on = [r.text() for r in org.responsibilities_of(cto) if r.category == "operational"]
    print(f"Hands-on work: {', '.join(hands_on) if hands_on else 'none'}")


def main() -> None:
    org = orgroles.load(HERE / "three_person_tech_team.yaml")
    describe(org)
    print(format_text(org.check(), label="three_person_tech_team.yaml"))

    print("\nThe same team, with a CTO who no longer codes:")
    variant = org.copy()
    variant.update_role("cto", responsibilities=())
    describe(variant)
    print(format_text(variant.check(), label="variant"))


if __name__ == "__main__":
    main()
