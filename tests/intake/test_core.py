import gzip
import io
import json
import logging
import sys
import time
from pathlib import Path

import pytest

from sitrep.errors import InputError
from sitrep.intake.core import detect_format, iter_inputs, iter_jsonl, normalize_date, read_article
from sitrep.model import Article

DATA = Path(__file__).parent / "data"
SEED = Path("/work/shared/seed/000_6334a452dea9d0c2.txt")

BODY = ("Delegations from both governments met again on Tuesday in the port city, a week after "
        "artillery fire along the border forced the previous round of talks to break off early.")
SCRAPE = f"Talks Resume in the Port City\nWhat both sides want.\n{BODY}\n{BODY}\nthe talks........\n© Example Daily\n"


def _error(item: Article | InputError) -> InputError:
    assert isinstance(item, InputError), item
    return item


def _article(item: Article | InputError) -> Article:
    assert isinstance(item, Article), item
    return item


def test_read_article_plain_text_scrape():
    article = read_article(SCRAPE.encode(), name="scrape.txt", published="2024-10-24")
    assert article.id == "scrape.txt"
    assert article.format == "text"
    assert (article.title, article.subtitle, article.publisher) == (
        "Talks Resume in the Port City", "What both sides want.", "Example Daily")
    assert article.published == "2024-10-24"
    assert article.truncated is True
    assert article.text == f"{BODY}\nthe talks"
    assert "removed 1 repeated paragraph" in article.cleanup


def test_read_article_caller_values_win():
    article = read_article(SCRAPE, name="s.txt", publisher="Wire", title="Given", url="https://x.example/a")
    assert (article.publisher, article.title, article.url) == ("Wire", "Given", "https://x.example/a")


def test_read_article_caller_title_line_is_removed():
    article = read_article(f"Talks resume.\n{BODY}", name="s.txt", title="Talks resume.")
    assert article.title == "Talks resume."
    assert article.text == BODY


def test_read_article_html_file():
    article = read_article((DATA / "article.html").read_bytes(), name="article.html")
    assert article.format == "html"
    assert article.title == "Ceasefire Talks Resume in Lakeport"
    assert article.subtitle == "Negotiators return to the table after a week of shelling."
    assert article.publisher == "The Harbour Herald"
    assert (article.published, article.authors) == ("2024-03-05", ["Mira Castell"])
    assert article.text.startswith("Delegations from the two governments")
    assert "Advertisement" not in article.text
    assert article.cleanup[0] == "html: body text from trafilatura"


def test_read_article_logs_w101_for_truncation(caplog):
    with caplog.at_level(logging.WARNING, logger="sitrep.intake.core"):
        read_article(SCRAPE, name="scrape.txt")
    assert any("[W101] scrape.txt:" in record.getMessage() for record in caplog.records)


def test_read_article_repairs_mojibake_and_latin1():
    article = read_article(f"The cafÃ© reopened. {BODY}".encode(), name="m.txt")
    assert article.text.startswith("The café reopened.")
    assert any(note.startswith("repaired text with ftfy") for note in article.cleanup)
    latin = read_article(f"Le café était fermé. {BODY}".encode("latin-1"), name="l.txt")
    assert latin.text.startswith("Le café était fermé.")
    assert "not valid UTF-8; assumed cp1252" in latin.cleanup


@pytest.mark.parametrize(
    ("data", "kwargs", "code"),
    [
        (b"", {}, "E102"),
        (b"  \n\t\n ", {}, "E102"),
        (b"\x00\x01\x02binary\x00\xff", {}, "E103"),
        (bytes(range(1, 32)) * 10, {}, "E103"),
        (b"x" * 101, {"max_bytes": 100}, "E104"),
        (b"some text here.", {"published": "24 October 2024"}, "E109"),
        (b"some text here.", {"published": "2024-02-30"}, "E109"),
        (b"a" * 150_000, {}, "E110"),
        (b"text", {"fmt": "pdf"}, "E101"),
        (b"<html><body><script>x()</script></body></html>", {}, "E108"),
    ],
)
def test_read_article_bad_input_raises(data, kwargs, code):
    with pytest.raises(InputError) as caught:
        read_article(data, name="bad.input", **kwargs)
    assert caught.value.code == code
    if code != "E101":
        assert "bad.input" in str(caught.value)


def test_read_article_long_line_with_sentences_is_text():
    article = read_article(("The shelling went on. " * 6000).encode(), name="one-line.txt")
    assert len(article.text) > 100_000


@pytest.mark.parametrize(
    ("value", "day"),
    [
        (None, None),
        ("2024-10-24", "2024-10-24"),
        ("2024-10-24T08:00:00Z", "2024-10-24"),
        (" 2024-01-02 ", "2024-01-02"),
    ],
)
def test_normalize_date_accepts_iso_days(value, day):
    assert normalize_date(value, name="x") == day


@pytest.mark.parametrize(
    ("text", "name", "fmt"),
    [
        ("<!DOCTYPE html><html><body>x</body></html>", "a.txt", "html"),
        ("<!-- saved --> <div>x</div>", "a", "html"),
        ("Title\n<p>a fragment</p>", "a.html", "html"),
        ("Prices rose 5% as x < y.", "a.txt", "text"),
        ("Plain words.", "a.html", "text"),
    ],
)
def test_detect_format_by_content_then_name(text, name, fmt):
    assert detect_format(text, name) == fmt


JSONL_LINES = [
    json.dumps({"id": "r1", "text": BODY, "published": "2024-10-24", "title": "T", "publisher": "P"}),
    "{broken",
    "",
    "[1, 2]",
    json.dumps({"id": "r5"}),
    json.dumps({"id": "r6", "text": BODY, "published": "yesterday"}),
    json.dumps({"html": f"<p>{BODY}</p>"}),
]


def test_iter_jsonl_yields_each_line_and_goes_on():
    items = list(iter_jsonl(JSONL_LINES, name="dump.jsonl", published="2024-01-01"))
    assert [name for name, _ in items] == [f"dump.jsonl:{n}" for n in (1, 2, 4, 5, 6, 7)]
    first = _article(items[0][1])
    assert (first.id, first.format, first.published) == ("r1", "jsonl", "2024-10-24")
    assert (first.title, first.publisher) == ("T", "P")
    assert [_error(item).code for _, item in items[1:5]] == ["E105", "E105", "E106", "E109"]
    assert "dump.jsonl: line 2" in str(items[1][1])
    last = _article(items[5][1])
    assert (last.id, last.published, last.text) == ("dump.jsonl:7", "2024-01-01", BODY)


def test_iter_jsonl_bytes_lines_and_size_limit():
    too_long = b'{"text": "' + b"x" * 300 + b'"}\n'
    lines = [json.dumps({"id": 3, "text": BODY}).encode() + b"\n", b"\xff\xfe{}\n", too_long]
    items = list(iter_jsonl(lines, name="b.jsonl", max_bytes=250))
    assert _article(items[0][1]).id == "3"
    assert _error(items[1][1]).code == "E105"
    assert _error(items[2][1]).code == "E104"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "b" / "c.html").write_text(f"<html><body><p>{BODY}</p></body></html>")
    (tmp_path / "b" / "d.jsonl").write_text("\n".join(JSONL_LINES[:2]) + "\n")
    (tmp_path / ".hidden.txt").write_text(BODY)
    (tmp_path / ".git" / "config.txt").write_text(BODY)
    (tmp_path / "z.txt.gz").write_bytes(gzip.compress(BODY.encode()))
    return tmp_path


def test_iter_inputs_walks_directories_sorted_without_hidden(tree: Path):
    names = [name for name, _ in iter_inputs([str(tree)])]
    base = str(tree)
    assert names == [f"{base}/a.txt", f"{base}/b/c.html", f"{base}/b/d.jsonl:1", f"{base}/b/d.jsonl:2",
                     f"{base}/z.txt.gz"]


def test_iter_inputs_reads_each_format(tree: Path):
    items = dict(iter_inputs([str(tree)], published="2024-05-01"))
    text = _article(items[f"{tree}/a.txt"])
    assert (text.id, text.format, text.published, text.text) == (f"{tree}/a.txt", "text", "2024-05-01", BODY)
    assert _article(items[f"{tree}/b/c.html"]).format == "html"
    assert _article(items[f"{tree}/b/d.jsonl:1"]).id == "r1"
    assert _error(items[f"{tree}/b/d.jsonl:2"]).code == "E105"
    assert _article(items[f"{tree}/z.txt.gz"]).text == BODY


def test_iter_inputs_detects_jsonl_by_content(tmp_path: Path):
    path = tmp_path / "dump.txt"
    path.write_text("\n" + "\n".join([JSONL_LINES[0], JSONL_LINES[6]]) + "\n")
    names = [name for name, _ in iter_inputs([str(path)])]
    assert names == [f"{path}:2", f"{path}:3"]


def test_iter_inputs_bad_inputs_do_not_stop_the_walk(tmp_path: Path):
    (tmp_path / "bin.dat").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "empty.txt").write_bytes(b"\n \n")
    (tmp_path / "ok.txt").write_text(BODY)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere")
    (tmp_path / "broken.txt.gz").write_bytes(b"\x1f\x8b not really gzip")
    missing = str(tmp_path / "missing.txt")
    items = list(iter_inputs([str(tmp_path), missing]))
    codes = {Path(name).name: getattr(item, "code", "ok") for name, item in items}
    assert codes == {"bin.dat": "E103", "broken.txt.gz": "E107", "dangling.txt": "E107", "empty.txt": "E102",
                     "ok.txt": "ok", "missing.txt": "E107"}
    assert all(name in str(item) for name, item in items if isinstance(item, InputError))


def test_iter_inputs_huge_single_line_file_fails_fast(tmp_path: Path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * 50_000_000)
    start = time.monotonic()
    [(_, item)] = list(iter_inputs([str(path)]))
    assert time.monotonic() - start < 2
    error = _error(item)
    assert error.code == "E104"
    assert str(path) in str(error)
    assert "\n" not in str(error)


def test_iter_inputs_stdin_jsonl_keeps_ids(monkeypatch):
    stdin = io.TextIOWrapper(io.BufferedReader(io.BytesIO("\n".join(JSONL_LINES[:2]).encode())))
    monkeypatch.setattr(sys, "stdin", stdin)
    items = list(iter_inputs(["-"], fmt="jsonl"))
    assert [name for name, _ in items] == ["<stdin>:1", "<stdin>:2"]
    assert _article(items[0][1]).id == "r1"


def test_iter_inputs_stdin_document_over_limit(monkeypatch):
    stdin = io.TextIOWrapper(io.BufferedReader(io.BytesIO(b"word " * 100)))
    monkeypatch.setattr(sys, "stdin", stdin)
    [(name, item)] = list(iter_inputs(["-"], max_bytes=100))
    assert name == "<stdin>"
    assert _error(item).code == "E104"


@pytest.mark.parametrize(("kwargs", "code"), [({"fmt": "pdf"}, "E101"), ({"published": "soon"}, "E109")])
def test_iter_inputs_bad_arguments_raise(kwargs, code):
    with pytest.raises(InputError) as caught:
        list(iter_inputs([], **kwargs))
    assert caught.value.code == code


@pytest.mark.skipif(not SEED.exists(), reason="needs /work/shared")
def test_read_article_seed_scrape():
    article = read_article(SEED.read_bytes(), name=SEED.name)
    assert article.title == "Why North Korea’s Deployment of Troops to Russia Really Matters"
    assert article.subtitle == "Understanding the conflict two years on."
    assert article.publisher == "Foreign Policy"
    assert article.truncated is True
    assert "removed 2 repeated paragraphs" in article.cleanup
    for junk in ("visit website", "© Foreign Policy", "........"):
        assert junk not in article.text
    assert article.text.startswith("The deployment of 10,000")
