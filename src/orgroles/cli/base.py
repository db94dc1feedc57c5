"""What every `orgroles` command shares: the group, exit codes, errors and output.

Exit codes: 0 clean, 1 violations of error severity, 2 bad input or usage, and an input
too large for the memory the process may use. Bad input is reported on stderr as
`file:line:col: message`, never as a traceback.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
import traceback
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TypeVar

import click

from orgroles._internal.gc import gc_paused
from orgroles._internal.progress import phase
from orgroles._internal.text import printable, printable_lines
from orgroles._version import __version__
from orgroles.errors import OrgError, OrgUsageError, OrgValidationError

if TYPE_CHECKING:
    from orgroles.org import Org

__all__ = [
    "COLORS",
    "COMMAND_HOMES",
    "EXIT_BAD_INPUT",
    "EXIT_OK",
    "EXIT_VIOLATIONS",
    "OUT_OF_MEMORY",
    "STDIO",
    "catalog_dirs_option",
    "cli",
    "color_option",
    "load_org",
    "org_files",
    "refuse_other_suffix",
    "refuse_overwrite",
    "refuse_to_replace",
    "report_problems",
    "split",
    "step",
    "to_terminal",
    "use_color",
    "write",
    "write_bytes",
]

STDIO = "-"
"""The file name that stands for standard input (an org) or standard output (`-o`)."""

COLORS = ("auto", "always", "never")
"""The choices of `--color`."""

ORG_SUFFIXES = (".yaml", ".yml", ".json")
"""What a folder's org files end with, for the commands that take folders."""

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")

EXIT_OK = 0
EXIT_VIOLATIONS = 1
EXIT_BAD_INPUT = 2

OUT_OF_MEMORY = (
    "out of memory: this input needs more memory than the process may use (see the "
    "limits in docs/performance.md; JSON takes less than YAML, and a chart of part of the "
    "org, with --root and --depth, less than one of all of it)"
)


def step(label: str, work: Callable[[], T]) -> T:
    """`work()` under `phase(label)`: the progress line of a long step of a command.

    A command runs its heavy steps through this rather than in a `with` block of its own,
    whose place in a long function could make CPython before 3.13 spin when memory runs
    out (see `_Context`): here the block is at the start of a small function.
    """
    with phase(label):
        return work()


def report_problems(exc: OrgValidationError) -> None:
    """Every problem of bad input on stderr, one line each: `file:line:col: ...`."""
    for problem in exc.problems:
        click.echo(printable(str(problem)), err=True)


class _Context(click.Context):
    """A context whose command, when it runs out of memory, frees what its frames hold
    before the error goes on.

    CPython before 3.13 may allocate while it unwinds a frame through a `with` block (an
    int for the place to raise again from, when that place is past the 256th instruction
    of its function); out of memory, it then tries again forever (CPython issue 134163).
    The frames of a failed command hold the org and the chart: freed here (their locals
    cleared, then the cycles collected), through a plain `except` that needs no memory to
    enter, the frames above can unwind. The
    commands keep their own `with` blocks near the start of small functions (`step()`).
    """

    def invoke(self, callback: Any, /, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().invoke(callback, *args, **kwargs)
        except MemoryError as exc:
            traceback.clear_frames(exc.__traceback__)
            del exc
            gc.collect()  # the collector is paused for a command, and an org has cycles
            raise


class _Command(click.Command):
    context_class = _Context


_READ_BY_CSV = frozenset({"json", "xlsx", "xlsm", "excel", "tsv", "records"})
"""Commands a user may look for under `orgroles import` that `import csv` is."""


class _Group(click.Group):
    """Turns every `OrgError` into a clear message on stderr and exit code 2.

    A command runs with Python's cyclic garbage collector paused: it makes millions of
    objects (an org, its indexes, a report) that hold no reference cycles, which the
    collector's passes would walk again and again for nothing (measured on a check of a
    million roles: 4 of its 25 seconds, and not one object collected; the few hundred
    cyclic objects of a whole run are the imports'). Memory is freed as usual, when the
    last reference to an object goes.
    """

    context_class = _Context
    command_class = _Command
    group_class = type  # subgroups (`import`) are of this class too

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """As click does; a file given where a command goes gets the command it needs."""
        name = args[0] if args else ""
        if name.lower() in _READ_BY_CSV and self.get_command(ctx, "csv") is not None:
            ctx.fail(
                f"No such command {name!r}: 'orgroles import csv' reads CSV, Excel (.xlsx) "
                "and JSON exports: orgroles import csv FILE -o org.yaml"
            )
        if ("." in name or os.sep in name) and self.get_command(ctx, name) is None:
            import shlex  # only here: not on every command's start-up

            file = shlex.quote(name)
            if self.get_command(ctx, "csv") is not None:  # orgroles import
                hint = f"to import an HR export: orgroles import csv {file} -o org.yaml"
            else:
                hint = (
                    f"to check it: orgroles check {file}; "
                    f"to draw it: orgroles render {file} -o chart.svg"
                )
            ctx.fail(f"No such command {name!r}: {hint}")
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            with gc_paused():
                return super().invoke(ctx)
        except OrgValidationError as exc:
            report_problems(exc)
            ctx.exit(EXIT_BAD_INPUT)
        except OrgError as exc:
            click.echo(printable_lines(f"orgroles: {exc}"), err=True)
            ctx.exit(EXIT_BAD_INPUT)
        except (MemoryError, SystemError):
            # A SystemError ("error return without exception set") is what some C code
            # raises when an allocation fails. Said below, once the exception and the
            # frames it holds (the org, the chart) are gone and their memory free.
            pass
        gc.collect()
        click.echo(f"orgroles: {OUT_OF_MEMORY}", err=True)
        raise click.exceptions.Exit(EXIT_BAD_INPUT)


@click.group(
    cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100}
)
@click.version_option(__version__, "--version", "-V", prog_name="orgroles")
def cli() -> None:
    """Model a company as a graph of roles: check rules on it and draw org charts."""


class _Commands(dict[str, click.Command]):
    """The commands of the group, each module imported when one of its commands is first
    looked up: `orgroles check` does not import the charts, and `orgroles --version`
    no command at all. Listing them (`--help`, or iterating) imports them all."""

    def __init__(self, homes: Mapping[str, str]) -> None:
        super().__init__()
        self.homes: Mapping[str, str] = dict(homes)  # command name -> its module
        self._homes = dict(homes)  # the same, for the modules not imported yet

    def _load(self, name: str | None = None) -> None:
        for module in dict.fromkeys(m for c, m in self._homes.items() if name in (None, c)):
            self._homes = {c: m for c, m in self._homes.items() if m != module}
            importlib.import_module(module)  # its decorators add its commands here

    def get(self, name: str, default: Any = None) -> Any:
        if name in self._homes and not dict.__contains__(self, name):
            self._load(name)
        return super().get(name, default)

    def __getitem__(self, name: str) -> click.Command:
        if name in self._homes and not dict.__contains__(self, name):
            self._load(name)
        return super().__getitem__(name)

    def __contains__(self, name: object) -> bool:
        return name in self._homes or dict.__contains__(self, name)

    def __iter__(self) -> Iterator[str]:
        self._load()
        return super().__iter__()

    def __len__(self) -> int:
        self._load()
        return super().__len__()

    def keys(self) -> Any:
        self._load()
        return super().keys()

    def values(self) -> Any:
        self._load()
        return super().values()

    def items(self) -> Any:
        self._load()
        return super().items()


COMMAND_HOMES: Mapping[str, str] = {
    "catalog": "orgroles.cli.query",
    "check": "orgroles.cli.check",
    "diff": "orgroles.cli.query",
    "export": "orgroles.cli.export",
    "history": "orgroles.cli.history",
    "import": "orgroles.cli.imports",
    "init": "orgroles.cli.starter",
    "query": "orgroles.cli.query",
    "render": "orgroles.cli.render",
    "report": "orgroles.cli.report",
    "rules": "orgroles.cli.check",
    "schema": "orgroles.cli.query",
}
"""Each command of `orgroles`, and the module that defines it (imported when it runs)."""

cli.commands = _Commands(COMMAND_HOMES)


def catalog_dirs_option(command: F) -> F:
    """`--catalog-dir DIR`: a folder where the catalogue files of `uses:` may also be."""
    return click.option(
        "--catalog-dir",
        "catalog_dirs",
        multiple=True,
        metavar="DIR",
        type=click.Path(file_okay=False, exists=True),
        help="Also read the catalogue files of uses: from this folder (repeatable); "
        "by default only those under the org file's folder are read.",
    )(command)


def refuse_other_suffix(fmt: str, output: str, formats: Mapping[str, str]) -> None:
    """Refuse a `--format` that another format's suffix contradicts (exit 2): `-o
    chart.svg --format png` would write PNG bytes into a `.svg` file. `formats` maps the
    command's suffixes to their formats; a suffix outside it (`.out`) takes the format."""
    if output == STDIO:
        return
    named = formats.get(Path(output).suffix.lower())
    if named is not None and named != fmt:
        raise OrgUsageError(
            f"--format {fmt}, but the file name {output!r} says {named}: drop --format, "
            f"or name the file for {fmt}"
        )


def refuse_overwrite(output: str | None, inputs: Sequence[str | None], what: str) -> None:
    """Refuse to write `output` over one of the files a command reads (exit 2):
    `orgroles check org.yaml -o org.yaml` would replace the org with its report."""
    if output is None or output == STDIO or not os.path.exists(output):
        return
    for given in inputs:
        if given not in (None, STDIO) and os.path.exists(given) and os.path.samefile(output, given):
            raise click.UsageError(
                f"-o {output!r} is {given!r}, which this command reads: "
                f"refusing to replace it with the {what}"
            )


def to_terminal(output: str | None = None) -> bool:
    """Whether command output goes to a terminal (stdout, and stdout is one)."""
    if output is not None and output != STDIO:
        return False
    isatty = getattr(sys.stdout, "isatty", None)
    return bool(isatty()) if callable(isatty) else False


def write(text: str, output: str | None, *, color: bool | None = None) -> None:
    """Write command output to a file (atomically) or to stdout (`None` or `-`).

    On stdout, ANSI colour is kept only where `color` says so (click strips it when the
    output is not a terminal, unless `color` is True).
    """
    if output is None or output == STDIO:
        click.echo(text, nl=not text.endswith("\n"), color=color)
    else:
        from orgroles.io.atomic import atomic_write

        atomic_write(output, text)


def write_bytes(data: bytes, output: str) -> None:
    """Write bytes to a file (atomically) or, for `-`, to standard output as they are."""
    if output == STDIO:
        out: BinaryIO = sys.stdout.buffer
        out.write(data)
        out.flush()
    else:
        from orgroles.io.atomic import atomic_write

        atomic_write(output, data)


def use_color(choice: str, stream: Any = None) -> bool:
    """Whether to colour: `always`, `never`, or (`auto`) on a terminal when the
    `NO_COLOR` environment variable is unset or empty (https://no-color.org)."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    out = stream if stream is not None else sys.stdout
    isatty = getattr(out, "isatty", None)
    return not os.environ.get("NO_COLOR") and callable(isatty) and bool(isatty())


def color_option(command: F) -> F:
    """The `--color auto|always|never` option."""
    return click.option(
        "--color",
        type=click.Choice(COLORS),
        default="auto",
        show_default=True,
        help="Colour the output: auto (on a terminal, unless NO_COLOR is set), always or never.",
    )(command)


def as_of_option(command: F) -> F:
    """The `--as-of DATE` option: the day a dated org is shown on."""
    return click.option(
        "--as-of",
        "as_of",
        metavar="DATE",
        help="Show a dated org as of this day (YYYY-MM-DD; default: today). "
        "An org without dates is the same on every day.",
    )(command)


def load_org(path: str, as_of: str | None = None, catalog_dirs: Sequence[str] = ()) -> Org:
    """Read an org file, or with `-` an org from standard input (JSON or YAML, told
    apart by the content). An org from standard input reads no catalogue file: its
    `uses:` may name `builtin` only, as for any org read from text. A dated org is
    shown as of `as_of` (`YYYY-MM-DD`), by default today. Its `uses:` catalogues
    are read from its folder or from one of `catalog_dirs`."""
    from orgroles.loaders import load, loads

    if path == STDIO:
        source: BinaryIO = sys.stdin.buffer
        data = source.read()
        return loads(data, format=None, path="<stdin>", base_dir=None, as_of=as_of)
    return load(path, as_of=as_of, catalog_dirs=catalog_dirs)


def org_files(paths: Sequence[str]) -> Iterator[str]:
    """The org files that arguments name: files as given, and every `.yaml`, `.yml`
    and `.json` file below a folder (hidden ones left out), sorted; `-` is stdin."""
    for given in paths:
        path = Path(given)
        if given == STDIO or not path.is_dir():
            yield given
            continue
        found = sorted(
            p
            for p in path.rglob("*")
            if p.suffix.lower() in ORG_SUFFIXES
            and p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        if not found:
            raise OrgUsageError(f"{given}: no .yaml, .yml or .json file in this folder")
        yield from (str(p) for p in found)


def refuse_to_replace(output: str, force: bool, what: str = "file") -> None:
    """Refuse to overwrite an existing `output` unless `force` (`--force`)."""
    if output != STDIO and not force and Path(output).exists():
        raise OrgUsageError(
            f"{output}: the {what} exists; use --force to replace it, or choose another name"
        )


def split(values: Sequence[str]) -> list[str]:
    """`("K,C001", "S")` -> `["K", "C001", "S"]`: options that take comma lists."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]
