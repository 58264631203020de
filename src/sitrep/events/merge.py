"""One event per happening within an article: later mentions fold into the first.

News text names the same event several times ("the deployment of troops", "troops being
dispatched", "confirmed the deployment"). Mentions merge when they share the CAMEO root and
the same source and target countries, and their dates and places do not contradict each
other, and they move the same kind of thing (two shipments of different weapons stay apart).
The merged event keeps every figure, claim and trigger.
Docs: docs/events.md
"""

from __future__ import annotations

from sitrep.events import ontology
from sitrep.model import EXACT_PLACES

# Words are cheap: the same side rejecting or condemning twice, paragraphs apart, is two acts
# ("Beijing rejected the account" is not "a ruling Beijing has refused to accept").
VERBAL_SENTENCES = 2


def codes(event: dict, role: str) -> frozenset[str]:
    """The actor codes of an event's sources or targets."""
    return frozenset(p["code"] for p in event[role] if p.get("code"))


def _key(event: dict) -> tuple:
    parties = codes(event, "source") | codes(event, "target") if event["reciprocal"] else None
    if parties is not None:
        return event["cameo"][:2], parties
    return event["cameo"][:2], codes(event, "source"), codes(event, "target")


def places_meet(a: dict | None, b: dict | None) -> bool:
    """Whether two event locations can be one place: the same name, or the same town's point
    at town precision (a site the gazetteer lacks has the coordinates of the town that holds
    it, so "the Al-Amal Hospital in Khan Younis" meets "Khan Younis")."""
    if not a or not b or a.get("name") == b.get("name"):
        return True
    exact = a.get("precision") in EXACT_PLACES and b.get("precision") in EXACT_PLACES
    return exact and a.get("lat") is not None and (a.get("lat"), a.get("lon")) == (b.get("lat"), b.get("lon"))


def dates_meet(a: dict | None, b: dict | None) -> bool:
    """Whether two event dates can be the same happening: their day ranges overlap, so "on
    Monday" fits "this week" but not "in February 2022"."""
    if not a or not b or not a.get("start") or not b.get("start"):
        return True
    return a["start"] <= (b.get("end") or b["start"]) and b["start"] <= (a.get("end") or a["start"])


def _same_happening(first: dict, other: dict) -> bool:
    if not (_key(first) == _key(other) or _unattributed_retelling(first, other)) or _told_apart(first, other):
        return False
    if ontology.is_verbal(first["cameo"]) and abs(other["sentence"] - first["sentence"]) > VERBAL_SENTENCES:
        return False
    if set(first["weapons"]) != set(other["weapons"]) and not set(first["weapons"]) & set(other["weapons"]):
        return False
    if not (codes(first, "source") or codes(first, "target")) or _counted_apart(first, other):
        return False
    return dates_meet(first.get("date"), other.get("date")) and places_meet(first.get("location"), other.get("location"))


def _told_apart(first: dict, other: dict) -> bool:
    """Whether the text itself says the two mentions are different acts."""
    return (first["negated"] != other["negated"] or _different_acts(first, other) or _other_victims(first, other)
            or _denied_beside_done(first, other))


def _unattributed_retelling(first: dict, other: dict) -> bool:
    """"Russian aircraft killed 46 Afghan civilians in an attack on a village in Herat": in its
    own sentence, a mention that names no source, and only targets the first has, is the same
    happening told again, not an attack by someone unknown."""
    targets = codes(other, "target")
    return (other["sentence"] == first["sentence"] and not codes(other, "source") and bool(codes(first, "source"))
            and bool(targets) and targets <= codes(first, "target") and other["cameo"][:2] == first["cameo"][:2])


def _denied_beside_done(first: dict, other: dict) -> bool:
    """In one sentence, what a side denies is not what it says it did: "said its forces had
    carried out a strike on military targets and denied hitting civilian buildings". Across
    sentences a denial may be of the act told elsewhere, one happening disputed."""
    denied = (first["modality"] == "denied") != (other["modality"] == "denied")
    return denied and first["sentence"] == other["sentence"]


def _other_victims(first: dict, other: dict) -> bool:
    """Targets no code tells apart are still told apart by their sectors: "denied targeting
    civilians and said its forces had clashed with army units" is two acts."""
    if codes(first, "target") or codes(other, "target"):
        return False
    a, b = ({p["sector"] for p in event["target"] if p.get("sector")} for event in (first, other))
    return bool(a) and bool(b) and not a & b


def _different_acts(first: dict, other: dict) -> bool:
    """Two specific codes of one root name different material acts: an arrest (173) is no
    dispersal of a crowd (175), though both coerce; the root's general code (170, "coerce")
    fits either. Statements and protests (quad classes 1 and 3) are often retold in other
    words ("began a hunger strike to protest"), so they still merge."""
    a, b = first["cameo"][:3], other["cameo"][:3]
    specific = len(a) == len(b) == 3 and a != b and not a.endswith("0") and not b.endswith("0")
    return specific and not ontology.is_verbal(first["cameo"])


def _counted_apart(first: dict, other: dict) -> bool:
    """A later mention with a smaller figure of the same kind on the same word is another
    happening: "detaining 293 people" in the capital, then "police arrested eight people" in a
    port town. A running toll only grows ("at least 20 killed", later "the toll rose to 25"),
    and rival figures from different claimants are one happening disputed."""
    return any(a["kind"] and a["kind"] == b["kind"] and a["claimant"] == b["claimant"]
               and b["value"] is not None and a["value"] is not None and b["value"] < a["value"]
               for a in first["quantities"] for b in other["quantities"])


def fold(into: dict, other: dict, recode: bool = True) -> None:
    """Add a later mention's facts to the first mention; with `recode`, a code refining the
    first one's wins ("an attack", 190, told as "air strikes", 195; but a hunger strike, 142,
    stays one when also told as a protest, 1412)."""
    into["also"].append({"text": other["trigger_text"], "start": other["trigger_start"], "end": other["trigger_end"],
                         "sentence": other["sentence"], "evidence": other["evidence"]})
    if recode and _refines(other["cameo"], into["cameo"]):
        for field in ("cameo", "pattern"):
            into[field] = other[field]
    for field in ("quantities", "weapons", "claims"):
        into[field].extend(x for x in other[field] if x not in into[field])
    for field in ("location", "date"):
        into[field] = into.get(field) or other.get(field)
    if into["modality"] != "asserted" and other["modality"] == "asserted":
        into["modality"] = "asserted"
    into["hedged"] = into["hedged"] or other["hedged"]
    into["confidence"] = max(into["confidence"], other["confidence"])


def _refines(code: str, general: str) -> bool:
    return len(code) > len(general) and code.startswith(general.rstrip("0") or general)


def merge_mentions(events: list[dict]) -> list[dict]:
    """Fold mentions of one happening into its first mention; order of first mentions kept."""
    merged: list[dict] = []
    for event in events:
        first = next((m for m in merged if _same_happening(m, event)), None)
        if first is None:
            merged.append(event)
        else:
            fold(first, event)
    return merged
