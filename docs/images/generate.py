"""Regenerate the charts shown in docs/ (run: python docs/images/generate.py).

They are drawn by the builtin engine, which gives the same bytes on every machine, so
that tests/test_docs_images.py can tell when one is stale. The PNGs are what
``orgroles render ... -o chart.png`` writes (typst draws them); they are the same bytes
for the same version of typst, which :data:`TYPST_VERSION_FILE` records.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import orgroles

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TYPST_VERSION_FILE = HERE / "typst-version.txt"
"""The version of typst that drew the PNGs here."""
VP = "tm-816c6d89"
"""GitLab's VP of Development."""
REORG_FROM, REORG_TO = "2025-03-01", "2025-11-01"
"""The days that the change chart of the reorg of `examples/scaleup_over_time.yaml` compares."""


def charts() -> dict[str, bytes]:
    """Each image's file name and its SVG."""
    import orgroles
    from orgroles import Org, Person, Role
    from orgroles.render import render_bytes

    tiny = orgroles.load(ROOT / "examples" / "three_person_tech_team.yaml")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the real file has two roles with broken titles
        gitlab = orgroles.from_gitlab(
            ROOT / "tests" / "data" / "gitlab-team" / "team.yml", name="GitLab (pseudonymised)"
        )
    scaleup = orgroles.load(ROOT / "examples" / "scaleup_cto_cpo.yaml")
    people = [Person(id=f"p{i}", name=name) for i, name in enumerate(_NAMES)]
    roles = [Role(id="em", kind="engineering-manager", holder="p0")]
    roles += [
        Role(
            id=f"dev-{i}", kind="developer", holder=None if i % 9 == 0 else f"p{i}", reports_to="em"
        )
        for i in range(1, 41)
    ]
    wide = Org(name="One manager, forty developers", roles=roles, people=people)
    export = Org(
        name="An HR export with two managers missing",
        people=people,
        roles=[
            Role(id="vp-eng", title="VP Engineering", holder="p1", reports_to="cto"),
            Role(id="em-1", title="Engineering Manager", holder="p2", reports_to="vp-eng"),
            Role(id="em-2", title="Engineering Manager", holder="p3", reports_to="vp-eng"),
            *[
                Role(
                    id=f"dev-{i}",
                    title="Developer",
                    holder=f"p{10 + i}",
                    reports_to=f"em-{i % 2 + 1}",
                )
                for i in range(6)
            ],
            Role(id="head-sales", title="Head of Sales", holder="p4", reports_to="ceo"),
            *[
                Role(
                    id=f"ae-{i}",
                    title="Account Executive",
                    holder=f"p{20 + i}",
                    reports_to="head-sales",
                )
                for i in range(3)
            ],
            Role(id="head-support", title="Head of Support", holder="p5", reports_to="ceo"),
            *[
                Role(
                    id=f"agent-{i}",
                    title="Support Agent",
                    holder=f"p{30 + i}",
                    reports_to="head-support",
                )
                for i in range(2)
            ],
            Role(id="office", title="Office Manager", holder="p6"),
        ],
    )
    not_coding = tiny.copy()
    not_coding.update_role("cto", responsibilities=())  # the CTO no longer codes: K004
    report = not_coding.check()

    def svg(org: Org, **options: object) -> bytes:
        return render_bytes(org, "svg", engine="builtin", **options)  # type: ignore[arg-type]

    def png(org: Org, **options: object) -> bytes:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # GitLab's whole import: drawn smaller
            return render_bytes(org, "png", **options)  # type: ignore[arg-type]

    # The examples, as of a fixed day: the one over time has seats planned for July 2026.
    over_time = orgroles.load(ROOT / "examples" / "scaleup_over_time.yaml", today="2026-06-30")

    return {
        "scaleup_cto_cpo.svg": svg(scaleup),
        "scaleup_cto_fr.svg": svg(scaleup, root="cto", lang="fr"),
        "wide_team.svg": svg(wide),
        "wide_team_folded.svg": svg(wide, fold=10),
        "tiny_responsibilities.svg": svg(tiny, show=["responsibilities"]),
        "tiny_check.svg": svg(not_coding, report=report),
        "missing_managers.svg": svg(export),
        "gitlab_vp.svg": svg(gitlab, root=VP, depth=2),
        "scaleup_tree.svg": svg(scaleup, layout="tree"),
        "tutorial_org.svg": svg(tutorial_org()),
        "scaleup_cto_slide.svg": svg(scaleup, root="cto", depth=1, name_first=True),
        # PNG, with the defaults of `orgroles render ORG -o chart.png` (scale 2)
        "three_person_tech_team.png": png(tiny),
        "scaleup_cto_cpo.png": png(scaleup),
        "scaleup_over_time.png": png(over_time),
        # the change chart of the reorg (product owners moved from the CTO to the CPO)
        "scaleup_reorg_changes.png": png(
            over_time.viewed(REORG_TO), diff=over_time.viewed(REORG_FROM)
        ),
        "gitlab_vp.png": png(gitlab, root=VP, depth=2),
        # the whole import, 1,368 roles: at a quarter of the default's pixels (16 million)
        "gitlab_whole.png": png(gitlab, max_megapixels=4),
    }


def tutorial_org() -> orgroles.Org:
    """The org the tutorial ends with: its last ``org.yaml`` block."""
    import re

    import orgroles

    page = (ROOT / "docs" / "tutorial.md").read_text(encoding="utf-8")
    blocks = re.findall(r'^```yaml title="org.yaml"[^\n]*\n(.*?)^```', page, re.M | re.S)
    return orgroles.loads(blocks[-1], path="org.yaml")


_NAMES = [
    "Ada Brook", "Bea Cruz", "Cal Dunn", "Dee Ellis", "Eli Frost", "Fay Gale", "Gus Hale",
    "Hal Irwin", "Ivy Jones", "Jo Keane", "Kai Lowe", "Lu Marsh", "Max Nash", "Nia Orr",
    "Otto Park", "Pia Quinn", "Quin Reyes", "Rae Stone", "Sol Tate", "Tia Umber", "Uma Vale",
    "Vic Wren", "Wes Yates", "Xia Zorn", "Yara Abel", "Zed Banks", "Ari Cole", "Bo Dale",
    "Cy Eton", "Di Fenn", "Ed Gray", "Flo Hart", "Gil Ives", "Hex Jude", "Ike Kerr",
    "Jai Lund", "Kit Mayo", "Lev Nye", "Mo Oakes", "Ned Pike", "Oz Rhee",
]  # fmt: skip


def typst_version() -> str:
    """The version of typst installed, which draws the PNGs."""
    from importlib.metadata import version

    return version("typst")


def main() -> None:
    """Write every chart beside this script, and the version of typst that drew them."""
    for name, data in charts().items():
        (HERE / name).write_bytes(data)
        print(f"wrote docs/images/{name}")
    TYPST_VERSION_FILE.write_text(typst_version() + "\n", encoding="utf-8")
    print(f"wrote docs/images/{TYPST_VERSION_FILE.name}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()
