"""Scoring extracted text against gold text.

`sh_scores` is the ScrapingHub article-extraction metric as its benchmark
describes it: `\\w+` tokens (case kept), overlapping 4-token shingles compared
as multisets per page; precision averaged over pages that predicted
something, recall over pages that have gold, F1 of the two means.
`bow_scores` is the lowercase word-bag P/R/F1 used by WCXB, averaged per page.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _WORD.findall(text)
    if len(tokens) < size:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(zip(*(tokens[i:] for i in range(size)), strict=False))


@dataclass(frozen=True, slots=True)
class PageScore:
    precision: float | None  # None where nothing was predicted (and gold exists)
    recall: float | None  # None where gold is empty (and something was predicted)
    exact: bool


def sh_page(predicted: str, gold: str) -> PageScore:
    pred, ref = shingles(predicted), shingles(gold)
    tp = sum((pred & ref).values())
    n_pred, n_ref = sum(pred.values()), sum(ref.values())
    exact = _WORD.findall(predicted) == _WORD.findall(gold)
    if n_pred == n_ref == tp:  # both empty, or identical
        return PageScore(1.0, 1.0, exact)
    return PageScore(
        tp / n_pred if n_pred else None,
        tp / n_ref if n_ref else None,
        exact,
    )


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float
    f1: float
    exact: float
    pages: int

    def as_dict(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "exact": round(self.exact, 4),
            "pages": self.pages,
        }


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def sh_scores(pairs: Iterable[tuple[str, str]]) -> Scores:
    """ScrapingHub scores over (predicted, gold) pairs."""
    pages = [sh_page(p, g) for p, g in pairs]
    precision = _mean([s.precision for s in pages if s.precision is not None])
    recall = _mean([s.recall for s in pages if s.recall is not None])
    return Scores(precision, recall, _f1(precision, recall), _mean([s.exact for s in pages]), len(pages))


def bow_page(predicted: str, gold: str) -> tuple[float, float, float]:
    pred = Counter(w.lower() for w in _WORD.findall(predicted))
    ref = Counter(w.lower() for w in _WORD.findall(gold))
    if not pred and not ref:
        return 1.0, 1.0, 1.0
    tp = sum((pred & ref).values())
    p = tp / sum(pred.values()) if pred else 0.0
    r = tp / sum(ref.values()) if ref else 0.0
    return p, r, _f1(p, r)


def bow_scores(pairs: Iterable[tuple[str, str]]) -> Scores:
    """WCXB-style word-bag scores (lowercase `\\w+`), P, R and F1 averaged per page."""
    pages = [bow_page(p, g) for p, g in pairs]
    return Scores(
        _mean([s[0] for s in pages]),
        _mean([s[1] for s in pages]),
        _mean([s[2] for s in pages]),
        0.0,
        len(pages),
    )
