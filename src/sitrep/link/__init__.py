"""Cross-article linking: near-duplicate copies, story clusters, and events counted once.

The store runs these steps on every new article, inside the transaction that stores it;
the modules here hold the logic as plain functions over Analysis objects and stored state.
Docs: docs/linking.md
"""

from sitrep.link.model import Claimant, Figure, IngestResult, Mention, MergedEvent

__all__ = ["Claimant", "Figure", "IngestResult", "Mention", "MergedEvent"]
