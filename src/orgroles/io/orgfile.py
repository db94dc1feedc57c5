"""``load`` and ``loads``: org files and texts to :class:`~orgroles.Org` objects.

>>> import orgroles
>>> org = orgroles.loads('''
... name: Tiny Startup
... roles:
...   - {id: ceo, kind: ceo}
...   - {id: cto, kind: cto, reports_to: ceo}
... ''')
>>> list(org.roles)
['ceo', 'cto']
>>> try:
...     orgroles.loads("roles:\\n  - {id: ceo, reports_too: x}\\n")
... except orgroles.OrgFileError as exc:
...     print(exc)
<string>:2:15: roles[0].reports_too: unknown key 'reports_too' (did you mean 'reports_to'?)
"""

from __future__ import annotations

import os
from pathlib import Path

from orgroles.io.reader import Format, format_from_suffix, parse_document, read_file
from orgroles.model import OrgDocument
from orgroles.org import Org

__all__ = ["load", "loads"]


def load(path: str | os.PathLike[str], *, format: Format | None = None) -> Org:
    """Read an org file: YAML (``.yaml``, ``.yml``) or JSON (``.json``), by its suffix.

    Raises :class:`~orgroles.errors.OrgFileError` listing every problem with its line.
    """
    name = os.fspath(path)
    fmt = format or format_from_suffix(name)
    document, source = parse_document(read_file(name), fmt, OrgDocument, name)
    return Org.from_document(document, source=source, base_dir=Path(name).parent)


def loads(
    text: str | bytes,
    format: Format = "yaml",
    *,
    path: str | None = None,
    base_dir: str | os.PathLike[str] | None = None,
) -> Org:
    """Read an org from text. ``path`` names it in messages; ``base_dir`` anchors ``uses:``."""
    if isinstance(text, bytes):
        from orgroles.io.reader import decode

        text = decode(text, path)
    document, source = parse_document(text, format, OrgDocument, path)
    return Org.from_document(document, source=source, base_dir=base_dir)
