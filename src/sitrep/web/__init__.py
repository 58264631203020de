"""The web dashboard: server-rendered pages with JSON twins, drawn offline by our own scripts.

Docs: docs/dashboard.md
"""

from sitrep.web.routes import dashboard_router, mount_static

__all__ = ["dashboard_router", "mount_static"]
