"""Build the Article from labelled blocks."""
