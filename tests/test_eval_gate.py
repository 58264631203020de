"""Quality gate: each benchmark score stays at or above its floor in eval_floors.json.

Needs the gold data in ../shared/bench (skipped without it); CI has it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.eval.tasks import TASKS, flatten

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "bench"
FLOORS = json.loads((Path(__file__).parent / "eval_floors.json").read_text(encoding="utf-8"))
CEILINGS = {"events": {"plover_gsr.events_per_sentence": 1.3}}

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not BENCH.exists(), reason="../shared/bench is absent")]


@pytest.mark.parametrize("task", [t for t in FLOORS if not t.startswith("_")])
def test_scores_stay_above_their_floors(nlp, task: str) -> None:
    spec = TASKS[task]
    scores = flatten(spec.score(nlp, [BENCH / p for p in spec.paths]))
    below = {k: (scores.get(k), floor) for k, floor in FLOORS[task].items() if scores.get(k, 0) < floor}
    above = {k: (scores.get(k), ceiling) for k, ceiling in CEILINGS.get(task, {}).items() if scores.get(k, 0) > ceiling}
    assert not below and not above, {"below floor": below, "above ceiling": above}
