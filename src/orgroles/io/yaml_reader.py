"""A safe, fast YAML reader built on PyYAML's C event stream.

It turns events into plain dicts, lists and strings, and records where every node sits.
It refuses what an org file never needs and an attacker loves: anchors and aliases (an
"alias bomb" is tiny on disk and huge in memory), tags, duplicate keys, keys that are not
plain strings, several documents, and nesting deeper than `MAX_DEPTH`.

Scalars are never re-typed by YAML 1.1 rules: `0123`, `NO`, `on` and `12:30` stay
strings, and only a plain `null`, `~` or empty value means `None`. The pydantic schema
decides every other type.

Examples:
    >>> data, marks, problems = read_yaml("name: Acme\\nroles:\\n  - {id: cto, holder: 0123}\\n")
    >>> data
    {'name': 'Acme', 'roles': [{'id': 'cto', 'holder': '0123'}]}
    >>> marks.position(("roles", 0, "holder"))
    (3, 23)
    >>> read_yaml("a: &x 1\\nb: *x\\n")[2][0].message
    'anchors are not allowed (&x): write the value out in full'
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

import yaml

from orgroles.errors import Location, OrgFileError, Problem
from orgroles.limits import MAX_DEPTH

__all__ = ["YamlMarks", "read_yaml"]


_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_SKIP: Any = object()  # stands for a refused key: its value is read, and dropped
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# What a position table stores: for a mapping, {key: (key_line, key_col, value_line,
# value_col)}; for a list, [(line, col), ...]. Keyed by id() of the container, which the
# caller keeps alive for as long as it needs the positions.
Pos = tuple[int, int]


class YamlMarks:
    """Where each node of a document read by `read_yaml()` sits (1-based line, column).

    `complete` is False for a document read with `locate=False`: then only the items of
    top-level lists have positions (`items()`), and `position()` knows nothing.
    """

    __slots__ = ("_root", "_table", "complete")

    def __init__(self, root: Any, table: dict[int, Any], complete: bool = True) -> None:
        self._root = root
        self._table = table
        self.complete = complete

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle and copy with each container's positions beside the container itself:
        the table is keyed by `id()`, which a copy changes."""
        pairs, todo = [], [self._root]
        while todo:
            node = todo.pop()
            if isinstance(node, (dict, list)):
                if id(node) in self._table:
                    pairs.append((node, self._table[id(node)]))
                todo.extend(node.values() if isinstance(node, dict) else node)
        return (_marks, (self._root, pairs, self.complete))

    def position(self, loc: tuple[str | int, ...], *, key: bool = False) -> Pos | None:
        """The position of the node at `loc`, or of its nearest ancestor that exists.

        With `key=True` and a mapping entry, the position of the key rather than the value.
        """
        if not self.complete:
            return None
        node: Any = self._root
        best: Pos | None = (1, 1)
        for i, part in enumerate(loc):
            if isinstance(node, dict) and isinstance(part, str) and part in node:
                kl, kc, vl, vc = self._table[id(node)][part]
                last = i == len(loc) - 1
                best = (kl, kc) if (key and last) else (vl, vc)
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                best = self._table[id(node)][part]
                node = node[part]
            else:
                break
        return best

    def items(self, section: str) -> list[Pos]:
        """The position of each item of a top-level list such as `roles`."""
        root = self._root
        if not isinstance(root, dict) or not isinstance(root.get(section), list):
            return []
        return list(self._table[id(root[section])])


def _marks(root: Any, pairs: list[tuple[Any, Any]], complete: bool) -> YamlMarks:
    """The marks of a copy of `root` (see `YamlMarks.__reduce__`)."""
    return YamlMarks(root, {id(node): found for node, found in pairs}, complete)


# YAML also breaks lines at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR; editors do not.
_ODD_BREAKS = ("\x85", "\u2028", "\u2029")


class _EditorLines:
    """Line and column as editors count them (`\n`, `\r\n` or `\r` end a line),
    from a mark's character index: for text where YAML would count more lines."""

    def __init__(self, text: str) -> None:
        starts = [0]
        for i, char in enumerate(text):
            if char == "\n" or (char == "\r" and text[i + 1 : i + 2] != "\n"):
                starts.append(i + 1)
        self._starts = starts

    def __call__(self, mark: Any) -> tuple[int, int]:
        line = bisect_right(self._starts, mark.index)
        return line, mark.index - self._starts[line - 1] + 1


def _lines_for(text: str) -> _EditorLines | None:
    """None when YAML's lines are an editor's (the usual case: no odd line break)."""
    if text.isascii() or not any(b in text for b in _ODD_BREAKS):
        return None
    return _EditorLines(text)


def _problem(
    message: str, mark: Any, path: str | None, code: str, lines: _EditorLines | None = None
) -> Problem:
    line, column = lines(mark) if lines is not None else (mark.line + 1, mark.column + 1)
    return Problem(message, Location(path, line, column), code=code)


def read_yaml(
    text: str, path: str | None = None, *, locate: bool = True
) -> tuple[Any, YamlMarks, list[Problem]]:
    """Parse `text` and return `(data, marks, problems)`.

    Problems that leave the document readable (an alias, a duplicate key, ...) are collected
    and returned, so that the caller can report them together with schema errors. A
    syntax error or excessive nesting stops the reader and raises `OrgFileError`.

    With `locate=False` only the items of top-level lists get positions, which saves a
    third of the time and much memory on large files: readers of clean files need no
    more, and a file with problems is read again with `locate=True` to place them.
    """
    problems: list[Problem] = []
    lines = _lines_for(text)
    table: dict[int, Any] = {}
    # Each frame: [container, marks, pending key or None, key mark or None].
    stack: list[list[Any]] = []
    root: Any = None
    documents = 0
    scalar_event = yaml.ScalarEvent
    mapping_start = yaml.MappingStartEvent
    sequence_start = yaml.SequenceStartEvent
    collection_end = (yaml.MappingEndEvent, yaml.SequenceEndEvent)

    def add(value: Any, mark: Any) -> None:
        # Put a finished node into the container on top of the stack.
        nonlocal root
        if not stack:
            root = value
            return
        frame = stack[-1]
        container = frame[0]
        marks = frame[1]
        if marks is None:  # not locating: no positions, but the same checks of keys
            if isinstance(container, list):
                container.append(value)
            elif frame[3] is None:
                if not isinstance(value, str) or value in container:
                    problems.append(_problem("a key to look at again", mark, path, "key", lines))
                    value = _SKIP
                frame[2] = value
                frame[3] = True
            else:
                if frame[2] is not _SKIP:
                    container[frame[2]] = value
                frame[3] = None
            return
        pos = (mark.line + 1, mark.column + 1) if lines is None else lines(mark)
        if isinstance(container, list):
            container.append(value)
            marks.append(pos)
        elif frame[3] is None:  # this node is a key
            if not isinstance(value, str):
                what = "an empty key" if value is None else "a key that is a mapping or a list"
                problems.append(
                    _problem(
                        f"{what} is not allowed: keys are plain strings", mark, path, "key", lines
                    )
                )
                value = _SKIP
            elif value in container:
                first = marks[value][0]
                problems.append(
                    _problem(
                        f"duplicate key {value!r} (first at line {first})",
                        mark,
                        path,
                        "duplicate-key",
                        lines,
                    )
                )
                value = _SKIP
            frame[2] = value
            frame[3] = pos
        else:
            key = frame[2]
            if key is not _SKIP:
                container[key] = value
                marks[key] = (*frame[3], *pos)
            frame[2] = None
            frame[3] = None

    try:
        event: Any
        for event in yaml.parse(text, Loader=_Loader):
            cls = type(event)
            if cls is scalar_event:
                if event.anchor is not None:
                    problems.append(_anchor_problem(event, path, lines))
                if event.tag is not None:
                    problems.append(_tag_problem(event, path, lines))
                value = event.value
                if event.style == "" and value in _NULLS:
                    value = None
                add(value, event.start_mark)
            elif cls is mapping_start or cls is sequence_start:
                if event.anchor is not None:
                    problems.append(_anchor_problem(event, path, lines))
                if event.tag is not None:
                    problems.append(_tag_problem(event, path, lines))
                if len(stack) >= MAX_DEPTH:
                    problems.append(
                        _problem(
                            f"nesting deeper than {MAX_DEPTH} levels is not allowed",
                            event.start_mark,
                            path,
                            "too-deep",
                            lines,
                        )
                    )
                    raise OrgFileError(problems)
                container: Any = {} if cls is mapping_start else []
                marks: Any = None
                if locate:
                    marks = {} if cls is mapping_start else []
                elif cls is sequence_start and len(stack) == 1:
                    marks = []  # a top-level list (roles, people, ...): its items' positions
                if marks is not None:
                    table[id(container)] = marks
                stack.append([container, marks, None, None, event.start_mark])
            elif cls in collection_end:
                frame = stack.pop()
                add(frame[0], frame[4])
            elif cls is yaml.AliasEvent:
                problems.append(
                    _problem(
                        f"aliases are not allowed (*{event.anchor}): write the value out in full",
                        event.start_mark,
                        path,
                        "alias",
                        lines,
                    )
                )
                add(None, event.start_mark)
            elif cls is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    problems.append(
                        _problem(
                            "a file holds one YAML document, not several",
                            event.start_mark,
                            path,
                            "documents",
                            lines,
                        )
                    )
                    raise OrgFileError(problems)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if mark is not None and mark.index >= len(text.rstrip()) and exc.context_mark:
            mark = exc.context_mark  # the end of the file: where what is unfinished began
        message = " ".join(p for p in (exc.context, exc.problem) if p) or "invalid YAML"
        code = "too-deep" if "nesting depth" in message else "syntax"
        hint = _plain_words(exc, text[mark.index : mark.index + 1] if mark else "", message)
        if hint is not None:
            message = f"{hint} (YAML: {message})"
        if mark is None:
            problems.append(Problem(message, Location(path), code=code))
        else:
            problems.append(_problem(message, mark, path, code, lines))
        raise OrgFileError(problems) from None
    except yaml.YAMLError as exc:  # a reader error: bad characters in the stream
        problems.append(_reader_problem(exc, text, path))
        raise OrgFileError(problems) from None
    return root, YamlMarks(root, table, complete=locate), problems


_HINTS = {
    "expected '-' indicator": "this line is not indented as the lines of its list item: "
    "line it up with the item's keys, or start a new item with '- '",
    "expected <block end>": "this line is not indented as the lines above it: line it up "
    "with the keys of its mapping",
    "mapping values are not allowed": "a 'key: value' where none can start: a line indented "
    "deeper than the key above it, or a value that holds ': ' (put the value in quotes)",
    "could not find expected ':'": "a line that is neither 'key: value' nor '- item': a "
    "missing ':'?",
}
"""Plain words for PyYAML's messages of a file's indentation, by what the message says."""

_UNCLOSED = {
    "while parsing a flow mapping": ("a '{'", "'}'"),
    "while parsing a flow sequence": ("a '['", "']'"),
}


def _plain_words(exc: yaml.MarkedYAMLError, at: str, message: str) -> str | None:
    """What a YAML error means in plain words (`at` is the character it points at), or
    None when PyYAML's own words are all there is to say."""
    start = exc.context_mark
    where = f"line {start.line + 1}, column {start.column + 1}" if start is not None else ""
    if at == "\t":
        return "a tab: YAML indents with spaces only (replace it with spaces)"
    if exc.context in _UNCLOSED and where:
        opened, closer = _UNCLOSED[exc.context]
        missing = f"a {closer} is missing, or a ',' between two of its items"
        return f"{opened} opened at {where} is not closed: {missing}"
    if exc.context == "while scanning a quoted scalar" and where:
        return f"a quote opened at {where} is not closed: end the text with the same quote"
    return next((h for said, h in _HINTS.items() if said in message), None)


def _anchor_problem(event: Any, path: str | None, lines: _EditorLines | None) -> Problem:
    return _problem(
        f"anchors are not allowed (&{event.anchor}): write the value out in full",
        event.start_mark,
        path,
        "anchor",
        lines,
    )


def _tag_problem(event: Any, path: str | None, lines: _EditorLines | None) -> Problem:
    return _problem(
        f"tags are not allowed ({event.tag}): the schema decides every type",
        event.start_mark,
        path,
        "tag",
        lines,
    )


def _reader_problem(exc: yaml.YAMLError, text: str, path: str | None) -> Problem:
    # yaml.reader.ReaderError knows the offset of the bad character, not its line.
    position = getattr(exc, "position", None)
    if isinstance(position, int):
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        reason = getattr(exc, "reason", "invalid character")
        character = getattr(exc, "character", "")
        char = f" {character!r}" if isinstance(character, str) else ""
        return Problem(f"{reason}{char}", Location(path, line, column), code="syntax")
    return Problem(str(exc), Location(path), code="syntax")
