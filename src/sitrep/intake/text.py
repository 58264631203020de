"""Plain text: bytes to str, binary rejection and mojibake repair.

Scrapes arrive in whatever encoding the scraper wrote. We never fail on a non-UTF-8 file: a
byte order mark wins, then strict UTF-8, then charset detection for non-Latin scripts, then
cp1252 (latin-1 for its five undefined bytes). Every guess is written to the cleanup notes.
"""

from __future__ import annotations

import codecs

import charset_normalizer
import ftfy
from ftfy import TextFixerConfig

from sitrep.errors import InputError

# Longest BOMs first: the UTF-32-LE mark starts with the UTF-16-LE one.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

SNIFF_BYTES = 65_536
"""How much of an input the binary and UTF-16 checks look at."""

MAX_CONTROL_RATIO = 0.05
"""Share of control characters above which an input is taken as binary; text has ~0."""

UTF16_ZERO_SHARE = 0.9
"""Share of zero bytes in one byte column that marks BOM-less UTF-16 (ASCII-heavy text)."""

MIN_DETECT_BYTES = 32
"""Below this size charset detection guesses wildly; short inputs go straight to cp1252."""

_TEXT_CONTROLS = {"\t", "\n", "\r", "\x0b", "\x0c"}

# Single-byte Western/Central European codecs: charset detection cannot tell them apart on
# short English text (it often says cp1250 for latin-1), so we take cp1252 for all of them.
_LATIN_CODECS = frozenset(
    codecs.lookup(name).name
    for name in ("cp1250", "cp1252", "cp1254", "cp1257", "cp1258", "latin-1", "iso8859-2", "iso8859-3",
                 "iso8859-4", "iso8859-9", "iso8859-10", "iso8859-13", "iso8859-14", "iso8859-15",
                 "iso8859-16", "mac-roman", "mac-latin2", "cp437", "cp850", "cp858", "ascii")
)

_FTFY_CONFIG = TextFixerConfig(uncurl_quotes=False, explain=True)


def control_ratio(text: str) -> float:
    """Share of control characters (other than tab and line breaks) in a sample of `text`."""
    sample = text[:SNIFF_BYTES]
    if not sample:
        return 0.0
    controls = sum(1 for char in sample if (char < " " or char == "\x7f") and char not in _TEXT_CONTROLS)
    return controls / len(sample)


def looks_binary(text: str) -> bool:
    """True for decoded data that cannot be article text (NUL bytes, many control chars)."""
    return "\x00" in text[:SNIFF_BYTES] or control_ratio(text) > MAX_CONTROL_RATIO


def _bom_codec(data: bytes) -> str | None:
    return next((codec for bom, codec in BOMS if data.startswith(bom)), None)


def _utf16_codec(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16 by its column of zero bytes (ASCII-range text)."""
    sample = data[: SNIFF_BYTES - SNIFF_BYTES % 2]
    if len(sample) < 4:
        return None
    half = len(sample) // 2
    even_zeros = sample[0::2].count(0) / half
    odd_zeros = sample[1::2].count(0) / half
    if odd_zeros >= UTF16_ZERO_SHARE and even_zeros < 1 - UTF16_ZERO_SHARE:
        return "utf-16-le"
    if even_zeros >= UTF16_ZERO_SHARE and odd_zeros < 1 - UTF16_ZERO_SHARE:
        return "utf-16-be"
    return None


def _detected_codec(data: bytes) -> str | None:
    """Charset detection's guess, kept only for non-Latin single- or multi-byte codecs."""
    if len(data) < MIN_DETECT_BYTES:
        return None
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        return None
    codec = codecs.lookup(best.encoding).name
    # UTF-16/32 without a BOM are handled above; a guess of them here is noise.
    if codec in _LATIN_CODECS or codec.startswith(("utf-16", "utf-32")):
        return None
    return best.encoding


def _decode_fallback(data: bytes) -> tuple[str, str]:
    """Decode bytes that are not UTF-8; returns the text and the note saying how."""
    if codec := _detected_codec(data):
        text = data.decode(codec, errors="replace")
        return text, f"not valid UTF-8; decoded as {codec} (charset detection)"
    try:
        return data.decode("cp1252"), "not valid UTF-8; assumed cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "not valid UTF-8; assumed latin-1"


def decode_bytes(data: bytes, *, name: str) -> tuple[str, list[str]]:
    """Turn input bytes into text, noting any encoding that was not plain UTF-8.

    Args:
        data: The raw input.
        name: The input's name, for error messages.

    Returns:
        The decoded text and the cleanup notes (empty for plain UTF-8).

    Raises:
        InputError: E103 when the bytes are binary data.

    Docs: docs/intake.md
    """
    if codec := _bom_codec(data):
        return data.decode(codec, errors="replace"), [f"decoded as {codec} (byte order mark)"]
    if codec := _utf16_codec(data):
        return data.decode(codec, errors="replace"), [f"decoded as {codec} (no byte order mark)"]
    if b"\x00" in data[:SNIFF_BYTES]:
        raise InputError("E103", name=name)
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        text, note = _decode_fallback(data)
        return text, [note]


def repair_mojibake(text: str) -> tuple[str, list[str]]:
    """Fix mojibake and other encoding glitches with ftfy, keeping curly quotes.

    Returns:
        The repaired text and a note naming ftfy's steps when anything changed.
    """
    fixed = ftfy.fix_and_explain(text, _FTFY_CONFIG)
    if fixed.text == text:
        return text, []
    steps = dict.fromkeys(f"{action} {step}" for action, step in fixed.explanation or [])
    return fixed.text, [f"repaired text with ftfy ({', '.join(steps) or 'fix_text'})"]
