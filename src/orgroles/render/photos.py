"""People's photos on cards: a `Person.photo` read, checked and embedded as a data URI.

A photo is a file (PNG, JPEG or GIF) named relative to the org file's folder, or a
`data:image/...;base64,` URI. It is read once per chart and embedded, so that a chart
is one file that needs nothing else; a photo of more than `PHOTO_LIMIT` bytes is an
error. A file outside the org file's folder (`../`, an absolute path, a link that
leads out) and an `http(s)` URL are refused, unless the chart's options say
`allow_outside_photos=True` (the command line's `--allow-outside-photos`): an org
file from someone else must not make a chart read your files or call a server. Every
other URL scheme is refused.

Examples:
    >>> import base64
    >>> tiny_png = base64.b64decode(
    ...     "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJ"
    ...     "RU5ErkJggg==")
    >>> photo_uri("data:image/png;base64," + base64.b64encode(tiny_png).decode(), None, False)[:22]
    'data:image/png;base64,'
    >>> photo_uri("https://example.com/a.png", None, False)
    Traceback (most recent call last):
    ...
    orgroles.errors.RenderError: the photo 'https://example.com/a.png' is on the web: ...
"""

from __future__ import annotations

import base64
import binascii
import os
import re
import warnings
from pathlib import Path

from orgroles.errors import RenderError
from orgroles.render.quoting import clean

__all__ = [
    "PHOTO_LIMIT",
    "PHOTO_TYPES",
    "MissingPhotoWarning",
    "UnusablePhoto",
    "embedded",
    "missing_file",
    "photo_bytes",
    "photo_uri",
    "warn_missing",
]

PHOTO_LIMIT = 512 * 1024
"""The largest photo, in bytes: charts embed every photo they show."""

PHOTO_TYPES = {
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
    b"GIF8": "image/gif",
}
"""The image formats a photo may be in, by their first bytes."""

_DATA = re.compile(r"data:(image/(?:png|jpeg|jpg|gif));base64,([A-Za-z0-9+/=\s]*)\Z", re.I)
_TIMEOUT = 10.0


def _name(photo: str) -> str:
    return repr(clean(photo[:60] + ("..." if len(photo) > 60 else "")))


class UnusablePhoto(RenderError):
    """A photo that a chart may read but that holds no image it can embed: not a PNG,
    JPEG or GIF, too big, bad base64, or a file that cannot be read. A chart draws the
    person's initials instead, with a warning; `photo_uri()` raises it."""


def _type_of(data: bytes, photo: str) -> str:
    for magic, mime in PHOTO_TYPES.items():
        if data.startswith(magic):
            return mime
    raise UnusablePhoto(f"the photo {_name(photo)} is not a PNG, JPEG or GIF image")


def _checked(data: bytes, photo: str) -> bytes:
    if len(data) > PHOTO_LIMIT:
        raise UnusablePhoto(
            f"the photo {_name(photo)} has {len(data):,} bytes, more than the "
            f"{PHOTO_LIMIT:,} a chart embeds: make it smaller"
        )
    _type_of(data, photo)
    return data


class MissingPhotoWarning(UserWarning):
    """People's photos whose files do not exist: their boxes show their initials."""


def missing_file(photo: str, folder: str | os.PathLike[str] | None, allow_outside: bool) -> bool:
    """Whether `photo` names a file that a chart may read (in `folder`, or anywhere with
    `allow_outside`) and that does not exist: a person whose photo is not there yet,
    drawn with their initials. A photo refused or wrong in any other way is not missing:
    `photo_bytes()` says why.

    Examples:
        >>> missing_file("faces/nobody.png", ".", False), missing_file("../x.png", ".", False)
        (True, False)
    """
    text = photo.strip()
    if text[:5].lower() == "data:" or _scheme(text) is not None:
        return False
    base, path = _file(text, folder)
    inside = allow_outside or path.is_relative_to(base.resolve())
    return inside and not path.exists()


def _scheme(text: str) -> str | None:
    """The URL scheme that `text` starts with (`https`), or None: not a Windows drive
    letter (`C:`)."""
    found = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", text)
    return found[1] if found is not None and len(found[1]) > 1 else None


def _file(text: str, folder: str | os.PathLike[str] | None) -> tuple[Path, Path]:
    """The folder that a photo's file is named from (the working folder by default), and
    the file, resolved."""
    base = Path(folder) if folder is not None else Path.cwd()
    return base, (base / text).resolve()


def photo_bytes(photo: str, folder: str | os.PathLike[str] | None, allow_outside: bool) -> bytes:
    """The image a `Person.photo` names, checked: a data URI, a file in `folder` (the
    org file's, or the working folder), or, with `allow_outside`, any file or an
    `http(s)` URL. Raises `RenderError` when refused or wrong."""
    text = photo.strip()
    if text[:5].lower() == "data:":
        match = _DATA.match(text)
        if match is None:
            raise UnusablePhoto(
                f"the photo {_name(photo)} is not a base64 PNG, JPEG or GIF data URI"
            )
        try:
            data = base64.b64decode(re.sub(r"\s", "", match[2]), validate=True)
        except binascii.Error:
            raise UnusablePhoto(f"the photo {_name(photo)} is not valid base64") from None
        return _checked(data, photo)
    scheme = _scheme(text)
    if scheme is not None:
        if scheme.lower() not in ("http", "https"):
            raise RenderError(f"the photo {_name(photo)} is neither a file nor a data URI")
        if not allow_outside:
            raise RenderError(
                f"the photo {_name(photo)} is on the web: charts fetch no URL unless you "
                "allow it (allow_outside_photos=True, --allow-outside-photos)"
            )
        return _checked(_fetch(text, photo), photo)
    base, path = _file(text, folder)
    if not allow_outside and not path.is_relative_to(base.resolve()):
        raise RenderError(
            f"the photo {_name(photo)} is outside the org file's folder ({base}): charts "
            "read no file there unless you allow it (allow_outside_photos=True, "
            "--allow-outside-photos)"
        )
    try:
        with path.open("rb") as handle:
            data = handle.read(PHOTO_LIMIT + 1)  # enough to know it is too big
        if len(data) > PHOTO_LIMIT:
            size = path.stat().st_size
            raise UnusablePhoto(
                f"the photo {_name(photo)} has {size:,} bytes, more than the "
                f"{PHOTO_LIMIT:,} a chart embeds: make it smaller"
            )
    except OSError as exc:
        why = exc.strerror or exc
        raise UnusablePhoto(f"cannot read the photo {_name(photo)}: {why}") from None
    return _checked(data, photo)


def _fetch(url: str, photo: str) -> bytes:  # pragma: no cover - network, opt-in only
    from urllib.request import Request, urlopen

    request = Request(url, headers={"User-Agent": "orgroles"})
    try:
        with urlopen(request, timeout=_TIMEOUT) as response:
            return bytes(response.read(PHOTO_LIMIT + 1))
    except OSError as exc:
        raise RenderError(f"cannot fetch the photo {_name(photo)}: {exc}") from None


def photo_uri(photo: str, folder: str | os.PathLike[str] | None, allow_outside: bool) -> str:
    """The photo as a `data:` URI to embed (see `photo_bytes()`)."""
    data = photo_bytes(photo, folder, allow_outside)
    mime = _type_of(data, photo)
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def embedded(
    photo: str,
    folder: str | os.PathLike[str] | None,
    allow_outside: bool,
    uris: dict[str, str],
    missing: list[tuple[str, str | None]],
) -> str | None:
    """The photo's data URI, read once (`uris` keeps them); None, with the photo and why
    added to `missing`, when its file does not exist (why: None) or holds no image it can
    embed (`UnusablePhoto`'s message): the box shows the initials. A photo refused (a
    file outside `folder`, a URL) still raises `RenderError`."""
    found = uris.get(photo)
    if found is None:
        if missing_file(photo, folder, allow_outside):
            missing.append((photo, None))
            return None
        try:
            found = uris[photo] = photo_uri(photo, folder, allow_outside)
        except UnusablePhoto as exc:
            missing.append((photo, str(exc)))
            return None
    return found


def warn_missing(said: set[str], missing: list[tuple[str, str | None]]) -> None:
    """One `MissingPhotoWarning` for the photos not shown that are not in `said` (which
    it fills: a deck makes a plan per slide, and each photo is said once per org)."""
    shown = {photo: why for photo, why in missing if photo not in said}
    if not shown:
        return
    said.update(shown)
    parts = []
    absent = [p for p, why in shown.items() if why is None]
    if absent:
        listed = ", ".join(repr(clean(p)) for p in absent[:5])
        more = f", and {len(absent) - 5:,} more" if len(absent) > 5 else ""
        parts.append(
            f"{len(absent):,} photo file{'s' if len(absent) > 1 else ''} not found ({listed}{more})"
        )
    parts += [why for why in shown.values() if why is not None][:5]
    warnings.warn(
        f"{'; '.join(parts)}: drawn with the people's initials", MissingPhotoWarning, stacklevel=5
    )
