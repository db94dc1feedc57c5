"""Org charts: DOT, SVG, PNG, PDF and Mermaid from an org (work in progress)."""

__all__: list[str] = []
