"""Label blocks: features, a learned sequence model, and lexicon rules."""
