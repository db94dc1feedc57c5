"""Who each imported row's manager is: its manager cell read as an id, an email or a name.

By id, a cell is the manager's role id (kept even when no row has it; an id written
another way, `2.0` or `Ana Lima (E-17)`, is read as the row's: `match_id_forms()`).
By email (the domain in any case, the rest exactly, as RFC 5321 says, then in other
letter case when one row alone has it so) or by name (exact, then `NameForms`, then
`MixedKeys`), the cell is looked up among the rows: no match keeps it as a dangling
reference, with a note; several is a problem. The cells read in another form get one note
for each form.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, cast
from unicodedata import normalize

from orgroles.errors import Location, Problem
from orgroles.importers.accents import Unaccented
from orgroles.importers.id_forms import (
    NameForms,
    and_more,
    first_last,
    id_parts,
    inner_manager,
    inner_note,
    listed_lines,
    loose_name,
    match_id_forms,
    name_reading,
    rows_by,
)
from orgroles.importers.mixed_keys import MixedKeys, mixed_note
from orgroles.importers.namesakes import namesakes_note, told_apart
from orgroles.importers.no_manager import drop_no_manager
from orgroles.importers.other_keys import match_other_keys
from orgroles.importers.outside_ids import keep_outside_ids
from orgroles.importers.short_names import short_forms, short_key
from orgroles.importers.title_managers import managers_by_title, row_with_title

if TYPE_CHECKING:
    from orgroles.importers.columns import ManagerBy
    from orgroles.importers.kinds import Cell
    from orgroles.importers.rows import Locator, Rows

__all__ = ["match_key", "resolve_managers"]


def _values(cell: Cell) -> list[str]:
    if cell is None:
        return []
    return [cell] if isinstance(cell, str) else cell


def _linked(
    cells: list[Cell],
    index: dict[str, list[int]],
    key: Callable[[str], str],
    names: Sequence[str | None],
) -> tuple[list[Cell], list[int]]:
    """The manager cells with those that join the names (or emails) of several rows with
    commas split into lists (Airtable's or Notion's linked records, "Ana Lima,Bo Diaz":
    the first is the manager, the others dotted lines), and the rows changed. A cell whose
    parts are not each a row's is left as written ("Lima, Ana" is one name, turned). A
    sheet typed by hand joins two managers with a slash or "&" ("Ana Lima / Bo Diaz",
    "Ana & Bo"): each part a row's, or the first name of only one row's name (`names`)."""
    changed: list[int] = []
    out = cells
    slashed: dict[int, list[str]] = {}
    for i, cell in enumerate(cells):
        if type(cell) is not str:
            continue
        if "," not in cell:
            if ("/" in cell or " & " in cell) and key(cell) not in index:
                slashed[i] = [p.strip() for p in _JOINED.split(cell)]
            continue
        if key(cell) in index:
            continue
        parts = [p.strip() for p in cell.split(",")]
        if len(parts) > 1 and all(key(p) in index for p in parts):
            if out is cells:
                out = list(cells)
            out[i] = parts
            changed.append(i)
    if slashed:
        wanted = {short_key(p) for parts in slashed.values() for p in parts}
        short = short_forms(names, wanted)
        for i, parts in slashed.items():
            if len(parts) > 1 and all(
                key(p) in index or len(short.get(short_key(p), ())) == 1 for p in parts
            ):
                if out is cells:
                    out = list(cells)
                out[i] = parts
                changed.append(i)
        changed.sort()
    return out, changed


_JOINED = re.compile(r"\s*/\s*|\s+&\s+")


def _linked_note(
    found: list[int], written: list[Cell], cells: list[Cell], locator: Locator
) -> Problem:
    first = found[0]
    names = _values(cells[first])
    more = len(found) - 1
    also = f", and {more:,} more cell{'s' if more > 1 else ''} so" if more else ""
    return Problem(
        f"the manager cell {written[first]!r} names {len(names)} rows: read as the manager "
        f"{names[0]!r}, and dotted lines to the others{also}",
        locator.location(first, "manager"),
        locator.where(first, "manager"),
        code="several-managers",
    )


def _name_key(text: str) -> str:
    return normalize("NFC", text)


def _known(rows: Rows) -> set[str]:
    """Every id, name (and other name) and email of the rows."""
    columns = (rows.ids, rows.names, rows.emails, rows.aliases or ())
    return {v for column in columns for v in column if v}


def _read_as(
    what: str, read: list[tuple[int, str, str, str, int]], locator: Locator
) -> list[Problem]:
    """The notes for manager names (or emails) read as other rows' in another form (see
    `NameForms`): one for each form, on its first cell, that counts the others (an export
    that writes every manager "Last, First" gets one note, not one for each row). `read`
    holds (row, cell, what it was read as, how, the row found) of each."""
    by_how: dict[str, list[tuple[int, str, str, str, int]]] = {}
    for item in read:
        by_how.setdefault(item[3], []).append(item)
    notes = []
    for how, items in by_how.items():
        i, value, read_as, _, row = items[0]
        said, code = name_reading(how)
        if what == "email":
            said = "the same address in other letter case, which mail providers ignore"
        more = and_more(len(items) - 1, "read so")
        if more:
            more += f" ({listed_lines(locator, [item[0] for item in items[1:]], 10)})"
        notes.append(
            Problem(
                f"no row has the manager {what} {value!r}; read as {read_as!r} ({said}), the "
                f"{what} of {locator.line(row)}" + more,
                locator.location(i, "manager"),
                locator.where(i, "manager"),
                code=code,
            )
        )
    return notes


def _email_key(text: str) -> str:
    """An address as mail servers compare it (RFC 5321): the domain in any case, the part
    before the last `@` exactly (`Ana@` and `ana@` may be two mailboxes; `straße@` is never
    `STRASSE@`, as Unicode case folding would make it).

    Examples:
        >>> _email_key("Ana.Lima@Acme.Example")
        'Ana.Lima@acme.example'
    """
    text = normalize("NFC", text.strip())
    local, at, domain = text.rpartition("@")
    return f"{local}@{domain.lower()}" if at else text


def _ascii_lower(text: str) -> str:
    return text.translate(_ASCII_LOWER)


_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def match_key(manager_by: ManagerBy) -> Callable[[str], str]:
    """How a manager's email (any case) or name (any Unicode form) is matched to a row's."""
    return _email_key if manager_by == "email" else _name_key


def resolve_managers(
    rows: Rows,
    manager_by: ManagerBy,
    locator: Locator,
    problems: list[Problem],
    notes: list[Problem],
    literal: bool = False,
) -> tuple[list[str | None], dict[int, tuple[str, ...]]]:
    """Each row's manager id (`reports_to`) and its dotted-line managers' (for rows that
    name several managers, or that have a dotted-line column: `rows.dotteds`).

    The manager column is read as `manager_by` says (see `_resolve()`); the dotted-line
    column as ids, emails or names, whichever finds the most rows (the manager column's
    reading in a tie): a matrix manager may be given by email beside managers by id.
    Problems and notes about a dotted-line cell point at its column."""
    reports_to, dotted = _resolve(rows, manager_by, locator, problems, notes, literal)
    if rows.dotteds is None:
        return reports_to, dotted
    view = dataclasses.replace(rows, managers=rows.dotteds, dotteds=None)
    how = _best_reading(rows, rows.dotteds, manager_by)
    at = _FieldLocator(locator, "dotted")
    first, more = _resolve(view, how, at, problems, notes, literal)
    ids = rows.ids
    for i, boss in enumerate(first):
        if boss is None:
            continue
        solid, own = reports_to[i], ids[i]  # a line to either is no dotted line
        found = [m for m in (*dotted.get(i, ()), boss, *more.get(i, ())) if m not in (solid, own)]
        if found:
            dotted[i] = tuple(dict.fromkeys(found))
    return reports_to, dotted


def _best_reading(rows: Rows, cells: list[Cell], default: ManagerBy) -> ManagerBy:
    """How a column of managers names them: the reading (ids, emails, names) that finds
    the most rows, `default` in a tie."""
    values = {v for cell in cells for v in _values(cell)}
    if not values:
        return default
    ids = set(rows.ids)
    if default == "id" and values <= ids:
        return default  # the common case: every value is an id
    readings: dict[ManagerBy, tuple[set[str | None], Callable[[str], str]]] = {
        "id": (ids, str),
        "email": ({_email_key(e) for e in rows.emails if e}, _email_key),
        "name": ({_name_key(n) for n in (*rows.names, *(rows.aliases or ())) if n}, _name_key),
    }
    hits = {how: sum(key(v) in known for v in values) for how, (known, key) in readings.items()}
    best = max(hits.values())
    return default if hits[default] == best else max(hits, key=lambda how: hits[how])


class _FieldLocator:
    """A locator whose cells of the manager are those of another field (the dotted-line
    manager's), so that the notes about them point at their own column."""

    def __init__(self, locator: Locator, field: str) -> None:
        self._locator, self._field = locator, field

    def _what(self, what: str) -> str:
        return self._field if what == "manager" else what

    def location(self, row: int, what: str) -> Location | None:
        return self._locator.location(row, self._what(what))

    def where(self, row: int, what: str) -> str:
        return self._locator.where(row, self._what(what))

    def line(self, row: int) -> str:
        return self._locator.line(row)


def _resolve(
    rows: Rows,
    manager_by: ManagerBy,
    locator: Locator,
    problems: list[Problem],
    notes: list[Problem],
    literal: bool = False,
) -> tuple[list[str | None], dict[int, tuple[str, ...]]]:
    """Each row's manager id (`reports_to`) and, for rows that name several, the others.

    By id, the value is the id (kept even when no row has it). By email (the domain in any
    case, the rest exactly, as RFC 5321 says, then `_OtherCase`) or name (exact, then the
    rows' other names, then `NameForms`, then `MixedKeys`), the value is looked up among
    the rows: no match keeps it as a dangling reference, with a note; several is a
    problem."""
    ids = rows.ids
    managers = rows.managers
    dotted: dict[int, tuple[str, ...]] = {}
    none = None if literal else drop_no_manager(managers, lambda: _known(rows), locator)
    if none is not None:
        notes.append(none)
    if manager_by == "id":
        reports_to: list[str | None]
        if all(cell is None or type(cell) is str for cell in managers):
            reports_to = cast("list[str | None]", managers[:])  # one id per row
        else:
            reports_to = []
            append = reports_to.append
            for i, cell in enumerate(managers):
                if cell is None or isinstance(cell, str):
                    append(cell)
                else:
                    append(cell[0] if cell else None)
                    if len(cell) > 1:
                        dotted[i] = tuple(cell[1:])
        if not problems and not literal:  # every row has an id
            known = cast("list[str]", ids)
            notes += match_id_forms(known, reports_to, dotted, locator)
            notes += match_other_keys(known, rows.metas, reports_to, dotted, locator)
            if any(note.code == "id-with-name" for note in notes):  # "Ilse Groen (FT-15)"
                outside = keep_outside_ids(known, reports_to, locator)
                notes += [outside] if outside is not None else []
            by_title = managers_by_title(known, rows.titles, reports_to, locator)
            notes += [by_title] if by_title is not None else []
            if rows.holders is not None:
                notes += _holders_seats(known, rows.holders, reports_to, locator)
        return reports_to, dotted

    by_email = manager_by == "email"
    # The same text in two Unicode forms (é as one character or as e + accent, as some
    # systems write it) is the same name; the case of an email's domain does not matter.
    key = _email_key if by_email else _name_key
    index = rows_by(rows.emails if by_email else rows.names, key)
    what = "email" if by_email else "name"
    cased = _OtherCase(index, rows.holders) if by_email else None
    name_forms = NameForms(index, rows.names)
    unaccented = Unaccented(rows.names)
    aliases = rows_by(rows.aliases, key) if rows.aliases is not None and not by_email else {}
    mixed = MixedKeys(ids, rows.emails, rows.names, by_email=by_email, email_key=_email_key)
    by_other: list[tuple[int, str, int, str]] = []  # a row's id, or its other key
    resolved: list[str | None] = [None] * len(ids)
    inner: list[tuple[int, str, str]] = []  # (row, cell, what it holds): one note for all
    read: list[tuple[int, str, str, str, int]] = []  # cells read in another form
    namesakes: list[tuple[int, str, int, str, int]] = []  # a name two rows share, told apart
    holders = rows.holders
    jobs = functools.cache(lambda: rows_by(rows.titles, loose_name))
    short = functools.cache(  # only the forms of cells that are no name: a million rows
        lambda: short_forms(
            rows.names, {short_key(v) for c in managers for v in _values(c) if key(v) not in index}
        )
    )
    written = managers
    managers, linked = _linked(managers, index, key, rows.names)
    if linked:
        notes.append(_linked_note(linked, written, managers, locator))
    for i, cell in enumerate(managers):
        found: list[str] = []
        for value in _values(cell):
            matches = index.get(key(value), [])
            if not matches and (held := inner_manager(value, by_email)) is not None:
                matches = index.get(key(held), [])
                if matches:
                    inner.append((i, value, held))
            if not matches and aliases and "," in value:  # "Ellsworth, Peggy": the other name
                swapped = aliases.get(key(first_last(value) or value), ())
                if len(swapped) == 1:
                    matches = list(swapped)
                    read.append((i, value, rows.names[matches[0]] or value, "other", matches[0]))
            found_other = aliases.get(key(value), ()) if not matches and aliases else ()
            if len(found_other) == 1:
                matches = list(found_other)
                name = rows.names[matches[0]] or value
                if first_last(value) != name:  # not the name as the file wrote it
                    read.append((i, value, name, "other", matches[0]))
            elif found_other and (told := told_apart(found_other, i, rows)) is not None:
                matches = [told[0]]  # "Del Rosslyn": two rows go by it, one in the department
                namesakes.append((i, value, told[0], told[1], len(found_other)))
            if not matches and not by_email:
                matches, why = name_forms.read(value)
                if why is not None:
                    read.append((i, value, *why, matches[0]))
            if not matches and not by_email and (j := unaccented(value)) is not None:
                matches = [j]  # "Marta Wisniewska" for Marta Wiśniewska
                read.append((i, value, rows.names[j] or "", "accents", j))
            if not matches and cased is not None and (j := cased(value)) is not None:
                matches = [j]
                read.append((i, value, rows.emails[j] or "", "case", j))
            if not matches and (other := mixed.read(value)) is not None:
                matches = [other[0]]
                by_other.append((i, value, *other))
            if not matches and (j := row_with_title(jobs(), value, i)) is not None:
                matches = [j]  # "Finance Manager": the one row with that job title
                read.append((i, value, rows.names[j] or ids[j] or "", "job", j))
            if not matches and not by_email and len(s := short().get(short_key(value), [])) == 1:
                matches = s  # "Zara", "Sam O.", "Lucía García": the one name it shortens
                read.append((i, value, rows.names[s[0]] or "", "short", s[0]))
            if len(matches) > 1 and holders is not None and _one_holder(holders, matches):
                matches = matches[:1]  # one person's seats: the first (see `several_seats`)
            if len(matches) > 1 and (told := told_apart(matches, i, rows, value)) is not None:
                namesakes.append((i, value, told[0], told[1], len(matches)))
                matches = [told[0]]
            if len(matches) == 1:
                found.append(ids[matches[0]])  # type: ignore[arg-type]
            elif not matches:
                found.append(value)
                several = [] if by_email else short().get(short_key(value), [])
                shorts = f" ({len(several)} rows' names start so)" if several else ""
                notes.append(
                    Problem(
                        f"no row has the manager {what} {value!r}{shorts}: kept as an unknown "
                        "manager",
                        locator.location(i, "manager"),
                        locator.where(i, "manager"),
                        code="unknown-manager",
                    )
                )
            else:
                rows_text = ", ".join(locator.line(j) for j in matches[:10])
                more = f" and {len(matches) - 10} more" if len(matches) > 10 else ""
                problems.append(
                    Problem(
                        f"the manager {what} {value!r} is ambiguous: {len(matches)} rows have "
                        f"it ({rows_text}{more}); give managers by id instead (manager_col, "
                        "--manager-col), or make the "
                        + ("emails" if by_email else "names")
                        + " unique",
                        locator.location(i, "manager"),
                        locator.where(i, "manager"),
                        code="ambiguous-manager",
                    )
                )
        if found:
            resolved[i] = found[0]
            if len(found) > 1:
                dotted[i] = tuple(found[1:])
    notes += _read_as(what, read, locator)
    if namesakes:
        notes.append(namesakes_note(namesakes, what, locator))
    if inner:
        notes.append(inner_note(inner, what, locator))
    if by_other:
        notes.append(mixed_note(by_other, what, locator))
    return resolved, dotted


def _holders_seats(
    ids: list[str], holders: list[str | None], reports_to: list[str | None], locator: Locator
) -> list[Problem]:
    """Read each manager id that is no seat's but a person's, in an export of positions
    (its seats' ids, and the ids of the people in them: `holder_col`), as the seat that
    person holds (their first, when they hold several), in place; one note for them all
    (code `holder-id`). Workday's and ADP's position reports give a manager so, the id
    also beside the name ("Ana Lima (21001)": `id_parts`)."""
    known = set(ids)
    seat_of: dict[str, int] = {}
    for k, person in enumerate(holders):
        if person is not None:
            seat_of.setdefault(person, k)
    read: list[tuple[int, str, int]] = []
    for i, boss in enumerate(reports_to):
        if boss is None or boss in known:
            continue
        seat = seat_of.get(boss)
        if seat is None:  # the person's id beside a name
            seat = next((s for p in id_parts(boss) if (s := seat_of.get(p)) is not None), None)
        if seat is None or seat == i:
            continue
        reports_to[i] = ids[seat]
        read.append((i, boss, seat))
    if not read:
        return []
    i, boss, k = read[0]
    more = and_more(len(read) - 1, "read so")
    return [
        Problem(
            f"no seat has the manager id {boss!r}: it is the person in the seat {ids[k]!r} "
            f"({locator.line(k)}), read as that seat" + more,
            locator.location(i, "manager"),
            locator.where(i, "manager"),
            code="holder-id",
        )
    ]


def _one_holder(holders: list[str | None], matches: list[int]) -> bool:
    """Whether the rows `matches` are seats of one person."""
    first = holders[matches[0]]
    return first is not None and all(holders[j] == first for j in matches)


class _OtherCase:
    """The one row whose email a manager's is in another letter case, if one has it:
    RFC 5321 lets the part before @ tell mailboxes apart by case, but mail providers do
    not, and a sheet that writes "Ana.Lima@..." for "ana.lima@..." means that row. Two
    rows whose emails differ only by case are both kept apart (None). The index of
    lower-cased addresses is made at the first call."""

    def __init__(self, index: dict[str, list[int]], holders: list[str | None] | None) -> None:
        self._index = index
        self._holders = holders
        self._lowered: dict[str, int | None] | None = None

    def __call__(self, value: str) -> int | None:
        lowered = self._lowered
        if lowered is None:
            lowered = self._lowered = {}
            holders = self._holders
            for key, rows_of in self._index.items():
                low = _ascii_lower(key)
                one = len(rows_of) == 1 or (holders is not None and _one_holder(holders, rows_of))
                lowered[low] = rows_of[0] if one and low not in lowered else None
        return lowered.get(_ascii_lower(_email_key(value)))
