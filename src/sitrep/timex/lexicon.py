"""The packaged word lists and normalization rules for time expressions.

`data/lexicon.tsv` holds one surface form per line (`word<TAB>class<TAB>value`): months,
weekdays, seasons, units, number words, ordinals, dayparts and the like. `data/rules.jsonl`
holds the normalization rules, one JSON object per line: a unique dotted `id`, a `regex`
matched against the whole cleaned expression, the `handler` that turns the match into a
value, and optional parameters for that handler. A regex may name a lexicon class in braces
(`{month}`), which expands to an alternation of the class's words; `{count}` is any number
phrase and `{year}` a four-digit year.
Docs: docs/time.md
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from sitrep import datafiles
from sitrep.errors import DataFileError

DATA_DIR = Path(__file__).parent / "data"
LEXICON_FILE = DATA_DIR / "lexicon.tsv"
RULES_FILE = DATA_DIR / "rules.jsonl"

_STATIC = {"year": r"(?:1[0-9]|20)[0-9]{2}"}
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class Rule:
    """One normalization rule: a compiled regex and the handler that interprets its match."""

    id: str
    regex: re.Pattern[str]
    handler: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Lexicon:
    """Surface forms by class (`lexicon.words["month"]["oct"] == "10"`)."""

    words: dict[str, dict[str, str]]

    def value(self, cls: str, word: str) -> str | None:
        """The value of `word` in class `cls`, or None when the word is not in that class."""
        return self.words.get(cls, {}).get(word)

    def alternation(self, cls: str) -> str:
        """A non-capturing regex alternation of the class's words, longest first."""
        if cls == "count":
            token = f"(?:{self._bare('number')}|{self._bare('vague')}|of|and)"
            return rf"(?:\d+(?:\.\d+)?|{token}(?:[ -]{token})*)"
        if cls in _STATIC:
            return _STATIC[cls]
        if cls not in self.words:
            raise KeyError(cls)
        return f"(?:{self._bare(cls)})"

    @cached_property
    def leading(self) -> re.Pattern[str]:
        """Leading prepositions and hedges ("on", "for", "more than"), as many as there are."""
        words = "|".join(re.escape(w) for w in sorted({*self.words.get("prep", {}), *self.words.get("hedge", {})},
                                                      key=len, reverse=True))
        return re.compile(rf"^(?:(?:{words}) )+")

    def _bare(self, cls: str) -> str:
        return "|".join(re.escape(w) for w in sorted(self.words[cls], key=len, reverse=True))


@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON_FILE) -> Lexicon:
    """Read the lexicon TSV; lines starting with '#' are comments.

    Raises:
        DataFileError: E201 when a line does not have three tab-separated fields.
    """
    words: dict[str, dict[str, str]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3:
            raise DataFileError("E201", file=path, line=number, reason="expected word<TAB>class<TAB>value")
        word, cls, value = fields
        words.setdefault(cls, {})[word] = value
    return Lexicon(words)


@lru_cache(maxsize=4)
def load_rules(path: Path = RULES_FILE, lexicon_path: Path = LEXICON_FILE) -> tuple[Rule, ...]:
    """Read and compile the normalization rules in file order (first match wins).

    Raises:
        DataFileError: E201 for a malformed rule or regex, E202 for a duplicate id.
    """
    lexicon = load_lexicon(lexicon_path)
    rules: list[Rule] = []
    seen: set[str] = set()
    for number, record in datafiles.records(datafiles.read_lines(path), path):
        _check_rule(record, path, number)
        if record["id"] in seen:
            raise DataFileError("E202", file=path, pid=record["id"])
        seen.add(record["id"])
        params = {k: v for k, v in record.items() if k not in ("id", "regex", "handler")}
        rules.append(Rule(record["id"], _compile(record["regex"], lexicon, path, number), record["handler"], params))
    return tuple(rules)


def _check_rule(record: dict, path: Path, number: int) -> None:
    for key in ("id", "regex", "handler"):
        if not isinstance(record.get(key), str):
            raise DataFileError("E201", file=path, line=number, reason=f"rule needs a string {key!r}")


def _compile(template: str, lexicon: Lexicon, path: Path, number: int) -> re.Pattern[str]:
    try:
        expanded = _PLACEHOLDER.sub(lambda m: lexicon.alternation(m.group(1)), template)
        return re.compile(expanded)
    except KeyError as exc:
        raise DataFileError("E201", file=path, line=number, reason=f"unknown word class {exc.args[0]!r}") from exc
    except re.error as exc:
        raise DataFileError("E201", file=path, line=number, reason=f"bad regex ({exc})") from exc


def parse_number(phrase: str, lexicon: Lexicon | None = None) -> float | str | None:
    """The number a count phrase names: "twenty-five" → 25, "a dozen" → 12, "a few" → "X".

    Returns "X" for vague counts (few, several, many), None when the phrase is not a number.
    """
    lexicon = lexicon or load_lexicon()
    phrase = phrase.replace(",", "").strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", phrase):
        return float(phrase)
    words = [w for w in re.split(r"[ -]+", phrase) if w not in ("of", "and")]
    if len(words) > 1 and words[0] in ("a", "an"):
        words = words[1:]
    if not words:
        return None
    if any(lexicon.value("vague", w) for w in words):
        return "X"
    return _compose([lexicon.value("number", w) for w in words])


def _compose(values: list[str | None]) -> float | None:
    """Add and multiply number-word values the way English says them ("two hundred fifty")."""
    if any(v is None for v in values):
        return None
    total, current = 0.0, 0.0
    for raw in values:
        value = float(raw)  # type: ignore[arg-type]
        if value >= 1000:
            total += (current or 1) * value
            current = 0
        elif value == 100:
            current = (current or 1) * value
        else:
            current += value
    return total + current
