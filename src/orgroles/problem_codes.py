"""Every code a `Problem` can have, with what it means: the table that the reference page
of problem codes (docs/reference/problems.md) is generated from. `orgroles.errors`
re-exports it as `orgroles.errors.PROBLEM_CODES`.

Examples:
    >>> PROBLEM_CODES["not-found"]
    'the file does not exist, or is a folder'
"""

from __future__ import annotations

__all__ = ["PROBLEM_CODES"]

PROBLEM_CODES: dict[str, str] = {
    # Reading a file
    "not-found": "the file does not exist, or is a folder",
    "io": "the file cannot be read (permissions, a device error)",
    "file-type": "the suffix is not `.yaml`, `.yml` or `.json`",
    "too-large": "a file over 4 GiB, a workbook's sheet of more rows than an org may have "
    "roles; in `rules:`, more declared rules than the limit",
    "encoding": "the file is not UTF-8",
    "empty": "the file holds nothing, or an empty string where text is needed",
    "syntax": "the text is not valid YAML, JSON or CSV",
    # YAML and JSON features an org file never needs
    "alias": "a YAML alias (`*name`): refused, as an alias bomb expands to gigabytes",
    "anchor": "a YAML anchor (`&name`): refused with the aliases",
    "tag": "a YAML tag (`!!int`, `!custom`): the schema decides every type",
    "key": "a YAML key that is not a plain string",
    "documents": "several YAML documents in one file",
    "duplicate-key": "a key written twice in the same mapping",
    "too-deep": "nesting deeper than 64 levels",
    "too-long": "a text longer than a million characters, or an id longer than 512",
    "number": "`NaN`, `Infinity`, a number too large for a float, or an integer of more "
    "than 4,300 digits, in JSON",
    "text": "a lone surrogate escape in JSON (no UTF-8 file can hold it)",
    # The shape of the org (the schema)
    "unknown-key": "a key the format does not have (with a did-you-mean)",
    "missing-key": "a required key is absent (`id`)",
    "type": "a value of the wrong type",
    "choice": "a value that is not one of the allowed ones",
    "range": "a number out of its range (a rule parameter below its minimum)",
    "invalid-id": "an id with control characters, white space at either end, or made only "
    "of invisible characters",
    "duplicate-id": "an id used twice in the same list (ids equal once Unicode-normalised "
    "are one id)",
    "dates": "a day that is not `YYYY-MM-DD`, an `end` before its `start`, or two "
    "reporting lines in force on the same day; in an import, a day that cannot be read "
    "(`--date-format`), rows of one id without effective days or on the same one, or "
    "snapshots without one day each in increasing order",
    "selector": "a selector in a rule that does not parse, or names nothing",
    "rules": "the `rules:` section names a rule that does not exist, or gives a rule of "
    "your own a built-in code or a code used twice",
    "invalid": "any other invalid value (the message says what)",
    "more": "stands for the problems past the first 100 (`MoreProblems`, with their `count`)",
    # Catalogues named by `uses:`
    "uses-not-found": "a catalogue in `uses:` that is missing, or outside the folders allowed",
    "uses-cycle": "a catalogue that uses itself, directly or not",
    "uses-not-allowed": "a catalogue file named by an org read from text without a `base_dir`",
    "uses-invalid": "a `uses:` entry that cannot be read as a path: a NUL character, a path "
    "too long, a loop of symbolic links, or an error of the file system",
    # Imports (CSV, records, GitLab)
    "first-sheet": "an Excel workbook of several sheets imported without `--sheet`: the "
    "first was read, and the warning names the others",
    "no-sheet": "`--sheet` (`sheet=`) names no sheet of the workbook; the error lists them",
    "manager-form": "an import's manager cells that match no row but hold a row's name or "
    "email in a wider form (`CN=Ana Lima,OU=Users,...`, `Ana Lima (https://...)`, `Ana Lima "
    "<ana@acme.example>`): read as that row, with one warning for all",
    "encoding-guessed": "an import's CSV file that is not UTF-8 and reads as Windows-1252 "
    "text of a Western language (as Excel saves CSV on Windows): read so (a warning)",
    "columns-guessed": "an import without a preset or an id column option, of a file whose "
    "header is not `to_csv`'s: the columns (those not given) were guessed from the header (a "
    "warning that says how)",
    "no-manager-column": "an import's columns given (`--id-col`, ...) with none for the "
    "manager: every role is a top role (a warning)",
    "columns": "import options that do not fit together (two ways to find the manager)",
    "preset": "an unknown `--preset`",
    "unknown-column": "a column option names a column the header does not have",
    "duplicate-column": "a column name used twice in the header",
    "row-length": "a row with more values than the header has columns, or a header with fewer "
    "columns than every row (a title above it)",
    "note-line": "a line with one value above a CSV's header or below its rows, a first "
    "line with fewer values than the header under it, or a last line that starts with "
    '"Total": a report\'s title or totals (a warning: the line is left out)',
    "heading-row": "a sheet's line that fills only its id or name cell, among fuller rows, "
    "whose value no other cell holds (`Engineering` above its people; a warning: left out)",
    "repeated-header": "a line among a CSV's rows that repeats its header, cell for cell (a "
    "second table under the first, or a header printed on each page; a warning: left out)",
    "no-rows": "a CSV with a header and no rows (a warning: the org is empty)",
    "missing-id": "a row without an id",
    "repeated-row": "an import's row with the same values as an earlier row in every "
    "column (a row exported twice): left out (a warning)",
    "ambiguous-manager": "a manager name or e-mail that matches several rows",
    "unknown-manager": "a manager name or e-mail that matches no row (a warning: the "
    "role keeps it as a dangling reference)",
    "letter-case": "a manager name or email that matches no row, read as the one row with "
    "the same name or email in other letter case or spacing (a warning)",
    "id-from-name": "a row without an email of an import whose rows are known by their "
    "emails (no id column): given an id made from its name (a warning)",
    "several-seats": "an import's rows known by their emails, two of them one person's (same "
    "email and name): two seats held by that person, the later one given an id of its own "
    "(a warning)",
    "no-manager": "a manager cell that says there is none (`NO_MANAGER`, `n/a`, `0`) and names "
    "no row, read as empty (a warning)",
    "holder-id": "an import of positions (seats with ids of their own, and the ids of the "
    "people in them) whose manager cell is no seat's id but a person's: read as the seat "
    "that person holds, with one warning for all",
    "name-order": "a manager name written last name first (`Brook, Ansel`) that matches no "
    "row, read as the one row named `Ansel Brook`; or a name column written so, nine names "
    "in ten, read first name first (a warning)",
    "mixed-manager": "a manager cell that matches no row by its column's reading (names, "
    "or emails) but is one row's id, or its email (or name): read as that row, with one "
    "warning for all",
    "name-title": "a manager name that matches no row, read as the one row with the same name "
    "with or without a title (`Dr. Ansel Brook` for `Ansel Brook`, `Ansel Brook Jr.`; a "
    "warning)",
    "id-from-email": "a row without an id, in an import whose other rows have one, given its "
    "email as its id (a contractor with no employee number; a warning)",
    "manager-title": "a manager cell that matches no row's id, name or email but is the job "
    "title of one row (`Finance Manager`), read as that row, with one warning for all",
    "repeated-name": "a list known by its names (no id or email column) that has a name on "
    "several rows: the later given the id `Name-2`, and a manager cell with the name read as "
    "the first (a warning)",
    "name-accents": "a manager name that matches no row, read as the one row whose name it "
    "writes with other accents, or none (`Marta Wisniewska` for `Marta Wiśniewska`; a "
    "warning)",
    "name-middle": "a manager name that matches no row, read as the one row with the same "
    "first and last name, with or without a middle name or initial (`Hale, Quentin T` for "
    "`Quentin Hale`; a warning)",
    "short-name": "a manager name that matches no row, read as the one row whose name it "
    "shortens (`Zara`, `Sam O.`, `Lucía García` for `Lucía García Ortega`; a warning)",
    "no-day": "an import's day cell that holds a database's day for none (`0000-00-00`) or "
    "for never (SAP's `31.12.9999`, Dynamics 365's `12/31/2154`), read as empty (a warning)",
    "number-form": "a manager id that matches no row, read as the one row whose id writes the "
    "same whole number (`2.0` or `0042` for `2` or `42`; a warning)",
    "other-key": "a manager id that matches no row, read as the row whose other key it is: "
    "the value of a column whose values are all different (a directory's distinguished "
    "name, a uid), or the first part of a distinguished name (a warning)",
    "id-with-name": "a manager cell that matches no row but writes a row's id beside a name "
    "(`Ansel Brook (E-17)`, `E-17 - Ansel Brook`, `Ansel Brook E17`), read as that row (a "
    "warning)",
    "department-spelling": "an import's department written in another case or spacing "
    "than most of its rows write it (`growth` beside `Growth`), read as one team named as "
    "most rows write it (a warning)",
    "namesake-manager": "an import's manager name (or email) that several rows have, read "
    "as the one row it can mean: not the row itself, or the only one in the row's "
    "department (a warning; otherwise `ambiguous-manager`, an error)",
    "vacant-name": "an import's row whose name says the seat is open (`Vacant`, `TBH`, `Open "
    "position`) and that has no email, whose holder says so (`VACANT`, `0`) and that has no "
    "name and no email, or that has a title and no id, name or email, read as a vacant "
    "seat (as is a row whose id is all zeros, SAP's `00000000`); one without an id gets one "
    "from its line, `vacant-7` (a warning)",
    "several-managers": "an import's manager cell that joins the names or emails of several "
    "rows with commas (linked records: `Ana Lima,Bo Diaz`): the first is the manager, the "
    "others dotted lines (a warning)",
    "earlier-stint": "an import's last day (a termination date) that comes before the row's "
    "latest hire date, or that has passed on a row whose status says the person works there: "
    "the end of an earlier stint of someone hired again, not read (a warning)",
    "kept-seats": "an import's rows of people who left with a last day (a termination "
    "date) whom other rows still report to after it: the seat is kept, vacant after that "
    "day, and the person's time in it ends instead (a warning)",
    "other-name": "an import's manager name that no row's name matches, read as the other "
    "name of one row (its display or preferred name, or its first and last names beside a "
    "display name) (a warning)",
    "left-rows": "an import's rows of people who left, as the status column says "
    "(`Terminated`, `Inactive`, `Active: false`), with no last day: left out, or kept as "
    "vacant seats when others report to them; a row that shares its id (or name, or "
    "email) with a current row is left out first (a warning)",
    "future-rows": "an import's rows of people who have not started, as the status column "
    "says (`Onboarding`, `Pending`), with no first day: planned seats (a warning)",
    "status": "an import's status column that says every row has left: not read (a warning)",
    "guest-rows": "a directory export's guest accounts (a user type of `Guest`, an Entra "
    "address with `#EXT#`): left out, as guests are not on the staff (a warning)",
    "assistant-titles": "an import's roles whose job titles say an executive assistant "
    "(`Executive Assistant`, `Assistant to the CEO`, `Office Manager & EA`): marked "
    "assistant, outside their manager's span of control (a warning)",
    "job-share": "an import's rows that repeat a seat's id (--id-col) for another person "
    "(--holder-col), with the same title and manager: one seat held by several people (a "
    "job share) (a warning)",
    "unknown-code": "a code that the lookup table does not have (a warning: the code is kept)",
    "no-title": "GitLab: a role whose HTML shows no text (a warning: the HTML is kept in `meta`)",
}
"""Every `Problem.code`, with what it means. Codes are stable: a code is never renamed
or reused, and a new kind of problem gets a new code. A schema error that none of these
covers gets pydantic's error type, with dashes (`string-too-short`). The reference page
of problem codes is generated from this table."""
