"""Reading and writing orgs: YAML and JSON with locations, atomic writes, importers.

The public entry points are re-exported by :mod:`orgroles`: ``load``, ``loads``,
``Org.dump`` and ``Org.dumps``; the importers ``from_csv``, ``from_records`` and
``from_gitlab`` (:mod:`orgroles.io.csv_import`, :mod:`orgroles.io.gitlab`, with the column
mapping in :mod:`orgroles.io.columns`), and ``Org.to_csv``.
"""

__all__: list[str] = []
