"""Figures in news text: how many, how exact, what is counted, what happened to it.

`tagger.QuantityTagger` is the spaCy component (factory `sitrep_quantities`);
`numbers.parse_number` / `numbers.parse_vague` read amounts from plain words.
Docs: docs/quantities.md
"""
