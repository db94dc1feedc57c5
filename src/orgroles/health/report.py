"""What users get: `HealthReport` (`org.report()`) and `Plots` (`org.plot`).

Examples:
    >>> import orgroles
    >>> report = orgroles.load("examples/scaleup_cto_cpo.yaml").report()
    >>> report
    <HealthReport 'Northwind Labs': 20 roles, 19 people, 5 layers>
    >>> report.to_html().startswith("<!DOCTYPE html>")
    True
    >>> report.to_pdf()[:5]
    b'%PDF-'
"""

from __future__ import annotations

import html
import os
from collections.abc import Collection
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from orgroles._internal.dates import day as as_day
from orgroles.errors import OrgUsageError
from orgroles.health.numbers import Numbers, compute
from orgroles.health.plots import DRAW, figure_of, style
from orgroles.health.targets import Targets
from orgroles.health.words import LANGS

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from orgroles.core import OrgCore
    from orgroles.rules.report import Report

__all__ = ["FORMATS", "HealthReport", "Plots", "format_of", "health_report"]

FORMATS = {".html": "html", ".htm": "html", ".pdf": "pdf"}
"""The report's file formats, by suffix."""


def format_of(path: str | os.PathLike[str]) -> str:
    """`html` or `pdf`, from a file name's suffix.

    Examples:
        >>> format_of("health.html"), format_of("Health.PDF")
        ('html', 'pdf')
    """
    suffix = Path(path).suffix.lower()
    found = FORMATS.get(suffix)
    if found is None:
        raise OrgUsageError(
            f"{os.fspath(path)}: a report is .html or .pdf, not {suffix or 'a file without suffix'}"
        )
    return found


def _lang(lang: str) -> str:
    if lang not in LANGS:
        raise OrgUsageError(f"unknown language {lang!r}: use {', '.join(LANGS)}")
    return lang


class HealthReport:
    """An org's health report: its `numbers`, as a page (`to_html()`) or a
    printable PDF (`to_pdf()`); `write()` saves either, by suffix. Jupyter shows
    the page inline."""

    def __init__(self, numbers: Numbers) -> None:
        self.numbers = numbers
        self._html: str | None = None

    def __repr__(self) -> str:
        h = self.numbers.headline
        return (
            f"<HealthReport {self.numbers.name!r}: {h.roles:,} roles, "
            f"{h.headcount:,} {'person' if h.headcount == 1 else 'people'}, "
            f"{h.layers} {'layer' if h.layers == 1 else 'layers'}>"
        )

    def to_html(self) -> str:
        """The self-contained, offline HTML page (built once)."""
        if self._html is None:
            from orgroles.health.page import build_page

            self._html = build_page(self.numbers)
        return self._html

    def to_pdf(self) -> bytes:
        """The printable report: A4 pages, the same numbers and charts."""
        from orgroles.health.pdf import build_pdf

        return build_pdf(self.numbers)

    def write(self, path: str | os.PathLike[str]) -> Path:
        """Write the page (`.html`) or the PDF (`.pdf`) to `path`, atomically."""
        from orgroles.io.atomic import atomic_write

        fmt = format_of(path)
        atomic_write(path, self.to_html() if fmt == "html" else self.to_pdf())
        return Path(path)

    def _repr_html_(self) -> str:
        """The page in a sandboxed frame: it runs no script and reaches nothing."""
        return (
            f'<iframe sandbox="" srcdoc="{html.escape(self.to_html(), quote=True)}" '
            f'title="{html.escape(self.numbers.name, quote=True)}" width="100%" height="720" '
            'style="border: 1px solid #d0d7de; border-radius: 6px"></iframe>'
        )


def health_report(
    org: OrgCore,
    *,
    lang: str = "en",
    since: date | str | None = None,
    targets: Targets | None = None,
    report: Report | None = None,
) -> HealthReport:
    """The health report of `org`: see `orgroles.Org.report()`."""
    return HealthReport(
        compute(
            org,
            targets=targets,
            lang=_lang(lang),
            report=report,
            since=as_day(since) if since is not None else None,
        )
    )


class Plots:
    """The report's charts one by one (`org.plot.spans()`, ...), each a matplotlib
    `Figure` to restyle or save. Given `ax`, a chart draws into that `Axes` and
    returns its figure."""

    def __init__(self, org: OrgCore) -> None:
        self._org = org

    def __repr__(self) -> str:
        return f"<Plots of {self._org.name!r}: {', '.join(DRAW)}>"

    def _draw(
        self,
        name: str,
        only: Collection[str],
        ax: Axes | None,
        lang: str,
        **options: object,
    ) -> Figure:
        numbers = compute(self._org, lang=_lang(lang), only=only, **options)  # type: ignore[arg-type]
        if name == "trends" and numbers.trends is None:
            from orgroles.health.numbers import trends

            numbers.trends = trends(self._org)
        if ax is None:
            return figure_of(name, numbers)
        with style():
            DRAW[name](ax, numbers)
        figure: Figure = ax.get_figure()  # type: ignore[assignment]
        return figure

    def spans(
        self, *, ax: Axes | None = None, targets: Targets | None = None, lang: str = "en"
    ) -> Figure:
        """Managers by span of control, the target band shaded."""
        return self._draw("spans", ("spans",), ax, lang, targets=targets)

    def layers(
        self, *, ax: Axes | None = None, targets: Targets | None = None, lang: str = "en"
    ) -> Figure:
        """Roles per layer, as a pyramid split by function."""
        return self._draw("layers", ("layers",), ax, lang, targets=targets)

    def teams(self, *, ax: Axes | None = None, lang: str = "en") -> Figure:
        """The teams with the most vacant and planned seats."""
        return self._draw("teams", ("teams",), ax, lang)

    def findings(
        self, *, ax: Axes | None = None, report: Report | None = None, lang: str = "en"
    ) -> Figure:
        """The rule findings by code, coloured by severity (`report`: by default,
        `org.check()`)."""
        return self._draw("findings", ("findings",), ax, lang, report=report)

    def trends(self, *, ax: Axes | None = None, lang: str = "en") -> Figure:
        """Headcount, seats, vacancies and planned seats quarter by quarter (needs
        pandas; an org without dates has one quarter, today's)."""
        return self._draw("trends", ("trends",), ax, lang)
