"""Turn a page into blocks in reading order: `segment_text` and `segment_html`."""

# Characters a reader never sees: soft hyphens ("Assis&shy;tance"), zero-width spaces,
# word joiners and stray byte-order marks. They are dropped, not turned into spaces, so
# "Assis\u00adtance" is the word "Assistance" in the body, the title and every feature.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))


def drop_invisible(text: str) -> str:
    """`text` without invisible characters (ASCII text is returned as it is)."""
    return text if text.isascii() else text.translate(_INVISIBLE)
