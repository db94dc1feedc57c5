"""`orgroles history`: the dated changes of an org, as text, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING

import click

from orgroles._internal.dates import day
from orgroles._internal.text import printable
from orgroles.cli.base import cli, load_org, write

if TYPE_CHECKING:
    from orgroles.time import Change

__all__ = ["history"]

_COLUMNS = ("date", "kind", "role", "before", "after")


@cli.command()
@click.argument("org", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--from", "since", metavar="DATE", help="The first day to list (YYYY-MM-DD).")
@click.option("--to", "until", metavar="DATE", help="The last day to list (YYYY-MM-DD).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "csv"]),
    default="text",
    show_default=True,
    help="text for people, json or csv for programs.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to a file.")
def history(org: str, since: str | None, until: str | None, fmt: str, output: str | None) -> None:
    """List the changes of a dated org, in date order: seats opened and closed, holders
    in and out, interims started and ended, and moves to a new manager.

    Each change is dated by its first day in effect (the day after an 'end').
    """
    loaded = load_org(org)
    first = day(since) if since else None
    last = day(until) if until else None
    chosen = [
        c
        for c in loaded.history()
        if (first is None or c.date >= first) and (last is None or c.date <= last)
    ]
    changes = [c.to_dict() for c in chosen]
    if fmt == "json":
        text = json.dumps(changes, indent=2, ensure_ascii=False) + "\n"
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, _COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(changes)
        text = buffer.getvalue()
    else:
        text = "".join(printable(_line(c)) + "\n" for c in chosen)
        text = text or f"{loaded.name}: no dated changes\n"
    write(text, output)


def _line(change: Change) -> str:
    before, after = change.before, change.after
    if change.kind == "moved":
        what = f"{before or '(top)'} -> {after or '(top)'}"
    elif change.kind in ("seat-opened", "seat-closed"):
        seat = after if change.kind == "seat-opened" else before
        boss = f"under {seat.reports_to}" if seat.reports_to else "at the top"
        what = f"{boss}, {', '.join(seat.holders) or '(vacant)'}"
    elif change.kind in ("holder-in", "holder-out"):
        what = str(after or before)
    else:
        what = ""
    return f"{change.date}  {change.kind:<12}  {change.role}  {what}".rstrip()
