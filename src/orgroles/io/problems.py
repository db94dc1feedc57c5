"""Turn pydantic validation errors into located, readable problems.

pydantic reports a location inside the data, such as `('roles', 3, 'reports_too')`.
This module maps it to the path a person reads (`roles[3].reports_too`), to a line and
column in the source file, and to a message that says what to do.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from itertools import compress, count
from operator import methodcaller
from types import UnionType
from typing import Annotated, Any, Protocol, Union, get_args, get_origin

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from orgroles._internal.suggest import suggestion_suffix
from orgroles.errors import Location, MoreProblems, Problem
from orgroles.io.key_words import key_hint
from orgroles.io.shape_words import shape_hint
from orgroles.limits import MAX_DEPTH, MAX_PROBLEMS, MAX_TEXT_LENGTH

__all__ = [
    "ID_SECTIONS",
    "Marks",
    "duplicate_ids",
    "normal_id",
    "format_where",
    "free_form_problems",
    "invisible_ids",
    "problems_from_validation",
]

ID_SECTIONS = ("responsibilities", "kinds", "people", "roles", "teams")
"""The top-level lists whose items have ids that must be unique."""

_META = methodcaller("get", "meta")


Loc = tuple[str | int, ...]

# Unions of several shapes whose per-member errors read badly: one message for the field.
_FIELD_HINTS = {
    "holder": "expected a person id, a list of person ids (a job share) or of dated holders "
    "{person, start, end, acting}, or null",
    "reports_to": "expected a role id, a list of dated lines {role, start, end}, or null",
    "noqa": "expected a list of rule codes, or a mapping from rule code to reason",
}


class Marks(Protocol):
    """Anything that can place a node of a document: YAML marks or JSON marks."""

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int, int] | None: ...

    def items(self, section: str) -> list[tuple[int, int]]: ...


def format_where(loc: Sequence[str | int]) -> str:
    """Format a location inside a document the way a person reads it.

    Examples:
        >>> format_where(("roles", 3, "reports_to"))
        'roles[3].reports_to'
        >>> format_where(())
        ''
    """
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _truncate(loc: Loc, data: Any, kind: str = "") -> tuple[Loc, bool]:
    """Keep the part of `loc` that names real data; drop pydantic's union member tags.

    Returns the kept location and whether anything was dropped. `kind` is the error's
    type: only a `missing` or unknown key ends on a key that is not in the data.
    """
    node = data
    kept: list[str | int] = []
    dropped = False
    for n, part in enumerate(loc):
        last = n == len(loc) - 1
        if isinstance(node, dict):
            if isinstance(part, str) and part in node:
                kept.append(part)
                node = node[part]
                continue
            if last and isinstance(part, str) and kind in _KEY_ERRORS:
                kept.append(part)
                return tuple(kept), dropped
            dropped = True
            continue  # a tag of a union: not in the data
        if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            kept.append(part)
            node = node[part]
            continue
        if isinstance(node, list) and isinstance(part, str):
            dropped = True
            continue  # the tag of a union member that is a list (a job share, dated lines)
        return tuple(kept), True  # the rest names union members of a scalar
    return tuple(kept), dropped


_KEY_ERRORS = frozenset(
    (
        "missing",
        "missing_keyword_argument",
        "missing_argument",
        "extra_forbidden",
        "unexpected_keyword_argument",
    )
)


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    text = str(value)
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _message(err: ErrorDetails, loc: Loc, parent_keys: Sequence[str]) -> tuple[str, str]:
    """A readable message and a stable problem code for one pydantic error."""
    kind = err["type"]
    value = err.get("input")
    field = loc[-1] if loc else ""
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        return f"unknown key {field!r}{key_hint(str(field), parent_keys)}", "unknown-key"
    if kind in ("missing", "missing_keyword_argument", "missing_argument"):
        return f"missing required key {field!r}", "missing-key"
    if kind == "string_pattern_mismatch":
        return (
            f"invalid id {_describe(value)}: an id is not empty, has no control characters "
            "and does not start or end with white space",
            "invalid-id",
        )
    if kind in ("string_too_short", "too_short") and isinstance(value, str):
        return "an empty string is not allowed here", "empty"
    if kind in ("string_too_long",):
        most = err.get("ctx", {}).get("max_length")
        limit = f"; at most {most:,}" if isinstance(most, int) else ""
        return f"text too long ({len(str(value)):,} characters{limit})", "too-long"
    if kind in ("string_type", "str_type"):
        return f"expected a string, got {_describe(value)}", "type"
    if kind in ("bool_parsing", "bool_type"):
        return f"expected true or false, got {_describe(value)}", "type"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"expected a whole number, got {_describe(value)}", "type"
    if kind in ("greater_than_equal", "greater_than"):
        return f"{err['msg'].lower()}, got {_describe(value)}", "range"
    if kind in ("dict_type", "dataclass_type", "dataclass_args_type", "model_type"):
        return f"expected a mapping, got {_describe(value)}", "type"
    if kind in ("list_type", "tuple_type", "set_type"):
        return f"expected a list, got {_describe(value)}", "type"
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        return f"expected {expected}, got {_describe(value)}", "choice"
    if kind == "union_tag_invalid":
        ctx = err.get("ctx", {})
        tag = str(ctx.get("tag", value))
        hint = suggestion_suffix(
            tag, [t.strip(" '") for t in str(ctx.get("expected_tags", "")).split(",")]
        )
        return f"unknown rule type {tag!r}{hint}; expected {ctx.get('expected_tags')}", "choice"
    if kind == "union_tag_not_found":
        return (
            f"missing required key {err.get('ctx', {}).get('discriminator', 'type')}",
            "missing-key",
        )
    if kind in ("value_error", "assertion_error"):
        return str(err.get("ctx", {}).get("error", err["msg"])), "invalid"
    return f"{err['msg'][:1].lower()}{err['msg'][1:]}", kind.replace("_", "-")


def _unwrap(tp: Any, value: Any) -> Any:
    """Strip `Annotated` and `Optional`; pick the member of a tagged union by `type`."""
    while True:
        origin = get_origin(tp)
        if origin is Annotated:
            tp = get_args(tp)[0]
        elif origin in (Union, UnionType):
            members = [a for a in get_args(tp) if a is not type(None)]
            tagged = [m for m in members if _fields(m)]
            if tagged and isinstance(value, dict):
                wanted = value.get("type")
                match = [m for m in tagged if _literal_tag(m) == wanted]
                tp = match[0] if match else tagged[0]
            elif len(members) == 1:
                tp = members[0]
            else:
                return tp
        else:
            return tp


def _literal_tag(cls: Any) -> Any:
    field = cls.__pydantic_fields__.get("type")
    args = get_args(field.annotation) if field is not None else ()
    return args[0] if args else None


def _fields(tp: Any) -> dict[str, Any]:
    fields = getattr(tp, "__pydantic_fields__", None)
    return fields if isinstance(fields, dict) else {}


def _keys_at(loc: Loc, data: Any, root: type) -> list[str]:
    """The keys the mapping at `loc` may hold, from the schema: for did-you-mean hints."""
    tp: Any = root
    node = data
    for part in loc:
        tp = _unwrap(tp, node)
        fields = _fields(tp)
        if isinstance(part, str) and part in fields:
            tp = fields[part].annotation
        elif isinstance(part, int) and get_origin(tp) in (tuple, list):
            tp = get_args(tp)[0]
        else:
            return []
        node = (
            node.get(part)
            if isinstance(node, dict)
            else (
                node[part]
                if isinstance(node, list) and isinstance(part, int) and part < len(node)
                else None
            )
        )
    tp = _unwrap(tp, node)
    return [info.alias or name for name, info in _fields(tp).items()]


def problems_from_validation(
    exc: ValidationError,
    data: Any,
    marks: Marks | None,
    path: str | None,
    root: type,
) -> list[Problem]:
    """Located problems for every error in `exc`, at most `MAX_PROBLEMS`.

    `data` is the parsed document and `root` the model class it was validated against.
    """
    problems: list[Problem] = []
    seen: set[tuple[Loc, bool]] = set()
    errors = exc.errors(include_url=False)
    placed = [_truncate(tuple(err["loc"]), data, err["type"]) for err in errors]
    # When the members of a union fail, the one that got furthest into the data is the
    # one the author meant (a dated holder's bad day, not "expected a person id").
    # Likewise a member whose type the value has (an id that breaks the id pattern) says
    # more than the members whose type it has not.
    deeper = {loc[:n] for loc, dropped in placed if dropped for n in range(len(loc))}
    fitting = {
        loc
        for err, (loc, dropped) in zip(errors, placed, strict=True)
        if dropped and not err["type"].endswith("_type")
    }
    for err, (loc, dropped) in zip(errors, placed, strict=True):
        if dropped and loc in deeper:
            continue
        mismatch = err["type"].endswith("_type")
        if dropped and loc in fitting and mismatch:
            continue
        if (loc, dropped) in seen and dropped:
            continue  # several members of one union failed: one problem says it
        seen.add((loc, dropped))
        field = loc[-1] if loc else ""
        hinted = dropped and (mismatch or loc not in fitting)
        if hinted and isinstance(field, str) and field in _FIELD_HINTS:
            message, code = _FIELD_HINTS[field], "type"
        else:
            message, code = _message(err, loc, _keys_at(loc[:-1], data, root))
            if code == "type":
                message += shape_hint(loc, err.get("input"))
        on_key = code == "unknown-key"
        target = loc[:-1] if code == "missing-key" else loc
        position = marks.position(target, key=on_key) if marks is not None else None
        location = Location(path, *position) if position else (Location(path) if path else None)
        problems.append(Problem(message, location, where=format_where(loc), code=code))
        if len(problems) >= MAX_PROBLEMS:
            break
    rest = len(errors) - len(seen)
    if rest > 0 and len(problems) >= MAX_PROBLEMS:
        problems.append(MoreProblems.of(rest, path))
    return problems


def normal_id(rid: str) -> str:
    """The form under which two ids are the same: Unicode NFC (ASCII ids as they are).

    Two ids that look identical but are encoded differently ("café" with an accented é,
    or with e and a combining accent) would silently name two different roles.

    Examples:
        >>> normal_id("cafe\u0301") == normal_id("caf\u00e9")
        True
    """
    return rid if rid.isascii() else unicodedata.normalize("NFC", rid)


def duplicate_ids(
    section: str,
    ids: Iterable[object],
    locate: Callable[[Loc], Location | None],
    limit: int = MAX_PROBLEMS,
) -> list[Problem]:
    """A problem for every id of `section` that repeats an earlier one, at the repeat.

    Only the first `limit` repeats are located (locating costs a walk of a JSON text);
    the others are counted in one `MoreProblems`.

    Examples:
        >>> [p.message for p in duplicate_ids("roles", ["a", "b", "a"], lambda loc: None)]
        ["duplicate id 'a' (first used by roles[0])"]
        >>> [str(p) for p in duplicate_ids("roles", ["a"] * 5, lambda loc: None, limit=2)][2]
        '... and 2 more problems'
    """
    first: dict[str, int] = {}
    written: list[object] = []
    problems: list[Problem] = []
    lines: dict[int, str] = {}
    hidden = 0
    for i, rid in enumerate(ids):
        written.append(rid)
        if not isinstance(rid, str):
            continue
        j = first.setdefault(normal_id(rid), i)
        if j == i:
            continue
        if len(problems) >= limit:
            hidden += 1
            continue
        at = lines.get(j)
        if at is None:
            then = locate((section, j, "id"))
            at = lines[j] = f" at line {then.line}" if then is not None and then.line else ""
        same = "" if written[j] == rid else ", the same id once Unicode-normalised"
        problems.append(
            Problem(
                f"duplicate id {rid!r} (first used by {section}[{j}]{at}{same})",
                locate((section, i, "id")),
                where=format_where((section, i, "id")),
                code="duplicate-id",
            )
        )
    if hidden:
        problems.append(MoreProblems.of(hidden))
    return problems


def free_form_problems(
    data: Any, locate: Callable[[Loc], Location | None], limit: int = MAX_PROBLEMS
) -> list[Problem]:
    """Limits on the free-form values (`meta`, `rules.params`) that no schema bounds.

    Their text is at most `MAX_TEXT_LENGTH` characters, as every
    other text, and they nest at most `MAX_DEPTH` levels deep from
    the top of the document, in JSON as in YAML. One pass over the free-form values only.

    Examples:
        >>> free_form_problems({"meta": {"x": "y" * 1_000_001}}, lambda loc: None)[0].where
        'meta.x'
    """
    if not isinstance(data, dict):
        return []
    spots: list[tuple[Any, Loc]] = []
    if data.get("meta"):
        spots.append((data["meta"], ("meta",)))
    rules = data.get("rules")
    if isinstance(rules, dict) and rules.get("params"):
        spots.append((rules["params"], ("rules", "params")))
    for section in ID_SECTIONS:
        items = data.get(section)
        if type(items) is not list:
            continue
        if set(map(type, items)) == {dict}:  # the usual case: the metas found in C
            metas = list(map(_META, items))
            spots.extend((metas[i], (section, i, "meta")) for i in compress(count(), metas))
            continue
        for i, item in enumerate(items):
            if type(item) is dict:
                meta = item.get("meta")
                if meta:
                    spots.append((meta, (section, i, "meta")))
    problems: list[Problem] = []

    def add(loc: Loc, message: str, code: str) -> None:
        problems.append(Problem(message, locate(loc), where=format_where(loc), code=code))

    while spots and len(problems) < limit:
        node, loc = spots.pop()
        if len(loc) >= MAX_DEPTH and isinstance(node, (dict, list)):
            add(loc, f"nesting deeper than {MAX_DEPTH} levels is not allowed", "too-deep")
        elif isinstance(node, str):
            if len(node) > MAX_TEXT_LENGTH:
                said = f"{len(node):,} characters; at most {MAX_TEXT_LENGTH:,}"
                add(loc, f"text too long ({said})", "too-long")
        elif isinstance(node, dict):
            for key, value in node.items():
                if isinstance(key, str) and len(key) > MAX_TEXT_LENGTH:
                    said = f"{len(key):,} characters; at most {MAX_TEXT_LENGTH:,}"
                    add(loc, f"a key too long ({said})", "too-long")
                elif isinstance(value, (str, dict, list)):
                    spots.append((value, (*loc, key)))
        elif isinstance(node, list):
            spots.extend((value, (*loc, n)) for n, value in enumerate(node))
    return problems


_INVISIBLE = frozenset({"Mn", "Me", "Cf", "Cc", "Zs", "Zl", "Zp"})
# Letters that show nothing: the Hangul fillers and the Braille blank.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def visible(rid: str) -> bool:
    """Whether an id has a character that shows: not only zero-width spaces, joiners,
    combining accents or fillers, which make ids that look empty, or like another.

    Examples:
        >>> visible("cto"), visible("\u200b"), visible("\u0301\u0301"), visible("e\u0301")
        (True, False, False, True)
    """
    if rid.isascii():
        return True  # the id pattern already refuses blank and control characters
    return any(unicodedata.category(c) not in _INVISIBLE and c not in _BLANK_LETTERS for c in rid)


def invisible_ids(
    section: str, ids: Iterable[object], locate: Callable[[Loc], Location | None]
) -> list[Problem]:
    """A problem for every id of `section` that shows nothing (see `visible()`)."""
    problems: list[Problem] = []
    for i, rid in enumerate(ids):
        if isinstance(rid, str) and not visible(rid):
            loc = (section, i, "id")
            shown = rid.encode("unicode_escape").decode("ascii")
            problems.append(
                Problem(
                    f"invalid id '{shown}': an id needs at least one visible character",
                    locate(loc),
                    where=format_where(loc),
                    code="invalid-id",
                )
            )
    return problems
