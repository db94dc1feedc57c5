"""Org files: YAML and JSON read with the position of every node, and written atomically.

- :mod:`~orgroles.io.reader`: read a document (YAML or JSON) into the models, with every
  problem located (:mod:`~orgroles.io.yaml_reader`, :mod:`~orgroles.io.json_marks`,
  :mod:`~orgroles.io.problems`);
- :mod:`~orgroles.io.writer`: write one back, keeping the author's order;
- :mod:`~orgroles.io.atomic`: write any file atomically.

:func:`orgroles.load` and :func:`orgroles.loads` (in :mod:`orgroles.loaders`) build an org
from a document. The importers of HR data moved to :mod:`orgroles.importers`; their old
modules here (``csv_import``, ``gitlab``, ``columns``, ``orgfile``) still answer for the
names they had, with a :class:`DeprecationWarning`.
"""

__all__: list[str] = []
