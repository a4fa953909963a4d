"""The corpus: an embedded, searchable, deduplicated store of articles."""
