"""Write org documents as YAML or JSON, in the author's order, atomically.

The YAML is meant to be read and edited by people: each role, person or team that fits
on a line is written as one flow mapping (`- {id: cto, kind: cto, reports_to: ceo}`),
fields keep the schema's order, and only fields that differ from their default are
written. Strings that another YAML reader could mistake for a number, a boolean or a
date (`0123`, `NO`, `12:30`) are quoted, so that the file means the same everywhere.
"""

from __future__ import annotations

import os
import re
from typing import Any

import yaml
from pydantic_core import PydanticSerializationError

from orgroles._internal.validators import serializer
from orgroles.errors import OrgExportError, OrgUsageError
from orgroles.io.atomic import atomic_write
from orgroles.io.reader import format_from_suffix
from orgroles.model import OrgDocument

__all__ = ["document_data", "dump", "dumps"]

_FLOW_WIDTH = 110  # a mapping whose text is shorter than this is written on one line
_Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Flow(dict[str, Any]):
    """A mapping to write on one line."""


class _OrgDumper(_Dumper):  # type: ignore[misc]
    pass


# PyYAML quotes a string that YAML 1.1 would read as something else ("100", "yes"). YAML
# 1.2 (yq, editors' language servers, other languages' readers) also reads "007",
# "1e3", "0o17" and "0x1F" as numbers: such strings are quoted too, so that every reader
# reads an id as the text it is.
_OrgDumper.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    list("-+0123456789"),
)
_OrgDumper.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"),
    list("-+.0123456789"),
)


def _represent_flow(dumper: Any, data: _Flow) -> Any:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True)


def _represent_list(dumper: Any, data: list[Any]) -> Any:
    # Lists of plain values (responsibilities, members, ...) read best on one line.
    flow = all(not isinstance(x, (dict, list)) for x in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_OrgDumper.add_representer(_Flow, _represent_flow)
_OrgDumper.add_representer(list, _represent_list)


def _fits_on_a_line(item: dict[str, Any]) -> bool:
    size = 0
    for key, value in item.items():
        if isinstance(value, dict):
            return False
        if isinstance(value, list):
            if any(isinstance(x, (dict, list)) for x in value):
                return False
            size += sum(len(str(x)) + 2 for x in value)
        else:
            size += len(str(value))
            if isinstance(value, str) and "\n" in value:
                return False
        size += len(key) + 4
    return size < _FLOW_WIDTH


def document_data(document: OrgDocument) -> dict[str, Any]:
    """The document as plain JSON data, without the fields left at their default."""
    data: dict[str, Any] = serializer(OrgDocument).to_python(
        document, mode="json", exclude_defaults=True, by_alias=True
    )
    return data


def dumps(document: OrgDocument, format: str = "yaml") -> str:
    """The document as text: `yaml` for people, `json` for programs.

    Raises `OrgExportError` for text that no file can hold (a lone
    surrogate in a `meta` built in Python, say).
    """
    try:
        return _dumps(document, format)
    except (UnicodeEncodeError, PydanticSerializationError) as exc:
        raise OrgExportError(f"cannot write the org as {format.upper()}: {exc}") from None


def _dumps(document: OrgDocument, format: str) -> str:
    if format == "json":
        return (
            serializer(OrgDocument)
            .to_json(document, indent=2, exclude_defaults=True, by_alias=True)
            .decode("utf-8")
            + "\n"
        )
    if format != "yaml":
        raise OrgUsageError(f"unknown format {format!r}: use 'yaml' or 'json'")
    data = document_data(document)
    for section in ("people", "roles", "teams"):
        items = data.get(section)
        if items:
            data[section] = [_Flow(x) if _fits_on_a_line(x) else x for x in items]
    text: str = yaml.dump(
        data,
        Dumper=_OrgDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    return text


def dump(document: OrgDocument, path: str | os.PathLike[str], format: str | None = None) -> None:
    """Write the document to `path` atomically; the format comes from the suffix."""
    atomic_write(path, dumps(document, format or format_from_suffix(path)))
