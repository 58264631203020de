"""Near-duplicate detection against the NLP stage, on the same generated articles.

Generates N news-like articles from a vocabulary, a share of them lightly edited copies of
earlier ones (a few words changed, a credit line added, sometimes the first sentence dropped),
then times sitrep's dedup step on all of them (MinHash signature, LSH query, insert: what
`Store.ingest` does per article) and the sitrep NLP pipeline (`nlp.pipe`) on a sample,
extrapolated per article. Prints both, their ratio (target < 0.10) and the copies found.

    python bench/dedup.py [--articles 10000] [--copies 0.2] [--sample 200] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import time

from sitrep.link import dedup

VOCABULARY = """
army troops soldiers brigade battalion officers commander general minister ministry government president
parliament opposition protesters police border frontier region province city town village capital port
airport bridge railway road convoy truck tank artillery missile drone rocket shell strike attack offensive
defence ceasefire truce talks negotiations agreement treaty sanctions embargo aid shipment delivery weapons
ammunition fuel food medicine hospital school market factory plant power grid water refugees civilians
families children casualties dead wounded injured missing prisoners hostages exchange release statement
spokesman envoy ambassador embassy delegation summit meeting council security alliance partners allies
neighbours rebels militia fighters insurgents forces units positions lines front trenches villages hills
river valley coast island north south east west central eastern western northern southern overnight dawn
morning evening week month year days hours earlier later recent latest new fresh heavy light major minor
large small several dozens hundreds thousands many few some most first second third last next previous
said told announced confirmed denied accused warned urged called demanded rejected welcomed condemned
promised pledged agreed signed met visited sent deployed moved launched fired shelled struck hit destroyed
damaged killed wounded captured seized reached entered left crossed withdrew retreated advanced held kept
according officials sources analysts experts observers residents witnesses journalists reporters monitors
the a an of to in on at for with from by about after before during between against into over under
and but or while as because although since until if when where which who that this these those its their
""".split()
CREDITS = ["Reporting by the wire desk.", "Additional reporting by staff.", "This story was supplied by a news agency.",
           "Editing by the foreign desk."]


def sentence(rng: random.Random) -> str:
    words = [rng.choice(VOCABULARY) for _ in range(rng.randint(14, 26))]
    return " ".join(words).capitalize() + "."


def article(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(14, 20)))


def light_edit(rng: random.Random, text: str) -> str:
    """A syndicated copy: a few words swapped, a credit line, sometimes the first sentence cut."""
    words = text.split()
    for _ in range(rng.randint(1, 5)):
        words[rng.randrange(len(words))] = rng.choice(VOCABULARY)
    edited = " ".join(words)
    if rng.random() < 0.3:
        edited = edited.split(". ", 1)[1]
    return f"{edited} {rng.choice(CREDITS)}"


def generate(n: int, copies: float, seed: int) -> tuple[list[str], list[int | None]]:
    """The texts, and for each the index of the original it copies (None for originals)."""
    rng = random.Random(seed)
    texts: list[str] = []
    origin: list[int | None] = []
    for _ in range(n):
        if texts and rng.random() < copies:
            source = rng.randrange(len(texts))
            root = origin[source] if origin[source] is not None else source
            texts.append(light_edit(rng, texts[root]))
            origin.append(root)
        else:
            texts.append(article(rng))
            origin.append(None)
    return texts, origin


def time_dedup(texts: list[str]) -> tuple[float, list[str | None]]:
    """Seconds to sign, query and index every text in order; and the canonical found for each."""
    index = dedup.DedupIndex()
    found: list[str | None] = []
    start = time.perf_counter()
    for seq, text in enumerate(texts, start=1):
        minhash = dedup.signature(text)
        match = index.find(minhash)
        index.add(str(seq - 1), seq, minhash, match.canonical if match else None)
        found.append(match.canonical if match else None)
    return time.perf_counter() - start, found


def time_nlp(texts: list[str], batch_size: int) -> float:
    """Seconds for the sitrep pipeline over `texts` (model loaded before the clock starts)."""
    from sitrep.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    docs = []
    for text in texts:
        doc = nlp.make_doc(text)
        doc._.sitrep_published = "2024-10-24"
        docs.append(doc)
    start = time.perf_counter()
    for _ in nlp.pipe(docs, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def quality(origin: list[int | None], found: list[str | None]) -> tuple[int, int, int]:
    """(copies, copies linked to their original, originals wrongly linked)."""
    copies = sum(o is not None for o in origin)
    hits = sum(o is not None and f == str(o) for o, f in zip(origin, found))
    false = sum(o is None and f is not None for o, f in zip(origin, found))
    return copies, hits, false


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--copies", type=float, default=0.2, help="share of articles that copy an earlier one")
    parser.add_argument("--sample", type=int, default=200, help="articles timed through the NLP pipeline")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    texts, origin = generate(args.articles, args.copies, args.seed)
    words = sum(len(t.split()) for t in texts)
    dedup_seconds, found = time_dedup(texts)
    sample = texts[:: max(1, len(texts) // args.sample)][: args.sample]
    nlp_per_article = time_nlp(sample, args.batch_size) / len(sample)
    nlp_seconds = nlp_per_article * len(texts)
    copies, hits, false = quality(origin, found)
    print(f"articles: {len(texts):,} ({words / len(texts):.0f} words each), copies: {copies:,}")
    print(f"dedup: {dedup_seconds:.1f} s ({dedup_seconds / len(texts) * 1000:.2f} ms/article)")
    print(f"nlp:   {nlp_seconds:.1f} s extrapolated ({nlp_per_article * 1000:.1f} ms/article over {len(sample)})")
    print(f"ratio dedup/nlp: {dedup_seconds / nlp_seconds:.4f} (target < 0.10)")
    print(f"copies linked to their original: {hits:,}/{copies:,}; originals wrongly linked: {false:,}")


if __name__ == "__main__":
    main()
