"""The example scripts run and say what they should."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import EXAMPLES


def test_who_does_the_cto_manage() -> None:
    proc = subprocess.run(
        [sys.executable, str(EXAMPLES / "who_does_the_cto_manage.py")],
        capture_output=True,
        text=True,
        check=True,
        cwd="/",
    )
    out = proc.stdout.splitlines()
    assert out[:4] == [
        "Chief Technical Officer (Camille Roux) leads a team of 3 seats, the CTO's included:",
        "  - Developer: Yanis Perrin",
        "  - Developer: Léa Marchand",
        "Hands-on work: Write code (hands-on)",
    ]
    assert out[4] == "three_person_tech_team.yaml: no problems (4 roles)"
    variant = out[out.index("The same team, with a CTO who no longer codes:") :]
    assert "Hands-on work: none" in variant
    k004 = [line for line in variant if " K004 warning " in line]
    assert len(k004) == 1
    assert k004[0].endswith(
        "K004 warning cto: leads a team of 3 seats (its own and 2 below; max_team 3) but holds "
        "no operational "
        "responsibility: in a team this small the CTO is hands-on (add one, such as "
        "hands-on-coding) [hands-on-cto]"
    )
    assert "three_person_tech_team.yaml:14:5:" in k004[0]
