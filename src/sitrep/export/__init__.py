"""Exporters of merged events: GDELT-style TSV, ACLED-style CSV, PLOVER JSONL, Parquet, GeoJSON, CSV.

Docs: docs/exports.md
"""

from __future__ import annotations

from sitrep.export.registry import Exporter, exporters, get_exporter

__all__ = ["Exporter", "exporters", "get_exporter"]
