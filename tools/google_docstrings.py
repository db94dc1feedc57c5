"""Turn reST-ish docstrings into the project's style, Google with Markdown text (run:
python tools/google_docstrings.py src/orgroles). It did the conversion of #19 once; a
branch written before it can run it again to come into line before a merge.

- :role:`~a.b.c` -> `c`, :role:`a.b` -> `a.b` (cross-references become code spans);
- ``code`` -> `code` (outside doctest lines);
- the first doctest of a docstring starts an ``Examples:`` section, and the rest of the
  docstring is indented under it.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROLE = re.compile(r":(?:py:)?(func|class|meth|mod|data|attr|exc|obj|const):`(~?)([^`]+)`")
DOUBLE = re.compile(r"(?<!`)``(?!`)([^`\n]+?)(?<!`)``(?!`)")


def role(m: re.Match[str]) -> str:
    tilde, target = m.group(2), m.group(3)
    target = target.strip()
    if "<" in target and target.endswith(">"):  # :func:`text <target>`
        text = target[: target.index("<")].strip()
        return f"`{text}`"
    shown = target.rsplit(".", 1)[-1] if tilde else target.lstrip(".")
    if m.group(1) in ("func", "meth") and not shown.endswith(")"):
        shown += "()"
    return f"`{shown}`"


def docstring_nodes(tree: ast.AST) -> list[ast.Constant]:
    found = []
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if not isinstance(body, list):
            continue
        for stmt in body:
            if (
                isinstance(stmt, ast.Expr)
                and isinstance(stmt.value, ast.Constant)
                and isinstance(stmt.value.value, str)
            ):
                found.append(stmt.value)
    return found


def convert(path: Path) -> bool:
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    tree = ast.parse(text)
    nodes = sorted(docstring_nodes(tree), key=lambda n: n.lineno, reverse=True)
    for node in nodes:
        first, last = node.lineno - 1, node.end_lineno - 1  # type: ignore[operator]
        base = " " * node.col_offset
        in_doctest = False
        examples_at = None
        has_examples = False
        for i in range(first, last + 1):
            line = lines[i]
            stripped = line.strip()
            if stripped in ("Examples:", "Example:"):
                has_examples = True
                lines[i] = line.replace("Example:", "Examples:") if stripped == "Example:" else line
            body = stripped.lstrip('r"').lstrip() if i == first else stripped
            if body.startswith(">>>"):
                in_doctest = True
                if examples_at is None and not has_examples:
                    examples_at = i
            elif not stripped or stripped.startswith('"""'):
                in_doctest = False
            if in_doctest:
                continue  # doctest source and expected output: unchanged
            new = ROLE.sub(role, line)
            new = DOUBLE.sub(r"`\1`", new)
            lines[i] = new
        if examples_at is not None:
            if examples_at == first:
                continue  # a docstring that starts with a doctest: leave it
            block = []
            for i in range(examples_at, last + 1):
                line = lines[i]
                if i == last and line.strip().startswith('"""'):
                    block.append(line)
                elif line.strip():
                    block.append("    " + line)
                else:
                    block.append(line)
            header = [base + "Examples:"]
            if lines[examples_at - 1].strip():
                header = ["", *header]
            lines[examples_at : last + 1] = header + block
    new_text = "\n".join(lines)
    if new_text != text:
        path.write_text(new_text, encoding="utf-8")
        return True
    return False


if __name__ == "__main__":
    changed = [p for p in sorted(Path(sys.argv[1]).rglob("*.py")) if convert(p)]
    print(f"{len(changed)} files changed")
