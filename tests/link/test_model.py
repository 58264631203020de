from __future__ import annotations

import pytest
from pydantic import BaseModel, ValidationError

from sitrep.link import model
from sitrep.model import Event

MODELS = [model.Mention, model.Claimant, model.Figure, model.MergedEvent, model.IngestResult]


@pytest.mark.parametrize("cls", MODELS)
def test_model_every_field_is_described(cls: type[BaseModel]) -> None:
    assert [name for name, field in cls.model_fields.items() if not field.description] == []


def test_model_merged_event_keeps_every_event_field() -> None:
    assert set(Event.model_fields) <= set(model.MergedEvent.model_fields)
    added = set(model.MergedEvent.model_fields) - set(Event.model_fields)
    assert {"mentions", "n_articles", "n_publishers", "n_claimants", "figures", "first_reported"} <= added


@pytest.mark.parametrize("cls", MODELS)
def test_model_rejects_unknown_fields(cls: type[BaseModel]) -> None:
    with pytest.raises(ValidationError):
        cls.model_validate({"unexpected": 1})
