"""The trigger data files: every id names its code, every code exists, each file covers its roots.

One file per range of CAMEO roots; the paraphrase tests of each range live in
`test_triggers_<range>.py`.
"""

from __future__ import annotations

import pytest

from sitrep.events import ontology
from sitrep.events.patterns import TRIGGERS_DIR, triggers

# file, its roots, the code lengths every code of those roots must have a pattern for
# (01-05 lets a few 4-digit appeals fall back to their 3-digit parent).
FILES = [
    ("01-05_verbal_cooperation.jsonl", ("01", "02", "03", "04", "05"), (3,)),
    ("06-09_material_cooperation.jsonl", ("06", "07", "08", "09"), (3, 4)),
    ("10-14_verbal_conflict.jsonl", ("10", "11", "12", "13", "14"), (3, 4)),
    ("15-20_material_conflict.jsonl", ("15", "16", "17", "18", "19", "20"), (3, 4)),
]


@pytest.mark.parametrize(("name", "roots", "lengths"), FILES, ids=[f[0] for f in FILES])
def test_trigger_file_ids_name_their_code_within_the_files_roots(name, roots, lengths) -> None:
    for pattern in triggers(TRIGGERS_DIR / name):
        assert pattern.id.startswith(f"trigger.{pattern.cameo}."), pattern.id
        assert pattern.cameo[:2] in roots, pattern.id


@pytest.mark.parametrize(("name", "roots", "lengths"), FILES, ids=[f[0] for f in FILES])
def test_trigger_file_codes_exist_in_ontology(name, roots, lengths) -> None:
    for pattern in triggers(TRIGGERS_DIR / name):
        assert ontology.cameo(pattern.cameo).name, pattern.id


@pytest.mark.parametrize(("name", "roots", "lengths"), FILES, ids=[f[0] for f in FILES])
def test_trigger_file_covers_every_code_of_its_roots(name, roots, lengths) -> None:
    coded = {p.cameo[:n] for p in triggers(TRIGGERS_DIR / name) for n in lengths}
    wanted = {c for c in ontology.all_codes() if c[:2] in roots and len(c) in lengths}
    assert wanted <= coded, sorted(wanted - coded)
