"""The event ontology as packaged tables: CAMEO codes and their PLOVER and ACLED views.

Three tab-separated files in ``data/`` hold the knowledge; this module only reads, checks
and looks up. ``cameo.tsv`` gives every CAMEO code its name, Goldstein score and quad class;
``plover.tsv`` maps a code to a PLOVER 2.0 type, mode and contexts; ``acled.tsv`` maps code
prefixes (optionally under a weapon, target or source condition) to an ACLED event type and
sub-event type. The tables are read once, on first use, and validated as a whole, so a bad
row fails loudly with its file and line instead of coding events wrongly.

Docs: docs/ontology.md
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from sitrep.errors import DataFileError

DATA_DIR = Path(__file__).parent / "data"

PLOVER_MODES: dict[str, frozenset[str]] = {
    "AGREE": frozenset(),
    "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
    "SUPPORT": frozenset(),
    "CONCEDE": frozenset(),
    "COOPERATE": frozenset(),
    "AID": frozenset(),
    "RETREAT": frozenset({"withdraw", "release", "disarm", "ceasefire", "access", "resign"}),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
    "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
    "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "THREATEN": frozenset({"restrict", "arrest", "relations", "expel", "territory", "violence"}),
    "PROTEST": frozenset({"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"}),
    "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
    "COERCE": frozenset({"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport",
                         "withhold", "misinformation", "cyber"}),
    "ASSAULT": frozenset({"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive",
                          "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons",
                          "crowd-control", "unconventional"}),
}

PLOVER_CONTEXTS: frozenset[str] = frozenset({
    "military", "intelligence", "executive", "legislative", "election", "political_institutions",
    "pro_democracy", "pro_autocracy", "economic", "legal", "reparations", "human_rights",
    "rights_freedoms", "repression", "human_security", "gender", "lgbt", "religion_ethnicity",
    "inequality", "diplomatic", "territory", "peacekeeping", "health", "asylum", "migration",
    "disasters", "natural_resource", "environment", "technology", "terrorism", "cbrn", "cyber",
    "misinformation", "crime", "corruption", "illegal_drugs", "trafficking",
})

ACLED_TYPES: dict[str, frozenset[str]] = {
    "Battles": frozenset({"Armed clash", "Government regains territory", "Non-state actor overtakes territory"}),
    "Explosions/Remote violence": frozenset({"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                             "Shelling/artillery/missile attack",
                                             "Remote explosive/landmine/IED", "Grenade"}),
    "Violence against civilians": frozenset({"Sexual violence", "Attack", "Abduction/forced disappearance"}),
    "Protests": frozenset({"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}),
    "Riots": frozenset({"Violent demonstration", "Mob violence"}),
    "Strategic developments": frozenset({"Agreement", "Arrests", "Change to group/activity",
                                         "Disrupted weapons use", "Headquarters or base established",
                                         "Looting/property destruction", "Non-violent transfer of territory",
                                         "Other"}),
}

WEAPONS: frozenset[str] = frozenset({"air", "drone", "artillery", "missile", "explosive", "grenade",
                                     "suicide", "chemical", "firearms"})
CONDITION_KEYS: tuple[str, ...] = ("weapon", "target", "source")

_CODE = re.compile(r"\d{2,4}")
_SECTOR = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code with the facts the coder attaches to every event."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    root: str


@dataclass(frozen=True)
class PloverView:
    """The PLOVER 2.0 reading of one CAMEO code; `type` None means PLOVER has no such event."""

    type: str | None
    mode: str | None
    context: tuple[str, ...]


@dataclass(frozen=True)
class AcledRule:
    """One acled.tsv row under its code prefix: an optional (key, value) condition and the ACLED view."""

    condition: tuple[str, str] | None
    event_type: str | None
    sub_event_type: str | None


@dataclass(frozen=True)
class Ontology:
    """The three tables, validated against each other."""

    cameo: dict[str, CameoCode]
    plover: dict[str, PloverView]
    acled: dict[str, tuple[AcledRule, ...]]


def quad_class_of(root: str) -> int:
    """Quad class implied by a two-digit CAMEO root: 01-05 → 1, 06-09 → 2, 10-14 → 3, 15-20 → 4."""
    number = int(root)
    return 1 if number <= 5 else 2 if number <= 9 else 3 if number <= 14 else 4


def _rows(text: str, source: str, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for each non-blank line after a header naming exactly `columns`."""
    lines = text.splitlines()
    header = tuple(lines[0].split("\t")) if lines else ()
    if header != columns:
        expected, found = " ".join(columns), " ".join(header)
        raise DataFileError("E201", file=source, line=1,
                            reason=f"header must be {expected!r} (tab-separated), got {found!r}")
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != len(columns):
            raise DataFileError("E201", file=source, line=number,
                                reason=f"expected {len(columns)} tab-separated fields, got {len(fields)}")
        yield number, dict(zip(columns, (field.strip() for field in fields), strict=True))


def _known_code(code: str, codes: dict[str, CameoCode], source: str, number: int) -> str:
    """Return `code` if cameo.tsv has it, else fail naming the row."""
    if code not in codes:
        raise DataFileError("E201", file=source, line=number, reason=f"{code!r} is not a CAMEO code in cameo.tsv")
    return code


def _cameo_row(row: dict[str, str], source: str, number: int) -> CameoCode:
    """Check one cameo.tsv row and build its CameoCode."""
    code = row["code"]
    if not _CODE.fullmatch(code) or not 1 <= int(code[:2]) <= 20:
        raise DataFileError("E201", file=source, line=number,
                            reason=f"code {code!r} must be 2-4 digits under a root 01-20")
    if not row["name"]:
        raise DataFileError("E201", file=source, line=number, reason=f"code {code} has no name")
    try:
        goldstein, quad = float(row["goldstein"]), int(row["quad_class"])
    except ValueError:
        raise DataFileError("E201", file=source, line=number,
                            reason="goldstein must be a number and quad_class an integer") from None
    if not (math.isfinite(goldstein) and -10.0 <= goldstein <= 10.0):
        raise DataFileError("E201", file=source, line=number, reason=f"goldstein {goldstein} outside [-10, 10]")
    if quad != quad_class_of(code[:2]):
        raise DataFileError("E201", file=source, line=number,
                            reason=f"quad_class {quad} disagrees with root {code[:2]} ({quad_class_of(code[:2])})")
    return CameoCode(code=code, name=row["name"], goldstein=goldstein, quad_class=quad, root=code[:2])


def parse_cameo(text: str, source: str) -> dict[str, CameoCode]:
    """Read cameo.tsv text; every 3- and 4-digit code needs its parent in the table.

    Raises:
        DataFileError: E201 for a malformed, duplicate or orphan row.
    """
    codes: dict[str, CameoCode] = {}
    for number, row in _rows(text, source, ("code", "name", "goldstein", "quad_class")):
        entry = _cameo_row(row, source, number)
        if entry.code in codes:
            raise DataFileError("E201", file=source, line=number, reason=f"duplicate code {entry.code}")
        if len(entry.code) > 2 and entry.code[:-1] not in codes:
            raise DataFileError("E201", file=source, line=number,
                                reason=f"parent {entry.code[:-1]} of {entry.code} must come before it")
        codes[entry.code] = entry
    return codes


def _plover_row(row: dict[str, str], source: str, number: int) -> PloverView:
    """Check one plover.tsv row against the PLOVER 2.0 vocabulary."""
    kind, mode = row["type"] or None, row["mode"] or None
    context = tuple(item.strip() for item in row["context"].split(",") if item.strip())
    if kind is None and (mode or context):
        raise DataFileError("E201", file=source, line=number, reason="a row without type takes no mode or context")
    if kind is not None and kind not in PLOVER_MODES:
        raise DataFileError("E201", file=source, line=number, reason=f"unknown PLOVER type {kind!r}")
    if kind is not None and mode is not None and mode not in PLOVER_MODES[kind]:
        raise DataFileError("E201", file=source, line=number, reason=f"{kind} has no mode {mode!r}")
    unknown = [item for item in context if item not in PLOVER_CONTEXTS]
    if unknown or len(set(context)) != len(context):
        raise DataFileError("E201", file=source, line=number,
                            reason=f"bad or repeated context in {row['context']!r}")
    return PloverView(type=kind, mode=mode, context=context)


def parse_plover(text: str, source: str, codes: dict[str, CameoCode]) -> dict[str, PloverView]:
    """Read plover.tsv text; each row names a CAMEO code from `codes` once.

    Raises:
        DataFileError: E201 for a malformed or duplicate row or a term outside PLOVER 2.0.
    """
    views: dict[str, PloverView] = {}
    for number, row in _rows(text, source, ("code", "type", "mode", "context")):
        code = _known_code(row["code"], codes, source, number)
        if code in views:
            raise DataFileError("E201", file=source, line=number, reason=f"duplicate code {code}")
        views[code] = _plover_row(row, source, number)
    return views


def _condition(text: str, source: str, number: int) -> tuple[str, str] | None:
    """Parse an acled.tsv condition `key=value` against the documented vocabulary."""
    if not text:
        return None
    key, _, value = text.partition("=")
    if key == "weapon":
        valid = value in WEAPONS
    else:
        valid = key in CONDITION_KEYS and bool(_SECTOR.fullmatch(value))
    if not valid:
        raise DataFileError("E201", file=source, line=number,
                            reason=f"condition {text!r} must be weapon=<{'|'.join(sorted(WEAPONS))}>, "
                                   "target=<SECTOR> or source=<SECTOR>")
    return key, value


def _acled_row(row: dict[str, str], source: str, number: int) -> AcledRule:
    """Check one acled.tsv row against ACLED's event types and sub-event types."""
    event_type, sub_type = row["event_type"] or None, row["sub_event_type"] or None
    if event_type is None and sub_type is not None:
        raise DataFileError("E201", file=source, line=number, reason="sub_event_type given without event_type")
    if event_type is not None and sub_type not in ACLED_TYPES.get(event_type, ()):
        raise DataFileError("E201", file=source, line=number,
                            reason=f"{event_type!r} / {sub_type!r} is not an ACLED event type and sub-event type")
    return AcledRule(condition=_condition(row["condition"], source, number), event_type=event_type,
                     sub_event_type=sub_type)


def parse_acled(text: str, source: str, codes: dict[str, CameoCode]) -> dict[str, tuple[AcledRule, ...]]:
    """Read acled.tsv text into rules per code prefix, in file order.

    Raises:
        DataFileError: E201 for a malformed row or a repeated (code, condition) pair.
    """
    rules: dict[str, list[AcledRule]] = {}
    for number, row in _rows(text, source, ("code", "condition", "event_type", "sub_event_type")):
        code = _known_code(row["code"], codes, source, number)
        rule = _acled_row(row, source, number)
        if any(other.condition == rule.condition for other in rules.get(code, ())):
            raise DataFileError("E201", file=source, line=number,
                                reason=f"duplicate rule for {code} with condition {row['condition']!r}")
        rules.setdefault(code, []).append(rule)
    return {code: tuple(found) for code, found in rules.items()}


@lru_cache(maxsize=4)
def load_ontology(data_dir: str | None = None) -> Ontology:
    """Read and validate the three tables from `data_dir` (default: the packaged data), cached.

    Raises:
        DataFileError: E201 naming the file and line of the first malformed row.
    """
    folder = Path(data_dir) if data_dir else DATA_DIR

    def read(name: str) -> tuple[str, str]:
        path = folder / name
        return path.read_text(encoding="utf-8"), str(path)

    codes = parse_cameo(*read("cameo.tsv"))
    return Ontology(cameo=codes, plover=parse_plover(*read("plover.tsv"), codes),
                    acled=parse_acled(*read("acled.tsv"), codes))


def cameo(code: str) -> CameoCode:
    """The CAMEO code's name, Goldstein score, quad class and root.

    Raises:
        KeyError: `code` is not a CAMEO code (codes keep leading zeros: "010", not "10").
    """
    try:
        return load_ontology().cameo[code]
    except KeyError:
        raise KeyError(f"unknown CAMEO code {code!r}") from None


def is_verbal(code: str) -> bool:
    """Whether the CAMEO code is an act done in words: verbal cooperation or verbal conflict
    (quad classes 1 and 3), as statements, appeals, accusations and protests are."""
    return cameo(code).quad_class in (1, 3)


def is_cameo(code: str) -> bool:
    """True when `code` is a CAMEO event code in the packaged table."""
    return code in load_ontology().cameo


def all_codes() -> list[str]:
    """Every CAMEO code, in codebook order (each parent before its children)."""
    return list(load_ontology().cameo)


def parent(code: str) -> str | None:
    """The code one level up ("0211" → "021" → "02"), None for a root.

    Raises:
        KeyError: `code` is not a CAMEO code.
    """
    known = cameo(code).code
    return known[:-1] if len(known) > 2 else None


def _lineage(code: str) -> Iterator[str]:
    """`code`, then its parent, up to the root."""
    current: str | None = code
    while current is not None:
        yield current
        current = parent(current)


def plover(code: str) -> dict[str, Any] | None:
    """The PLOVER 2.0 view `{"type", "mode", "context": [...]}` of a CAMEO code.

    A code without its own row takes its parent's. None when PLOVER has no equivalent (the
    public statements 01x, see docs/ontology.md).

    Raises:
        KeyError: `code` is not a CAMEO code.
    """
    views = load_ontology().plover
    view = next((views[step] for step in _lineage(code) if step in views), None)
    if view is None or view.type is None:
        return None
    return {"type": view.type, "mode": view.mode, "context": list(view.context)}


def _matches(rule: AcledRule, facts: dict[str, str | None]) -> bool:
    """True when the rule's condition holds for the event's facts (no condition always holds)."""
    return rule.condition is None or facts[rule.condition[0]] == rule.condition[1]


def acled(code: str, *, weapon: str | None = None, target_sector: str | None = None,
          source_sector: str | None = None) -> dict[str, str] | None:
    """The ACLED view `{"event_type", "sub_event_type"}` of a CAMEO code, or None.

    The longest code prefix with a rule that holds wins; at one prefix a rule whose
    condition holds beats the unconditional rule. A matching row without event type means
    ACLED does not record such events.

    Args:
        code: CAMEO code.
        weapon: weapon class named in the text, one of `WEAPONS` ("air", "artillery", ...).
        target_sector: the target's sector code ("CVL" for civilians).
        source_sector: the source's sector code ("REB" for rebels).

    Raises:
        KeyError: `code` is not a CAMEO code.
        ValueError: `weapon` is not in the documented vocabulary.

    Docs: docs/ontology.md
    """
    if weapon is not None and weapon not in WEAPONS:
        raise ValueError(f"unknown weapon class {weapon!r}; expected one of {sorted(WEAPONS)}")
    facts = {"weapon": weapon, "target": target_sector, "source": source_sector}
    rules = load_ontology().acled
    for step in _lineage(code):
        held = [rule for rule in rules.get(step, ()) if _matches(rule, facts)]
        if held:
            rule = min(held, key=lambda found: found.condition is None)
            if rule.event_type is None:
                return None
            return {"event_type": rule.event_type, "sub_event_type": rule.sub_event_type}
    return None
