"""Org files: YAML and JSON read with the position of every node, and written atomically.

- `reader`: read a document (YAML or JSON) into the models, with every
  problem located (`yaml_reader`, `json_marks`,
  `problems`);
- `writer`: write one back, keeping the author's order;
- `atomic`: write any file atomically.

`orgroles.load()` and `orgroles.loads()` (in `orgroles.loaders`) build an org
from a document. The importers of HR data moved to `orgroles.importers`; their old
modules here (`csv_import`, `gitlab`, `columns`, `orgfile`) still answer for the
names they had, with a `DeprecationWarning`.
"""

__all__: list[str] = []
