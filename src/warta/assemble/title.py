"""The article's own headline, without the site-name suffix."""

from __future__ import annotations

import re
from collections.abc import Sequence

from warta.assemble.lists import is_date_line
from warta.lexicon import Lexicon, normalise_marker
from warta.model import Block, Label

_WORD = re.compile(r"\w+")
_SITE_SEPARATORS = re.compile(r"\s+[|–—•·»:-]\s+|\s+::\s+|\s*\|\s*")


def strip_site_name(title: str, site: str | None = None) -> str:
    """'Headline | Site' → 'Headline'. Keeps the longest part when no site name is known."""
    parts = [p.strip() for p in _SITE_SEPARATORS.split(title) if p.strip()]
    if len(parts) <= 1:
        return title.strip()
    if site:
        site_key = re.sub(r"\W", "", site.lower())
        kept = [p for p in parts if re.sub(r"\W", "", p.lower()) not in site_key]
        if kept and len(kept) < len(parts):
            parts = kept
            if len(parts) == 1:
                return parts[0]
    best = max(parts, key=lambda p: len(p.split()))
    return best if len(best.split()) >= 3 else title.strip()


def headline_part(title: str) -> str:
    """'Headline – Subtitle | Site' → 'Headline': the part before the first separator, if it is a phrase.

    On HTML pages the `<h1>` and `<title>` already name the article; what
    follows a separator is a site name or a tagline, rarely the headline.
    """
    parts = [p.strip() for p in _SITE_SEPARATORS.split(title) if p.strip()]
    if parts and len(parts[0].split()) >= 2:
        return parts[0]
    return title.strip()


def _headline_block(blocks: Sequence[Block], hint: str | None) -> int | None:
    """The HTML heading that names the article: the first `<h1>`, unless it shares no
    words with the metadata title while a lower heading does (blogs put the site name in <h1>)."""
    headings = [
        i
        for i, block in enumerate(blocks)
        if 1 <= block.structure.heading_level <= 3 and 2 <= len(block.text.split()) <= 30
    ]
    h1 = next((i for i in headings if blocks[i].structure.heading_level == 1), None)
    if not hint:
        return h1
    ref = _tokens(hint)

    def overlap(i: int) -> float:
        tokens = _tokens(blocks[i].text)
        return len(tokens & ref) / len(tokens | ref) if tokens and ref else 0.0

    if h1 is not None and overlap(h1) >= 0.2:
        return h1
    best = max(headings, key=overlap, default=None)
    if best is not None and overlap(best) >= 0.5:
        return best
    return h1


def _tokens(text: str) -> set[str]:
    return {t.lower() for t in _WORD.findall(text)}


def _mostly_menu_words(norm: str, lexicon: Lexicon) -> bool:
    """'facebook twitter whatsapp salin link': a row of buttons or menu entries."""
    words = norm.split()
    menu = sum(w in lexicon.share_line or w in lexicon.nav_line for w in words)
    return menu * 2 >= len(words)


def _headline_shape(text: str) -> float:
    """How much a line looks like a headline: capitalised, 4–20 words, no closing full stop."""
    words = text.split()
    score = 0.0
    if 4 <= len(words) <= 20:
        score += 0.3
    if text[0].isupper() or text[0].isdigit():
        score += 0.1
    if not text.endswith((".", ",", ";")):
        score += 0.1
    return score


def choose_title(
    blocks: Sequence[Block],
    labels: Sequence[Label],
    lexicon: Lexicon,
    hint: str | None = None,
) -> tuple[str | None, int | None]:
    """Pick the headline block before the body; `hint` is a metadata title (HTML <title>, og:title).

    For flattened text the first line is usually the page's `<title>`, so it
    plays the hint's role when no metadata exists. A very short first line is
    a site name, not a title, and gives no evidence.
    """
    if not blocks:
        return None, None
    h1 = _headline_block(blocks, hint)
    if h1 is not None:  # the page's own heading outranks any section a lexicon header opened
        return headline_part(blocks[h1].text), h1
    body = [i for i, lab in enumerate(labels) if lab is Label.BODY]
    start = body[0] if body else len(blocks)
    first_is_text = labels[0] in (Label.OTHER, Label.BODY, Label.TITLE)
    reference = hint or (blocks[0].text if first_is_text else "")
    stripped_reference = strip_site_name(reference)
    ref_tokens = _tokens(stripped_reference) if len(stripped_reference.split()) >= 4 else set()
    best: tuple[float, int] | None = None
    rank = 0  # eligible candidates seen between this one and the body start
    for i in range(min(start, len(blocks) - 1), max(-1, start - 41), -1):
        block = blocks[i]
        text = block.text
        n_words = len(text.split())
        if labels[i] not in (Label.OTHER, Label.BODY, Label.TITLE) or not 2 <= n_words <= 30:
            continue
        at_body = i == start and labels[i] is Label.BODY and not block.structure.heading_level
        if at_body and (text.endswith((".", "!", "?")) or n_words > 20):
            continue
        norm = normalise_marker(text)
        if (
            text.endswith(("-", "–", "—"))  # a dateline on its own line: "Jakarta, CNN Indonesia --"
            or is_date_line(text, lexicon)
            or lexicon.contains_any(norm, lexicon.caption_prefix)
            or _mostly_menu_words(norm, lexicon)
        ):
            continue
        tokens = _tokens(text)
        overlap = len(tokens & ref_tokens) / len(tokens | ref_tokens) if tokens and ref_tokens else 0.0
        score = 2.0 * overlap + 1.0 / (1 + rank) + _headline_shape(text)
        rank += 1
        if block.structure.heading_level == 1:
            score += 1.5
        elif block.structure.heading_level:
            score += 0.3
        if i == 0 and hint is None:
            score += 0.1
        if best is None or score > best[0]:
            best = (score, i)
    if best is None or (best[0] < 1.2 and ref_tokens):
        if not reference:
            return None, None
        return stripped_reference, (0 if hint is None else None)
    index = best[1]
    return strip_site_name(blocks[index].text), index
