"""Lemmas for past tenses the small model tags as present.

The English rule lemmatizer keeps a word tagged VBP or VB as its own lemma. The tagger gives
those tags to past forms it has rarely seen ("retook", "outfought", "rewrote"), so "retake"
triggers never fire on "retook". The model's own exception table knows these forms: they go
into the attribute ruler, which runs before the lemmatizer and sets the lemma the lemmatizer
then keeps. Docs: docs/pipeline.md
"""

from __future__ import annotations

from spacy.language import Language

_PRESENT_TAGS = ["VBP", "VB"]


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


def add_past_form_lemmas(nlp: Language) -> int:
    """Teach the attribute ruler the lemmas of past forms tagged as present; returns how many."""
    if "attribute_ruler" not in nlp.pipe_names:
        return 0
    forms = past_forms(nlp)
    nlp.get_pipe("attribute_ruler").add_patterns(
        [{"patterns": [[{"LOWER": form, "TAG": {"IN": _PRESENT_TAGS}}]], "attrs": {"LEMMA": lemma}}
         for form, lemma in forms.items()]
    )
    return len(forms)
