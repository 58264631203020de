"""Score the time tagger on TempEval-3 TimeML files (`*.tml`).

Each file's TEXT element, with its tags removed, is the raw text; its TIMEX3 elements are the
gold spans (offsets into that raw text) with `type` and `value`; the DCT's TIMEX3 gives the
publication date. A gold expression is *found* when a predicted span overlaps it and carries
the same value (value P/R/F1, the usual TempEval measure); strict-span F1 asks for identical
offsets, relaxed-span F1 for any overlap, and type accuracy is taken over overlapping pairs.

Run: `python -m sitrep.timex.evaluate FOLDER` (bare spaCy model plus this tagger; JSON out).
Docs: docs/time.md
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.nlp.extensions import TIMES
from sitrep.timex.tagger import TimeTagger


@dataclass(frozen=True)
class Timex:
    """One time expression, gold or predicted, by character offsets."""

    start: int
    end: int
    text: str
    type: str | None
    value: str | None


@dataclass(frozen=True)
class TimeMLDoc:
    """A TimeML document reduced to what scoring needs."""

    name: str
    text: str
    published: str | None
    timexes: list[Timex]


def read_timeml(path: Path) -> TimeMLDoc:
    """Read one .tml file: raw text (tags stripped), gold TIMEX3 spans and the creation date."""
    root = ET.parse(path).getroot()
    dct = next((t for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"), None)
    text_elem = root.find("TEXT")
    if text_elem is None:
        return TimeMLDoc(path.stem, "", None, [])
    parts: list[str] = []
    timexes: list[Timex] = []
    _flatten(text_elem, parts, timexes)
    return TimeMLDoc(path.stem, "".join(parts), dct.get("value") if dct is not None else None, timexes)


def _flatten(elem: ET.Element, parts: list[str], timexes: list[Timex]) -> None:
    """Append the element's text to `parts`, recording where each TIMEX3 starts and ends."""
    if elem.text:
        parts.append(elem.text)
    for child in elem:
        start = sum(map(len, parts))
        _flatten(child, parts, timexes)
        if child.tag == "TIMEX3":
            end = sum(map(len, parts))
            covered = "".join(parts)[start:end]
            timexes.append(Timex(start, end, covered, child.get("type"), child.get("value")))
        if child.tail:
            parts.append(child.tail)


def predict(nlp: Language, text: str, published: str | None, tagger: TimeTagger | None = None) -> list[Timex]:
    """Run the pipeline, then `tagger` when given (for a pipeline without `sitrep_times`)."""
    doc: Doc = nlp.make_doc(text)
    doc._.sitrep_published = published
    for _, component in nlp.pipeline:
        doc = component(doc)
    if tagger is not None:
        doc = tagger(doc)
    return [
        Timex(s.start_char, s.end_char, s.text, s._.sitrep_time["type"], s._.sitrep_time["value"])
        for s in doc.spans[TIMES]
    ]


def evaluate_tempeval(folder: Path, nlp: Language) -> dict:
    """Score the time tagger on every `*.tml` file in `folder`.

    Args:
        folder: A folder of TimeML files with a CREATION_TIME TIMEX3 each.
        nlp: A spaCy pipeline; when it has no `sitrep_times` component, one is run after it.

    Returns:
        Counts, value/relaxed/strict precision-recall-F1, type accuracy, and the misses
        (gold expressions not found with their value) and false alarms, for reading.

    Docs: docs/time.md
    """
    counts = {"gold": 0, "predicted": 0, "value_found": 0, "value_correct": 0, "overlap_found": 0,
              "overlap_correct": 0, "strict": 0, "typed": 0, "type_equal": 0}
    misses: list[dict] = []
    false_alarms: list[dict] = []
    files = sorted(Path(folder).glob("*.tml"))
    tagger = None if TIMES in nlp.pipe_names else TimeTagger(nlp, TIMES)
    for path in files:
        gold_doc = read_timeml(path)
        predicted = predict(nlp, gold_doc.text, gold_doc.published, tagger)
        score_document(gold_doc, predicted, counts, misses, false_alarms)
    return {
        "documents": len(files),
        **counts,
        "value": _prf(counts["value_correct"], counts["predicted"], counts["value_found"], counts["gold"]),
        "relaxed_span": _prf(counts["overlap_correct"], counts["predicted"], counts["overlap_found"], counts["gold"]),
        "strict_span": _prf(counts["strict"], counts["predicted"], counts["strict"], counts["gold"]),
        "type_accuracy": round(counts["type_equal"] / counts["typed"], 4) if counts["typed"] else 0.0,
        "misses": misses,
        "false_alarms": false_alarms,
    }


def score_document(gold_doc: TimeMLDoc, predicted: list[Timex], counts: dict,
                   misses: list[dict], false_alarms: list[dict]) -> None:
    """Add one document's matches to `counts` and note its misses and false alarms."""
    counts["gold"] += len(gold_doc.timexes)
    counts["predicted"] += len(predicted)
    for gold in gold_doc.timexes:
        overlapping = [p for p in predicted if _overlap(gold, p)]
        counts["overlap_found"] += bool(overlapping)
        counts["value_found"] += any(p.value == gold.value for p in overlapping)
        counts["strict"] += any((p.start, p.end) == (gold.start, gold.end) for p in overlapping)
        if overlapping:
            counts["typed"] += 1
            counts["type_equal"] += overlapping[0].type == gold.type
        if not any(p.value == gold.value for p in overlapping):
            misses.append({"doc": gold_doc.name, "text": gold.text, "value": gold.value,
                           "predicted": [(p.text, p.value) for p in overlapping]})
    for p in predicted:
        overlapping = [g for g in gold_doc.timexes if _overlap(g, p)]
        counts["overlap_correct"] += bool(overlapping)
        counts["value_correct"] += any(g.value == p.value for g in overlapping)
        if not overlapping:
            false_alarms.append({"doc": gold_doc.name, "text": p.text, "value": p.value})


def _overlap(a: Timex, b: Timex) -> bool:
    return a.start < b.end and b.start < a.end


def _prf(correct: int, predicted: int, found: int, gold: int) -> dict[str, float]:
    precision = correct / predicted if predicted else 0.0
    recall = found / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def main(argv: list[str] | None = None) -> int:
    """Print the scores for the folder given on the command line, as JSON."""
    from sitrep.nlp.pipeline import load_pipeline

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m sitrep.timex.evaluate FOLDER", file=sys.stderr)
        return 2
    print(json.dumps(evaluate_tempeval(Path(args[0]), load_pipeline()), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
