"""Geo fixtures: the packaged gazetteer, built once into the user cache directory."""

from __future__ import annotations

import pytest

from sitrep.geo.gazetteer import Gazetteer


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()
