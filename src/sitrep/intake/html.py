"""HTML pages: article text and metadata through trafilatura, with fallbacks.

Text comes from the first rung that yields any: trafilatura's extractor, then its baseline,
then all visible text via lxml. Metadata comes from trafilatura (title, authors, site name,
date from the page's tags), and htmldate searches the page when no date was found. The rung
that won and any fallback used are written to the cleanup notes.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass, field

import htmldate
import lxml.html
from lxml.etree import ParserError
from lxml.html import HtmlElement
from trafilatura import bare_extraction, baseline, extract_metadata, load_html
from trafilatura.settings import Document

from sitrep.errors import InputError

_LOG = logging.getLogger(__name__)

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

SHORT_PAGE_CHARS = 250
"""Below this many characters trafilatura (2.3) may break inline elements (<b>, <a>) onto lines
of their own; on such short pages the visible text is taken when it has the same characters."""

# How pages glue their site name to the headline in <title>: "Headline | Site", "Site - Headline".
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " : ", " :: ")

HEADLINE_MIN_SHARE = 0.5
"""An <h1> standing for the title must cover at least this share of it (not a logo or section name);
set on the extract benchmark (docs/feeds.md)."""

# Typographic quotes folded to plain ones when titles are compared.
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'})

# Tags whose content a reader never sees, dropped by the lxml rung.
_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "head", "svg", "iframe")

# Block-level tags: their ends become line breaks in the lxml rung.
_BLOCK_TAGS = ("address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
               "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
               "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th",
               "tr", "ul")


@dataclass
class HtmlPage:
    """What an HTML page gave: body text, metadata and how they were found."""

    text: str
    title: str | None = None
    description: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def parse_html(markup: str) -> HtmlElement | None:
    """Parse a page or a fragment; None when there is no markup to speak of."""
    tree = load_html(markup)
    if tree is not None:
        return tree
    try:
        return lxml.html.document_fromstring(markup)
    except (ParserError, ValueError):
        return None


def _trafilatura_text(tree: HtmlElement, url: str | None) -> str:
    document = bare_extraction(tree, url=url, include_comments=False, with_metadata=False)
    if document is None:
        return ""
    return document.text or ""


def _baseline_text(tree: HtmlElement, url: str | None) -> str:
    return baseline(tree)[1]


def _lxml_text(tree: HtmlElement, url: str | None) -> str:
    """All visible text of the page, one line per block element."""
    tree = deepcopy(tree)
    for element in tree.iter(*_INVISIBLE_TAGS):
        element.drop_tree()
    for element in tree.iter(*_BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    return tree.text_content()


RUNGS: tuple[tuple[str, Callable[[HtmlElement, str | None], str]], ...] = (
    ("trafilatura", _trafilatura_text),
    ("trafilatura baseline", _baseline_text),
    ("lxml text", _lxml_text),
)
"""Body extractors, best first; the first with any text wins."""


def _body_text(tree: HtmlElement, url: str | None) -> tuple[str, str | None]:
    """Run the rungs in order; returns the text and the rung's label (None if all failed)."""
    for label, extract in RUNGS:
        try:
            text = extract(tree, url)
        except Exception as exc:  # noqa: BLE001 - hostile markup can break any parser; try the next rung
            _LOG.debug("html rung %s failed: %s", label, exc)
            continue
        if text.strip():
            return _relayout_short(text, tree), label
    return "", None


def _relayout_short(text: str, tree: HtmlElement) -> str:
    """Prefer the block-based layout of a short page's visible text when nothing else differs."""
    if len(text) >= SHORT_PAGE_CHARS:
        return text
    visible = _lxml_text(tree, None)
    return visible if "".join(visible.split()) == "".join(text.split()) else text


def _metadata(tree: HtmlElement, url: str | None) -> Document:
    try:
        return extract_metadata(deepcopy(tree), default_url=url, extensive=False)
    except Exception as exc:  # noqa: BLE001 - metadata is optional; a parser bug must not lose the text
        _LOG.debug("html metadata failed: %s", exc)
        return Document()


def _fallback_date(tree: HtmlElement, url: str | None) -> str | None:
    """Ask htmldate's extensive search for the publication date."""
    try:
        found = htmldate.find_date(deepcopy(tree), url=url, original_date=True, extensive_search=True,
                                   outputformat="%Y-%m-%d")
    except Exception as exc:  # noqa: BLE001 - a date is optional; keep the article
        _LOG.debug("htmldate failed: %s", exc)
        return None
    return found if isinstance(found, str) else None


def _split_authors(author: str | None) -> list[str]:
    return [name.strip() for name in (author or "").split(";") if name.strip()]


def strip_site_name(title: str, site: str | None) -> str:
    """Remove the site name that pages add before or after the headline."""
    if not site:
        return title
    for separator in _TITLE_SEPARATORS:
        before, _, after = title.rpartition(separator)
        if before and after.strip().casefold() == site.casefold():
            return before.strip()
        before, _, after = title.partition(separator)
        if after and before.strip().casefold() == site.casefold():
            return after.strip()
    return title


def _fold(text: str) -> str:
    """Text compared loosely: case, quote style and spacing do not count."""
    return " ".join(text.translate(_QUOTES).casefold().split())


def visible_headline(tree: HtmlElement, title: str | None) -> str | None:
    """The page's <h1> when it is the metadata title without decorations, as readers see it.

    Metadata titles carry sections ("Opinion | ..."), site names the separators did not catch
    ("| CBC News" for the site "CBC") and straightened quotes; the visible headline has none.
    """
    if not title:
        return None
    target = _fold(title)
    for heading in tree.iter("h1"):
        text = " ".join(heading.text_content().split())
        folded = _fold(text)
        if folded and len(folded) >= HEADLINE_MIN_SHARE * len(target) and folded in target:
            return text
    return None


def _valid_date(value: str | None) -> str | None:
    return value if value and _ISO_DATE.fullmatch(value) else None


def extract_html(markup: str, *, name: str, url: str | None = None) -> HtmlPage:
    """Extract body text and metadata from one HTML page.

    Args:
        markup: The page, already decoded.
        name: The input's name, for error messages.
        url: The page's URL when known (helps trafilatura and htmldate).

    Returns:
        The page's text (not yet cleaned), metadata and notes on which rungs were used.

    Raises:
        InputError: E108 when no rung finds any text.

    Docs: docs/intake.md
    """
    tree = parse_html(markup)
    if tree is None:
        raise InputError("E108", name=name)
    text, rung = _body_text(tree, url)
    if rung is None:
        raise InputError("E108", name=name)
    meta = _metadata(tree, url)
    title = strip_site_name(meta.title, meta.sitename) if meta.title else None
    title = visible_headline(tree, title) or title
    page = HtmlPage(text=text, title=title, description=meta.description or None,
                    publisher=meta.sitename or None, url=meta.url or url, authors=_split_authors(meta.author),
                    published=_valid_date(meta.date), notes=[f"html: body text from {rung}"])
    if page.published is None and (found := _valid_date(_fallback_date(tree, url))):
        page.published = found
        page.notes.append("html: publication date from htmldate (extensive search)")
    return page
