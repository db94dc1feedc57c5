"""How long charts take to draw, and their size, by org size and engine.

Run: ``python benchmarks/render_sizes.py [--layout tree] [SIZES...]``.

Orgs are generated, deterministic and shaped like real ones: layers of managers with
3 to 12 reports, wide teams of developers, a few assistants and vacancies. ``main()``
prints a table; ``benchmarks/bench.py`` can call it.
"""

from __future__ import annotations

import gc
import random
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from orgroles import Org, Person, Role
from orgroles.render import make_plan, render
from orgroles.render.dot import to_dot
from orgroles.render.engines import run_dot
from orgroles.render.svg import to_svg

__all__ = ["chart_size", "generated_org", "main", "time_render"]

_KINDS = ["developer", "developer", "developer", "designer", "product-owner", None]


def generated_org(n: int, seed: int = 7) -> Org:
    """A deterministic org of ``n`` roles: a CEO, layers of managers, teams of leaves."""
    rnd = random.Random(seed)
    roles = [Role(id="r0", kind="ceo", holder="p0")]
    people = [Person(id="p0", name="Person 0")]
    managers = [0]
    spans = {0: 0}
    i = 1
    while i < n:
        boss = managers[rnd.randrange(len(managers))]
        manager = rnd.random() < 0.18
        kind = "engineering-manager" if manager else rnd.choice(_KINDS)
        holder = None if rnd.random() < 0.05 else f"p{i}"
        roles.append(
            Role(
                id=f"r{i}",
                kind=kind,
                title=None if kind else "Analyst",
                holder=holder,
                reports_to=f"r{boss}",
                assistant=rnd.random() < 0.003,
            )
        )
        if holder:
            people.append(Person(id=holder, name=f"Person {i} {rnd.choice('ABCDEFGHJK')}."))
        spans[boss] += 1
        if spans[boss] >= 12:
            managers.remove(boss)
        if manager:
            managers.append(i)
            spans[i] = 0
        if not managers:
            managers.append(i)
            spans[i] = 0
        i += 1
    return Org(name=f"Generated org of {n:,} roles", roles=roles, people=people)


def time_render(
    org: Org, engine: str, layout: str = "compact"
) -> tuple[float, float, float, bytes]:
    """Seconds to plan, to lay out and draw (builtin SVG, or dot's SVG), and for the whole
    ``orgroles.render(org, "chart.svg")`` call with the atomic write; the SVG."""
    gc.disable()  # as render() does while it builds a chart
    try:
        start = time.perf_counter()
        plan = make_plan(org)
        planned = time.perf_counter()
        if engine == "builtin":
            out = to_svg(plan, layout=layout).encode("utf-8")
        else:
            out = run_dot(to_dot(plan, layout=layout).source, "svg", timeout=600)
        drawn = time.perf_counter()
    finally:
        gc.enable()
    with tempfile.TemporaryDirectory() as folder:
        begin = time.perf_counter()
        render(org, Path(folder) / "chart.svg", engine=engine, layout=layout)
        whole = time.perf_counter() - begin
    return planned - start, drawn - planned, whole, out


def chart_size(svg: bytes) -> tuple[float, float]:
    """The width and height of an SVG chart (px for the builtin engine, pt for dot's)."""
    head = re.search(rb'<svg[^>]* width="([\d.]+)(?:pt)?" height="([\d.]+)(?:pt)?"', svg)
    if head is None:
        raise ValueError("no <svg> element with a width and a height")
    return float(head[1]), float(head[2])


def main(argv: Sequence[str] = ()) -> None:
    """Print the table: roles, engine, plan time, draw time, render() time, SVG size in
    MB, and the chart's width x height with its shape (width over height)."""
    args = list(argv)
    layout = "compact"
    if "--layout" in args:
        at = args.index("--layout")
        layout = args[at + 1]
        del args[at : at + 2]
    sizes = [int(a) for a in args] or [1_000, 10_000, 100_000]
    print(f"layout: {layout}")
    print(
        f"{'roles':>8}  {'engine':<8} {'plan s':>7} {'draw s':>7} {'render() s':>11} {'MB':>6}"
        f"  {'width x height':>20} {'shape':>8}"
    )
    for n in sizes:
        org = generated_org(n)
        org.index  # built once per org, as a loaded org would have it  # noqa: B018
        engines = ["builtin"] + (["dot"] if shutil.which("dot") and n <= 5_000 else [])
        for engine in engines:
            plan_s, draw_s, whole, out = time_render(org, engine, layout)
            w, h = chart_size(out)
            print(
                f"{n:>8,}  {engine:<8} {plan_s:>7.2f} {draw_s:>7.2f} {whole:>11.2f} "
                f"{len(out) / 1e6:>6.1f}  {f'{w:,.0f} x {h:,.0f}':>20} {w / h:>6.1f}:1"
            )


if __name__ == "__main__":
    main(sys.argv[1:])
