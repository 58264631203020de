"""Lemmas for past tenses the small model tags as present.

The English rule lemmatizer keeps a word tagged VBP or VB as its own lemma. The tagger gives
those tags to past forms it has rarely seen ("retook", "outfought", "rewrote"), so "retake"
triggers never fired on "retook". The model's own exception table knows these forms; the
`sitrep_past_lemmas` component, placed after the lemmatizer, looks each such token up in it.
A dictionary lookup per token: the attribute ruler with one pattern per form cost a quarter of
the pipeline's speed. Docs: docs/pipeline.md
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_PRESENT_TAGS = frozenset({"VBP", "VB"})


def past_forms(nlp: Language) -> dict[str, str]:
    """Inflected verb forms of the model's exception table that are not verbs themselves, with
    their lemma: "retook" -> "retake", but not "found" (to found) or "saw" (to saw)."""
    if "lemmatizer" not in nlp.pipe_names:
        return {}
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not (lookups.has_table("lemma_exc") and lookups.has_table("lemma_index")):
        return {}
    exceptions = lookups.get_table("lemma_exc").get("verb", {})
    verbs = set(lookups.get_table("lemma_index").get("verb", []))
    return {form: lemmas[0] for form, lemmas in exceptions.items()
            if lemmas and lemmas[0] != form and form not in verbs and not form.endswith("ing")}


class PastLemmas:
    """Give past forms tagged VBP or VB the lemma of their verb."""

    def __init__(self, nlp: Language, name: str = "sitrep_past_lemmas") -> None:
        self.name = name
        self.forms = past_forms(nlp)

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.tag_ in _PRESENT_TAGS and (lemma := self.forms.get(token.lower_)):
                token.lemma_ = lemma
        return doc
