"""The API's one error shape: `{"ok": false, "code", "error", "http"}`, for every failure."""

from __future__ import annotations

from sitrep.errors import SitrepError


class ApiError(SitrepError):
    """A request the API refuses, with the HTTP status it answers with."""

    def __init__(self, code: str, http: int = 422, **fields: object) -> None:
        super().__init__(code, **fields)
        self.http_code = http


def error_body(code: str, message: str, http: int) -> dict[str, object]:
    """The JSON body of every error response."""
    return {"ok": False, "code": code, "error": message, "http": http}
