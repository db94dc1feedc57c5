"""The rule engine: stable rule codes, a registry, and the reports that checks produce."""

from orgroles.rules.report import SEVERITIES, Report, Suppressed, Violation

__all__ = ["SEVERITIES", "Report", "Suppressed", "Violation"]
