"""Places: an offline GeoNames-based gazetteer and the `sitrep_places` spaCy component.

`gazetteer.Gazetteer.load()` opens (building on first use) the compiled index;
`tagger.PlaceTagger` finds toponyms and keeps the literal ones; `evaluate.evaluate_gwn`
scores it on GeoWebNews.
Docs: docs/geo.md
"""
