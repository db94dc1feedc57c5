"""The holders of a job share on a card: as many whole names as the lines hold, then how
many more there are ("+1 more"), never a holder left out without a word.

A card's draft keeps a job share's names joined by `SEPARATOR` (a character no name
keeps: `orgroles.render.quoting.clean` makes control characters spaces); `holder_lines()`
wraps them when the card's width is known. Every format draws those lines, so SVG, PNG,
PDF, PowerPoint and the explorer say the same.
"""

from __future__ import annotations

from collections.abc import Sequence

from orgroles.render import style, words

__all__ = ["SEPARATOR", "holder_lines", "joined", "split"]

SEPARATOR = "\x1f"
"""What joins the names of a job share in a card's draft."""


def joined(names: Sequence[str]) -> str:
    """The names of a job share as one draft text.

    Examples:
        >>> split(joined(["Ana Lima", "Bo Chen"]))
        ['Ana Lima', 'Bo Chen']
    """
    return SEPARATOR.join(names)


def split(text: str) -> list[str]:
    """The names a draft text holds (one, when it is no job share)."""
    return text.split(SEPARATOR)


def _fits(text: str, line_style: str, width: float) -> bool:
    return style.wrap(text, line_style, width, 1) == (text,)


def _whole(piece: str, lines: tuple[str, ...]) -> bool:
    """Whether `lines` hold all of `piece` (not cut with an ellipsis)."""
    return "".join(lines).replace(" ", "") == piece.replace(" ", "")


def _packed(
    names: Sequence[str], more: str, line_style: str, width: float, most: int
) -> list[str] | None:
    """`names` and then `more` (if any) in lines, the names separated by commas, each
    name whole; None when a name is cut or the lines are more than `most`."""
    pieces = [n + "," if k < len(names) - 1 or more else n for k, n in enumerate(names)]
    lines: list[str] = []
    current = ""
    for piece in [*pieces, more] if more else pieces:
        if current and _fits(f"{current} {piece}", line_style, width):
            current = f"{current} {piece}"
            continue
        if current:
            lines.append(current)
        wrapped = style.wrap(piece, line_style, width, most)
        if not _whole(piece, wrapped):
            return None
        lines += wrapped[:-1]
        current = wrapped[-1]
    lines.append(current)
    return lines if len(lines) <= most else None


def holder_lines(
    text: str, line_style: str, width: float, most: int = 3, lang: str = "en"
) -> tuple[str, ...]:
    """The lines of a card's names in `width` px: one name wrapped as any text is, and
    the names of a job share each whole, as many as `most` lines hold, the last line
    saying how many more there are. When not even the first name fits whole with that
    count, it is cut with an ellipsis, and the count keeps its line.

    Examples:
        >>> holder_lines(joined(["Ana Lima", "Bo Chen"]), "name", 200)
        ('Ana Lima, Bo Chen',)
        >>> names = joined(["Maximiliane von Hohenberg-Schwarzenfeld",
        ...     "Anastasia Konstantinopoulou-Papadimitriou", "Jean-Baptiste Delacroix"])
        >>> holder_lines(names, "name", 220)
        ('Maximiliane von', 'Hohenberg-Schwarzenfeld,', '+2 more')
        >>> holder_lines(names, "name", 260)
        ('Maximiliane von', 'Hohenberg-Schwarzenfeld, +2 more')
        >>> holder_lines(names, "name", 300)  # one a line, all whole
        ('Maximiliane von Hohenberg-Schwarzenfeld,', 'Anastasia Konstantinopoulou-Papadimitriou,', 'Jean-Baptiste Delacroix')
        >>> holder_lines(names, "name", 120, most=2)
        ('Maximiliane von…', '+2 more')
    """  # noqa: E501
    names = split(text)
    if len(names) == 1:
        return style.wrap(text, line_style, width, most)
    for shown in range(len(names), 0, -1):
        hidden = len(names) - shown
        more = words.word("more", lang).format(n=hidden) if hidden else ""
        lines = _packed(names[:shown], more, line_style, width, most)
        if lines is not None:
            return tuple(lines)
    more = words.word("more", lang).format(n=len(names) - 1)
    first = style.wrap(names[0], line_style, width, max(most - 1, 1))
    return (*first, more) if most > 1 else (first[0],)
