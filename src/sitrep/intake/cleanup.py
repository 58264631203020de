"""Repairs that real plain-text scrapes need, each one written to the cleanup notes.

Order matters: whitespace first (so lines compare equal), then the tail (footers and
truncation markers, repeatedly, since a scrape may end "...cut........ / © X / visit website"),
then boilerplate lines anywhere, then repeated paragraphs, then the headline lines.
The result keeps one paragraph per line, separated by a single newline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitrep.intake.markers import (
    LINE_KINDS,
    Marker,
    MarkerHit,
    load_markers,
    match_end,
    match_line,
    search_line,
)

MIN_REPEAT_CHARS = 20
"""Shorter paragraphs (separators, "Yes.") may legitimately repeat and are kept."""

TITLE_MAX_CHARS = 150
SUBTITLE_MAX_CHARS = 250
BODY_MIN_CHARS = 120
"""A headline line is only taken when a body paragraph at least this long (and longer than
the line itself) follows it, so a text of short lines keeps its first line."""

BYLINE_WINDOW = 3
"""How many lines under the headline may hold a byline."""

WRAP_MAX_WIDTH = 100
WRAP_FILL = 0.6
WRAP_SHARE = 0.8
"""A text is hard-wrapped when no line is wider than WRAP_MAX_WIDTH and at least WRAP_SHARE
of the lines inside paragraphs fill WRAP_FILL of that width."""

_INLINE_SPACE = re.compile(r"[^\S\n]+")
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")
_NOT_A_TITLE_END = (".", ",", ";", ":")
_CLOSERS = "\"'”’)]»"
_AUTHOR_SPLIT = re.compile(r",\s*|\s+and\s+")


@dataclass
class Cleaned:
    """A cleaned text with what the cleanup learned about it."""

    text: str = ""
    title: str | None = None
    subtitle: str | None = None
    publisher: str | None = None
    authors: list[str] = field(default_factory=list)
    truncated: bool = False
    truncation_marker: str | None = None
    notes: list[str] = field(default_factory=list)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _blocks(text: str) -> list[list[str]]:
    """Lines grouped into blocks separated by blank lines."""
    blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _is_hard_wrapped(blocks: list[list[str]]) -> bool:
    inner = [line for block in blocks if len(block) > 1 for line in block[:-1]]
    if len(blocks) < 2 or not inner:
        return False
    width = max(len(line) for block in blocks for line in block)
    filled = sum(1 for line in inner if len(line) >= width * WRAP_FILL)
    return width <= WRAP_MAX_WIDTH and filled >= WRAP_SHARE * len(inner)


def split_paragraphs(text: str, doc: Cleaned) -> list[str]:
    """Normalize whitespace and return one paragraph per item, unwrapping hard-wrapped text."""
    squeezed = _INLINE_SPACE.sub(" ", _INVISIBLE.sub("", text))
    lines = [line.strip() for line in squeezed.split("\n")]
    if lines != [line.strip() for line in text.split("\n")]:
        doc.notes.append("normalized whitespace inside lines")
    blocks = _blocks("\n".join(lines))
    if _is_hard_wrapped(blocks):
        doc.notes.append("joined hard-wrapped lines into paragraphs")
        return [" ".join(block) for block in blocks]
    return [line for block in blocks for line in block]


def _publisher_from(hit: MarkerHit) -> str | None:
    name = (hit.match.groupdict().get("publisher") or "").strip(" .,")
    return name or None


def _note_removed(doc: Cleaned, hits: list[MarkerHit], where: str) -> None:
    if not hits:
        return
    ids = ", ".join(dict.fromkeys(hit.marker.id for hit in hits))
    doc.notes.append(f"removed {_plural(len(hits), 'line')} of {where} ({ids})")
    for hit in hits:
        if doc.publisher is None and (name := _publisher_from(hit)):
            doc.publisher = name
            doc.notes.append(f"publisher {name!r} from a footer ({hit.marker.id})")


def strip_tail(lines: list[str], doc: Cleaned, markers: tuple[Marker, ...]) -> list[str]:
    """Peel footers and truncation markers off the end until neither is left."""
    lines = list(lines)
    removed: list[MarkerHit] = []
    cut: MarkerHit | None = None
    while lines:
        if hit := match_line(lines[-1], LINE_KINDS, markers):
            removed.append(hit)
            lines.pop()
        elif hit := match_end(lines[-1], markers):
            kept = lines[-1][: hit.start].rstrip()
            lines[-1:] = [kept] if kept else []
            cut = cut or hit
        else:
            break
    _note_removed(doc, removed, "footer at the end")
    if cut is not None:
        doc.truncated = True
        doc.truncation_marker = cut.match.group().strip()
        doc.notes.append(
            f"stripped truncation marker {doc.truncation_marker!r} ({cut.marker.id}); text flagged truncated")
    return lines


def drop_boilerplate(lines: list[str], doc: Cleaned, markers: tuple[Marker, ...]) -> list[str]:
    """Remove whole lines that are footers or boilerplate wherever they stand."""
    kept: list[str] = []
    removed: list[MarkerHit] = []
    for line in lines:
        if hit := match_line(line, LINE_KINDS, markers):
            removed.append(hit)
        else:
            kept.append(line)
    _note_removed(doc, removed, "boilerplate")
    return kept


def drop_repeats(lines: list[str], doc: Cleaned) -> list[str]:
    """Keep the first occurrence of each paragraph repeated anywhere in the text."""
    seen: set[str] = set()
    kept: list[str] = []
    for line in lines:
        key = " ".join(line.casefold().split())
        if len(key) >= MIN_REPEAT_CHARS and key in seen:
            continue
        seen.add(key)
        kept.append(line)
    if removed := len(lines) - len(kept):
        doc.notes.append(f"removed {_plural(removed, 'repeated paragraph')}")
    return kept


def _same(line: str, known: str | None) -> bool:
    return known is not None and " ".join(line.casefold().split()) == " ".join(known.casefold().split())


def _body_follows(lines: list[str], longer_than: int) -> bool:
    return any(len(line) >= max(BODY_MIN_CHARS, longer_than + 1) for line in lines)


def _looks_like_title(lines: list[str]) -> bool:
    first = lines[0]
    return (len(first) <= TITLE_MAX_CHARS and any(char.isalpha() for char in first)
            and not first.rstrip(_CLOSERS).endswith(_NOT_A_TITLE_END) and _body_follows(lines[1:], len(first)))


def _looks_like_subtitle(lines: list[str], markers: tuple[Marker, ...]) -> bool:
    """A short line with longer paragraphs after it that does not read like a story's lede."""
    first = lines[0]
    return (len(first) <= SUBTITLE_MAX_CHARS and not first.endswith(":") and _body_follows(lines[1:], len(first))
            and search_line(first, ("lede",), markers) is None)


def take_byline(lines: list[str], doc: Cleaned, markers: tuple[Marker, ...]) -> list[str]:
    """Move a byline found just under the headline into the authors."""
    for index, line in enumerate(lines[:BYLINE_WINDOW]):
        if hit := match_line(line, ("byline",), markers):
            doc.authors = [name for name in _AUTHOR_SPLIT.split(hit.match.group("authors")) if name]
            doc.notes.append(f"moved the byline to the authors ({hit.marker.id})")
            return lines[:index] + lines[index + 1 :]
    return lines


def take_headlines(lines: list[str], doc: Cleaned, *, guess: bool, title: str | None,
                   subtitle: str | None, markers: tuple[Marker, ...]) -> list[str]:
    """Move the title and subtitle lines out of the text into their fields.

    A line equal to a known title/subtitle (from metadata or the caller) is always moved;
    with `guess`, a short first line without final punctuation is the title and a short line
    under it the subtitle, as long as longer body paragraphs follow and it is no lede (dateline,
    attribution): a standfirst left in the text costs less than a lost first paragraph.
    """
    lines = list(lines)
    if lines and (_same(lines[0], title) or (guess and _looks_like_title(lines))):
        doc.title = lines.pop(0)
        doc.notes.append("moved the first line to the title")
    under_title = guess and doc.title is not None
    if under_title:
        lines = take_byline(lines, doc, markers)
    if lines and (_same(lines[0], subtitle) or (under_title and _looks_like_subtitle(lines, markers))):
        doc.subtitle = lines.pop(0)
        doc.notes.append("moved the line under the title to the subtitle")
    return lines


def clean_text(text: str, *, guess_headlines: bool = True, title: str | None = None,
               subtitle: str | None = None, markers: tuple[Marker, ...] | None = None) -> Cleaned:
    """Run every scrape repair on `text` and return the result with its notes.

    Args:
        text: Decoded, mojibake-free text.
        guess_headlines: Take title/subtitle from the first lines (plain-text scrapes).
        title: A known title; a first line equal to it is moved out of the text.
        subtitle: A known subtitle; a line under the title equal to it is moved out.
        markers: Marker patterns (default: the packaged ones).

    Returns:
        The cleaned text, the fields found on the way and one note per repair.

    Docs: docs/intake.md
    """
    markers = markers if markers is not None else load_markers()
    doc = Cleaned()
    lines = split_paragraphs(text, doc)
    lines = strip_tail(lines, doc, markers)
    lines = drop_boilerplate(lines, doc, markers)
    lines = drop_repeats(lines, doc)
    lines = take_headlines(lines, doc, guess=guess_headlines, title=title, subtitle=subtitle, markers=markers)
    doc.text = "\n".join(lines)
    return doc
