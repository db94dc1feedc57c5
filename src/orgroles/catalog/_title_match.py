"""The engine behind `orgroles.catalog.titles.infer_kind()`: one catalogue's title index,
how a title's matches are weighed, and the caches.

A title is read once (`Matcher.read()`): the kinds or families it names, tied when it
is ambiguous, each with its seniority. The department only comes in afterwards
(`Matcher.infer()`), so that a title is read once whatever the departments it is
met with.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from orgroles.catalog._title_context import SCHOOL_HEAD, graded, outside_software, school_head
from orgroles.catalog._title_found import phrases, the_job
from orgroles.catalog._title_index import Entry, Found, TitleIndex, outside_levels, without_levels
from orgroles.catalog._title_levels import LEADS, compound_levels, seniority_of
from orgroles.catalog._title_quality import (
    EXECUTIVE_FAMILY,
    QUALITY_FAMILY,
    SOFTWARE_FAMILY,
    academic_chair,
    fundraising,
    regulated_quality,
    site_general_manager,
)
from orgroles.catalog._title_scripts import cut
from orgroles.catalog._title_text import (
    LEVELS,
    SECONDS_AFTER,
    SECONDS_BEFORE,
    STAFF_LADDER,
    TEACHES,
    in_a_shop,
    joins_jobs,
    names_a_part,
    segments,
    without_acronyms,
)
from orgroles.model import Family, KindFrom, RoleKind, Seniority

__all__ = ["KindMatch", "Matcher", "Reports"]

Reports = tuple[tuple[str, int], ...]
"""The families of a role's reports, each with how many of them are in it."""
_SEGMENTS_READ = 4  # a job is named in the first segments, not in a long list of teams
# No job takes more words or characters than these; a hostile title is cut to them.
_WORDS_READ = 12  # per segment
_CHARS_READ = 1_000
_CACHE_SIZE = 200_000  # distinct titles (and title-department pairs) remembered
_STAFF = "staff"
# The levels that a family's pattern says when it holds their word: a "Store Manager" is a
# manager, a "Creative Director" a director; not the "lead" of "Lead Generation".
_HEADS: tuple[Seniority, ...] = ("manager", "director", "vp", "chief")
_LEVEL_WORDS = frozenset(word for phrase in LEVELS for word in phrase)
_AFTER = _SEGMENTS_READ * _WORDS_READ  # where the seniority words of a later segment go


@dataclass(frozen=True, slots=True)
class KindMatch:
    """What a job title says: the kind (or only the family), and why.

    `pattern` is the catalogue pattern that matched, as the catalogue writes it.
    `source` is `"title"`, `"department"` when the department was needed, or `"reports"`
    when the families of the reports settled a title that two kinds share.
    `refined_from` is the kind the pattern names when the seniority made it another
    (a "Lead Backend Engineer" matches the developer's pattern and is a lead-developer).
    """

    kind: str | None
    family: str | None
    pattern: str
    seniority: Seniority | None
    source: KindFrom
    refined_from: str | None = None


@dataclass(frozen=True, slots=True)
class _Option:
    match: KindMatch
    departments: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Reading:
    options: tuple[_Option, ...]  # one answer, or several that tie
    seniority: Seniority | None  # what the title's seniority words say, whatever the kind


_NOTHING = _Reading((), None)


class Matcher:
    """The title index of some kinds and families in one language (None: all), with its
    caches."""

    def __init__(
        self, kinds: Mapping[str, RoleKind], families: Mapping[str, Family], lang: str | None
    ) -> None:
        self.index = TitleIndex(kinds.values(), families.values(), lang)
        self.sellers = {k for k, v in kinds.items() if v.family == "sales" and not v.seniority}
        self.kinds = kinds
        self.quality_family = QUALITY_FAMILY if QUALITY_FAMILY in families else None
        self.refined_by: dict[str, list[RoleKind]] = {}
        for kind in kinds.values():
            for base in kind.refines:
                self.refined_by.setdefault(base, []).append(kind)
        self.readings: dict[str, _Reading] = {}
        self.by_words: dict[tuple[tuple[str, ...], ...], _Reading] = {}
        self.results: dict[tuple[str, tuple[str, ...], Reports], KindMatch | None] = {}

    def infer(
        self, title: str, departments: tuple[str, ...], reports: Reports = ()
    ) -> KindMatch | None:
        key = (title, departments, reports)
        try:
            return self.results[key]
        except KeyError:
            pass
        if len(self.results) >= _CACHE_SIZE:
            self.results.clear()
        result = self.results[key] = self._decide(self.read(title), departments, reports)
        return result

    def read(self, title: str) -> _Reading:
        """What a title names, read once per title and once per set of words: "Senior
        Developer (EMEA)" is read as "senior developer" was."""
        reading = self.readings.get(title)
        if reading is None:
            read = without_acronyms(segments(title[:_CHARS_READ])[:_SEGMENTS_READ])
            parts = [cut(part, _WORDS_READ) for part in read]
            words = tuple(tuple(part) for part in parts)
            reading = self.by_words.get(words)
            if reading is None:
                if len(self.by_words) >= _CACHE_SIZE:
                    self.by_words.clear()
                grade = graded(parts)  # a bank's grade: "VP, Software Engineer"
                reading = self._read(parts if grade is None else grade)
                if grade is not None and not reading.options and grade[0] == ["director"]:
                    reading = self._read(parts)  # "Executive Director, Riverside Shelter"
                if not reading.options and school_head(parts):  # "Vice Principal"
                    reading = _Reading((), SCHOOL_HEAD)
                if parts and not TEACHES.isdisjoint(parts[0]):  # teaches what it names
                    reading = _families(reading, lambda kind: True)
                elif in_a_shop(parts):  # a shop's salesperson: no kind that sells to firms
                    reading = _families(reading, self.sellers.__contains__)
                self.by_words[words] = reading
            if reading.options:
                if names_a_part(title):
                    reading = self._head_of_part(reading)
                elif not joins_jobs(title):
                    reading = self._head_of_function(reading, parts)
                if regulated_quality(title):
                    reading = self._outside(reading, SOFTWARE_FAMILY, self.quality_family)
                elif outside_software(title) or fundraising(title):  # "Site Engineer"
                    reading = self._outside(reading, SOFTWARE_FAMILY, None, heads=True)
                if academic_chair(title):  # and a "Hotel General Manager" runs a site
                    reading = self._outside(reading, EXECUTIVE_FAMILY, None)
                elif site_general_manager(title):
                    reading = self._outside(reading, EXECUTIVE_FAMILY, self.quality_family)
            if len(self.readings) >= _CACHE_SIZE:
                self.readings.clear()
            self.readings[title] = reading
        return reading

    def _outside(
        self, reading: _Reading, out: str, family: str | None, heads: bool = False
    ) -> _Reading:
        """A title whose context says it is not of the family `out`: a quality title of a
        regulated plant or laboratory ("QA Specialist - GMP"), fundraising's "development",
        a restaurant's general manager; then of `family` (see `_title_quality`). With
        `heads`, nor the chief that heads `out` when a head's or a director's words name
        it: a "Technical Director, Structural Engineering" is a grade of an engineering
        firm, no CTO (a "CTO" or "Chief Technology Officer" still is one)."""
        kept = tuple(
            o for o in reading.options if o.match.family != out and not (heads and _heads(o, out))
        )
        if len(kept) == len(reading.options):
            return reading
        first = reading.options[0].match
        if not kept and family is not None:
            match = KindMatch(None, family, first.pattern, reading.seniority, first.source)
            kept = (_Option(match, (family,)),)
        return _Reading(kept, reading.seniority)

    def _head_of_part(self, reading: _Reading) -> _Reading:
        """A chief's title naming a part of the company ("President, EMEA", "CFO Europe")
        is that part's head: its family, not the chief's kind (a company has one CEO)."""
        kinds = self.kinds
        return _families(reading, lambda kind: kind in kinds and "chief" in kinds[kind].seniority)

    def _head_of_function(self, reading: _Reading, parts: list[list[str]]) -> _Reading:
        """The company's chief (a chief with no department of its own: the CEO, not the
        CTO) in a title that also names a function ("President of Sales", "President,
        Marketing") is the head of that function: its family. (Not when the title joins
        two jobs, "CEO & Product": see `joins_jobs()`.)"""
        if len(reading.options) != 1:
            return reading
        match = reading.options[0].match
        kind = self.kinds.get(match.kind) if match.kind is not None else None
        if kind is None or "chief" not in kind.seniority or kind.departments:
            return reading
        for part in parts:
            for _, _, entry in self.index.scan(part):
                family = entry.family
                if entry.kind is None and not entry.level and family not in (None, kind.family):
                    head = KindMatch(None, family, entry.pattern, match.seniority, match.source)
                    return _Reading((_Option(head, (family,)),), reading.seniority)
        return reading

    def seniority(self, title: str) -> Seniority | None:
        """What the title's seniority words say, whether or not it names a job."""
        return self.read(title).seniority

    def _decide(
        self, reading: _Reading, departments: tuple[str, ...], reports: Reports = ()
    ) -> KindMatch | None:
        """One answer stands; with none, or a tie, the departments may settle it; a tie the
        departments leave, the families of the reports may settle."""
        options = reading.options
        if len(options) == 1:
            return options[0].match
        # No answer, or a tie: the first department that settles it does.
        for department in departments:
            named = self._family_of(department)
            if named is None:
                continue
            family, pattern = named
            if not options:
                return KindMatch(None, family, pattern, reading.seniority, "department")
            chosen = [o for o in options if family in o.departments]
            if len(chosen) == 1:
                return dataclasses.replace(chosen[0].match, source="department")
        if options and reports:
            # The answer whose departments the most reports are in, if one leads.
            counts = [sum(n for family, n in reports if family in o.departments) for o in options]
            most = max(counts)
            if most and counts.count(most) == 1:
                return dataclasses.replace(options[counts.index(most)].match, source="reports")
        return _shared(options)

    def _family_of(self, department: str) -> tuple[str, str] | None:
        """The family a department names (and the pattern that says so), if just one."""
        options = self.read(department).options
        families = {o.match.family for o in options}
        if len(families) != 1 or None in families:
            return None
        first = options[0].match
        return first.family or "", first.pattern

    def _read(self, parts: list[list[str]]) -> _Reading:
        """Read the first segment; while it names nothing, each later one with it (the
        "Manager, Customer Success" form). A later segment of seniority words only says
        the seniority of the job: "Software Engineer (Senior)"."""
        if not parts:
            return _NOTHING
        first = parts[0]
        parts, said = self._said_after(parts)
        found = self._found(first) + said
        levels = [f for f in found if f[2].level]  # every level
        for part in parts[1:]:
            options = self._options(found)
            if options:
                if all(o.match.kind is None for o in options):
                    # "Engineer, Data", "Engineer - Security": the job is the two together.
                    joined = self._joined(first, part) + said
                    kinds = tuple(o for o in self._options(joined) if o.match.kind is not None)
                    if kinds:
                        return _reading(kinds, [f for f in joined if f[2].level])
                    after, later = self._job_after(parts[1:])
                    if after:
                        return _reading(after, later + levels)
                return _reading(options, levels)
            found = self._joined(first, part) + said
        return _reading(self._options(found), levels)

    def _said_after(self, parts: list[list[str]]) -> tuple[list[list[str]], list[Found]]:
        """The segments of a title but those after the first that hold seniority words
        only, and these words, placed after every word of the title (they are outside
        every pattern)."""
        said: list[Found] = []
        kept = parts[:1]
        for part in parts[1:]:
            if not _LEVEL_WORDS.issuperset(part):
                kept.append(part)
                continue
            found = self.index.scan(part)
            covered = {k for s, e, entry in found if entry.level for k in range(s, e)}
            if found and len(covered) == len(part) and all(f[2].level for f in found):
                said += [(_AFTER + s, _AFTER + e, entry) for s, e, entry in found]
            else:
                kept.append(part)
        return kept, said

    def _joined(self, first: list[str], later: list[str]) -> list[Found]:
        """What a first segment and a later one say together: the later one first ("Manager,
        Customer Success" is a customer success manager). A first segment of seniority
        words only may also come first, if a kind then ends the title: "Sr. Director,
        Engineering" is a director of engineering, but "Director, Sales Strategy" no
        head of sales."""
        found = self._found(later + first)
        if any(f[2].kind is not None for f in found):
            return found
        scanned = self.index.scan(first)
        if all(f[2].level for f in outside_levels(scanned)):
            words = first + later
            after = self._found(words)
            if any(f[2].kind is not None and f[1] == len(words) for f in after):
                return after
        core, levels = without_levels(first, scanned)  # "Senior Engineer, Data"
        if levels and core:
            again = self._found(later + core)
            if any(f[2].kind is not None for f in again):
                return again + [(_AFTER + s, _AFTER + e, entry) for s, e, entry in levels]
        return found

    def _found(self, words: list[str]) -> list[Found]:
        """What some words of a title name (`TitleIndex.scan()`), without whom the job
        serves, and with a chief's second read as its family (`_seconds()`)."""
        found = phrases(self.index.scan(words)) + compound_levels(words)
        if len(words) > 1 and words[-1] == _STAFF:  # "Support Staff": the people, no level
            found = [f for f in found if f[2].level != _STAFF or f[1] < len(words)]
        return self._seconds(words, the_job(words, found))

    def _job_after(self, parts: list[list[str]]) -> tuple[tuple[_Option, ...], list[Found]]:
        """The kinds that the first later segment naming one names, and its seniority
        words: the job of a title whose first segment is its department ("Finance - Data
        Analyst")."""
        for part in parts:
            found = self._found(part)
            kinds = tuple(o for o in self._options(found) if o.match.kind is not None)
            if kinds:
                return kinds, [f for f in found if f[2].level]
        return (), []

    def _seconds(self, words: list[str], found: list[Found]) -> list[Found]:
        """A C-level kind read next to a word that makes its holder someone else (a
        Deputy CTO, a Directeur technique adjoint) names its family only."""
        out: list[Found] = []
        for start, end, entry in found:
            kind = self.kinds.get(entry.kind) if entry.kind is not None else None
            chief = entry.level == "chief" or (kind is not None and "chief" in kind.seniority)
            before = start > 0 and words[start - 1] in SECONDS_BEFORE
            after = end < len(words) and words[end] in SECONDS_AFTER
            if not chief or not (before or after):
                out.append((start, end, entry))
            elif kind is not None:
                out.append((start, end, dataclasses.replace(entry, kind=None, family=kind.family)))
        return out  # and the "chief" of a "Deputy Chief Executive" says no level

    def _options(self, found: list[Found]) -> tuple[_Option, ...]:
        levels = [f for f in found if f[2].level]
        answers = [f for f in found if not f[2].level]
        # A pattern inside a longer one (or inside "vice president") is not the job,
        # unless the longer one only has it under a `*` and says less ("Solutions
        # Engineering" in "Director * Engineering").
        answers = [
            a
            for a in answers
            if not any(
                s <= a[0] and a[1] <= e and e - s > a[1] - a[0] and not _looser(b, a[2])
                for s, e, b in found
            )
        ]
        # A kind whose last words begin a function's name ("Head of Product" in "Head of
        # Product Support", "Head of Sales" in "Head of Sales Operations") is not the job:
        # that function is.
        kinds = [
            a
            for a in answers
            if a[2].kind is not None
            and not any(f[2].kind is None and a[0] < f[0] < a[1] < f[1] for f in answers)
        ]
        answers = kinds or [a for a in answers if a[2].kind is None]
        if not answers:
            return ()
        longest = max(a[2].size for a in answers)
        seen: set[tuple[str | None, str | None]] = set()
        options: dict[tuple[str | None, str | None], _Option] = {}
        for start, end, entry in answers:
            if entry.size < longest or (entry.kind, entry.family) in seen:
                continue
            seen.add((entry.kind, entry.family))
            option = self._option(entry, start, end, levels)
            options.setdefault((option.match.kind, option.match.family), option)
        return tuple(options.values())

    def _option(self, entry: Entry, start: int, end: int, levels: list[Found]) -> _Option:
        if entry.family not in STAFF_LADDER:
            levels = _not_staff(levels)
        kind = self.kinds.get(entry.kind) if entry.kind is not None else None
        if kind is not None:
            # the words of a chief's kind name the job; of a kind with no level of its own
            # too, but a head's ("Head of Communications"): not a manager's ("Product Manager")
            inside = LEADS if kind.seniority and "chief" not in kind.seniority else ()
            inside = inside if kind.seniority else ("director", "vp")
            seniority = seniority_of(levels, start, end, kind.seniority, inside)
        else:  # a family's pattern: its words of a head's level count (see `_HEADS`)
            seniority = seniority_of(levels, start, end, inside=_HEADS, whole=True)
        match = KindMatch(entry.kind, entry.family, entry.pattern, seniority, "title")
        departments = entry.departments
        if entry.kind is not None and seniority is not None:
            kind = _refinement(self.refined_by.get(entry.kind, ()), seniority)
            if kind is not None:
                match = KindMatch(
                    kind.id, kind.family, entry.pattern, seniority, "title", entry.kind
                )
                departments = kind.departments or ((kind.family,) if kind.family else ())
        return _Option(match, departments)


_HEAD_WORDS = frozenset({"director", "head"})


def _heads(option: _Option, family: str) -> bool:
    """Whether an answer is the chief of `family` named by a head's or a director's words
    ("technical director", "head of technology"), not by a chief's ("cto")."""
    return option.departments[:1] == (family,) and not _HEAD_WORDS.isdisjoint(
        word for slot in option.match.pattern.split() for word in slot.split("|")
    )


def _reading(options: tuple[_Option, ...], levels: list[Found]) -> _Reading:
    """The reading of a title: its answers, and the seniority its words say ("staff" only
    when an answer is of a family with a staff level: see `STAFF_LADDER`)."""
    if not any(o.match.family in STAFF_LADDER for o in options):
        levels = _not_staff(levels)
    return _Reading(options, seniority_of(levels))


def _not_staff(levels: list[Found]) -> list[Found]:
    """The seniority words but "staff": a Staff Nurse's is a grade, not a level."""
    return [f for f in levels if f[2].level != _STAFF]


def _looser(outer: Entry, inner: Entry) -> bool:
    """Whether a pattern that contains another holds it only under a `*`, with fewer
    words that say the job: then the inner one is the more specific."""
    return "*" in outer.pattern.split() and outer.size < inner.size


def _families(reading: _Reading, drops: Callable[[str], bool]) -> _Reading:
    """`reading` with the kinds that `drops` names read as their families alone: a chief
    of a part of the company, a teacher's subject, a shop's seller (one option per answer)."""
    options: dict[tuple[str | None, str | None], _Option] = {}
    for option in reading.options:
        match = option.match
        if match.kind is not None and drops(match.kind):
            match = KindMatch(None, match.family, match.pattern, match.seniority, match.source)
            option = _Option(match, option.departments)
        options.setdefault((match.kind, match.family), option)
    return _Reading(tuple(options.values()), reading.seniority)


def _shared(options: tuple[_Option, ...]) -> KindMatch | None:
    """What two jobs joined in a title share ("CFO & COO", "CEO / CTO": the executive
    family, a chief), when they are told by different patterns of one family: no kind.
    One pattern that two kinds claim ("CPO") says nothing."""
    matches = [o.match for o in options]
    if len({m.pattern for m in matches}) < 2 or len({m.family for m in matches}) != 1:
        return None
    seniorities = {m.seniority for m in matches}
    seniority = seniorities.pop() if len(seniorities) == 1 else None
    first = matches[0]
    return KindMatch(None, first.family, first.pattern, seniority, first.source)


def _refinement(kinds: Sequence[RoleKind], seniority: Seniority) -> RoleKind | None:
    """The one kind that refines another at this seniority: the one whose main seniority it
    is (a director of engineering, rather than a VP who may be titled "Head of"), else the
    only one that has it."""
    for candidates in (
        [k for k in kinds if k.seniority[:1] == (seniority,)],
        [k for k in kinds if seniority in k.seniority],
    ):
        if len(candidates) == 1:
            return candidates[0]
        if candidates:
            return None
    return None
