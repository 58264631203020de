"""The `Exporter` protocol and the registry that loads exporters from the `sitrep.exporters`
entry-point group, as a third party's would be, falling back to the built-ins when the
package's entry points are not installed. Docs: docs/exports.md
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, BinaryIO, Protocol, runtime_checkable

from sitrep.errors import SitrepError

GROUP = "sitrep.exporters"


@runtime_checkable
class Exporter(Protocol):
    """Writes merged-event records (dicts of the MergedEvent shape) to a binary stream or a path."""

    suffix: str

    def write(self, events: Iterable[dict[str, Any]], out: BinaryIO | Path) -> int:
        """Write the events; return how many were written."""
        ...


def builtin_exporters() -> dict[str, Exporter]:
    """sitrep's own exporters by name."""
    from sitrep.export.formats import (
        AcledCsvExporter,
        CsvExporter,
        GdeltExporter,
        GeoJsonExporter,
        PloverExporter,
    )
    from sitrep.export.parquet import ParquetExporter

    return {"gdelt": GdeltExporter(), "acled": AcledCsvExporter(), "plover": PloverExporter(),
            "parquet": ParquetExporter(), "geojson": GeoJsonExporter(), "csv": CsvExporter()}


def exporters() -> dict[str, Exporter]:
    """Every exporter: the built-ins, then those registered under `sitrep.exporters` (which win)."""
    found = builtin_exporters()
    for point in entry_points(group=GROUP):
        loaded = point.load()
        found[point.name] = loaded() if isinstance(loaded, type) else loaded
    return found


def get_exporter(name: str) -> Exporter:
    """The exporter called `name`.

    Raises:
        SitrepError: E530 when no exporter has that name.
    """
    found = exporters()
    if name not in found:
        raise SitrepError("E530", fmt=name, known=", ".join(sorted(found)))
    return found[name]
