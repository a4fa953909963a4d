"""Metadata: dates, bylines, language, page metadata."""
