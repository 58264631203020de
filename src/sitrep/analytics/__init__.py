"""Dyad time series, the escalation index and alerts over merged events. Docs: docs/analytics.md"""

from __future__ import annotations

from sitrep.analytics.dyads import Alert, Point, alerts, dyad_series, escalation, find_alerts, series

__all__ = ["Alert", "Point", "alerts", "dyad_series", "escalation", "find_alerts", "series"]
