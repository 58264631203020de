"""Scoring the event coder on gold data: the PLOVER gold-standard records and the CAMEO codebook.

PLOVER GSR: each record is one sentence with one gold event (type, source and target
actors). A sentence's predicted event is the one whose trigger the gold event text names,
else the first coded; type accuracy, per-type F1, source/target actor F1, sector accuracy
and coded events per sentence are reported; an actor the markup tags "SRC/TAR" (a party to a
joint act) counts as found in either role, and our codes of international bodies count as the
GSR's generic IGO/NGO. CAMEO codebook: each example sentence with its
code; root (2-digit) and 3-digit accuracy of the sentence's first coded event.
Docs: docs/accuracy.md
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.language import Language

from sitrep.actors import kb as actors_kb
from sitrep.batch.local import run
from sitrep.intake.core import read_article
from sitrep.model import Analysis, Event

# PLOVER 2.0 renamed four types; the GSR still uses the old names.
RENAMED = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# Codes the GSR writes differently from ISO 3166 alpha-3.
GSR_CODES = {"JAP": "JPN", "ROM": "ROU", "BOS": "BIH", "SER": "SRB", "ZAI": "COD", "GER": "DEU", "ITL": "ITA", "VTN": "VNM"}
GENERIC = {"IGO", "NGO", "UNO"}


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set[str], predicted: set[str]) -> None:
        self.tp += len(gold & predicted)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    def scores(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


@dataclass
class Report:
    sentences: int = 0
    events: int = 0
    correct: int = 0
    per_type: dict[str, Tally] = field(default_factory=dict)
    source: Tally = field(default_factory=Tally)
    target: Tally = field(default_factory=Tally)
    sectors: Counter = field(default_factory=Counter)
    confusion: Counter = field(default_factory=Counter)

    def as_dict(self) -> dict:
        return {
            "sentences": self.sentences,
            "type_accuracy": round(self.correct / self.sentences, 3) if self.sentences else 0.0,
            "events_per_sentence": round(self.events / self.sentences, 3) if self.sentences else 0.0,
            "source": self.source.scores(), "target": self.target.scores(),
            "sector_accuracy": round(self.sectors["equal"] / self.sectors["compared"], 3) if self.sectors["compared"] else 0.0,
            "per_type": {t: {**tally.scores(), "gold": tally.tp + tally.fn} for t, tally in sorted(self.per_type.items())},
            "confusions": [f"{gold}→{pred}: {n}" for (gold, pred), n in self.confusion.most_common(12)],
        }


@lru_cache(maxsize=1)
def _international_codes() -> dict[str, str]:
    """Our own codes of international bodies ("NATO", "EUR") and their kind, IGO or NGO."""
    kb = actors_kb.load()
    return {e.code: e.sector for entries in kb.names.values() for e in entries
            if e.code and e.kind != "country" and e.sector in {"IGO", "NGO"} and not e.home}


def _actor_code(code: str | None, sector: str | None = None) -> str | None:
    """Codes as both sides can agree on them: ISO states, and IGO/NGO for international bodies
    (the GSR writes one generic code where we name the body)."""
    if not code:
        return None
    code = GSR_CODES.get(code, code)
    if sector in {"IGO", "NGO"} and code not in GENERIC:
        return sector
    return "IGO" if code == "UNO" else _international_codes().get(code, code)


def _both_roles(record: dict) -> set[str]:
    """Codes of actors the markup tags "SRC/TAR": parties to a joint act ("X and Y agreed"), right
    in either role."""
    markup = json.dumps(record.get("textInfo") or "")
    return {_actor_code(a.get("code")) for a in _gold_actors(record.get("source"))
            if a.get("actorText") and f"SRC/TAR: {a['actorText']}" in markup} - {None}


def _gold_actors(value: object) -> list[dict]:
    return value if isinstance(value, list) else []


def _primary(analysis: Analysis, event_text: str = "") -> Event | None:
    """The predicted event a gold sentence is compared with."""
    words = {w.lower() for w in event_text.split()}
    named = [e for e in analysis.events if e.trigger.text.lower() in words or
             any(w in words for w in e.trigger.text.lower().split())]
    return (named or analysis.events or [None])[0]


def _codes(analysis: Analysis, event: Event | None, role: str) -> set[str]:
    if event is None:
        return set()
    actors = {a.id: a for a in analysis.actors}
    found = set()
    for participant in getattr(event, role):
        actor = actors.get(participant.actor)
        code = _actor_code(participant.country or participant.code, participant.sector or (actor.sector if actor else None))
        if code:
            found.add(code)
    return found


def _sectors(report: Report, gold: list[dict], event: Event | None) -> None:
    if event is None:
        return
    predicted = {p.code: p.sector for p in event.source}
    for actor in gold:
        code = _actor_code(actor.get("code"))
        if actor.get("sector") and code in predicted:
            report.sectors["compared"] += 1
            report.sectors["equal"] += predicted[code] == actor["sector"]


def _analyses(nlp: Language, texts: Iterable[tuple[str, str, str | None]]) -> Iterable[Analysis]:
    items = ((key, read_article(text, name=key, fmt="text", published=day)) for key, text, day in texts)
    for result in run(nlp, items):
        if isinstance(result.outcome, Exception):
            raise result.outcome
        yield result.outcome


def evaluate_plover_gsr(path: Path, nlp: Language) -> dict:
    """Score the coder on PLOVER_GSR_CAMEO.json (the first record is a header)."""
    records = [r for r in json.loads(Path(path).read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    report = Report()
    texts = ((r["id"], r["text"], r.get("date")) for r in records)
    for record, analysis in zip(records, _analyses(nlp, texts)):
        gold_type = RENAMED.get(record["event"], record["event"])
        event = _primary(analysis, record.get("eventText", ""))
        predicted = event.plover.type if event is not None and event.plover else "NONE"
        report.sentences += 1
        report.events += len(analysis.events)
        report.correct += predicted == gold_type
        if predicted != gold_type:
            report.confusion[(gold_type, predicted)] += 1
        report.per_type.setdefault(gold_type, Tally()).add({gold_type}, {predicted} & {gold_type})
        if predicted != gold_type and predicted != "NONE":
            report.per_type.setdefault(predicted, Tally()).fp += 1
        gold_sources = {_actor_code(a.get("code")) for a in _gold_actors(record.get("source"))} - {None}
        gold_targets = {_actor_code(a.get("code")) for a in _gold_actors(record.get("target"))} - {None}
        both = _both_roles(record)
        sources, targets = _codes(analysis, event, "source"), _codes(analysis, event, "target")
        report.source.add(gold_sources, sources | (targets & both))
        report.target.add(gold_targets, targets - (both - gold_targets))
        _sectors(report, _gold_actors(record.get("source")), event)
    return report.as_dict()


def evaluate_cameo_examples(path: Path, nlp: Language) -> dict:
    """Root and 3-digit accuracy on the codebook's example sentences."""
    with Path(path).open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r.get("example") and r["example"] != "NULL"]
    root = three = coded = 0
    misses: Counter = Counter()
    for row, analysis in zip(rows, _analyses(nlp, ((r["code"], r["example"], None) for r in rows))):
        gold = row["code"]
        event = _primary(analysis)
        predicted = event.cameo if event is not None else ""
        coded += event is not None
        root += predicted[:2] == gold[:2]
        three += predicted[:3] == gold[:3]
        if predicted[:2] != gold[:2]:
            misses[(gold[:2], predicted[:2] or "none")] += 1
    n = len(rows)
    return {"examples": n, "coded": coded, "root_accuracy": round(root / n, 3), "three_digit_accuracy": round(three / n, 3),
            "root_confusions": [f"{g}→{p}: {k}" for (g, p), k in misses.most_common(12)]}
