"""The org health report: spans and layers, vacancies, rule findings, who owns the critical
duties and, for a dated org, trends and changes, as one page a leader reads.

`org.report()` returns a `HealthReport` (a page with `to_html()`, a PDF with
`to_pdf()`, `write(path)`, shown inline in Jupyter); `org.plot.spans()` and the
other `Plots` give each chart alone as a matplotlib `Figure`. The numbers come
from `orgroles.health.numbers` and need nothing but orgroles; the page, the PDF and
the plots need the extra `report` (matplotlib and pandas):
`pip install 'orgroles[report]'`. The targets (span band, narrow spans, layers for the
org's size) are `Targets`; docs/report.md gives their sources.

The modules: `targets`, `numbers`,
`words` (en, fr), `plots` (matplotlib),
`svg`, `page` (HTML),
`pdf` and `report`.
"""

from orgroles.health.numbers import Numbers, compute
from orgroles.health.report import FORMATS, HealthReport, Plots, format_of, health_report
from orgroles.health.targets import Targets, layers_needed

__all__ = [
    "FORMATS",
    "HealthReport",
    "Numbers",
    "Plots",
    "Targets",
    "compute",
    "format_of",
    "health_report",
    "layers_needed",
]
