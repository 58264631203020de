"""The REST API (FastAPI): versioned JSON resources over the store. Docs: docs/api.md"""

from __future__ import annotations

from sitrep.api.app import create_app

__all__ = ["create_app"]
