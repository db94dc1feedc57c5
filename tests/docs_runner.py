"""Run the snippets of a docs page as a reader would, with nothing but the standard
library and an installed orgroles: `python tests/docs_runner.py PAGE...`.

tests/test_tutorial_wheel.py runs it with the interpreter of a fresh venv where only the
built wheel is installed, in an empty folder, so that the pages a pip user follows (the
tutorial, the slides how-to, the notebook quick-start, the service guide) are proved to
work without a clone. tests/test_docs.py shares its parser.

What each fenced block does, in page order:

- `console`: each `$ orgroles ...` line runs the `orgroles` console script of this
  interpreter's environment; the lines under it are compared with its output (stdout and
  stderr, `...` matches anything), or, with none, it must exit 0;
- `python`: executed; the blocks of a page share their names, like a notebook;
- `pycon`: run as a doctest, in the same names;
- `yaml`, `json`, `csv` with a `title="name"`: written to that file. The first time a
  page shows a file that a command wrote (`orgroles init`), it must show it as written;
- `text` and untitled data: not run.

It exits 1 and says which block failed, or 0.
"""

from __future__ import annotations

import doctest
import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

FENCE = re.compile(
    r"^(?P<indent>[ \t]*)```(?P<lang>[\w-]*)(?P<opts>[^\n]*)\n(?P<body>.*?)^(?P=indent)```[ \t]*$",
    re.M | re.S,
)
TITLE = re.compile(r'title="([^"]+)"')
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
_CHECKER = doctest.OutputChecker()


@dataclass
class Snippet:
    """A fenced block of a page: where it is, its language, its title and its text."""

    page: Path
    line: int
    lang: str
    title: str
    body: str

    def __str__(self) -> str:
        return f"{self.page.name}:{self.line}"


def snippets(page: Path) -> list[Snippet]:
    """The fenced blocks of a page, in order (indented blocks, as in lists, included)."""
    text = page.read_text(encoding="utf-8")
    out = []
    for m in FENCE.finditer(text):
        indent = m.group("indent")
        body = "\n".join(line[len(indent) :] for line in m.group("body").splitlines()) + "\n"
        title = TITLE.search(m.group("opts"))
        out.append(
            Snippet(
                page,
                text.count("\n", 0, m.start()) + 1,
                m.group("lang"),
                title.group(1) if title else "",
                body,
            )
        )
    return out


def matches(expected: str, got: str) -> bool:
    """Whether output matches what a page shows, as doctest compares them."""
    return _CHECKER.check_output(expected, got, FLAGS)


def _orgroles(args: list[str]) -> subprocess.CompletedProcess[str]:
    scripts = Path(sys.executable).parent
    command = scripts / ("orgroles.exe" if os.name == "nt" else "orgroles")
    return subprocess.run(
        [str(command), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},  # stdout and stderr in order
    )


def run_page(page: Path) -> int:
    """Run a page's snippets in the current folder; the number of blocks run."""
    names: dict[str, object] = {"__name__": "__docs__"}
    shown: set[str] = set()  # the files a block of the page has written
    ran = 0
    for snippet in snippets(page):
        if snippet.lang == "console":
            outputs: list[tuple[str, subprocess.CompletedProcess[str], list[str]]] = []
            for line in snippet.body.splitlines():
                if line.startswith("$ "):
                    words = shlex.split(line[2:])
                    if words[0] != "orgroles":
                        raise AssertionError(f"{snippet}: cannot run {line[2:]!r} here")
                    outputs.append((line[2:], _orgroles(words[1:]), []))
                elif outputs:
                    outputs[-1][2].append(line)
            for command, result, lines in outputs:
                expected = "\n".join(lines).strip()
                if expected:
                    if not matches(expected + "\n", result.stdout):
                        raise AssertionError(
                            f"{snippet}: `{command}` printed:\n{result.stdout}\n"
                            f"expected:\n{expected}"
                        )
                elif result.returncode != 0:
                    raise AssertionError(
                        f"{snippet}: `{command}` exited {result.returncode}:\n{result.stdout}"
                    )
                ran += 1
        elif snippet.lang == "python":
            exec(compile(snippet.body, str(snippet), "exec"), names)
            ran += 1
        elif snippet.lang == "pycon":
            test = doctest.DocTestParser().get_doctest(
                snippet.body, names, str(snippet), str(page), snippet.line
            )
            runner = doctest.DocTestRunner(optionflags=FLAGS)
            runner.run(test, clear_globs=False)
            names.update(test.globs)
            if runner.summarize(verbose=False).failed:
                raise AssertionError(f"{snippet}: doctest failed (see above)")
            ran += 1
        elif snippet.lang in ("yaml", "json", "csv") and snippet.title:
            path = Path(snippet.title)
            if path.exists() and snippet.title not in shown:
                written = path.read_text(encoding="utf-8")
                if written != snippet.body:
                    raise AssertionError(
                        f"{snippet}: the page does not show {snippet.title} as the command wrote it"
                    )
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(snippet.body, encoding="utf-8")
            shown.add(snippet.title)
        elif snippet.lang not in ("yaml", "json", "csv", "text", ""):
            raise AssertionError(f"{snippet}: cannot run a {snippet.lang!r} block here")
    return ran


def main(pages: list[str]) -> int:
    for page in pages:
        ran = run_page(Path(page).resolve())
        print(f"{page}: {ran} blocks ran")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
