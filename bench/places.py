"""Every place the pipeline finds in texts GeoWebNews does not cover, as TSV, for reading.

GeoWebNews is local news; the false places of political and war news (a senator's family
name taken for a town, "in Congress" for Congress, Arizona) are rare there. This script runs
the full pipeline over the development texts of the other tasks (PLOVER sentences, the
extraction articles' bodies, the PolNeAR dev articles) and writes one line per place: text
id, character offset, surface, resolved name, coordinates, feature, reason, NER labels and
context. Diff the output of two versions to see what a change adds and removes.

    python bench/places.py [--bench ../shared/bench] [--out places.tsv]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

from rich.progress import track

from sitrep.nlp.extensions import PLACES
from sitrep.nlp.pipeline import load_pipeline

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = ROOT.parent / "shared" / "bench"
CONTEXT_CHARS = 70


def texts(bench: Path) -> Iterator[tuple[str, str]]:
    """(id, text) for each development text of the events, extraction and quotes tasks."""
    for record in json.loads((bench / "events/PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8")):
        if record.get("eventText"):
            yield f"plover:{record['id']}", record["eventText"]
    for key, article in json.loads((bench / "extract/articles.json").read_text(encoding="utf-8")).items():
        if article.get("articleBody"):
            yield f"extract:{key}", article["articleBody"]
    for path in sorted((bench / "quotes/polnear-dev/text").iterdir()):
        yield f"polnear:{path.name}", path.read_text(encoding="utf-8")


def _flat(text: str) -> str:
    return text.replace("\n", " ").replace("\t", " ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--out", type=Path, default=Path("places.tsv"))
    args = parser.parse_args()
    nlp = load_pipeline()
    items = list(texts(args.bench))
    docs = nlp.pipe((text for _, text in items), batch_size=16)
    with args.out.open("w", encoding="utf-8") as out:
        for (key, _), doc in track(zip(items, docs), total=len(items), description="texts"):
            for span in doc.spans[PLACES]:
                place = span._.sitrep_place
                labels = "/".join(sorted({e.label_ for e in doc.ents if e.start < span.end and span.start < e.end})) or "-"
                context = _flat(doc.text[max(0, span.start_char - CONTEXT_CHARS) : span.end_char + CONTEXT_CHARS])
                row = (key, span.start_char, span.text, place["name"], place["lat"], place["lon"], place["feature"],
                       place["reason"], labels, context)
                out.write("\t".join(_flat(str(value)) for value in row) + "\n")
    print(f"{args.out}: places in {len(items)} texts")


if __name__ == "__main__":
    main()
