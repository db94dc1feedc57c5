"""Importers: the data people already have (HR exports as CSV or records, GitLab's team
page) read as org documents, and orgs written back as CSV.

Each importer returns an `Imported` (the document and
where it came from); `orgroles.from_csv()`, `orgroles.from_records()` and
`orgroles.from_gitlab()` build the `Org` from it.

- `csv_read`: CSV text to a table (delimiter, header, lines);
- `columns`: which column holds what, and the presets;
- `csv_map`: a table or records to an org document;
- `gitlab`: GitLab's `team.yml`;
- `rows`: what every importer shares (ids, managers, teams);
- `csv_export`: an org as CSV.
"""

from orgroles.importers.columns import PRESETS, Columns, Lookup, Preset, preset_names
from orgroles.importers.csv_export import CSV_COLUMNS, csv_text, to_csv
from orgroles.importers.csv_map import csv_document, records_document
from orgroles.importers.csv_read import DELIMITERS, CsvTable, read_table, sniff_delimiter
from orgroles.importers.gitlab import gitlab_document, html_to_text
from orgroles.importers.rows import Imported

__all__ = [
    "CSV_COLUMNS",
    "DELIMITERS",
    "PRESETS",
    "Columns",
    "CsvTable",
    "Imported",
    "Lookup",
    "Preset",
    "csv_document",
    "csv_text",
    "gitlab_document",
    "html_to_text",
    "preset_names",
    "read_table",
    "records_document",
    "sniff_delimiter",
    "to_csv",
]
