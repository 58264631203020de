"""Reading coded events off an annotated Doc in tests of the trigger patterns."""

from __future__ import annotations

from spacy.tokens import Doc


def first_event(doc: Doc, code: str) -> dict | None:
    """The first event of the sentence in the root (first two digits) of `code`."""
    return next((e for e in doc._.sitrep_events if e["cameo"][:2] == code[:2]), None)


def participant_codes(event: dict, role: str) -> set[str]:
    """The actor codes of one role ("source" or "target"), unknown actors left out."""
    return {p["code"] for p in event[role] if p["code"]}
