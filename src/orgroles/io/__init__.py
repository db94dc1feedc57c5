"""Reading and writing orgs: YAML and JSON with locations, atomic writes, importers.

The public entry points are re-exported by :mod:`orgroles`: ``load``, ``loads``,
``Org.dump`` and ``Org.dumps``.
"""

__all__: list[str] = []
