"""Turn a page into blocks in reading order: `segment_text` and `segment_html`."""

# Characters a reader never sees inside words: soft hyphens ("Assis&shy;tance"), zero-width
# spaces and word joiners. They are dropped, not turned into spaces, so "Assis\u00adtance" is
# the word "Assistance" in the body, the title and every feature. (A stray U+FEFF stays for now:
# dropping it cost a ScrapingHub page its body, where the lone-BOM line was what ended a run of
# tag/notice lines that otherwise resumed the article; see the closing note of session 4.)
# No article page has this many blocks; beyond it segmentation stops, so feature
# extraction, classification and assembly (all linear in blocks) stay bounded on huge or
# generated pages, HTML and flattened text alike. The pipeline flags the cut.
MAX_BLOCKS = 20_000

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060"))


def drop_invisible(text: str) -> str:
    """`text` without invisible characters (ASCII text is returned as it is)."""
    return text if text.isascii() else text.translate(_INVISIBLE)
