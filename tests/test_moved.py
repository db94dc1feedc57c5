"""Names that moved in 0.2 still import from their old modules, and say where they went."""

from __future__ import annotations

import importlib

import pytest

import orgroles

MOVED = [
    ("orgroles.io.csv_import", "from_csv", orgroles.from_csv),
    ("orgroles.io.csv_import", "from_records", orgroles.from_records),
    ("orgroles.io.csv_import", "sniff_delimiter", None),
    ("orgroles.io.csv_import", "to_csv", None),
    ("orgroles.io.gitlab", "from_gitlab", orgroles.from_gitlab),
    ("orgroles.io.gitlab", "html_to_text", None),
    ("orgroles.io.columns", "Lookup", orgroles.Lookup),
    ("orgroles.io.columns", "PRESETS", None),
    ("orgroles.io.orgfile", "load", orgroles.load),
    ("orgroles.io.orgfile", "loads", orgroles.loads),
    ("orgroles.io.reader", "gc_paused", None),
]


@pytest.mark.parametrize(("module", "name", "same_as"), MOVED)
def test_an_old_path_still_works_and_says_where_the_name_went(
    module: str, name: str, same_as: object
) -> None:
    old = importlib.import_module(module)
    with pytest.warns(DeprecationWarning, match=rf"{module}\.{name} moved to orgroles\.") as w:
        value = getattr(old, name)
    assert value is not None
    if same_as is not None:
        assert value is same_as
    home = str(w[0].message).split(" moved to ")[1].split(":")[0].rsplit(".", 1)[0]
    assert getattr(importlib.import_module(home), name) is value


def test_an_unknown_old_name_is_still_an_attribute_error() -> None:
    old = importlib.import_module("orgroles.io.csv_import")
    with pytest.raises(AttributeError, match="has no attribute 'nothing'"):
        old.nothing  # noqa: B018


def test_the_old_import_statement_works() -> None:
    with pytest.warns(DeprecationWarning, match="moved to orgroles.loaders.from_csv"):
        from orgroles.io.csv_import import from_csv
    assert from_csv is orgroles.from_csv


def test_the_old_names_of_render_still_work() -> None:
    from orgroles.render import FORMATS, LAYOUTS, MAX_ASPECT, format_of
    from orgroles.render.arrange import LAYOUTS as ARRANGE_LAYOUTS
    from orgroles.render.dot import to_dot

    assert FORMATS[".svg"] == "svg"
    assert format_of("x.mmd") == "mermaid"
    assert LAYOUTS == ARRANGE_LAYOUTS == ("compact", "tree")
    assert MAX_ASPECT == 3.0
    assert to_dot.__name__ == "plan_to_dot"
