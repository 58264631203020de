"""Ingest a folder of Analysis JSON files one by one, as a separate process for crash tests.

    python ingest_worker.py DB FOLDER [--pause-in FUNCTION --pause-at N]

Prints `stored NAME` after each article. With --pause-in, the Nth article (counting from 1)
stops inside `sitrep.store.linking.FUNCTION`, within its transaction, after printing
`paused`, so the test can kill the process exactly there.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from sitrep.model import Analysis
from sitrep.store import Store, linking


def pause_in(name: str, at: int) -> None:
    """Make the `at`-th call of linking.<name> announce itself and hang."""
    original, calls = getattr(linking, name), []

    def hanging(*args, **kwargs):
        calls.append(1)
        if len(calls) == at:
            print("paused", flush=True)
            time.sleep(600)
        return original(*args, **kwargs)

    setattr(linking, name, hanging)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--pause-in")
    parser.add_argument("--pause-at", type=int, default=1)
    args = parser.parse_args()
    if args.pause_in:
        pause_in(args.pause_in, args.pause_at)
    with Store.open(args.db) as store:
        for path in sorted(args.folder.glob("*.json")):
            store.add(Analysis.model_validate_json(path.read_text(encoding="utf-8")))
            print(f"stored {path.name}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
