"""Turn a page into blocks in reading order: `segment_text` and `segment_html`."""
