"""JSON Schemas of the org and catalogue file formats, in draft 7.

Draft 7 is what editors understand best: with the schema saved next to your files, the
YAML language server completes keys and flags typos as you type when the file starts
with `# yaml-language-server: $schema=org.schema.json`.

Examples:
    >>> schema = org_schema()
    >>> schema["$schema"]
    'http://json-schema.org/draft-07/schema#'
    >>> sorted(schema["definitions"])[:3]
    ['CustomRule', 'ExclusiveRule', 'Line']
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from orgroles.model import CatalogDocument, OrgDocument

__all__ = [
    "DRAFT7",
    "SCHEMA_FILES",
    "SCHEMA_URL",
    "catalog_schema",
    "org_schema",
    "schema_text",
    "write_schemas",
]

DRAFT7 = "http://json-schema.org/draft-07/schema#"

SCHEMA_URL = "https://orgroles.readthedocs.io/en/latest/schema/"
"""Where the schemas are published (`docs/schema/` of the repository): their `$id`s."""

SCHEMA_FILES = {"org.schema.json": "org", "catalog.schema.json": "catalog"}
"""The schema files of `docs/schema/`, and which schema each holds."""

# pydantic writes draft 2020-12; these are the only changes a draft-7 reader needs.
_DROP = {"discriminator"}


def _draft7(node: Any) -> Any:
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key in _DROP:
                continue
            if key == "$defs":
                key = "definitions"
            if key == "$ref" and isinstance(value, str):
                value = value.replace("#/$defs/", "#/definitions/")
            out[key] = _draft7(value)
        return out
    if isinstance(node, list):
        return [_draft7(x) for x in node]
    return node


def _schema(model: type, title: str, description: str, name: str) -> dict[str, Any]:
    raw = TypeAdapter(model).json_schema(by_alias=True, mode="validation")
    body = _draft7(raw)
    custom = body.get("definitions", {})
    if "MustReportToRule" in custom:  # name the tagged union, for readable editor hints
        custom["CustomRule"] = {
            "oneOf": [
                {"$ref": f"#/definitions/{n}"}
                for n in ("MustReportToRule", "MaxSpanRule", "RequiresRule", "ExclusiveRule")
            ]
        }
    body["title"] = title
    body["description"] = description
    return {"$schema": DRAFT7, "$id": f"{SCHEMA_URL}{name}", **body}


def org_schema() -> dict[str, Any]:
    """The JSON Schema (draft 7) of an org file."""
    return _schema(
        OrgDocument,
        "orgroles org file",
        "A company as roles that report to one another, the people who hold them, "
        "teams, catalogue entries and rule settings.",
        "org.schema.json",
    )


def catalog_schema() -> dict[str, Any]:
    """The JSON Schema (draft 7) of a catalogue file."""
    return _schema(
        CatalogDocument,
        "orgroles catalogue file",
        "Kinds of role and responsibilities, shared by several org files through 'uses:'.",
        "catalog.schema.json",
    )


def schema_text(name: str) -> str:
    """The text of one file of `docs/schema/` (`org.schema.json` or `catalog.schema.json`)."""
    document = org_schema() if SCHEMA_FILES[name] == "org" else catalog_schema()
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def write_schemas(folder: str | os.PathLike[str]) -> list[Path]:
    """Write both schemas into `folder` (`docs/schema`); returns their paths."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCHEMA_FILES:
        path = out / name
        path.write_text(schema_text(name), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":  # python -m orgroles.schema docs/schema
    import sys

    for written_path in write_schemas(sys.argv[1] if len(sys.argv) > 1 else "docs/schema"):
        print(written_path)
