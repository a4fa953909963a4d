"""Language of an article (and of a paragraph)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=4)
def _identifier(languages: tuple[str, ...]) -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from warta.meta import langid_dfa

    # The vectorised automaton walk gives the same scores as py3langid's own, much faster.
    kind = langid_dfa.DfaIdentifier if langid_dfa.supported() else LanguageIdentifier
    identifier = kind.from_model_file(MODEL_FILE, norm_probs=True)
    if languages:
        identifier.set_languages(list(languages))
    return identifier


def detect_language(text: str, candidates: tuple[str, ...] = ()) -> tuple[str | None, float]:
    """(ISO 639-1 code, confidence) of `text`; (None, 0.0) for text too short to tell."""
    sample = text[:2000]
    if not _has_letters(sample, 20):
        return None, 0.0
    lang, prob = _identifier(candidates).classify(sample)
    return str(lang), float(prob)


def _has_letters(text: str, count: int) -> bool:
    """Whether `text` holds at least `count` letters; a long text is decided by its start."""
    return sum(map(str.isalpha, text[: 4 * count])) >= count or sum(map(str.isalpha, text)) >= count


def paragraph_languages(
    paragraphs: list[str], article_language: str | None, candidates: tuple[str, ...] = ("id", "ms", "en")
) -> list[str | None]:
    """Language of each paragraph; a paragraph too short to tell takes the article's language.

    Restricting to a few candidates (by default Indonesian, Malay and English) is
    what bench/bench_langid.py measured best for short texts with py3langid; the
    article's own language is always a candidate.
    """
    pool = tuple(dict.fromkeys((*candidates, article_language))) if article_language else candidates
    out: list[str | None] = []
    for paragraph in paragraphs:
        lang, _ = detect_language(paragraph, pool)
        out.append(lang or article_language)
    return out
