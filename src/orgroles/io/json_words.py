"""Python's JSON decoder errors in plain words: a comma after the last item (the
commonest slip of a hand-written JSON file, which the decoder calls "Expecting value" at
the bracket after it, before Python 3.13), a missing comma, text in single quotes. The
error keeps the decoder's position.

Examples:
    >>> import json
    >>> try:
    ...     json.loads('{"roles": [\\n  {"id": "ceo"},\\n]}')
    ... except json.JSONDecodeError as err:
    ...     print(json_syntax(err))
    a ',' after the last item: JSON allows none before ']' (remove it)
"""

from __future__ import annotations

import json

__all__ = ["json_syntax"]

_WS = " \t\r\n"

_SAID = {
    "Expecting ',' delimiter": "a ',' is missing between two items (or the bracket that ends them)",
    "Expecting ':' delimiter": "expecting ':' after the key",
    "Expecting property name enclosed in double quotes": 'expecting a key in double quotes ("id")',
    "Unterminated string starting at": "a text opened here is not closed with a '\"'",
    "Expecting value": "expecting a value",
}
"""The decoder's messages (before their position) in plain words."""


def json_syntax(err: json.JSONDecodeError) -> str:
    """What `err` means, in plain words."""
    text, pos = err.doc, err.pos
    comma = pos if text[pos : pos + 1] == "," else _before(text, pos)
    if 0 <= comma < len(text) and text[comma] == ",":
        after = _after(text, comma + 1)
        closer = text[after : after + 1]
        if closer in ("]", "}"):
            return f"a ',' after the last item: JSON allows none before {closer!r} (remove it)"
    if text[pos : pos + 1] == "'":
        return 'JSON writes text in double quotes ("ceo"), not single ones'
    return next((words for msg, words in _SAID.items() if err.msg.startswith(msg)), err.msg)


def _before(text: str, pos: int) -> int:
    """The offset of the last character before `pos` that is not white space, or -1."""
    i = pos - 1
    while i >= 0 and text[i] in _WS:
        i -= 1
    return i


def _after(text: str, pos: int) -> int:
    """The offset of the first character from `pos` on that is not white space."""
    while pos < len(text) and text[pos] in _WS:
        pos += 1
    return pos
