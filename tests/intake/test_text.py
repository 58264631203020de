import codecs

import pytest

from sitrep.errors import InputError
from sitrep.intake.text import decode_bytes, looks_binary, repair_mojibake

SAMPLE = "Troops crossed the river at dawn, officials said. “We are ready,” a commander told reporters."


@pytest.mark.parametrize(
    ("data", "note"),
    [
        (SAMPLE.encode("utf-8"), None),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "decoded as utf-8-sig (byte order mark)"),
        (SAMPLE.encode("utf-16"), "decoded as utf-16 (byte order mark)"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "decoded as utf-16 (byte order mark)"),
        (SAMPLE.encode("utf-32"), "decoded as utf-32 (byte order mark)"),
        (SAMPLE.encode("utf-16-le"), "decoded as utf-16-le (no byte order mark)"),
        (SAMPLE.encode("utf-16-be"), "decoded as utf-16-be (no byte order mark)"),
        (SAMPLE.encode("cp1252"), "not valid UTF-8; assumed cp1252"),
    ],
)
def test_decode_bytes_reads_encoding(data, note):
    text, notes = decode_bytes(data, name="in.txt")
    assert text == SAMPLE
    assert notes == ([note] if note else [])


def test_decode_bytes_latin1_does_not_fail():
    text, notes = decode_bytes("Le café à Genève était fermé.".encode("latin-1"), name="in.txt")
    assert text == "Le café à Genève était fermé."
    assert notes == ["not valid UTF-8; assumed cp1252"]


def test_decode_bytes_byte_undefined_in_cp1252_falls_to_latin1():
    text, notes = decode_bytes(b"caf\xe9 \x81", name="in.txt")
    assert text == "café \x81"
    assert notes == ["not valid UTF-8; assumed latin-1"]


def test_decode_bytes_cyrillic_uses_detection():
    source = "Войска вошли в город утром, сообщили официальные лица. Переговоры продолжаются."
    text, notes = decode_bytes(source.encode("cp1251"), name="in.txt")
    assert text == source
    assert notes == ["not valid UTF-8; decoded as cp1251 (charset detection)"]


def test_decode_bytes_nul_bytes_raise_e103():
    with pytest.raises(InputError) as caught:
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", name="image.png")
    assert caught.value.code == "E103"
    assert "image.png" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain text\twith a tab\nand lines", False),
        ("has a \x00 NUL", True),
        ("\x01\x02\x03\x04 mostly control \x05\x06\x07\x08", True),
        ("", False),
    ],
)
def test_looks_binary_flags_control_characters(text, expected):
    assert looks_binary(text) is expected


def test_repair_mojibake_fixes_and_notes():
    text, notes = repair_mojibake("The cafÃ© reopened â€” officials said.")
    assert text == "The café reopened — officials said."
    assert len(notes) == 1
    assert notes[0].startswith("repaired text with ftfy (")


def test_repair_mojibake_keeps_curly_quotes_and_says_nothing():
    text, notes = repair_mojibake(SAMPLE)
    assert text == SAMPLE
    assert notes == []
