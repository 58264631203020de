"""Throughput of `sitrep analyze` against raw `nlp.pipe` with the same model on the same texts.

Each side runs in its own process (so peak memory is its own), loads its pipeline before the
clock starts, and reports articles/s, words/s and peak RSS. The figure that matters is the
ratio sitrep / raw; the target is >= 0.7.

    python bench/throughput.py [--corpus DIR] [--articles N] [--batch-size N]

The corpus is every *.txt under DIR (default: ../shared/bench/quotes/polnear-dev/text when
present, else examples/), repeated until N articles.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "bench" / "quotes" / "polnear-dev" / "text"


def corpus(folder: Path, articles: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.rglob("*.txt"))]
    if not texts:
        sys.exit(f"no .txt files under {folder}")
    return [texts[k % len(texts)] for k in range(articles)]


def run_raw(texts: list[str], batch_size: int) -> None:
    from sitrep.nlp.pipeline import load_model

    nlp = load_model()
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    report(start, texts)


def run_sitrep(texts: list[str], batch_size: int) -> None:
    from sitrep.batch.local import run
    from sitrep.intake.core import read_article
    from sitrep.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    start = time.perf_counter()
    items = ((f"#{k}", read_article(text, name=f"#{k}", published="2024-10-24", fmt="text"))
             for k, text in enumerate(texts))
    for result in run(nlp, items, batch_size=batch_size):
        if isinstance(result.outcome, Exception):
            raise result.outcome
        result.outcome.model_dump_json()
    report(start, texts)


def report(start: float, texts: list[str]) -> None:
    elapsed = time.perf_counter() - start
    words = sum(len(t.split()) for t in texts)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": elapsed, "articles": len(texts), "words": words, "peak_mb": peak_mb}))


def measure(mode: str, args: argparse.Namespace) -> dict:
    command = [sys.executable, __file__, "--mode", mode, "--corpus", str(args.corpus),
               "--articles", str(args.articles), "--batch-size", str(args.batch_size)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS if DEFAULT_CORPUS.exists() else ROOT / "examples")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3, help="raw/sitrep pairs to run (default 3)")
    parser.add_argument("--mode", choices=["raw", "sitrep"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode:
        texts = corpus(args.corpus, args.articles)
        (run_raw if args.mode == "raw" else run_sitrep)(texts, args.batch_size)
        return
    rounds = [(measure("raw", args), measure("sitrep", args)) for _ in range(args.rounds)]
    raw = rounds[0][0]
    print(f"corpus: {args.corpus} ({raw['articles']} articles, {raw['words']:,} words), {args.rounds} rounds")
    print(f"{'round':6} {'side':7} {'articles/s':>11} {'words/s':>10} {'peak MB':>8} {'ratio':>6}")
    for number, (raw, ours) in enumerate(rounds, start=1):
        for name, row in (("raw", raw), ("sitrep", ours)):
            ratio = f"{raw['seconds'] / ours['seconds']:6.2f}" if name == "sitrep" else ""
            print(f"{number:<6} {name:7} {row['articles'] / row['seconds']:11.1f} "
                  f"{row['words'] / row['seconds']:10.0f} {row['peak_mb']:8.0f} {ratio:>6}")
    ratios = sorted(raw["seconds"] / ours["seconds"] for raw, ours in rounds)
    print(f"ratio sitrep/raw throughput: median {statistics.median(ratios):.2f} "
          f"(min {ratios[0]:.2f}, max {ratios[-1]:.2f}; target >= 0.70)")

if __name__ == "__main__":
    main()
