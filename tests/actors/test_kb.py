"""The actor knowledge base resolves the country, demonym and group names world news uses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.actors import kb


@pytest.fixture(scope="module")
def base() -> kb.KnowledgeBase:
    return kb.build()


@pytest.mark.parametrize(
    ("surface", "code", "kind", "role"),
    [
        ("Bosnia", "BIH", "country", "name"),
        ("Macedonia", "MKD", "country", "name"),
        ("Burma", "MMR", "country", "name"),
        ("Congo", "COD", "country", "name"),
        ("Congo-Brazzaville", "COG", "country", "name"),
        ("Cote d’Ivoire", "CIV", "country", "name"),
        ("Kosovo", "XKX", "country", "name"),
        ("Eswatini", "SWZ", "country", "name"),
        ("Soviet Union", "RUS", "country", "name"),
        ("USSR", "RUS", "country", "name"),
        ("Yugoslavia", "SRB", "country", "name"),
        ("Serbia and Montenegro", "SRB", "country", "name"),
        ("East Germany", "DEU", "country", "name"),
        ("West Germany", "DEU", "country", "name"),
        ("Czechoslovakia", "CZE", "country", "name"),
        ("Zaire", "COD", "country", "name"),
        ("Argentine", "ARG", "country", "demonym"),
        ("Filipino", "PHL", "country", "demonym"),
        ("Soviet", "RUS", "country", "demonym"),
        ("Yugoslav", "SRB", "country", "demonym"),
        ("East German", "DEU", "country", "demonym"),
        ("Azeri", "AZE", "country", "demonym"),
        ("Kosovar", "XKX", "country", "demonym"),
        ("Serbs", "SRB", "group", "people"),
        ("Croats", "HRV", "group", "people"),
        ("Turks", "TUR", "group", "people"),
        ("Poles", "POL", "group", "people"),
        ("Greeks", "GRC", "group", "people"),
        ("Czechs", "CZE", "group", "people"),
        ("Filipinos", "PHL", "group", "people"),
        ("Argentines", "ARG", "group", "people"),
        ("South Koreans", "KOR", "group", "people"),
        ("Soviets", "RUS", "group", "people"),
        ("Bosnian Serbs", "BIH", "group", "name"),
        ("Bosniaks", "BIH", "group", "name"),
        ("Kosovo Albanians", "XKX", "group", "name"),
        ("Yoruba", "NGA", "group", "name"),
        ("Ibo", "NGA", "group", "name"),
        ("Igbo", "NGA", "group", "name"),
        ("Hausa", "NGA", "group", "name"),
        ("Chechen", "RUS", "group", "name"),
        ("Uighurs", "CHN", "group", "name"),
        ("Iraqi Kurds", "IRQ", "group", "name"),
    ],
)
def test_build_resolves_news_surface(base: kb.KnowledgeBase, surface: str, code: str, kind: str, role: str) -> None:
    first = base.lookup(surface)[0]
    assert (first.code, first.kind, first.role) == (code, kind, role)


@pytest.mark.parametrize("surface", ["Kurds", "Hutu", "Tutsi", "Pashtuns", "Korea", "Quatar"])
def test_build_leaves_out_names_without_one_state(base: kb.KnowledgeBase, surface: str) -> None:
    assert base.lookup(surface) == []


@pytest.mark.parametrize(
    ("surface", "home"),
    [("Bosnian Serbs", "BIH"), ("Serbs", "SRB"), ("Tibetans", "CHN")],
)
def test_build_gives_groups_a_home(base: kb.KnowledgeBase, surface: str, home: str) -> None:
    entry = base.lookup(surface)[0]
    assert (entry.home, entry.sector) == (home, "CVL")


@pytest.mark.parametrize("people", [["Ruritanians"], ["Ruritanians", "Ruritanian folk"]])
def test_build_loads_people_field_of_country_rows(tmp_path: Path, people: list[str]) -> None:
    row = {"id": "actor.country.XRU", "code": "XRU", "aliases": ["Ruritania"], "demonyms": ["Ruritanish"],
           "people": people}
    (tmp_path / "countries.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    built = kb.build(tmp_path)
    for surface in people:
        assert [(e.id, e.code, e.role) for e in built.lookup(surface)] == [("actor.people.XRU", "XRU", "people")]
    assert built.lookup("Ruritanishs") == []


def test_build_loads_groups_file(tmp_path: Path) -> None:
    row = {"id": "group.ruritanian_hill_folk", "name": "Hill Ruritanians", "aliases": ["Hill Folk"], "code": "XRU",
           "sector": "CVL", "kind": "group", "country": "XRU"}
    (tmp_path / "groups.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    entry = kb.build(tmp_path).lookup("Hill Folk")[0]
    assert (entry.id, entry.kind, entry.home) == ("group.ruritanian_hill_folk", "group", "XRU")
