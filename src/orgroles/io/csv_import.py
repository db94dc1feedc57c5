"""Moved: the CSV importer is `orgroles.importers` and `orgroles.from_csv`.

The old names still work, with a `DeprecationWarning` that says where each went.
"""

from orgroles._internal.moved import moved

__all__: list[str] = []

__getattr__ = moved(
    __name__,
    {
        "from_csv": "orgroles.loaders",
        "from_records": "orgroles.loaders",
        "CSV_COLUMNS": "orgroles.importers.csv_export",
        "csv_text": "orgroles.importers.csv_export",
        "to_csv": "orgroles.importers.csv_export",
        "DELIMITERS": "orgroles.importers.csv_read",
        "CsvTable": "orgroles.importers.csv_read",
        "read_table": "orgroles.importers.csv_read",
        "sniff_delimiter": "orgroles.importers.csv_read",
    },
)
