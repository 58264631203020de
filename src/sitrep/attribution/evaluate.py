"""Score quotes and claims against PolNeAR-style attribution gold (BRAT standoff).

A gold attribution is an `E` line tying a Source, a Cue and one or more Content spans. A
predicted attribution is everything sitrep ties to one cue: its claim and its quotes, with
their speakers and contents. A prediction matches a gold attribution when its speaker
overlaps the gold source and its content overlaps the gold content; matching is one-to-one.
Run `python -m sitrep.attribution.evaluate FOLDER`. Docs: docs/attribution.md
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.attribution.tagger import QuoteTagger
from sitrep.nlp.extensions import QUOTES
from sitrep.nlp.pipeline import load_pipeline

Ranges = list[tuple[int, int]]


@dataclass
class Attribution:
    """Source, cue and content of one attribution, each as character ranges."""

    source: Ranges
    cue: Ranges
    content: Ranges = field(default_factory=list)


def read_brat(path: Path) -> list[Attribution]:
    """Attributions with a source from one `.ann` file; source-less ones are left out."""
    spans: dict[str, Ranges] = {}
    relations: list[dict[str, list[str]]] = []
    for line in path.read_text(encoding="utf8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            offsets = fields[1].split(" ", 1)[1]
            spans[fields[0]] = [(int(a), int(b)) for a, b in (part.split() for part in offsets.split(";"))]
        elif line.startswith("E") and len(fields) >= 2:
            roles: dict[str, list[str]] = {}
            for argument in fields[1].split():
                role, tid = argument.split(":", 1)
                roles.setdefault(role.rstrip("0123456789"), []).append(tid)
            relations.append(roles)
    return [_gold(roles, spans) for roles in relations if roles.get("Source") and roles.get("Content")]


def _gold(roles: dict[str, list[str]], spans: dict[str, Ranges]) -> Attribution:
    def ranges(role: str) -> Ranges:
        return [r for tid in roles.get(role, []) for r in spans.get(tid, [])]

    return Attribution(ranges("Source"), ranges("Cue"), ranges("Content"))


def predicted(doc: Doc) -> list[Attribution]:
    """One attribution per cue: claim and quotes merged; speaker-less ones are left out, and so
    are claims reported inside another speaker's words (PolNeAR marks first-hand attributions
    only: no gold cue lies inside another gold attribution's content).

    A speaker resolved from a pronoun or relative pronoun counts at both places, the local
    mention (which gold sources usually mark) and the named antecedent.
    """
    by_cue: dict[int, Attribution] = {}
    for claim in doc._.sitrep_claims or []:
        if claim.get("via") is not None:
            continue
        item = by_cue.setdefault(claim["cue_start"], Attribution([], [(claim["cue_start"], claim["cue_end"])]))
        for person in claim["claimants"]:
            item.source.extend(_mentions(person, "start", "end"))
        item.content.append((claim["content_start"], claim["content_end"]))
    for span in doc.spans.get(QUOTES, []):
        facts = span._.sitrep_quote
        if facts["cue_start"] is None or facts.get("via") is not None:
            continue
        item = by_cue.setdefault(facts["cue_start"], Attribution([], [(facts["cue_start"], facts["cue_end"])]))
        if facts["speaker_start"] is not None:
            item.source.extend(_mentions(facts, "speaker_start", "speaker_end"))
        item.content.append((span.start_char, span.end_char))
    return [item for _, item in sorted(by_cue.items()) if item.source and item.content]


def _mentions(facts: dict[str, Any], start: str, end: str) -> Ranges:
    found = [(facts[start], facts[end])]
    if facts.get("mention_start") is not None:
        found.append((facts["mention_start"], facts["mention_end"]))
    return found


def _overlap(a: Ranges, b: Ranges) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def match(gold: list[Attribution], pred: list[Attribution], *, speaker: bool = True) -> int:
    """Count one-to-one matches, preferring a gold attribution whose cue overlaps too."""
    free = list(range(len(gold)))
    matched = 0
    for item in pred:
        fits = [g for g in free if _overlap(item.content, gold[g].content)
                and (not speaker or _overlap(item.source, gold[g].source))]
        if fits:
            best = next((g for g in fits if _overlap(item.cue, gold[g].cue)), fits[0])
            free.remove(best)
            matched += 1
    return matched


def _scores(matched: int, n_gold: int, n_pred: int) -> dict[str, float]:
    precision = matched / n_pred if n_pred else 0.0
    recall = matched / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def gold_files(folder: Path) -> list[tuple[Path, Path]]:
    """(text, annotation) pairs; where several annotators did a text, the first file is used."""
    pairs: list[tuple[Path, Path]] = []
    for text in sorted((folder / "text").glob("*.txt")):
        annotations = sorted((folder / "attributions").glob(f"{text.stem}_*.ann"))
        if annotations:
            pairs.append((text, annotations[0]))
    return pairs


def evaluate_polnear(folder: Path, nlp: Language) -> dict[str, Any]:
    """Precision, recall and F1 of attributions whose speaker and content both overlap gold.

    Args:
        folder: A PolNeAR split with `text/*.txt` and `attributions/*.ann`.
        nlp: A spaCy pipeline; a QuoteTagger is applied after it unless it already has one.

    Returns:
        Counts and scores: `precision`, `recall`, `f1`, plus `content_only` scores that ignore
        the speaker, the number of documents and the seconds it took.

    Docs: docs/attribution.md
    """
    began = time.perf_counter()
    pairs = gold_files(Path(folder))
    tagger = _tagger(nlp)
    texts = (text.read_text(encoding="utf8") for text, _ in pairs)
    n_gold = n_pred = matched = content_matched = 0
    for doc, (_, annotation) in zip(nlp.pipe(texts), pairs, strict=True):
        if tagger is not None:
            doc = tagger(doc)
        gold, pred = read_brat(annotation), predicted(doc)
        n_gold, n_pred = n_gold + len(gold), n_pred + len(pred)
        matched += match(gold, pred)
        content_matched += match(gold, pred, speaker=False)
    return {
        "documents": len(pairs), "gold": n_gold, "predicted": n_pred, "matched": matched,
        **_scores(matched, n_gold, n_pred),
        "content_only": _scores(content_matched, n_gold, n_pred),
        "seconds": round(time.perf_counter() - began, 1),
    }


def _tagger(nlp: Language) -> QuoteTagger | None:
    if any(isinstance(component, QuoteTagger) for _, component in nlp.pipeline):
        return None
    return QuoteTagger(nlp, "sitrep_quotes")


def main(argv: Iterable[str] | None = None) -> None:
    """Print the scores for the PolNeAR folder given as the only argument, as JSON."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        raise SystemExit("usage: python -m sitrep.attribution.evaluate POLNEAR_FOLDER")
    print(json.dumps(evaluate_polnear(Path(args[0]), load_pipeline()), indent=2))


if __name__ == "__main__":
    main()
