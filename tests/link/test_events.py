from __future__ import annotations

import pytest

from sitrep.link import events as merging
from sitrep.model import Analysis, Participant

from .conftest import actor, article, claim, day, event, figure, place

PENTAGON = actor("a3", "USA", text="the Pentagon", name="Pentagon", sector="MIL", kind="organization")
KYIV_SPIES = actor("a3", "UKR", text="Ukraine's military intelligence", name="Ukraine", sector="SPY", kind="group")


def _report(hash_: str, *, claimant=PENTAGON, value: float = 10000, published: str = "2024-10-23",
            publisher: str = "Wire", copy_of: str | None = None, **fields: object) -> merging.Report:
    """A PRK -> RUS troop report whose claimant vouches for it and gives its figure."""
    the_event = event(claims=[claim("a3", claimant.text, claimant.code, claimant.sector)],
                      quantities=[figure(value, "a3")], **fields)
    analysis = article(hash_, [the_event], [actor("a1", "PRK"), actor("a2", "RUS"), claimant],
                       publisher=publisher, published=published)
    return merging.Report(analysis, the_event, copy_of)


def _merge(*reports: merging.Report) -> merging.MergedEvent:
    record = merging.start(reports[0])
    for report in reports[1:]:
        assert merging.compatible(record, report)
        record = merging.fold(record, report)
    return record


@pytest.mark.parametrize(
    ("fields", "keys"),
    [
        ({}, ("PRK", "RUS")),
        ({"reciprocal": True}, ("PRK;RUS", "PRK;RUS")),
        ({"source": ("a1", "a3"), "codes": {"a1": "PRK", "a3": "BLR", "a2": "RUS"}}, ("BLR;PRK", "RUS")),
        ({"target": ()}, ("PRK", "")),
    ],
)
def test_party_keys_sort_codes(fields: dict, keys: tuple[str, str]) -> None:
    assert merging.party_keys(event(**fields)) == keys


def test_party_keys_fall_back_to_the_country() -> None:
    the_event = event().model_copy(update={"target": [Participant(actor="a2", country="UKR")]})
    assert merging.party_keys(the_event) == ("PRK", "UKR")


def test_merged_id_is_stable_and_distinct() -> None:
    assert merging.merged_id("abc", "e1") == merging.merged_id("abc", "e1") != merging.merged_id("abc", "e2")


@pytest.mark.parametrize(
    ("first", "second", "fits"),
    [
        ({}, {"published": "2024-10-29"}, True),
        ({}, {"published": "2024-11-01"}, False),
        ({"date": day("2024-10-20")}, {"date": day("2024-10-20")}, True),
        ({"date": day("2024-10-14", "2024-10-20", "week")}, {"date": day("2024-10-16")}, True),
        ({"date": day("2024-10-20")}, {"date": day("2024-10-21")}, False),
        ({"date": day("2024-06-01", "2024-06-30", "month")}, {"date": day("2024-06-12"), "published": "2024-12-01"},
         True),
        ({"location": place("Kursk", "RUS", geonameid=538560)}, {"location": place("Kursk", "RUS", geonameid=538560)},
         True),
        ({"location": place("Kursk", "RUS")}, {"location": place("Belgorod", "RUS")}, False),
        # A hospital the gazetteer lacks has the point of the town that holds it.
        ({"location": place("Al-Amal Hospital", "PSE", point=(31.34, 34.31))},
         {"location": place("Khan Younis", "PSE", geonameid=281124, point=(31.34, 34.31))}, True),
        ({"location": place("Al-Amal Hospital", "PSE", point=(31.34, 34.31))},
         {"location": place("Rafah", "PSE", geonameid=281129, point=(31.30, 34.25))}, False),
        ({"location": place("Russia", "RUS", "country")}, {"location": place("Kursk", "RUS")}, True),
        ({"location": place("Russia", "RUS", "country")}, {"location": place("Ukraine", "UKR", "country")}, False),
        ({"weapons": ["shells"]}, {"weapons": ["missiles"]}, False),
        ({"weapons": ["shells"]}, {"weapons": ["missiles", "shells"]}, True),
    ],
)
def test_compatible_checks_dates_places_and_weapons(first: dict, second: dict, fits: bool) -> None:
    published = second.pop("published", "2024-10-23")
    record = merging.start(_report("h1", **first))
    assert merging.compatible(record, _report("h2", published=published, **second)) is fits


def test_start_qualifies_actor_ids_with_the_article() -> None:
    record = merging.start(_report("h1"))
    assert [p.actor for p in record.source + record.target] == ["h1:a1", "h1:a2"]
    assert record.claims[0].claimant == record.quantities[0].claimant == "h1:a3"
    assert record.id == merging.merged_id("h1", "e1")


def test_fold_counts_articles_outlets_and_claimants_once() -> None:
    record = _merge(_report("h1", publisher="Wire"), _report("h2", publisher="Post"),
                    _report("h3", publisher="Wire", claimant=KYIV_SPIES, value=12000, published="2024-10-24"))
    assert (record.n_articles, record.n_publishers, record.n_claimants) == (3, 2, 2)
    assert record.publishers == ["Wire", "Post"]
    assert [(c.name, c.articles) for c in record.claimants] == [("Pentagon", ["h1", "h2"]),
                                                               ("Ukraine's military intelligence", ["h3"])]
    assert [(f.value, f.claimant, f.article) for f in record.figures] == [
        (10000, "Pentagon", "h1"), (10000, "Pentagon", "h2"), (12000, "Ukraine's military intelligence", "h3")]
    assert (record.first_reported, record.last_reported) == ("2024-10-23", "2024-10-24")


def test_fold_copy_adds_a_mention_but_no_claimant_and_no_repeated_figure() -> None:
    record = _merge(_report("h1"), _report("h2", publisher="Post", copy_of="h1"),
                    _report("h3", publisher="Times", copy_of="h1", claimant=KYIV_SPIES, value=12000))
    assert (record.n_articles, record.n_publishers, record.n_claimants) == (3, 3, 1)
    assert [m.copy_of for m in record.mentions] == [None, "h1", "h1"]
    assert [(f.value, f.article) for f in record.figures] == [(10000, "h1"), (12000, "h3")]
    assert len(record.claims) == 1


def test_fold_takes_the_most_specific_coding_date_and_place() -> None:
    record = _merge(_report("h1", cameo="07", date=day("2024-10-01", "2024-10-31", "month"),
                            location=place("Russia", "RUS", "country")),
                    _report("h2", cameo="072", date=day("2024-10-16"), location=place("Kursk", "RUS")),
                    _report("h3", cameo="07", date=day("2024-10-14", "2024-10-20", "week")))
    assert (record.cameo, record.date.value, record.location.name) == ("072", "2024-10-16", "Kursk")
    assert merging.record_days(record) == ("2024-10-16", "2024-10-16")


def test_fold_leaves_the_given_record_unchanged() -> None:
    record = merging.start(_report("h1"))
    before = record.model_dump()
    merging.fold(record, _report("h2"))
    assert record.model_dump() == before


@pytest.mark.parametrize(
    ("claimant", "key", "name"),
    [
        (PENTAGON, "USA|MIL|pentagon", "Pentagon"),
        (actor("a3", "USA", text="Pentagon", name="Pentagon", sector="MIL", kind="organization"), "USA|MIL|pentagon",
         "Pentagon"),
        (actor("a3", "USA", text="Lloyd Austin", name="Lloyd Austin", sector="MIL", kind="person"),
         "person|lloyd austin", "Lloyd Austin"),
        (actor("a3", None, text="a regional governor", sector="GOV", kind="person"), "person|regional governor",
         "regional governor"),
    ],
)
def test_claimants_identity(claimant, key: str, name: str) -> None:
    (found,) = merging.claimants(_report("h1", claimant=claimant))
    assert (found.key, found.name, found.articles) == (key, name, ["h1"])


def test_claimants_of_a_claim_without_an_actor_use_its_text() -> None:
    the_event = event(claims=[claim(None, "the regional governor", sector="GOV"), claim(None, "")])
    report = merging.Report(article("h1", [the_event]), the_event)
    assert [c.key for c in merging.claimants(report)] == ["|GOV|regional governor"]


def test_summary_keeps_the_lowest_figure_per_kind_and_unit() -> None:
    quantities = [figure(12000), figure(10000), figure(3, unit="brigades"), figure(None)]
    assert [(q.value, q.unit) for q in merging.summary(quantities)] == [(10000, "troops"), (3, "brigades")]


def test_report_reads_article_facts() -> None:
    report = _report("h9", published="2024-10-30")
    assert (report.article, report.published) == ("h9", "2024-10-30")
    assert isinstance(report.analysis, Analysis)
