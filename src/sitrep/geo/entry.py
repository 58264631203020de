"""One gazetteer record and the name normalization every lookup goes through.

Names are compared after folding case, diacritics, apostrophes, periods, commas and hyphens,
and after dropping a leading "the", so "the U.S.", "US", "Kyiv" and "KYIV" meet their entries.
Docs: docs/geo.md
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

Feature = Literal["country", "city", "admin1", "admin2", "region", "continent", "point"]

# Letters NFKD does not decompose into a base letter plus a combining mark.
_UNDECOMPOSED = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h"})
_DROPPED = re.compile(r"[.,ʼʻ`´]")
_APOSTROPHES = re.compile(r"[’‘′]")
_SPACED = re.compile(r"[\s\-‐‑–—/_]+")


@dataclass(frozen=True, slots=True)
class Entry:
    """A place the gazetteer knows: a GeoNames feature or one of our own regions.

    `id` is "geonames.<geonameid>" for GeoNames features and the data file's dotted id for
    regions; `country` is ISO 3166-1 alpha-3 (None for regions spanning several states);
    `admin1` is the first-level division code within the country where GeoNames gives one.
    """

    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str | None
    feature: Feature
    population: int = 0
    capital_of: str | None = None
    admin1: str | None = None
    id: str = ""


def normalize(name: str) -> str:
    """Fold a place name to the key the index stores: lower case, no diacritics, no "the"."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_UNDECOMPOSED)
    text = _APOSTROPHES.sub("'", text)
    text = _DROPPED.sub("", text)
    text = _SPACED.sub(" ", text).strip()
    return text.removeprefix("the ")


def is_latin(name: str) -> bool:
    """True when every letter of the name is Latin script (Kharkov yes, Харьков no)."""
    letters = [ch for ch in name if ch.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(ch, "") for ch in letters)
