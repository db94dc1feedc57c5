"""What K002 and K003 share: roles of some kinds must sit under a role of another kind."""

from __future__ import annotations

from collections.abc import Iterator

from orgroles.model import Id
from orgroles.rules.base import Finding, Params
from orgroles.rules.context import CheckContext

__all__ = ["LineParams", "line_findings"]


class LineParams(Params):
    """`manager`: the kind at the head of the line; `kinds`: the kinds that belong in it."""

    manager: Id
    kinds: tuple[Id, ...]


def line_findings(ctx: CheckContext, params: LineParams) -> Iterator[Finding]:
    """A finding for each role of `params.kinds` that no `params.manager` role is above.

    Silent when the org has no role of the manager's kind: there is no line to sit in.
    Silent too for a role whose line is cut by a manager that is not in the file (its own
    or one above it, which S002 reports): where that line goes is not known, and one
    unknown manager would otherwise make a finding of every role below it.
    """
    heads = ctx.by_kind.get(params.manager)
    if not heads:
        return
    inside = ctx.below_kinds([params.manager])
    head = ctx.describe(heads[0]) if len(heads) == 1 else f"a {params.manager!r}"
    tops: dict[int, str] = {}  # many roles share a top: describe it once
    cut = ctx.index.dangling
    for kind in params.kinds:
        for i in ctx.by_kind.get(kind, ()):
            if i not in inside:
                chain = ctx.index.chain(i)
                if chain[-1] in cut:
                    continue
                top = "nobody"
                if len(chain) > 1:
                    top = tops.get(chain[-1]) or tops.setdefault(chain[-1], ctx.describe(chain[-1]))
                title = ctx.org.title_of(ctx.roles[i])
                yield Finding(
                    ctx.id(i),
                    f"{'an' if title[:1].lower() in 'aeiou' else 'a'} {title} outside the "
                    f"line of {head} "
                    f"(its line goes up to {top})",
                )
